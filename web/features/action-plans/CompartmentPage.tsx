import { Alert, Anchor, Stack, Tabs, Text } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitiveAccess } from '#shared/sensitive';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../lib/api';
import { InstrumentsPanel } from '../instruments/InstrumentsPanel';
import { participantQuery } from '../participants/queries';
import { AccessBanner } from './AccessBanner';
import { AccessPanel } from './AccessPanel';
import { BreakGlassForm } from './BreakGlassForm';
import { PapPanel } from './PapPanel';
import './messages';
import { LockPictogram } from './Pictograms';
import { sensitiveAccessQuery } from './queries';

const route = getRouteApi('/app/deelnemers/$id/actieplan');

/**
 * /deelnemers/$id/actieplan: the sensitive compartment (PAP, instruments, who has access). It asks first how the
 * reader may open it; without access a coach or admin may break the glass with a reason.
 */
export function CompartmentPage() {
  const { id } = route.useParams();
  const { t } = useTranslation();
  const access = useQuery(sensitiveAccessQuery(id));
  // Only for the name and the way back: someone breaking the glass often cannot read the dossier itself.
  const dossier = useQuery(participantQuery(id));
  const name = dossier.data ? `${dossier.data.firstName} ${dossier.data.lastName}` : null;

  return (
    <Stack gap="md">
      {dossier.data && (
        <Anchor size="sm" renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id }} {...props} />}>
          {t('actionPlans.page.back')}
        </Anchor>
      )}
      <PageTitle>{t('actionPlans.page.title')}</PageTitle>
      {name && <Text fw={700}>{t('actionPlans.page.of', { name })}</Text>}
      <Alert color="blue" variant="light" icon={<LockPictogram />}>
        {t('actionPlans.page.intro')}
      </Alert>
      <Body participantId={id} query={access} />
    </Stack>
  );
}

function Body({ participantId, query }: { participantId: string; query: UseQueryResult<SensitiveAccess> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    // A malformed id is refused by validation; to the reader it is as missing as an unknown one.
    if (status === 404 || status === 400) return <Text>{t('actionPlans.page.notFound')}</Text>;
    if (status === 403) return <Text>{t('actionPlans.page.noAccess')}</Text>;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const access = query.data;
  if (!access.canRead) {
    return access.canBreakGlass ? (
      <BreakGlassForm participantId={participantId} />
    ) : (
      <Text>{t('actionPlans.page.noAccess')}</Text>
    );
  }
  return <Compartment access={access} />;
}

type Tab = 'pap' | 'instruments' | 'access';

function Compartment({ access }: { access: SensitiveAccess }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('pap');
  return (
    <Stack gap="md">
      <AccessBanner access={access} />
      {!access.canWrite && <Text size="sm">{t('actionPlans.page.readOnly')}</Text>}
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'pap')} keepMounted={false}>
        <Tabs.List aria-label={t('actionPlans.page.tabs')}>
          <Tabs.Tab value="pap">{t('actionPlans.page.tabPap')}</Tabs.Tab>
          <Tabs.Tab value="instruments">{t('actionPlans.page.tabInstruments')}</Tabs.Tab>
          <Tabs.Tab value="access">{t('actionPlans.page.tabAccess')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pap" pt="md">
          <PapPanel participantId={access.participantId} canWrite={access.canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="instruments" pt="md">
          <InstrumentsPanel participantId={access.participantId} canWrite={access.canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="md">
          <AccessPanel access={access} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
