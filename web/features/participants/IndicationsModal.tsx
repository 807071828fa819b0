import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { indicationsBody, supportLevels } from '#shared/participants';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm } from '../../lib/forms';
import { useListChoices } from '../lists/queries';
import { today } from './dates';
import { ListDialog } from './ListDialog';
import { optional } from './PersonFields';

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

  return (
    <ListDialog
      messages="indications"
      dossier={dossier}
      form={form}
      send={(body) => api.participants.setIndications(dossier.id, body)}
      blank={blank}
      onClose={onClose}
    >
      {(item, index) => {
        const typeOptions = types.active.map((o) => ({ value: o.code, label: types.label(o.code) }));
        if (item.type && !typeOptions.some((o) => o.value === item.type))
          typeOptions.push({ value: item.type, label: types.label(item.type) });
        return (
          <>
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
          </>
        );
      }}
    </ListDialog>
  );
}
