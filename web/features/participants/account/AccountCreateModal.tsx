import { Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { participantAccountCreateBody } from '#shared/participant-account';
import { Dialog } from '../../../components/Dialog';
import { FormActions } from '../../../components/FormActions';
import { NewPasswordInput } from '../../../components/NewPasswordInput';
import { api } from '../../../lib/api';
import { useSchemaForm, useSubmit } from '../../../lib/forms';
import type { Handout } from './ActivationHandout';

type Method = 'activation_code' | 'password';

interface Props {
  participantId: string;
  onClose: () => void;
  /** Called after the account exists; with the paper code when that method was chosen. */
  onCreated: (handout: Handout | null) => void | Promise<void>;
}

/** A username, then either a code on paper (the participant picks a password later) or a password chosen now. */
export function AccountCreateModal({ participantId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: participantAccountCreateBody,
    initialValues: { method: 'activation_code' as Method, username: '', password: '' },
    toBody: (values) =>
      values.method === 'password'
        ? { method: 'password' as const, username: values.username, password: values.password }
        : { method: 'activation_code' as const, username: values.username },
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participantAccounts.create(participantId, body),
    async (result) => {
      await onCreated(
        result.activationCode && result.activationExpiresAt
          ? { username: result.username, code: result.activationCode, expiresAt: result.activationExpiresAt }
          : null,
      );
      onClose();
    },
  );
  const method = form.getValues().method;

  return (
    <Dialog onClose={onClose} title={t('participantAccount.create')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('participantAccount.username')}
            description={t('participantAccount.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            {...form.getInputProps('username')}
          />
          <Radio.Group label={t('participantAccount.method')} {...form.getInputProps('method')}>
            <Stack gap="xs" mt="xs">
              <Radio value="activation_code" label={t('participantAccount.methodCode')} />
              <Radio value="password" label={t('participantAccount.methodPassword')} />
            </Stack>
          </Radio.Group>
          {method === 'password' && (
            <NewPasswordInput label={t('fields.password')} required {...form.getInputProps('password')} />
          )}
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('participantAccount.create')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
