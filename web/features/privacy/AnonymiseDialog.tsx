import { List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anonymiseBody } from '#shared/privacy';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { participantQuery } from '../participants/queries';
import { confirmsName, fullName } from './confirmName';
import { privacyFieldText, splitError } from './fieldErrors';
import { refreshAfterErasure } from './queries';
import './messages';

function focusFirstInvalidField() {
  // After React has rendered the error state.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

const gone = ['identity', 'login', 'texts', 'people', 'sensitive'] as const;
const kept = ['path', 'scores', 'audit'] as const;

interface Values {
  reason: string;
  confirmName: string;
}

/**
 * Erasing for good: what disappears and what stays, the reason, and the participant's full name typed as a last
 * check. The server compares the name the same way (confirmName.ts), so a match here is a match there.
 */
export function AnonymiseDialog({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = fullName(dossier);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<Values>({
    initialValues: { reason: '', confirmName: '' },
    validate: (values) => {
      const result = anonymiseBody.safeParse(values);
      const errors = result.success ? {} : translatedIssues(t, result.error.issues, values);
      if (!errors.confirmName && !confirmsName(values.confirmName, name))
        errors.confirmName = privacyFieldText(t, 'confirm_mismatch');
      return errors;
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const result = await api.privacy.anonymise(dossier.id, values);
      await refreshAfterErasure(queryClient);
      // The dossier reloaded above; the moment of erasure is known here even if the reload did not carry it.
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, (old) =>
        old ? { ...old, anonymisedAt: old.anonymisedAt ?? result.anonymisedAt } : old,
      );
      notify(t('privacy.anonymise.done'));
      onClose();
    } catch (err) {
      const { fields, message } = splitError(t, err, (path) => path in values);
      form.setErrors(fields);
      setError(message);
    } finally {
      setPending(false);
    }
  }, focusFirstInvalidField);

  return (
    <Dialog title={t('privacy.anonymise.title', { name })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text fw={700}>{t('privacy.anonymise.intro')}</Text>
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('privacy.anonymise.goneTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {gone.map((key) => (
                <List.Item key={key}>{t(`privacy.anonymise.gone.${key}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('privacy.anonymise.keptTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {kept.map((key) => (
                <List.Item key={key}>{t(`privacy.anonymise.kept.${key}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <Textarea
            label={t('privacy.reason.label')}
            description={t('privacy.reason.eraseHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <TextInput
            label={t('privacy.anonymise.confirm')}
            description={t('privacy.anonymise.confirmHint', { name })}
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('confirmName')}
          />
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('privacy.anonymise.submit')}
            submitColor="red"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
