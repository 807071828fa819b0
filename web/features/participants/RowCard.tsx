import { Button, Card, Group, Stack, Text } from '@mantine/core';
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

interface ListProps<Item extends { rowKey: string }> {
  items: Item[];
  /** Said when there are no rows. */
  empty: string;
  /** Names row `number` (counted from 1) and its remove button: see RowCard. */
  rowLabel: (number: number) => string;
  removeLabel: (number: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  /** The fields of one row. */
  children: (item: Item, index: number) => ReactNode;
}

/** The rows of a dialog that edits a whole list, each in a RowCard; a line when there are none; then the add button. */
export function RowList<Item extends { rowKey: string }>({
  items,
  empty,
  rowLabel,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  children,
}: ListProps<Item>) {
  return (
    <>
      {items.length === 0 && <Text c="dimmed">{empty}</Text>}
      {items.map((item, index) => (
        <RowCard
          key={item.rowKey}
          label={rowLabel(index + 1)}
          removeLabel={removeLabel(index + 1)}
          onRemove={() => onRemove(index)}
        >
          {children(item, index)}
        </RowCard>
      ))}
      <Group>
        <Button variant="default" onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
    </>
  );
}
