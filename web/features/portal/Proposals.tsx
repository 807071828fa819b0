import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PlanGoal,
  type PlanTextSection,
  type Proposal,
  proposalCreateBody,
  proposalKinds,
} from '#shared/development-plans';
import { BusyButton } from '../../components/BusyButton';
import { ApiError, api } from '../../lib/api';
import { errorText, translatedFieldErrors, translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { storeOverview } from '../development-plans/queries';
import { formatDate } from '../participants/dates';
import { textSections } from './PlanWords';
import { type ProposalDraft, proposalBody } from './proposal-body';

const empty: ProposalDraft = {
  kind: 'goal',
  what: '',
  why: '',
  dueDate: '',
  goalKey: '',
  section: 'summary',
  text: '',
  message: '',
};

/** "Iets veranderen in mijn plan": a short form for a new goal, a new action or new words for one part. */
export function ProposalForm({ participantId, goals }: { participantId: string; goals: readonly PlanGoal[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ProposalDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof ProposalDraft>(key: K, value: ProposalDraft[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const opener = useRef<HTMLButtonElement>(null);
  // Opening moves the keyboard into the form (the chosen kind); closing, sent or not, back to the button.
  const openForm = () => {
    setOpen(true);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#portal-propose-form input:checked')?.focus());
  };
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  const send = useMutation({
    mutationFn: (body: ReturnType<typeof proposalBody>) => api.developmentPlans.propose(participantId, body),
    onSuccess: async (next) => {
      notify(t('portal.propose.sent'));
      setValues(empty);
      setErrors({});
      close();
      await storeOverview(queryClient, participantId, next);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(translatedFieldErrors(t, error));
      else notify(errorText(t, error), { error: true });
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = proposalBody(values);
    const checked = proposalCreateBody.safeParse(body);
    if (!checked.success) {
      setErrors(translatedIssues(t, checked.error.issues, body));
      return;
    }
    setErrors({});
    if (!send.isPending) send.mutate(body);
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="portal-propose">
      <Stack gap="sm">
        <Title order={2} size="h3" id="portal-propose">
          {t('portal.propose.title')}
        </Title>
        <Text size="lg">{t('portal.propose.intro')}</Text>
        {!open ? (
          <Group>
            <Button ref={opener} size="lg" onClick={openForm}>
              {t('portal.propose.open')}
            </Button>
          </Group>
        ) : (
          <form id="portal-propose-form" onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                label={t('portal.propose.kind')}
                value={values.kind}
                onChange={(kind) => set('kind', kind as ProposalDraft['kind'])}
                size="md"
              >
                <Stack gap="sm" mt="xs">
                  {proposalKinds.map((kind) => (
                    <Radio key={kind} value={kind} label={t(`portal.propose.kinds.${kind}`)} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
              {values.kind === 'text' ? (
                <>
                  <NativeSelect
                    label={t('portal.propose.section')}
                    value={values.section}
                    onChange={(e) => set('section', e.currentTarget.value as PlanTextSection)}
                    data={textSections.map((s) => ({ value: s, label: t(`portal.goals.${s}`) }))}
                    size="md"
                  />
                  <Textarea
                    label={t('portal.propose.text')}
                    value={values.text}
                    onChange={(e) => set('text', e.currentTarget.value)}
                    error={errors.text}
                    required
                    autosize
                    minRows={3}
                    maxLength={4000}
                    size="md"
                  />
                </>
              ) : (
                <>
                  <TextInput
                    label={values.kind === 'goal' ? t('portal.propose.what') : t('portal.propose.whatAction')}
                    value={values.what}
                    onChange={(e) => set('what', e.currentTarget.value)}
                    error={errors.what}
                    required
                    maxLength={300}
                    size="md"
                  />
                  {values.kind === 'goal' && (
                    <Textarea
                      label={t('portal.propose.why')}
                      value={values.why}
                      onChange={(e) => set('why', e.currentTarget.value)}
                      error={errors.why}
                      autosize
                      minRows={2}
                      maxLength={1000}
                      size="md"
                    />
                  )}
                  {values.kind === 'action' && goals.length > 0 && (
                    <NativeSelect
                      label={t('portal.propose.goal')}
                      value={values.goalKey}
                      onChange={(e) => set('goalKey', e.currentTarget.value)}
                      data={[
                        { value: '', label: t('portal.propose.noGoal') },
                        ...goals.map((g) => ({ value: g.key, label: g.what })),
                      ]}
                      error={errors.goalKey}
                      size="md"
                    />
                  )}
                  <TextInput
                    type="date"
                    label={t('portal.propose.dueDate')}
                    value={values.dueDate}
                    onChange={(e) => set('dueDate', e.currentTarget.value)}
                    error={errors.dueDate}
                    required
                    size="md"
                  />
                </>
              )}
              <Textarea
                label={t('portal.propose.message')}
                value={values.message}
                onChange={(e) => set('message', e.currentTarget.value)}
                error={errors.message}
                autosize
                minRows={2}
                maxLength={1000}
                size="md"
              />
              <Group>
                <BusyButton type="submit" size="lg" busy={send.isPending}>
                  {t('portal.propose.send')}
                </BusyButton>
                <Button variant="default" size="lg" onClick={close}>
                  {t('portal.goals.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

const stateColor = { open: 'gray', accepted: 'groen', discussed: 'orange' } as const;

/** My proposals, newest first, with the coach's answer. */
export function ProposalList({ proposals }: { proposals: readonly Proposal[] }) {
  const { t } = useTranslation();
  const newestFirst = [...proposals].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-proposals">
      <Title order={2} size="h3" id="portal-proposals">
        {t('portal.propose.mineTitle')}
      </Title>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {newestFirst.map((p) => (
          <Card withBorder padding="sm" component="li" key={p.id}>
            <Stack gap={4}>
              <Group gap="xs" justify="space-between">
                <Text fw={700}>{t(`portal.propose.kinds.${p.kind}`)}</Text>
                <Badge color={stateColor[p.status]} variant="light" size="lg">
                  {t(`portal.propose.state.${p.status}`)}
                </Badge>
              </Group>
              <Text size="lg" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                {p.kind === 'text' ? p.text : p.what}
              </Text>
              {p.dueDate && <Text>{t('portal.goals.due', { date: formatDate(p.dueDate) })}</Text>}
              {p.reply && (
                <Text className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('portal.propose.reply', { reply: p.reply })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {t('portal.propose.on', { date: formatDate(p.createdAt.slice(0, 10)) })}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
