import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { api, type User } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';

/** Deactivating ends the person's sessions at once, so it asks first; reactivating asks too, for symmetry. */
export function ActiveToggleDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deactivating = user.active;
  const toggle = useMutation({
    mutationFn: () => (deactivating ? api.users.deactivate(user.id) : api.users.reactivate(user.id)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notify(t(saved.active ? 'users.reactivated' : 'users.deactivated', { name: saved.name }));
      onClose();
    },
  });

  return (
    <Dialog
      onClose={onClose}
      title={t(deactivating ? 'users.deactivateTitle' : 'users.reactivateTitle', { name: user.name })}
    >
      <Stack gap="md">
        <Text>{deactivating ? t('users.deactivateWarning') : t('users.reactivateInfo')}</Text>
        <FormError message={toggle.isError ? errorText(t, toggle.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={deactivating ? 'red' : undefined} loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {t(deactivating ? 'users.deactivate' : 'users.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
