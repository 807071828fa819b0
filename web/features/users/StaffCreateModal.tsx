import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffRoles } from '#shared/common';
import { staffCreateBody } from '#shared/users';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';

export function StaffCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: staffCreateBody,
    initialValues: { name: '', email: '', role: 'coach' as (typeof staffRoles)[number], password: '' },
    // No password means: the server mails an invitation link.
    toBody: ({ password, ...rest }) => (password ? { ...rest, password } : rest),
  });
  const { onSubmit, error, pending } = useSubmit(form, api.users.createStaff, async ({ user, invited }) => {
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    notify(
      invited ? t('users.invited', { name: user.name, email: user.email }) : t('users.created', { name: user.name }),
      { long: invited },
    );
    onClose();
  });

  return (
    <Dialog onClose={onClose} title={t('users.newStaffTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <NativeSelect
            label={t('fields.role')}
            required
            data={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <NewPasswordInput
            label={t('users.optionalPassword')}
            description={t('users.optionalPasswordHint')}
            {...form.getInputProps('password')}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('users.create')} />
        </Stack>
      </form>
    </Dialog>
  );
}
