import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api, type ParticipantDossier } from '../../lib/api';
import { MyProgress } from '../competency-profile/MyProgress';
import { MyNextFeedback } from '../feedback/MyNextFeedback';
import { useListChoices } from '../lists/queries';
import { Facts } from './Section';
import { ParticipantStatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';

const myDossierQuery = {
  queryKey: ['participants', 'me'],
  queryFn: () => api.participantAccounts.me(),
  // 404: no dossier linked to this login; asking again will not change that.
  retry: false,
} as const;

/** /mijn-dossier: the participant's own summary (GET /participants/me). The full portal comes later. */
export function MyDossierPage() {
  const { t } = useTranslation();
  const query = useQuery(myDossierQuery);

  return (
    <Stack gap="md">
      <PageTitle>{t('myDossier.title')}</PageTitle>
      {query.isPending && <Loading />}
      {query.isError &&
        (query.error instanceof ApiError && query.error.status === 404 ? (
          <Alert color="blue" variant="light">
            {t('myDossier.noDossier')}
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {query.data && <MyDossier dossier={query.data} />}
    </Stack>
  );
}

function MyDossier({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const programmes = useListChoices('programme_type');
  return (
    <>
      <Text>{t('myDossier.intro')}</Text>
      <Card withBorder padding="md">
        <Facts
          items={[
            { label: t('myDossier.status'), value: <ParticipantStatusBadge status={dossier.status} /> },
            { label: t('myDossier.site'), value: dossier.site.name },
            { label: t('myDossier.team'), value: dossier.team?.name ?? t('myDossier.noTeam') },
            { label: t('myDossier.programme'), value: programmes.label(dossier.programmeType) },
            {
              label: t('myDossier.coaches'),
              value: dossier.coaches.length ? dossier.coaches.map((c) => c.name).join(', ') : t('myDossier.noCoaches'),
            },
          ]}
        />
      </Card>
      <MyNextFeedback />
      <MyProgress participantId={dossier.id} />
      <Card withBorder padding="md" component="section" aria-labelledby="my-path">
        <Stack gap="sm">
          <Title order={2} size="h4" id="my-path">
            {t('myDossier.path')}
          </Title>
          <Timeline dossier={dossier} />
        </Stack>
      </Card>
    </>
  );
}
