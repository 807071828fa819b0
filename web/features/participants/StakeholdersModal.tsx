import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { stakeholdersBody } from '#shared/participants';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { optional } from './PersonFields';
import { participantQuery } from './queries';
import { RowCard } from './RowCard';

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
  const queryClient = useQueryClient();
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
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participants.setStakeholders(dossier.id, body),
    async (saved) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      notify(t('common.saved'));
      onClose();
    },
  );
  const items = form.getValues().items;

  return (
    <Dialog onClose={onClose} title={t('participants.stakeholders.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('participants.stakeholders.intro')}</Text>
          {items.length === 0 && <Text c="dimmed">{t('participants.stakeholders.empty')}</Text>}
          {items.map((item, index) => {
            const number = index + 1;
            return (
              <RowCard
                key={item.rowKey}
                label={t('participants.stakeholders.rowLabel', { number })}
                removeLabel={t('participants.stakeholders.removeRow', { number })}
                onRemove={() => form.removeListItem('items', index)}
              >
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
              </RowCard>
            );
          })}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('items', {
                  rowKey: crypto.randomUUID(),
                  name: '',
                  relation: '',
                  contact: '',
                  mayBeInvolved: false,
                })
              }
            >
              {t('participants.stakeholders.add')}
            </Button>
          </Group>
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
