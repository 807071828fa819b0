import { Alert, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOverview, PlanVersion } from '#shared/development-plans';
import { BusyButton } from '../../components/BusyButton';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { focusWhenShown } from '../../lib/focus';
import { notify } from '../../lib/notify';
import { planQuery, refreshPlans, storeOverview } from '../development-plans/queries';
import { formatDate, today } from '../participants/dates';
import { DownloadIcon, GoalsIcon } from './icons';
import { GoalCard, ownerName, PlanReadOnly, PlanTexts } from './PlanWords';
import { PortalScreen } from './PortalScreen';
import { ProposalForm, ProposalList } from './Proposals';
import { actionsOf, draftToAgree, isOverdue, type PortalAction, toggled } from './plan';
import classes from './portal.module.css';
import { myDossierQuery } from './queries';

/** /mijn-doelen: my agreed POP in plain words; tick off my actions, write notes, propose changes, agree a draft. */
export function MyGoalsPage() {
  const { t } = useTranslation();
  const dossier = useQuery(myDossierQuery);
  const participantId = dossier.data?.id ?? '';
  const plan = useQuery({ ...planQuery(participantId), enabled: !!dossier.data });
  const overview = plan.data;
  const current = overview?.current ?? null;
  const draft = overview ? draftToAgree(overview) : null;

  const content = () => {
    if (dossier.isError) {
      return dossier.error instanceof ApiError && dossier.error.status === 404 ? (
        <Alert color="blue">{t('portal.noDossier')}</Alert>
      ) : (
        <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />
      );
    }
    if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
    if (!overview) return <Loading />;
    return (
      <>
        {overview.draft && <DraftCard participantId={participantId} overview={overview} />}
        {current ? (
          <CurrentPlan participantId={participantId} overview={overview} current={current} />
        ) : (
          !overview.draft && <Alert color="blue">{t('portal.goals.none')}</Alert>
        )}
        {overview.can.propose && current && (
          <ProposalForm participantId={participantId} goals={current.content.goals} />
        )}
        {overview.proposals.length > 0 && <ProposalList proposals={overview.proposals} />}
      </>
    );
  };

  return (
    <PortalScreen
      title={t('portal.goals.title')}
      intro={t('portal.goals.intro')}
      icon={<GoalsIcon />}
      spoken={spokenPlan(t, overview, draft)}
    >
      {content()}
    </PortalScreen>
  );
}

/** What "Lees voor" says on this page: the draft to agree with, else the goals and my open actions. */
function spokenPlan(t: TFunction, overview: PlanOverview | undefined, draft: PlanVersion | null): string[] {
  if (!overview) return [];
  const lines: string[] = [];
  if (draft) lines.push(t('portal.goals.draftIntro'));
  const current = overview.current;
  if (!current) return draft ? lines : [...lines, t('portal.goals.none')];
  for (const goal of current.content.goals) {
    lines.push(goal.what, t('portal.goals.due', { date: formatDate(goal.dueDate) }));
    if (goal.evidence) lines.push(`${t('portal.goals.evidence')} ${goal.evidence}`);
    if (goal.why) lines.push(`${t('portal.goals.why')} ${goal.why}`);
  }
  const { mine } = actionsOf(overview);
  if (mine.length) lines.push(t('portal.goals.actionsTitle'));
  const now = today();
  for (const a of mine) {
    const late = isOverdue(a, now) ? `. ${t('portal.goals.late', { date: formatDate(a.dueDate) })}` : '';
    lines.push(`${a.what}: ${t(`portal.goals.status.${a.live}`)}${late}`);
  }
  return lines;
}

