import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { workModes } from '#shared/competencies';
import {
  actionOwners,
  actionStatuses,
  draftConflict,
  type PlanContent,
  type PlanOverview,
  type PlanVersion,
} from '#shared/development-plans';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { AgreementPanel } from './AgreementPanel';
import { CompareView } from './CompareView';
import { changeCount, comparePlans, competencyLists } from './compare';
import { EscoField } from './EscoField';
import { newKey, planIssues, serverPlanErrors } from './fieldErrors';
import { refreshPlans } from './queries';
import { competencyScores, formatDay, namesFrom, skillLevel } from './words';

interface Props {
  participantId: string;
  overview: PlanOverview;
  draft: PlanVersion;
  onAgreed: () => void;
}

interface Base {
  revision: number;
  content: PlanContent;
}

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The coach's editor of the draft: every part of the plan, saved with the revision it started from. When someone
 * else saved in between, the server refuses (409 conflict) and the editor shows what they changed: nothing is
 * overwritten without the user choosing it.
 */
export function DraftEditor({ participantId, overview, draft, onAgreed }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Base>({ revision: draft.revision, content: draft.content });
  const [conflict, setConflict] = useState<PlanVersion | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PlanContent>({
    initialValues: draft.content,
    validate: (values) => planIssues(t, values),
  });
  const dirty = changeCount(comparePlans(base.content, form.values)) > 0;
  const names = namesFrom(overview.candidates, draft.evidence, overview.current?.evidence);

  // Someone saved (or a proposal was taken over): with nothing of ours unsaved, show their draft at once.
  const newer = draft.revision > base.revision;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (newer && !dirtyRef.current) {
      setBase({ revision: draft.revision, content: draft.content });
      setValues(draft.content);
      resetDirty(draft.content);
    }
  }, [newer, draft, setValues, resetDirty]);

  const save = useMutation({
    mutationFn: (body: { revision: number; content: PlanContent }) =>
      api.developmentPlans.saveDraft(participantId, draft.number, body),
    onSuccess: async (saved) => {
      setBase({ revision: saved.revision, content: saved.content });
      setConflict(null);
      notify(t('developmentPlans.editor.saved'));
      await refreshPlans(queryClient);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') {
        const parsed = draftConflict.safeParse(error.body);
        if (parsed.success) {
          setConflict(parsed.data.draft);
          requestAnimationFrame(() => document.getElementById('pop-conflict')?.focus());
          return;
        }
      }
      const fields = error instanceof ApiError ? serverPlanErrors(t, error.fields) : {};
      if (Object.keys(fields).length > 0) {
        flushSync(() => form.setErrors(fields));
        setFormError(t('developmentPlans.editor.checkFields'));
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#pop-editor [aria-invalid="true"]')?.focus());
      } else {
        setFormError(errorText(t, error));
      }
    },
  });

  const onSubmit = form.onSubmit(
    (values) => {
      setFormError(null);
      if (!save.isPending) save.mutate({ revision: base.revision, content: values });
    },
    () => {
      setFormError(t('developmentPlans.editor.checkFields'));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#pop-editor [aria-invalid="true"]')?.focus());
    },
  );

  const loadTheirs = () => {
    if (!conflict) return;
    setBase({ revision: conflict.revision, content: conflict.content });
    form.setValues(conflict.content);
    form.clearErrors();
    setConflict(null);
    setFormError(null);
    // The message with this button goes: read their version from its first field.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#pop-editor textarea')?.focus());
  };
  const keepMine = () => {
    if (!conflict) return;
    setBase({ revision: conflict.revision, content: conflict.content });
    setConflict(null);
    save.mutate({ revision: conflict.revision, content: form.getValues() });
    // The conflict message goes, and this button with it: go on at the save button, which shows the saving.
    focusSoon('pop-save');
  };

  const errorUnder = (prefix: string) =>
    Object.entries(form.errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1] as
      | string
      | undefined;

  const addGoal = () => {
    const key = newKey();
    form.insertListItem('goals', {
      key,
      what: '',
      evidence: '',
      why: '',
      dueDate: '',
      competencyKeys: [],
      skillIds: [],
    });
    focusSoon(`goal-${key}-what`);
  };
  const removeGoal = (index: number) => {
    const key = form.values.goals[index]?.key;
    form.removeListItem('goals', index);
    form.values.actions.forEach((a, i) => {
      if (a.goalKey === key) form.setFieldValue(`actions.${i}.goalKey`, null);
    });
    focusSoon('pop-add-goal');
  };
  const addAction = () => {
    const key = newKey();
    form.insertListItem('actions', {
      key,
      what: '',
      owner: 'participant',
      ownerName: '',
      dueDate: '',
      status: 'open',
      goalKey: null,
    });
    focusSoon(`action-${key}-what`);
  };
  const removeAction = (index: number) => {
    form.removeListItem('actions', index);
    focusSoon('pop-add-action');
  };

  const competencyOptions = overview.candidates.competencies.map((c) => ({ value: c.key, label: c.name }));
  const skillOptions = overview.candidates.skills.map((s) => ({ value: s.id, label: `${s.name} (${s.team})` }));
  // Something chosen earlier that is no longer a candidate stays visible, so saving does not drop it silently.
  const withChosen = (options: { value: string; label: string }[], chosen: string[], generic: boolean) => [
    ...options,
    ...chosen
      .filter((k) => !options.some((o) => o.value === k))
      .map((k) => ({
        value: k,
        label: generic ? (names.competencies.get(k)?.name ?? k) : (names.skills.get(k)?.name ?? k),
      })),
  ];

  return (
    <Stack gap="md">
      {conflict && (
        <Alert
          id="pop-conflict"
          tabIndex={-1}
          color="orange"
          variant="light"
          role="alert"
          // A real h3 (Mantine's Alert title is a plain div): the changed sections below are its h4s, under the
          // draft's h2 (axe: heading-order). It keeps the look of an Alert title.
          title={
            <Title order={3} size="sm" lh="inherit">
              {t('developmentPlans.conflict.title')}
            </Title>
          }
          // The orange of the title alone is too pale on its background (axe: colour contrast).
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {conflict.updatedBy
                ? t('developmentPlans.conflict.who', {
                    name: conflict.updatedBy.name,
                    date: formatDay(conflict.updatedAt),
                  })
                : t('developmentPlans.conflict.whoUnknown', { date: formatDay(conflict.updatedAt) })}
            </Text>
            <Text size="sm">{t('developmentPlans.conflict.text')}</Text>
            <CompareView before={base.content} after={conflict.content} names={names} copyAfter level={4} />
            <Group gap="xs">
              <Button size="sm" onClick={loadTheirs}>
                {t('developmentPlans.conflict.loadTheirs')}
              </Button>
              <BusyButton size="sm" variant="default" onClick={keepMine} busy={save.isPending}>
                {t('developmentPlans.conflict.keepMine')}
              </BusyButton>
            </Group>
            <Text size="xs">{t('developmentPlans.conflict.keepMineHint')}</Text>
          </Stack>
        </Alert>
      )}
      {newer && dirty && !conflict && (
        <Alert color="yellow" variant="light">
          {t('developmentPlans.editor.newer')}
        </Alert>
      )}
      <form id="pop-editor" onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('developmentPlans.editor.intro')}</Text>
          <Textarea
            label={t('developmentPlans.sections.summary')}
            description={t('developmentPlans.editor.summaryHint')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={4000}
            {...form.getInputProps('summary')}
          />
          <Fieldset legend={t('developmentPlans.sections.jobTarget')}>
            <Stack gap="sm">
              <Textarea
                label={t('developmentPlans.sections.jobTarget')}
                description={t('developmentPlans.editor.jobTargetHint')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={500}
                {...form.getInputProps('jobTarget')}
              />
              <EscoField
                value={form.values.escoOccupation}
                onChange={(value) => form.setFieldValue('escoOccupation', value)}
                error={errorUnder('escoOccupation')}
              />
            </Stack>
          </Fieldset>
          <Textarea
            label={t('developmentPlans.sections.dreams')}
            description={t('developmentPlans.editor.dreamsHint')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={4000}
            {...form.getInputProps('dreams')}
          />
          <Fieldset legend={t('developmentPlans.sections.workMode')}>
            <Stack gap="sm">
              <Radio.Group
                label={t('developmentPlans.editor.workMode')}
                value={form.values.workMode ?? ''}
                onChange={(value) => form.setFieldValue('workMode', workModes.find((m) => m === value) ?? null)}
                error={errorUnder('workMode')}
              >
                <Stack gap="xs" mt="xs">
                  {workModes.map((mode) => (
                    <Radio
                      key={mode}
                      value={mode}
                      label={t(`competencies.workModes.${mode}`)}
                      description={t(`competencies.workModeHints.${mode}`)}
                    />
                  ))}
                  <Radio value="" label={t('developmentPlans.editor.workModeNone')} />
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('developmentPlans.editor.workModeReason')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={1000}
                {...form.getInputProps('workModeReason')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('developmentPlans.sections.competencies')}>
            <Stack gap="md">
              <Text size="sm">{t('developmentPlans.editor.competenciesHint')}</Text>
              {overview.candidates.competencies.length + overview.candidates.skills.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('developmentPlans.editor.noCandidates')}
                </Text>
              )}
              {competencyLists.map((list) => {
                const generic = list.startsWith('generic');
                const chosen = form.values.competencies[list];
                const options = withChosen(generic ? competencyOptions : skillOptions, chosen, generic);
                if (options.length === 0) return null;
                return (
                  <Checkbox.Group
                    key={list}
                    label={t(`developmentPlans.lists.${list}`)}
                    value={chosen}
                    onChange={(value) => form.setFieldValue(`competencies.${list}`, value)}
                    error={errorUnder(`competencies.${list}`)}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                      {options.map((o) => {
                        const c = generic ? names.competencies.get(o.value) : undefined;
                        const s = generic ? undefined : names.skills.get(o.value);
                        const detail = c ? competencyScores(t, c) : s ? skillLevel(t, s) : '';
                        return (
                          <Checkbox
                            key={o.value}
                            value={o.value}
                            label={generic ? o.label : (s?.name ?? o.label)}
                            description={detail || undefined}
                          />
                        );
                      })}
                    </SimpleGrid>
                  </Checkbox.Group>
                );
              })}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('developmentPlans.sections.goals')}>
            <Stack gap="md">
              {form.values.goals.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('developmentPlans.view.noGoals')}
                </Text>
              )}
              {form.values.goals.map((goal, i) => (
                <Fieldset key={goal.key} legend={t('developmentPlans.editor.goal', { number: i + 1 })} variant="filled">
                  <Stack gap="sm">
                    <TextInput
                      id={`goal-${goal.key}-what`}
                      label={t('developmentPlans.editor.goalWhat')}
                      required
                      maxLength={300}
                      {...form.getInputProps(`goals.${i}.what`)}
                      error={errorUnder(`goals.${i}.what`) ?? errorUnder(`goals.${i}.key`)}
                    />
                    <Textarea
                      label={t('developmentPlans.editor.goalEvidence')}
                      autosize
                      minRows={2}
                      maxLength={1000}
                      {...form.getInputProps(`goals.${i}.evidence`)}
                    />
                    <Textarea
                      label={t('developmentPlans.editor.goalWhy')}
                      autosize
                      minRows={2}
                      maxLength={1000}
                      {...form.getInputProps(`goals.${i}.why`)}
                    />
                    <TextInput
                      type="date"
                      label={t('developmentPlans.editor.goalDue')}
                      required
                      {...form.getInputProps(`goals.${i}.dueDate`)}
                    />
                    {competencyOptions.length + goal.competencyKeys.length > 0 && (
                      <MultiSelect
                        label={t('developmentPlans.editor.goalCompetencies')}
                        data={withChosen(competencyOptions, goal.competencyKeys, true)}
                        searchable
                        clearable
                        comboboxProps={{ withinPortal: true }}
                        value={goal.competencyKeys}
                        onChange={(value) => form.setFieldValue(`goals.${i}.competencyKeys`, value)}
                        error={errorUnder(`goals.${i}.competencyKeys`)}
                      />
                    )}
                    {skillOptions.length + goal.skillIds.length > 0 && (
                      <MultiSelect
                        label={t('developmentPlans.editor.goalSkills')}
                        data={withChosen(skillOptions, goal.skillIds, false)}
                        searchable
                        clearable
                        comboboxProps={{ withinPortal: true }}
                        value={goal.skillIds}
                        onChange={(value) => form.setFieldValue(`goals.${i}.skillIds`, value)}
                        error={errorUnder(`goals.${i}.skillIds`)}
                      />
                    )}
                    <Group justify="flex-end">
                      <Button size="xs" variant="default" color="red" onClick={() => removeGoal(i)}>
                        {t('developmentPlans.editor.removeGoal', { number: i + 1 })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              <Group>
                <Button id="pop-add-goal" variant="default" onClick={addGoal} disabled={form.values.goals.length >= 30}>
                  {t('developmentPlans.editor.addGoal')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('developmentPlans.sections.actions')}>
            <Stack gap="md">
              {form.values.actions.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('developmentPlans.view.noActions')}
                </Text>
              )}
              {form.values.actions.map((action, i) => (
                <Fieldset
                  key={action.key}
                  legend={t('developmentPlans.editor.action', { number: i + 1 })}
                  variant="filled"
                >
                  <Stack gap="sm">
                    <TextInput
                      id={`action-${action.key}-what`}
                      label={t('developmentPlans.editor.actionWhat')}
                      required
                      maxLength={300}
                      {...form.getInputProps(`actions.${i}.what`)}
                      error={errorUnder(`actions.${i}.what`) ?? errorUnder(`actions.${i}.key`)}
                    />
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <NativeSelect
                        label={t('developmentPlans.editor.actionOwner')}
                        data={actionOwners.map((o) => ({ value: o, label: t(`developmentPlans.owners.${o}`) }))}
                        {...form.getInputProps(`actions.${i}.owner`)}
                      />
                      <TextInput
                        label={t('developmentPlans.editor.actionOwnerName')}
                        maxLength={120}
                        {...form.getInputProps(`actions.${i}.ownerName`)}
                      />
                      <TextInput
                        type="date"
                        label={t('developmentPlans.editor.actionDue')}
                        required
                        {...form.getInputProps(`actions.${i}.dueDate`)}
                      />
                      <NativeSelect
                        label={t('developmentPlans.editor.actionStatus')}
                        data={actionStatuses.map((s) => ({ value: s, label: t(`developmentPlans.actionStatus.${s}`) }))}
                        {...form.getInputProps(`actions.${i}.status`)}
                      />
                    </SimpleGrid>
                    <NativeSelect
                      label={t('developmentPlans.editor.actionGoal')}
                      data={[
                        { value: '', label: t('developmentPlans.editor.actionNoGoal') },
                        ...form.values.goals.map((g, n) => ({
                          value: g.key,
                          label: g.what || t('developmentPlans.editor.goal', { number: n + 1 }),
                        })),
                      ]}
                      value={action.goalKey ?? ''}
                      onChange={(e) => form.setFieldValue(`actions.${i}.goalKey`, e.currentTarget.value || null)}
                      error={errorUnder(`actions.${i}.goalKey`)}
                    />
                    <Group justify="flex-end">
                      <Button size="xs" variant="default" color="red" onClick={() => removeAction(i)}>
                        {t('developmentPlans.editor.removeAction', { number: i + 1 })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              <Group>
                <Button
                  id="pop-add-action"
                  variant="default"
                  onClick={addAction}
                  disabled={form.values.actions.length >= 60}
                >
                  {t('developmentPlans.editor.addAction')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Textarea
            label={t('developmentPlans.sections.support')}
            description={t('developmentPlans.editor.supportHint')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={4000}
            {...form.getInputProps('support')}
          />
          <TextInput
            type="date"
            label={t('developmentPlans.editor.nextReview')}
            value={form.values.nextReviewDate ?? ''}
            onChange={(e) => form.setFieldValue('nextReviewDate', e.currentTarget.value || null)}
            error={errorUnder('nextReviewDate')}
          />

          <FormError message={formError} />
          {dirty && (
            <Text size="sm" fw={700} role="status">
              {t('developmentPlans.editor.unsaved')}
            </Text>
          )}
          <Group>
            <BusyButton id="pop-save" type="submit" busy={save.isPending} disabled={!!conflict}>
              {t('developmentPlans.editor.save')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
      <AgreementPanel
        participantId={participantId}
        draft={draft}
        revision={base.revision}
        canAgree={overview.can.agree}
        blocked={dirty || !!conflict}
        onAgreed={onAgreed}
      />
    </Stack>
  );
}
