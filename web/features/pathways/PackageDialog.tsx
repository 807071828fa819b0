import { Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
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
import { type RequirementRow, RequirementRows } from './RequirementRows';

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
  const [competencies, setCompetencies] = useState<RequirementRow[]>(
    existing?.competencies.map((c) => ({ id: c.competencyKey, level: String(c.level) })) ?? [],
  );
  const [skillRows, setSkillRows] = useState<RequirementRow[]>(
    existing?.skills.map((s) => ({ id: s.skillId, level: String(s.level) })) ?? [],
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
    competencies: competencies.map((c) => ({ competencyKey: c.id, level: Number(c.level) })),
    skills: skillRows.map((s) => ({ skillId: s.id, level: Number(s.level) })),
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

          <RequirementRows
            legend={t('pathways.admin.competencies')}
            label={t('pathways.admin.competency')}
            addLabel={t('pathways.admin.addCompetency')}
            rows={competencies}
            setRows={setCompetencies}
            options={frameworkCompetencies.map((c) => ({ value: c.key, label: c.name }))}
            levels={(scale.length ? scale : [{ value: 1, label: '1' }]).map((l) => ({
              value: String(l.value),
              label: `${l.value}`,
            }))}
            nameOf={(key) => frameworkCompetencies.find((c) => c.key === key)?.name ?? key}
            path="competencies"
            field="competencyKey"
            errors={errors}
          />

          <RequirementRows
            legend={t('pathways.admin.skills')}
            label={t('pathways.admin.skill')}
            addLabel={t('pathways.admin.addSkill')}
            rows={skillRows}
            setRows={setSkillRows}
            options={(skills.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            levels={iluoLetters.map((letter, l) => ({ value: String(l + 1), label: letter }))}
            nameOf={(id) => skills.data?.items.find((s) => s.id === id)?.name ?? ''}
            path="skills"
            field="skillId"
            errors={errors}
          />

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
