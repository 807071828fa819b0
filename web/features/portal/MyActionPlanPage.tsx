import { Alert, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OwnActionPlan } from '#shared/action-plans';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../lib/api';
import '../action-plans/messages';
import { ActionPictogram, StatusPictogram } from '../action-plans/Pictograms';
import { PlanPictogram } from '../action-plans/PlanPictogram';
import { myActionPlanQuery } from '../action-plans/queries';
import { domainLabel, ownPlanLayout, statusColor } from '../action-plans/words';
import { formatDate } from '../participants/dates';
import { PortalScreen } from './PortalScreen';

type OwnDomain = OwnActionPlan['domains'][number];
type OwnAction = OwnActionPlan['actions'][number];
type Layout = ReturnType<typeof ownPlanLayout<OwnDomain, OwnAction>>;

/**
 * /mijn-actieplan: my own PAP in plain words: how each life domain goes, what I said about it, and what we do.
 * The server leaves out whatever a coach kept for staff, so nothing here needs hiding.
 */
export function MyActionPlanPage() {
  const { t } = useTranslation();
  const query = useQuery(myActionPlanQuery);
  const layout = query.data ? ownPlanLayout(query.data) : null;

  const content = () => {
    if (query.isPending) return <Loading />;
    if (query.isError) {
      return query.error instanceof ApiError && query.error.status === 404 ? (
        <Alert color="blue">{t('portal.noDossier')}</Alert>
      ) : (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      );
    }
    if (!layout || (layout.domains.length === 0 && layout.loose.length === 0))
      return <Alert color="blue">{t('actionPlans.mine.none')}</Alert>;
    return (
      <>
        {layout.domains.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="my-pap-domains">
            <Title order={2} size="h3" id="my-pap-domains">
              {t('actionPlans.mine.domainsTitle')}
            </Title>
            <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
              {layout.domains.map((domain) => (
                <DomainItem key={domain.code} domain={domain} actions={layout.actionsOf.get(domain.code) ?? []} />
              ))}
            </Stack>
          </Stack>
        )}
        {layout.loose.length > 0 && (
          <Card withBorder padding="md" component="section" aria-labelledby="my-pap-other">
            <Stack gap="sm">
              <Title order={2} size="h3" id="my-pap-other">
                {t('actionPlans.mine.otherActions')}
              </Title>
              <ActionItems actions={layout.loose} />
            </Stack>
          </Card>
        )}
      </>
    );
  };

  return (
    <PortalScreen
      title={t('actionPlans.mine.title')}
      intro={t('actionPlans.mine.intro')}
      icon={<PlanPictogram size={28} />}
      spoken={layout ? spokenPlan(t, layout) : []}
    >
      {content()}
    </PortalScreen>
  );
}

const who = (t: TFunction, action: OwnAction) =>
  action.owner === 'other' && action.ownerName ? action.ownerName : t(`actionPlans.mine.owner.${action.owner}`);

const spokenActions = (t: TFunction, actions: readonly OwnAction[]) =>
  actions.flatMap((action) => [
    action.what,
    t('actionPlans.mine.who', { who: who(t, action) }),
    t('actionPlans.mine.due', { date: formatDate(action.dueDate) }),
    t(`actionPlans.mine.actionStatus.${action.status}`),
  ]);

/** What "Lees voor" says: per domain how it goes, what I said, and each action with its date and status. */
function spokenPlan(t: TFunction, layout: Layout): string[] {
  const lines: string[] = [];
  for (const domain of layout.domains) {
    lines.push(`${domainLabel(t, domain)}: ${t(`actionPlans.mine.status.${domain.status}`)}`);
    if (domain.hinderingFactors) lines.push(`${t('actionPlans.mine.hindering')} ${domain.hinderingFactors}`);
    if (domain.ownView) lines.push(`${t('actionPlans.mine.myView')} ${domain.ownView}`);
    lines.push(...spokenActions(t, layout.actionsOf.get(domain.code) ?? []));
  }
  if (layout.loose.length) lines.push(t('actionPlans.mine.otherActions'), ...spokenActions(t, layout.loose));
  return lines;
}

function DomainItem({ domain, actions }: { domain: OwnDomain; actions: OwnAction[] }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h3" className="break-anywhere">
          {domainLabel(t, domain)}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" variant="light" color={statusColor[domain.status]} aria-hidden="true">
            <StatusPictogram status={domain.status} size={26} />
          </ThemeIcon>
          <Text size="lg" fw={700}>
            {t(`actionPlans.mine.status.${domain.status}`)}
          </Text>
        </Group>
        {domain.hinderingFactors && (
          <Text size="lg" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t('actionPlans.mine.hindering')}</strong> {domain.hinderingFactors}
          </Text>
        )}
        {domain.ownView && (
          <Text size="lg" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t('actionPlans.mine.myView')}</strong> {domain.ownView}
          </Text>
        )}
        {actions.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h4">
              {t('actionPlans.mine.actionsTitle')}
            </Title>
            <ActionItems actions={actions} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Each action with its pictogram: what, who, by when, and how far it is, in words. */
function ActionItems({ actions }: { actions: readonly OwnAction[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {actions.map((action) => (
        <Group component="li" key={action.id} gap="sm" wrap="nowrap" align="flex-start" mih={48}>
          <ThemeIcon
            size={40}
            radius="xl"
            variant="light"
            color={action.status === 'done' ? 'groen' : 'gray'}
            aria-hidden="true"
          >
            <ActionPictogram status={action.status} size={24} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="lg" fw={700} className="break-anywhere">
              {action.what}
            </Text>
            <Text>
              {t('actionPlans.mine.who', { who: who(t, action) })} ·{' '}
              {t('actionPlans.mine.due', { date: formatDate(action.dueDate) })}
            </Text>
            <Text>{t(`actionPlans.mine.actionStatus.${action.status}`)}</Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
