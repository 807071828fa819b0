import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { ApiError, api, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { Section } from '../participants/Section';
import { ComplianceSummary } from './Compliance';
import { planQuery, refreshPlans } from './queries';
import { formatDay } from './words';

/** The dossier's POP: where it stands, whether it follows the rules, and the way to it. */
export function DevelopmentPlanSection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const query = useQuery(planQuery(dossier.id));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => api.developmentPlans.startDraft(dossier.id),
    onSuccess: async () => {
      await refreshPlans(queryClient);
      notify(t('developmentPlans.section.started'));
      await navigate({ to: '/deelnemers/$id/pop', params: { id: dossier.id }, search: { tab: 'ontwerp' } });
    },
  });

  // Out of reach (a 404): the dossier shows nothing of the POP.
  if (query.error instanceof ApiError && query.error.status === 404) return null;
  const plan = query.data;

  return (
    <Section title={t('developmentPlans.section.title')}>
      {query.isPending && <Loading />}
      {query.isError && (
        <Alert color="red" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('developmentPlans.section.loadFailed')}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {plan && (
        <>
          {plan.current?.agreedAt && (
            <Text>
              {t('developmentPlans.section.agreed', {
                number: plan.current.number,
                date: formatDay(plan.current.agreedAt),
              })}
            </Text>
          )}
          {plan.draft && (
            <Text>
              {t('developmentPlans.section.draft', {
                number: plan.draft.number,
                date: formatDay(plan.draft.updatedAt),
              })}
            </Text>
          )}
          {!plan.current && !plan.draft && <Text>{t('developmentPlans.section.none')}</Text>}
          <ComplianceSummary status={plan.compliance} />
          <FormError message={start.isError ? errorText(t, start.error) : null} />
          <Group gap="xs">
            {(plan.current || plan.draft) && (
              <Anchor
                fw={700}
                size="sm"
                renderRoot={(props) => (
                  <Link to="/deelnemers/$id/pop" params={{ id: dossier.id }} search={{}} {...props} />
                )}
              >
                {t('developmentPlans.section.open')}
              </Anchor>
            )}
            {plan.can.edit && !plan.draft && !dossier.archived && (
              <Button size="xs" variant="default" loading={start.isPending} onClick={() => start.mutate()}>
                {t('developmentPlans.section.start')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Section>
  );
}
