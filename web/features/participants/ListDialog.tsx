import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import type { ParticipantDossier } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { participantQuery } from './queries';
import { RowList } from './RowCard';

interface Props<Item extends { rowKey: string }, Body> {
  /** Where the dialog's messages are, under participants: title, empty, rowLabel, removeRow and add. */
  messages: 'indications' | 'stakeholders';
  dossier: ParticipantDossier;
  /** rowKey only keeps React's rows apart while editing; the form's body leaves it out. */
  form: UseFormReturnType<{ items: Item[] }, Body>;
  /** Saves the whole list (PUT) and answers with the dossier. */
  send: (body: Body) => Promise<ParticipantDossier>;
  /** A new, empty row. */
  blank: () => Item;
  intro?: ReactNode;
  onClose: () => void;
  /** The fields of one row. */
  children: (item: Item, index: number) => ReactNode;
}

/** A dossier list that is saved at once (indications, stakeholders): add, change or remove rows, then save. */
export function ListDialog<Item extends { rowKey: string }, Body>({
  messages,
  dossier,
  form,
  send,
  blank,
  intro,
  onClose,
  children,
}: Props<Item, Body>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { onSubmit, error, pending } = useSubmit(form, send, async (saved) => {
    queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
    notify(t('common.saved'));
    onClose();
  });

  return (
    <Dialog onClose={onClose} title={t(`participants.${messages}.title`)} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {intro}
          <RowList
            items={form.getValues().items}
            empty={t(`participants.${messages}.empty`)}
            rowLabel={(number) => t(`participants.${messages}.rowLabel`, { number })}
            removeLabel={(number) => t(`participants.${messages}.removeRow`, { number })}
            onRemove={(index) => form.removeListItem('items', index)}
            addLabel={t(`participants.${messages}.add`)}
            onAdd={() => form.insertListItem('items', blank())}
          >
            {children}
          </RowList>
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
