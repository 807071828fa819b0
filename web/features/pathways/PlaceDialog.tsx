import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placementCreateBody } from '#shared/pathways';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { today } from '../participants/dates';
import { splitError } from './fieldErrors';
import { refreshPathways, workPackagesQuery } from './queries';

interface Props {
  participantId: string;
  currentPackageId: string | null;
  onClose: () => void;
}

/** Moving a participant to another package: the server ends the current one and adds a step to the timeline. */
export function PlaceDialog({ participantId, currentPackageId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const packages = useQuery(workPackagesQuery({}));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const toBody = (v: { packageId: string; fromDate: string; note: string }) => ({
    packageId: v.packageId,
    fromDate: v.fromDate,
    note: v.note.trim() || undefined,
  });
  const form = useForm({
    initialValues: { packageId: '', fromDate: today(), note: '' },
    validate: (values) => {
      const result = placementCreateBody.safeParse(toBody(values));
      return result.success ? {} : translatedIssues(t, result.error.issues, toBody(values));
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const saved = await api.pathways.place(participantId, toBody(values));
      await refreshPathways(queryClient);
      notify(t('pathways.place.done', { name: saved.current?.package.name ?? '' }));
      onClose();
    } catch (err) {
      const { fields, message } = splitError(t, err, (path) => path in values);
      form.setErrors(fields);
      setError(message);
    } finally {
      setPending(false);
    }
  });

  const options = (packages.data?.items ?? [])
    .filter((p) => p.id !== currentPackageId)
    .map((p) => ({ value: p.id, label: `${p.team.name} · ${t('pathways.map.step', { step: p.step })} · ${p.name}` }));

  return (
    <Dialog title={t('pathways.place.title')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('pathways.place.package')}
            required
            data-autofocus
            data={[{ value: '', label: '—' }, ...options]}
            {...form.getInputProps('packageId')}
          />
          <TextInput
            type="date"
            label={t('pathways.place.fromDate')}
            required
            max={today()}
            {...form.getInputProps('fromDate')}
          />
          <Textarea label={t('pathways.place.note')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('pathways.place.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
