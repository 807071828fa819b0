import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PapAction } from '#shared/action-plans';
import { formatDate } from '../participants/dates';
import { ActionDialog } from './ActionDialog';
import { ActionPictogram } from './Pictograms';
import { StaffOnlyBadge } from './StatusBadge';

interface Props {
  participantId: string;
  domainCode: string;
  label: string;
  actions: PapAction[];
  canWrite: boolean;
}

/** The actions of one life domain: what, who, by when, how far; added and changed in a dialog. */
export function ActionList({ participantId, domainCode, label, actions, canWrite }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<PapAction | 'new' | null>(null);
  const who = (action: PapAction) =>
    action.owner === 'other' && action.ownerName ? action.ownerName : t(`actionPlans.owner.${action.owner}`);

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('actionPlans.pap.actions')}
      </Title>
      {actions.length === 0 ? (
        <Text size="sm">{t('actionPlans.pap.noActions')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {actions.map((action) => (
            <Paper component="li" key={action.id} withBorder p="xs">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={700} className="break-anywhere">
                    {action.what}
                  </Text>
                  <Text size="sm">{t('actionPlans.pap.who', { who: who(action) })}</Text>
                  <Text size="sm">{t('actionPlans.pap.due', { date: formatDate(action.dueDate) })}</Text>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={action.status === 'done' ? 'groen' : 'gray'}
                      leftSection={<ActionPictogram status={action.status} size={14} />}
                      style={{ color: 'var(--mantine-color-text)' }}
                    >
                      {t(`actionPlans.actionStatus.${action.status}`)}
                    </Badge>
                    {action.staffOnly && <StaffOnlyBadge />}
                  </Group>
                </Stack>
                {canWrite && (
                  <Button
                    size="xs"
                    variant="default"
                    style={{ flexShrink: 0 }}
                    onClick={() => setOpen(action)}
                    aria-label={t('actionPlans.pap.editActionNamed', { what: action.what })}
                  >
                    {t('actionPlans.pap.editAction')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canWrite && (
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpen('new')}
          aria-label={t('actionPlans.pap.addActionNamed', { name: label })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('actionPlans.pap.addAction')}
        </Button>
      )}
      {open && (
        <ActionDialog
          participantId={participantId}
          domainCode={domainCode}
          label={label}
          action={open === 'new' ? null : open}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
