import { ActionIcon, Card, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldTypes } from '#shared/instruments';
import type { FieldRow } from './definitionForm';
import './messages';

interface Props {
  row: FieldRow;
  /** Stays with the row when it moves, so the move buttons can keep the focus. */
  rowId: string;
  index: number;
  count: number;
  /** The definition has results: a saved field keeps its key and type and cannot be removed. */
  locked: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<FieldRow>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

/** One field of a definition in the editor, with buttons to move it and take it out. */
export function FieldRowEditor({ row, rowId, index, count, locked, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const at = (name: string) => errors[`fields.${index}.${name}`];
  const fixed = locked && row.saved;
  const name = row.label || t('instruments.editor.fieldNumber', { number: index + 1 });
  const numeric = row.type === 'integer' || row.type === 'decimal';
  return (
    <Card component="li" withBorder padding="sm" data-row={rowId}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            style={{ flex: '2 1 12rem' }}
            label={t('instruments.editor.label')}
            required
            value={row.label}
            onChange={(e) => onChange({ label: e.currentTarget.value })}
            error={at('label')}
          />
          <TextInput
            style={{ flex: '1 1 9rem' }}
            label={t('instruments.editor.key')}
            description={fixed ? t('instruments.editor.keyFixed') : t('instruments.editor.keyHelp')}
            required
            readOnly={fixed}
            value={row.key}
            onChange={(e) => onChange({ key: e.currentTarget.value })}
            error={at('key')}
          />
        </Group>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <NativeSelect
            style={{ flex: '1 1 9rem' }}
            label={t('instruments.editor.type')}
            disabled={fixed}
            data={fieldTypes.map((type) => ({ value: type, label: t(`instruments.types.${type}`) }))}
            value={row.type}
            onChange={(e) => {
              const type = fieldTypes.find((f) => f === e.currentTarget.value);
              if (type) onChange({ type });
            }}
            error={at('type')}
          />
          <TextInput
            style={{ flex: '1 1 9rem' }}
            label={t('instruments.editor.group')}
            value={row.group}
            onChange={(e) => onChange({ group: e.currentTarget.value })}
            error={at('group')}
          />
        </Group>
        {numeric && (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              w={130}
              label={t('instruments.editor.min')}
              value={row.min}
              onChange={(e) => onChange({ min: e.currentTarget.value })}
              inputMode="decimal"
              autoComplete="off"
              error={at('min')}
            />
            <TextInput
              w={130}
              label={t('instruments.editor.max')}
              value={row.max}
              onChange={(e) => onChange({ max: e.currentTarget.value })}
              inputMode="decimal"
              autoComplete="off"
              error={at('max')}
            />
          </Group>
        )}
        {row.type === 'choice' && (
          <Textarea
            label={t('instruments.editor.options')}
            description={t('instruments.editor.optionsHelp')}
            autosize
            minRows={2}
            value={row.options}
            onChange={(e) => onChange({ options: e.currentTarget.value })}
            error={at('options') ?? Object.entries(errors).find(([k]) => k.startsWith(`fields.${index}.options.`))?.[1]}
          />
        )}
        <TextInput
          label={t('instruments.editor.help')}
          value={row.help}
          onChange={(e) => onChange({ help: e.currentTarget.value })}
          error={at('help')}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Checkbox
            label={t('instruments.editor.required')}
            checked={row.required}
            onChange={(e) => onChange({ required: e.currentTarget.checked })}
          />
          <Group gap="xs">
            <ActionIcon
              size={36}
              variant="default"
              aria-label={t('instruments.editor.moveUp', { name })}
              data-move="up"
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              size={36}
              variant="default"
              aria-label={t('instruments.editor.moveDown', { name })}
              data-move="down"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              size={36}
              variant="default"
              aria-label={t('instruments.editor.removeField', { name })}
              disabled={fixed || count === 1}
              onClick={onRemove}
            >
              ×
            </ActionIcon>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