function DraftCard({ participantId, overview }: { participantId: string; overview: PlanOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = overview.draft as PlanVersion;
  const waiting = draftToAgree(overview) === null;
  const agree = useMutation({
    mutationFn: () => api.developmentPlans.agree(participantId, draft.number, { revision: draft.revision }),
    onSuccess: async (next) => {
      notify(t('portal.goals.agreed'));
      await storeOverview(queryClient, participantId, next);
      // The button is gone now: go on at what replaced it, the plan that now applies or the wait for the coach.
      focusWhenShown(next.current?.number === draft.number ? 'portal-agreed-on' : 'portal-waiting-coach');
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) await refreshPlans(queryClient);
    },
  });
  // Nothing to act on: a draft the coach is still writing, where I cannot agree yet, stays out of sight.
  if (waiting && !draft.participantAgreedAt) return null;
  const stale = agree.error instanceof ApiError && agree.error.status === 409;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="portal-draft" bg="yellow.0">
      <Stack gap="md">
        <Title order={2} size="h3" id="portal-draft">
          {t('portal.goals.draftTitle')}
        </Title>
        {draft.participantAgreedAt ? (
          <Text size="lg" id="portal-waiting-coach" tabIndex={-1}>
            {t('portal.goals.waitingCoach')}
          </Text>
        ) : (
          <>
            <Text size="lg">{t('portal.goals.draftIntro')}</Text>
            <PlanReadOnly content={draft.content} idPrefix="portal-draft" />
            {agree.isError && (
              <Alert color={stale ? 'yellow' : 'red'} role="alert">
                {stale ? t('portal.goals.stale') : errorText(t, agree.error)}
              </Alert>
            )}
            <BusyButton size="lg" onClick={() => agree.mutate()} busy={agree.isPending}>
              {t('portal.goals.agree')}
            </BusyButton>
          </>
        )}
      </Stack>
    </Card>
  );
}

interface CurrentProps {
  participantId: string;
  overview: PlanOverview;
  current: PlanVersion;
}

