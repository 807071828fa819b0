import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { api, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { participantQuery } from './queries';

/** Archiving makes the dossier read-only and hides it from the list, so it asks first; so does undoing it. */
export function ArchiveDialog({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const archiving = !dossier.archived;
  const name = `${dossier.firstName} ${dossier.lastName}`;
  const toggle = useMutation({
    mutationFn: () => (archiving ? api.participants.archive(dossier.id) : api.participants.unarchive(dossier.id)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
      notify(t(saved.archived ? 'participants.archive.done' : 'participants.archive.undone', { name }));
      onClose();
    },
  });

  return (
    <Dialog
      onClose={onClose}
      title={t(archiving ? 'participants.archive.title' : 'participants.archive.undoTitle', { name })}
    >
      <Stack gap="md">
        <Text>{t(archiving ? 'participants.archive.warning' : 'participants.archive.undoInfo')}</Text>
        <FormError message={toggle.isError ? errorText(t, toggle.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {t(archiving ? 'participants.archive.confirm' : 'participants.archive.undo')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
