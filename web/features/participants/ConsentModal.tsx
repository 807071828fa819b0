import { NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consentCreateBody } from '#shared/participants';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useListChoices } from '../lists/queries';
import { today } from './dates';
import { participantQuery } from './queries';

/** A consent is never edited: giving or withdrawing it adds a record, so the history stays. */
export function ConsentModal({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kinds = useListChoices('consent_kind');
  const form = useSchemaForm({
    schema: consentCreateBody,
    initialValues: { kind: kinds.active[0]?.code ?? '', granted: 'yes', recordedOn: today() },
    toBody: (v) => ({ kind: v.kind, granted: v.granted === 'yes', recordedOn: v.recordedOn }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participants.recordConsent(dossier.id, body),
    async (saved) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      notify(t('participants.consents.recorded'));
      onClose();
    },
  );

  return (
    <Dialog onClose={onClose} title={t('participants.consents.recordTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('participants.consents.kind')}
            required
            data-autofocus
            data={kinds.active.map((item) => ({ value: item.code, label: kinds.label(item.code) }))}
            {...form.getInputProps('kind')}
          />
          <Radio.Group label={t('participants.consents.answer')} required {...form.getInputProps('granted')}>
            <Stack gap="xs" mt="xs">
              <Radio value="yes" label={t('participants.consents.grants')} />
              <Radio value="no" label={t('participants.consents.withdraws')} />
            </Stack>
          </Radio.Group>
          <TextInput
            type="date"
            label={t('participants.consents.recordedOn')}
            required
            max={today()}
            {...form.getInputProps('recordedOn')}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
