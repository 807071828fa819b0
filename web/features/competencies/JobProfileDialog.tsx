import { NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type FrameworkVersion, type JobProfile, jobProfileInput, workModes } from '#shared/competencies';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { refreshCompetencies } from './queries';

interface Props {
  frameworkId: string;
  /** The framework's current version: its competencies and scale levels are what a profile can expect. */
  version: FrameworkVersion;
  /** Without a profile the dialog creates one. */
  profile?: JobProfile;
  onClose: () => void;
}

type Values = {
  name: string;
  description: string;
  ladderStep: number | string;
  workMode: (typeof workModes)[number];
  /** Expected level per competency key, '' for none. */
  levels: Record<string, string>;
};

/** A job profile on the career ladder: its step, its work mode and the level it expects per competency. */
export function JobProfileDialog({ frameworkId, version, profile, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const expected = new Map(profile?.expectations.map((e) => [e.competencyKey, e.level]));
  const form = useSchemaForm({
    schema: jobProfileInput,
    initialValues: {
      name: profile?.name ?? '',
      description: profile?.description ?? '',
      ladderStep: profile?.ladderStep ?? 1,
      workMode: profile?.workMode ?? 'uitvoerend',
      levels: Object.fromEntries(version.competencies.map((c) => [c.key, String(expected.get(c.key) ?? '')])),
    } satisfies Values as Values,
    toBody: (values: Values) => ({
      frameworkId,
      name: values.name.trim(),
      description: values.description.trim() || null,
      ladderStep: typeof values.ladderStep === 'number' ? values.ladderStep : Number.NaN,
      workMode: values.workMode,
      expectations: version.competencies.flatMap((c) => {
        const level = values.levels[c.key];
        return level ? [{ competencyKey: c.key, level: Number(level) }] : [];
      }),
    }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => (profile ? api.competencies.updateJobProfile(profile.id, body) : api.competencies.createJobProfile(body)),
    async (saved) => {
      await refreshCompetencies(queryClient);
      notify(t('common.savedNamed', { name: saved.name }));
      onClose();
    },
  );
  const levelOptions = [
    { value: '', label: t('competencies.jobProfiles.noExpectation') },
    ...version.scale.map((l) => ({ value: String(l.value), label: `${l.value} – ${l.label}` })),
  ];

  return (
    <Dialog
      title={
        profile
          ? t('competencies.jobProfiles.editTitle', { name: profile.name })
          : t('competencies.jobProfiles.newTitle')
      }
      onClose={onClose}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label={t('competencies.jobProfiles.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <NumberInput
            label={t('competencies.jobProfiles.ladderStep')}
            description={t('competencies.jobProfiles.ladderStepHint')}
            required
            min={1}
            max={20}
            allowDecimal={false}
            {...form.getInputProps('ladderStep')}
          />
          <Radio.Group label={t('competencies.jobProfiles.workMode')} required {...form.getInputProps('workMode')}>
            <Stack gap="xs" mt="xs">
              {workModes.map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  label={t(`competencies.workModes.${mode}`)}
                  description={t(`competencies.workModeHints.${mode}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Stack gap="xs">
            <Text fw={700} size="sm">
              {t('competencies.jobProfiles.expectations')}
            </Text>
            <Text size="sm">{t('competencies.jobProfiles.expectationsHint')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {version.competencies.map((c) => (
                <NativeSelect
                  key={c.key}
                  label={c.name}
                  data={levelOptions}
                  {...form.getInputProps(`levels.${c.key}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
