import { Checkbox, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stakeholdersBody } from '#shared/participants';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm } from '../../lib/forms';
import { ListDialog } from './ListDialog';
import { optional } from './PersonFields';

type Stakeholder = NonNullable<ParticipantDossier['confidential']>['stakeholders'][number];

/** People who matter to the participant. The whole list is saved at once (PUT). */
export function StakeholdersModal({
  dossier,
  stakeholders,
  onClose,
}: {
  dossier: ParticipantDossier;
  stakeholders: Stakeholder[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: stakeholdersBody,
    initialValues: {
      // rowKey only keeps React's rows apart while editing; it is not sent.
      items: stakeholders.map((s) => ({
        rowKey: s.id,
        name: s.name,
        relation: s.relation,
        contact: s.contact ?? '',
        mayBeInvolved: s.mayBeInvolved,
      })),
    },
    toBody: (v) => ({ items: v.items.map(({ rowKey: _, ...s }) => ({ ...s, contact: optional(s.contact) ?? null })) }),
  });

  return (
    <ListDialog
      messages="stakeholders"
      dossier={dossier}
      form={form}
      send={(body) => api.participants.setStakeholders(dossier.id, body)}
      blank={() => ({ rowKey: crypto.randomUUID(), name: '', relation: '', contact: '', mayBeInvolved: false })}
      intro={<Text size="sm">{t('participants.stakeholders.intro')}</Text>}
      onClose={onClose}
    >
      {(_, index) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('fields.name')}
              required
              autoComplete="off"
              {...form.getInputProps(`items.${index}.name`)}
            />
            <TextInput
              label={t('participants.stakeholders.relation')}
              description={t('participants.stakeholders.relationHint')}
              required
              {...form.getInputProps(`items.${index}.relation`)}
            />
          </SimpleGrid>
          <TextInput
            label={t('participants.stakeholders.contactOptional')}
            autoComplete="off"
            {...form.getInputProps(`items.${index}.contact`)}
          />
          <Checkbox
            label={t('participants.stakeholders.mayBeInvolved')}
            {...form.getInputProps(`items.${index}.mayBeInvolved`, { type: 'checkbox' })}
          />
        </>
      )}
    </ListDialog>
  );
}
