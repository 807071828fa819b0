import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { userPasswordBody } from '#shared/users';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { api, type User } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';

/** For people who forgot their password and have no e-mail to reset it (most participants). */
export function SetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: userPasswordBody,
    initialValues: { password: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.users.setPassword(user.id, body.password),
    () => {
      notify(t('users.passwordSet', { name: user.name }));
      onClose();
    },
  );

  return (
    <Dialog onClose={onClose} title={t('users.setPasswordTitle', { name: user.name })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.setPasswordIntro')}</Text>
          <NewPasswordInput
            label={t('fields.newPassword')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('password')}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('users.setPassword')} />
        </Stack>
      </form>
    </Dialog>
  );
}
