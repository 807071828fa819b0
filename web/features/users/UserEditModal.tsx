import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type StaffRole, staffRoles } from '#shared/common';
import { userUpdateBody } from '#shared/users';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type User } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { sessionQuery } from '../../lib/session';

interface Props {
  user: User;
  /** The server refuses a change of one's own role (an admin could lock everyone out). */
  isSelf: boolean;
  onClose: () => void;
}

export function UserEditModal({ user, isSelf, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isParticipant = user.role === 'participant';
  const roleFixed = isParticipant || isSelf;
  const form = useSchemaForm({
    schema: userUpdateBody,
    initialValues: { name: user.name, role: user.role },
    toBody: ({ name, role }) => (roleFixed || role === user.role ? { name } : { name, role: role as StaffRole }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.users.update(user.id, body),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      if (isSelf) await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      notify(t('common.savedNamed', { name: saved.name }));
      onClose();
    },
  );

  const roleOptions = isParticipant
    ? [{ value: 'participant', label: t('roles.participant') }]
    : staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <Dialog onClose={onClose} title={t('users.editTitle', { name: user.name })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <NativeSelect
            label={t('fields.role')}
            data={roleOptions}
            disabled={roleFixed}
            description={isParticipant ? t('users.participantRoleFixed') : isSelf ? t('users.ownRoleFixed') : undefined}
            {...form.getInputProps('role')}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
