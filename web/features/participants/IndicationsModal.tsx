import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicationsBody, supportLevels } from '#shared/participants';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useListChoices } from '../lists/queries';
import { today } from './dates';
import { optional } from './PersonFields';
import { participantQuery } from './queries';
import { RowCard } from './RowCard';

type Indication = NonNullable<ParticipantDossier['confidential']>['indications'][number];

/** The whole list is saved at once (PUT): add, change or remove rows, then save. */
export function IndicationsModal({
  dossier,
  indications,
  onClose,
}: {
  dossier: ParticipantDossier;
  indications: Indication[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const types = useListChoices('indication_type');
  // rowKey only keeps React's rows apart while editing; it is not sent.
  const blank = () => ({
    rowKey: crypto.randomUUID(),
    type: '',
    supportLevel: 'medium',
    validFrom: today(),
    validUntil: '',
    note: '',
  });
  const form = useSchemaForm({
    schema: indicationsBody,
    initialValues: {
      items: indications.map((i) => ({
        rowKey: i.id,
        type: i.type,
        supportLevel: i.supportLevel as string,
        validFrom: i.validFrom,
        validUntil: i.validUntil ?? '',
        note: i.note ?? '',
      })),
    },
    toBody: (v) => ({
      items: v.items.map((i) => ({
        type: i.type,
        supportLevel: i.supportLevel as (typeof supportLevels)[number],
        validFrom: i.validFrom,
        validUntil: optional(i.validUntil) ?? null,
        note: optional(i.note) ?? null,
      })),
    }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participants.setIndications(dossier.id, body),
    async (saved) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      notify(t('common.saved'));
      onClose();
    },
  );
  const items = form.getValues().items;

  return (
    <Dialog onClose={onClose} title={t('participants.indications.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {items.length === 0 && <Text c="dimmed">{t('participants.indications.empty')}</Text>}
          {items.map((item, index) => {
            const number = index + 1;
            const typeOptions = types.active.map((o) => ({ value: o.code, label: types.label(o.code) }));
            if (item.type && !typeOptions.some((o) => o.value === item.type))
              typeOptions.push({ value: item.type, label: types.label(item.type) });
            return (
              <RowCard
                key={item.rowKey}
                label={t('participants.indications.rowLabel', { number })}
                removeLabel={t('participants.indications.removeRow', { number })}
                onRemove={() => form.removeListItem('items', index)}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    label={t('participants.indications.type')}
                    required
                    data={[{ value: '', label: t('participants.indications.chooseType') }, ...typeOptions]}
                    {...form.getInputProps(`items.${index}.type`)}
                  />
                  <NativeSelect
                    label={t('participants.indications.supportLevel')}
                    required
                    data={supportLevels.map((level) => ({
                      value: level,
                      label: t(`participants.supportLevels.${level}`),
                    }))}
                    {...form.getInputProps(`items.${index}.supportLevel`)}
                  />
                  <TextInput
                    type="date"
                    label={t('participants.indications.validFrom')}
                    required
                    {...form.getInputProps(`items.${index}.validFrom`)}
                  />
                  <TextInput
                    type="date"
                    label={t('participants.indications.validUntilOptional')}
                    {...form.getInputProps(`items.${index}.validUntil`)}
                  />
                </SimpleGrid>
                <Textarea
                  label={t('participants.indications.noteOptional')}
                  autosize
                  minRows={1}
                  {...form.getInputProps(`items.${index}.note`)}
                />
              </RowCard>
            );
          })}
          <Group>
            <Button variant="default" onClick={() => form.insertListItem('items', blank())}>
              {t('participants.indications.add')}
            </Button>
          </Group>
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
