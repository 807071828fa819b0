import { Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { retentionRunBody } from '#shared/privacy';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { refreshAfterErasure } from './queries';
import './messages';

interface Props {
  /** How many are due now: what the admin confirms. */
  count: number;
  onClose: () => void;
  onDone: (erased: number) => void;
}

/** "Nu wissen": erases everyone whose retention period is over, with one reason for the audit log. */
export function RunRetentionDialog({ count, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    initialValues: { reason: '' },
    schema: retentionRunBody,
    toBody: (values: { reason: string }) => values,
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.privacy.runRetention(body),
    async (result) => {
      await refreshAfterErasure(queryClient);
      notify(t('privacy.retention.runDone', { count: result.anonymised }));
      onDone(result.anonymised);
    },
  );

  return (
    <Dialog title={t('privacy.retention.runTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text fw={700}>{t('privacy.retention.runIntro', { count })}</Text>
          <Textarea
            label={t('privacy.reason.label')}
            description={t('privacy.reason.runHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('privacy.retention.runSubmit')}
            submitColor="red"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
