import { Alert, Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError, type ParticipantDossier } from '../../lib/api';
import { PlanPictogram } from '../action-plans/PlanPictogram';
import { competencyProfileQuery } from '../competency-profile/queries';
import { planQuery } from '../development-plans/queries';
import { myFeedbackQuery } from '../feedback/queries';
import { formatDate, today } from '../participants/dates';
import { Timeline } from '../participants/Timeline';
import { MyPathwayCard } from '../pathways/MyPathwayCard';
import { DossierIcon, GoalsIcon, PathIcon, PencilIcon } from './icons';
import { PortalScreen } from './PortalScreen';
import { draftToAgree, isOverdue, openOwnActions, type PortalAction } from './plan';
import { myDossierQuery } from './queries';
import { selfAssessmentDue } from './self-assessment';

/** /mijn-pad: where I am, and what I do next. The participant's home after login. */
export function MyPathPage() {
  const { t } = useTranslation();
  const dossier = useQuery(myDossierQuery);
  return (
    <PathContent
      dossier={dossier.data}
      loading={dossier.isPending}
      error={dossier.isError ? dossier.error : null}
      onRetry={() => void dossier.refetch()}
      title={t('portal.path.title')}
    />
  );
}

interface ContentProps {
  dossier: ParticipantDossier | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  title: string;
}

function PathContent({ dossier, loading, error, onRetry, title }: ContentProps) {
  const { t } = useTranslation();
  const profile = useQuery({ ...competencyProfileQuery(dossier?.id ?? ''), enabled: !!dossier });
  const plan = useQuery({ ...planQuery(dossier?.id ?? ''), enabled: !!dossier });
  const feedback = useQuery({ ...myFeedbackQuery, enabled: !!dossier });

  const jobs = profile.data?.jobProfiles;
  const where = dossier
    ? [
        dossier.team ? t('portal.path.team', { name: dossier.team.name }) : t('portal.path.noTeam'),
        jobs?.current && t('portal.path.jobNow', { name: jobs.current.name }),
        jobs?.target && t('portal.path.jobTarget', { name: jobs.target.name }),
        dossier.startDate
          ? t('portal.path.started', { date: formatDate(dossier.startDate) })
          : t('portal.path.notStarted'),
      ].filter((line): line is string => !!line)
    : [];

  const draft = plan.data ? draftToAgree(plan.data) : null;
  const actions = plan.data ? openOwnActions(plan.data) : [];
  const nextFeedback = feedback.data?.nextDueOn ?? null;
  const askSelf = feedback.data ? selfAssessmentDue(feedback.data) : false;
  const now = today();
  const actionLine = (a: PortalAction) =>
    t(isOverdue(a, now) ? 'portal.path.lateAction' : 'portal.path.openAction', {
      what: a.what,
      date: formatDate(a.dueDate),
    });
  const feedbackLine = nextFeedback
    ? t('portal.path.feedbackNext', { date: formatDate(nextFeedback) })
    : t('portal.path.feedbackNone');
  const todo = [
    draft && t('portal.path.agreeDraft'),
    ...actions.map(actionLine),
    askSelf && t('portal.path.selfAssessment'),
  ].filter((line): line is string => !!line);

  return (
    <PortalScreen
      title={title}
      intro={t('portal.path.intro')}
      icon={<PathIcon />}
      spoken={[
        t('portal.path.whereTitle'),
        ...where,
        t('portal.path.nextTitle'),
        ...(todo.length ? todo : [t('portal.path.nothingToDo')]),
        feedbackLine,
      ]}
    >
      {loading && <Loading />}
      {error instanceof ApiError && error.status === 404 ? (
        <Alert color="blue">{t('portal.noDossier')}</Alert>
      ) : error ? (
        <QueryError error={error} onRetry={onRetry} />
      ) : null}
      {dossier && (
        <>
          <Card withBorder padding="md" component="section" aria-labelledby="portal-where">
            <Stack gap="xs">
              <Title order={2} size="h3" id="portal-where">
                {t('portal.path.whereTitle')}
              </Title>
              {where.map((line) => (
                <Text key={line} size="lg">
                  {line}
                </Text>
              ))}
            </Stack>
          </Card>

          <MyPathwayCard />

          <Card withBorder padding="md" component="section" aria-labelledby="portal-next">
            <Stack gap="sm">
              <Title order={2} size="h3" id="portal-next">
                {t('portal.path.nextTitle')}
              </Title>
              {draft && <Text size="lg">{t('portal.path.agreeDraft')}</Text>}
              {actions.length > 0 && (
                <List size="lg" spacing="xs">
                  {actions.map((a) => (
                    <List.Item key={a.key} fw={isOverdue(a, now) ? 700 : undefined}>
                      {actionLine(a)}
                    </List.Item>
                  ))}
                </List>
              )}
              {(draft || actions.length > 0) && (
                <Button component={Link} to="/mijn-doelen" size="lg" leftSection={<GoalsIcon size={24} />}>
                  {t('portal.path.toGoals')}
                </Button>
              )}
              <Text size="lg">{feedbackLine}</Text>
              {askSelf && (
                <>
                  <Text size="lg">{t('portal.path.selfAssessment')}</Text>
                  <Button
                    component={Link}
                    to="/zelfevaluatie"
                    size="lg"
                    variant="light"
                    leftSection={<PencilIcon size={24} />}
                  >
                    {t('portal.path.toSelfAssessment')}
                  </Button>
                </>
              )}
              {todo.length === 0 && <Text size="lg">{t('portal.path.nothingToDo')}</Text>}
            </Stack>
          </Card>

          <Card withBorder padding="md" component="section" aria-labelledby="portal-steps">
            <Stack gap="sm">
              <Title order={2} size="h3" id="portal-steps">
                {t('portal.path.stepsTitle')}
              </Title>
              <Timeline dossier={dossier} />
            </Stack>
          </Card>

          <Anchor
            component={Link}
            to="/mijn-dossier"
            size="lg"
            fw={700}
            mih={48}
            display="flex"
            style={{ alignItems: 'center', gap: 8 }}
          >
            <DossierIcon size={24} />
            <span>
              {t('portal.path.dossier')}
              <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
                {t('portal.path.dossierHint')}
              </Text>
            </span>
          </Anchor>
          <Anchor
            component={Link}
            to="/mijn-actieplan"
            size="lg"
            fw={700}
            mih={48}
            display="flex"
            style={{ alignItems: 'center', gap: 8 }}
          >
            <PlanPictogram size={24} />
            <span>
              {t('portal.path.actionPlan')}
              <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
                {t('portal.path.actionPlanHint')}
              </Text>
            </span>
          </Anchor>
        </>
      )}
    </PortalScreen>
  );
}
