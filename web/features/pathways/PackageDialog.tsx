import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workModes } from '#shared/competencies';
import { type NextStepInput, type WorkPackage, workPackageInput } from '#shared/pathways';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { frameworkQuery, frameworksQuery, jobProfilesQuery } from '../competencies/queries';
import { teamSkillsQuery } from '../iluo/queries';
import { useListChoices } from '../lists/queries';
import { splitError } from './fieldErrors';
import { refreshPathways, workPackagesQuery } from './queries';

interface Props {
  teamId: string;
  /** The package to edit; a new one when left out. */
  existing?: WorkPackage;
  onClose: () => void;
}

const stepKey = (s: NextStepInput) =>
  s.kind === 'package'
    ? `package:${s.packageId}`
    : s.kind === 'job_profile'
      ? `job_profile:${s.jobProfileId}`
      : `outflow:${s.exitDestination}`;

function stepOf(key: string): NextStepInput {
  const [kind, id = ''] = key.split(':');
  if (kind === 'package') return { kind: 'package', packageId: id };
  if (kind === 'job_profile') return { kind: 'job_profile', jobProfileId: id };
  return { kind: 'outflow', exitDestination: id };
}

const iluoLetters = ['I', 'L', 'U', 'O'];

/** Defining a work package: name, step, kind of work, what is needed and where it can lead. */
export function PackageDialog({ teamId, existing, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const frameworks = useQuery(frameworksQuery(false));
  const defaultId = frameworks.data?.items.find((f) => f.isDefault)?.id;
  const framework = useQuery({ ...frameworkQuery(defaultId ?? ''), enabled: Boolean(defaultId) });
  const skills = useQuery(teamSkillsQuery(teamId));
  const packages = useQuery(workPackagesQuery({}));
  const profiles = useQuery(jobProfilesQuery({}));
  const destinations = useListChoices('exit_destination');

  const [name, setName] = useState(existing?.name ?? '');
  const [step, setStep] = useState(String(existing?.step ?? 1));
  const [workMode, setWorkMode] = useState<string>(existing?.workMode ?? 'uitvoerend');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [competencies, setCompetencies] = useState(
    existing?.competencies.map((c) => ({ competencyKey: c.competencyKey, level: String(c.level) })) ?? [],
  );
  const [skillRows, setSkillRows] = useState(
    existing?.skills.map((s) => ({ skillId: s.skillId, level: String(s.level) })) ?? [],
  );
  const [nextSteps, setNextSteps] = useState<string[]>(
    existing?.nextSteps.map((s) =>
      stepKey(
        s.kind === 'package'
          ? { kind: 'package', packageId: s.targetId }
          : s.kind === 'job_profile'
            ? { kind: 'job_profile', jobProfileId: s.targetId }
            : { kind: 'outflow', exitDestination: s.targetId },
      ),
    ) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const scale = framework.data?.current.scale ?? [];
  const frameworkCompetencies = framework.data?.current.competencies ?? [];

  const body = () => ({
    teamId,
    name,
    step: Number(step),
    workMode,
    description,
    competencies: competencies.map((c) => ({ competencyKey: c.competencyKey, level: Number(c.level) })),
    skills: skillRows.map((s) => ({ skillId: s.skillId, level: Number(s.level) })),
    nextSteps: nextSteps.map(stepOf),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = body();
    const parsed = workPackageInput.safeParse(input);
    if (!parsed.success) {
      setErrors(translatedIssues(t, parsed.error.issues, input));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const saved = existing
        ? await api.pathways.update(existing.id, parsed.data)
        : await api.pathways.create(parsed.data);
      await refreshPathways(queryClient);
      notify(t('pathways.admin.saved', { name: saved.name }));
      onClose();
    } catch (err) {
      const known = (path: string) =>
        /^(name|step|workMode|description|competencies\.\d+\.\w+|skills\.\d+\.\w+)$/.test(path);
      const split = splitError(t, err, known);
      setErrors(split.fields);
      setError(split.message);
    } finally {
      setPending(false);
    }
  };

  const stepOptions = [
    ...(packages.data?.items ?? [])
      .filter((p) => p.id !== existing?.id)
      .map((p) => ({
        value: `package:${p.id}`,
        label: `${p.name} (${p.team.name}, ${t('pathways.map.step', { step: p.step })})`,
      })),
    ...(profiles.data?.items ?? [])
      .filter((p) => !p.archived)
      .map((p) => ({ value: `job_profile:${p.id}`, label: `${p.name} (${t('pathways.kinds.job_profile')})` })),
    ...destinations.active.map((d) => ({
      value: `outflow:${d.code}`,
      label: `${destinations.label(d.code)} (${t('pathways.kinds.outflow')})`,
    })),
  ];

  return (
    <Dialog
      title={existing ? t('pathways.admin.edit', { name: existing.name }) : t('pathways.admin.new')}
      onClose={onClose}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('pathways.admin.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            type="number"
            min={1}
            max={20}
            label={t('pathways.admin.step')}
            required
            value={step}
            onChange={(e) => setStep(e.currentTarget.value)}
            error={errors.step}
          />
          <NativeSelect
            label={t('pathways.admin.workMode')}
            required
            data={workModes.map((m) => ({ value: m, label: t(`pathways.workModes.${m}`) }))}
            value={workMode}
            onChange={(e) => setWorkMode(e.currentTarget.value)}
            error={errors.workMode}
          />
          <Textarea
            label={t('pathways.admin.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />

          <Fieldset legend={t('pathways.admin.competencies')}>
            <Stack gap="xs">
              {competencies.map((row, i) => {
                const label = frameworkCompetencies.find((c) => c.key === row.competencyKey)?.name ?? row.competencyKey;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
                  <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                    <NativeSelect
                      style={{ flex: 1, minWidth: 0 }}
                      label={t('pathways.admin.competency')}
                      data={[
                        { value: '', label: '—' },
                        ...frameworkCompetencies.map((c) => ({ value: c.key, label: c.name })),
                      ]}
                      value={row.competencyKey}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setCompetencies((rows) => rows.map((r, j) => (j === i ? { ...r, competencyKey: value } : r)));
                      }}
                      error={errors[`competencies.${i}.competencyKey`]}
                    />
                    <NativeSelect
                      w={90}
                      label={t('pathways.admin.level')}
                      data={(scale.length ? scale : [{ value: 1, label: '1' }]).map((l) => ({
                        value: String(l.value),
                        label: `${l.value}`,
                      }))}
                      value={row.level}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setCompetencies((rows) => rows.map((r, j) => (j === i ? { ...r, level: value } : r)));
                      }}
                      error={errors[`competencies.${i}.level`]}
                    />
                    <ActionIcon
                      size={36}
                      variant="default"
                      aria-label={t('pathways.admin.remove', { name: label || t('pathways.admin.competency') })}
                      onClick={() => setCompetencies((rows) => rows.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                );
              })}
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setCompetencies((rows) => [...rows, { competencyKey: '', level: '3' }])}
                >
                  {t('pathways.admin.addCompetency')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('pathways.admin.skills')}>
            <Stack gap="xs">
              {skillRows.map((row, i) => {
                const label = skills.data?.items.find((s) => s.id === row.skillId)?.name ?? '';
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
                  <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                    <NativeSelect
                      style={{ flex: 1, minWidth: 0 }}
                      label={t('pathways.admin.skill')}
                      data={[
                        { value: '', label: '—' },
                        ...(skills.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
                      ]}
                      value={row.skillId}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setSkillRows((rows) => rows.map((r, j) => (j === i ? { ...r, skillId: value } : r)));
                      }}
                      error={errors[`skills.${i}.skillId`]}
                    />
                    <NativeSelect
                      w={90}
                      label={t('pathways.admin.level')}
                      data={iluoLetters.map((letter, l) => ({ value: String(l + 1), label: letter }))}
                      value={row.level}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setSkillRows((rows) => rows.map((r, j) => (j === i ? { ...r, level: value } : r)));
                      }}
                      error={errors[`skills.${i}.level`]}
                    />
                    <ActionIcon
                      size={36}
                      variant="default"
                      aria-label={t('pathways.admin.remove', { name: label || t('pathways.admin.skill') })}
                      onClick={() => setSkillRows((rows) => rows.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                );
              })}
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setSkillRows((rows) => [...rows, { skillId: '', level: '3' }])}
                >
                  {t('pathways.admin.addSkill')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Checkbox.Group
            label={t('pathways.admin.nextSteps')}
            description={t('pathways.admin.nextStepsHelp')}
            value={nextSteps}
            onChange={setNextSteps}
            error={Object.entries(errors).find(([k]) => k.startsWith('nextSteps'))?.[1]}
          >
            <Stack gap={6} mt="xs">
              {stepOptions.length === 0 && <Text size="sm">—</Text>}
              {stepOptions.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>

          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
