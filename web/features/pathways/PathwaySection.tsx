import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantPathway } from '#shared/pathways';
import { Loading } from '../../components/Loading';
import type { ParticipantDossier } from '../../lib/api';
import { formatDate } from '../participants/dates';
import { Section } from '../participants/Section';
import { NextSteps } from './NextSteps';
import { PathwayMap, targetNodeId } from './PathwayMap';
import { PlaceDialog } from './PlaceDialog';
import { participantPathwayQuery } from './queries';
import type { Audience } from './words';

export const readinessByNode = (pathway: ParticipantPathway) =>
  new Map(pathway.nextSteps.map((s) => [targetNodeId(s), s.readiness]));

/** Where the participant is now, the map around them and the history of their packages. */
export function PathwayView({
  pathway,
  headingOrder = 3,
  audience = 'staff',
}: {
  pathway: ParticipantPathway;
  headingOrder?: 2 | 3 | 4 | 5;
  audience?: Audience;
}) {
  const { t } = useTranslation();
  const history = pathway.history.filter((h) => h.toDate !== null);
  return (
    <Stack gap="md">
      {pathway.current ? (
        <Text fw={700}>
          {t('pathways.section.current', { name: pathway.current.package.name })}{' '}
          <Text span fw={400}>
            ({t('pathways.section.since', { date: formatDate(pathway.current.fromDate) })})
          </Text>
        </Text>
      ) : (
        <Text c="dimmed">{t('pathways.section.none')}</Text>
      )}
      <PathwayMap
        packages={pathway.packages}
        currentId={pathway.current?.package.id ?? null}
        visitedIds={pathway.history.map((h) => h.package.id)}
        readiness={readinessByNode(pathway)}
        headingOrder={headingOrder}
        audience={audience}
      />
      {pathway.nextSteps.length > 0 && (
        <Stack gap="xs">
          <Title order={headingOrder} size="h5">
            {t('pathways.section.nextSteps')}
          </Title>
          <NextSteps steps={pathway.nextSteps} headingOrder={(headingOrder + 1) as 3 | 4 | 5} audience={audience} />
        </Stack>
      )}
      {history.length > 0 && (
        <Stack gap={4}>
          <Title order={headingOrder} size="h5">
            {t('pathways.section.history')}
          </Title>
          <Stack component="ul" gap={2} m={0} pl="md">
            {history.map((h) => (
              <li key={h.id}>
                <Text size="sm">
                  {h.package.name}:{' '}
                  {t('pathways.section.period', { from: formatDate(h.fromDate), to: formatDate(h.toDate ?? '') })}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

/** The dossier's "Pakkettenschema" section. */
export function PathwaySection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const query = useQuery(participantPathwayQuery(dossier.id));
  const [placing, setPlacing] = useState(false);
  return (
    <Section
      title={t('pathways.section.title')}
      edit={query.data?.canPlace ? { label: t('pathways.section.place'), onClick: () => setPlacing(true) } : undefined}
    >
      <div className="pathway-print">
        {query.isPending && <Loading />}
        {query.isError && (
          <Alert color="red" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('pathways.section.loadFailed')}</Text>
              <Button size="xs" variant="default" onClick={() => void query.refetch()}>
                {t('common.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        {query.data && <PathwayView pathway={query.data} />}
      </div>
      {placing && (
        <PlaceDialog
          participantId={dossier.id}
          currentPackageId={query.data?.current?.package.id ?? null}
          onClose={() => setPlacing(false)}
        />
      )}
    </Section>
  );
}
