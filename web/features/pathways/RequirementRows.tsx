import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';

/** One requirement while editing: what (a competency key or a skill id) and the level, both as the selects hold them. */
export interface RequirementRow {
  id: string;
  level: string;
}

interface Option {
  value: string;
  label: string;
}

interface Props {
  legend: string;
  /** The label of a row's first select, e.g. "Competentie"; also the remove button's name while nothing is chosen. */
  label: string;
  addLabel: string;
  rows: RequirementRow[];
  setRows: Dispatch<SetStateAction<RequirementRow[]>>;
  options: Option[];
  levels: Option[];
  /** The name a row's remove button says; empty when unknown. */
  nameOf: (id: string) => string;
  /** Where a row's errors are: `${path}.${index}.${field}` and `${path}.${index}.level`, as in the request body. */
  path: 'competencies' | 'skills';
  field: 'competencyKey' | 'skillId';
  errors: Record<string, string>;
}

/** The required competencies or skills of a work package: rows of what and at which level, added and removed one by one. */
export function RequirementRows({
  legend,
  label,
  addLabel,
  rows,
  setRows,
  options,
  levels,
  nameOf,
  path,
  field,
  errors,
}: Props) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<RequirementRow>) =>
    setRows((current) => current.map((r, j) => (j === index ? { ...r, ...patch } : r)));

  return (
    <Fieldset legend={legend}>
      <Stack gap="xs">
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <NativeSelect
              style={{ flex: 1, minWidth: 0 }}
              label={label}
              data={[{ value: '', label: '—' }, ...options]}
              value={row.id}
              onChange={(e) => change(i, { id: e.currentTarget.value })}
              error={errors[`${path}.${i}.${field}`]}
            />
            <NativeSelect
              w={90}
              label={t('pathways.admin.level')}
              data={levels}
              value={row.level}
              onChange={(e) => change(i, { level: e.currentTarget.value })}
              error={errors[`${path}.${i}.level`]}
            />
            <ActionIcon
              size={36}
              variant="default"
              aria-label={t('pathways.admin.remove', { name: nameOf(row.id) || label })}
              onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => setRows((current) => [...current, { id: '', level: '3' }])}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
