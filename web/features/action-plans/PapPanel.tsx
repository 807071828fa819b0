import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { DomainCard } from './DomainCard';
import { actionPlanQuery } from './queries';
import { actionsByDomain, domainLabel } from './words';

/** The PAP as staff with access see it: one card per life domain of the organisation. */
export function PapPanel({ participantId, canWrite }: { participantId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(actionPlanQuery(participantId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  if (plan.domains.length === 0) return <Text>{t('actionPlans.pap.empty')}</Text>;
  const actions = actionsByDomain(plan.actions);
  return (
    <Stack gap="md">
      {plan.domains.map((domain) => (
        <DomainCard
          key={domain.code}
          participantId={participantId}
          domain={domain}
          label={domainLabel(t, domain)}
          actions={actions.get(domain.code) ?? []}
          canWrite={canWrite}
        />
      ))}
    </Stack>
  );
}
