import { Button, Card, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Names the fieldset for screen readers, e.g. "Indicering 2". */
  label: string;
  /** Names the remove button, e.g. "Indicering 2 verwijderen": several identical "Verwijderen" buttons would be ambiguous. */
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}

/** One row of a dialog that edits a list (indications, stakeholders): its fields, then a remove button. */
export function RowCard({ label, removeLabel, onRemove, children }: Props) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="fieldset" aria-label={label}>
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={removeLabel}>
            {t('participants.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