function CurrentPlan({ participantId, overview, current }: CurrentProps) {
  const { t } = useTranslation();
  const { mine, others } = actionsOf(overview);
  return (
    <Stack gap="md">
      {current.agreedAt && (
        <Text id="portal-agreed-on" tabIndex={-1}>
          {t('portal.goals.agreedOn', { date: formatDate(current.agreedAt.slice(0, 10)) })}
        </Text>
      )}
      <PlanTexts content={current.content} idPrefix="portal-plan" level={2} />

      <Stack gap="sm" component="section" aria-labelledby="portal-goals">
        <Title order={2} size="h3" id="portal-goals">
          {t('portal.goals.goalsTitle')}
        </Title>
        {current.content.goals.length === 0 ? (
          <Text size="lg">{t('portal.goals.noGoals')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {current.content.goals.map((goal) => (
              <GoalCard key={goal.key} goal={goal}>
                <GoalNotes
                  participantId={participantId}
                  goalKey={goal.key}
                  goalName={goal.what}
                  notes={overview.goalNotes.filter((n) => n.goalKey === goal.key)}
                  canWrite={overview.can.progress}
                />
              </GoalCard>
            ))}
          </Stack>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="portal-actions">
        <Title order={2} size="h3" id="portal-actions">
          {t('portal.goals.actionsTitle')}
        </Title>
        {mine.length === 0 ? (
          <Text size="lg">{t('portal.goals.noActions')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {mine.map((action) => (
              <OwnAction key={action.key} participantId={participantId} action={action} />
            ))}
          </Stack>
        )}
      </Stack>

      {others.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="portal-others">
          <Title order={2} size="h3" id="portal-others">
            {t('portal.goals.othersTitle')}
          </Title>
          <Stack component="ul" gap="xs" m={0} pl="md">
            {others.map((a) => (
              <li key={a.key}>
                <Text size="lg" className="break-anywhere">
                  {a.what}
                </Text>
                <Text>
                  {t('portal.goals.doneBy', { who: ownerName(t, a) })} ·{' '}
                  {t('portal.goals.due', { date: formatDate(a.dueDate) })} · {t(`portal.goals.status.${a.live}`)}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}

      <Group>
        <Button
          component={Link}
          to="/mijn-doelen/presentatie"
          variant="light"
          size="lg"
          leftSection={<GoalsIcon size={24} />}
        >
          {t('portal.goals.present')}
        </Button>
        <Button
          component="a"
          href={api.developmentPlans.pdfUrl(participantId, current.number)}
          download
          variant="light"
          size="lg"
          leftSection={<DownloadIcon size={24} />}
        >
          {t('portal.goals.pdf')}
        </Button>
      </Group>
    </Stack>
  );
}

function OwnAction({ participantId, action }: { participantId: string; action: PortalAction }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tick = useMutation({
    mutationFn: () => api.developmentPlans.setActionStatus(participantId, action.key, { status: toggled(action.live) }),
    onSuccess: async (next) => {
      notify(t(action.live === 'done' ? 'portal.goals.unticked' : 'portal.goals.ticked'));
      await storeOverview(queryClient, participantId, next);
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });
  const late = isOverdue(action, today());
  const date = formatDate(action.dueDate);
  const status = t(`portal.goals.status.${action.live}`);
  const description = late ? (
    <Text component="span" fw={700} c="red.9" inherit>
      {t('portal.goals.late', { date })} · {status}
    </Text>
  ) : (
    `${t('portal.goals.due', { date })} · ${status}`
  );
  return (
    <li className={classes.tick}>
      {/* Not disabled while saving: a disabled box drops keyboard focus. A second press meanwhile is ignored. */}
      <Checkbox
        size="xl"
        checked={action.live === 'done'}
        disabled={!action.canTick}
        aria-busy={tick.isPending || undefined}
        onChange={() => {
          if (!tick.isPending) tick.mutate();
        }}
        label={
          <Text size="lg" className="break-anywhere">
            {action.what}
          </Text>
        }
        description={description}
      />
    </li>
  );
}

interface NotesProps {
  participantId: string;
  goalKey: string;
  goalName: string;
  notes: PlanOverview['goalNotes'];
  canWrite: boolean;
}

function GoalNotes({ participantId, goalKey, goalName, notes, canWrite }: NotesProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // The form replaces the button that opened it: when it closes, the keyboard goes on from that button.
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const save = useMutation({
    mutationFn: () => api.developmentPlans.addGoalNote(participantId, goalKey, { text: text.trim() }),
    onSuccess: async (next) => {
      notify(t('portal.goals.noteSaved'));
      setText('');
      close();
      await storeOverview(queryClient, participantId, next);
    },
    onError: (e) => setError(e instanceof ApiError && e.fields.text ? t('validation.required') : errorText(t, e)),
  });

  return (
    <Stack gap="xs">
      {notes.length > 0 && (
        <>
          <Text fw={700}>{t('portal.goals.notes')}</Text>
          <Stack component="ul" gap={4} m={0} pl="md">
            {notes.map((note) => (
              <li key={note.id}>
                <Text style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                  {note.text}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDate(note.createdAt.slice(0, 10))}
                  {note.author ? ` · ${note.author.name}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        </>
      )}
      {canWrite &&
        (open ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!text.trim()) {
                setError(t('validation.required'));
                return;
              }
              setError(null);
              if (!save.isPending) save.mutate();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('portal.goals.noteLabel', { goal: goalName })}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                error={error}
                maxLength={1000}
                autosize
                minRows={3}
                size="md"
                data-autofocus
                autoFocus
              />
              <Group>
                <BusyButton type="submit" size="md" busy={save.isPending}>
                  {t('portal.goals.noteSave')}
                </BusyButton>
                <Button variant="default" size="md" onClick={close}>
                  {t('portal.goals.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button
              ref={opener}
              variant="light"
              size="md"
              onClick={() => setOpen(true)}
              aria-label={`${t('portal.goals.addNote')}: ${goalName}`}
            >
              {t('portal.goals.addNote')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
