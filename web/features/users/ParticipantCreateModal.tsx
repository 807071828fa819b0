import { Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { participantAccountBody } from '#shared/users';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';

/** Participants have no e-mail: they get a username and a password handed over in person. */
export function ParticipantCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: participantAccountBody,
    initialValues: { name: '', username: '', password: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.users.createParticipant, async ({ user }) => {
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    notify(t('users.participantCreated', { name: user.name, username: user.username }));
    onClose();
  });

  return (
    <Dialog onClose={onClose} title={t('users.newParticipantTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.participantIntro')}</Text>
          <TextInput
            label={t('fields.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('fields.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <NewPasswordInput label={t('fields.password')} required {...form.getInputProps('password')} />
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('users.create')} />
        </Stack>
      </form>
    </Dialog>
  );
}
