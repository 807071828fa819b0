import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Pictogram as PictogramKey, pictograms } from '#shared/competencies';
import { Pictogram } from './Pictogram';

interface Props {
  label: string;
  value: PictogramKey;
  onChange: (value: PictogramKey) => void;
  error?: string;
}

/** Picks a level's pictogram: each option shows the drawing with its name, so it works by sight and by ear. */
export function PictogramSelect({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      value={value}
      error={error}
      allowDeselect={false}
      leftSection={<Pictogram name={value} size={20} />}
      data={pictograms.map((p) => ({ value: p, label: t(`competencies.pictograms.${p}`) }))}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Pictogram name={option.value as PictogramKey} size={20} />
          <Text size="sm">{option.label}</Text>
        </Group>
      )}
      onChange={(next) => {
        if (next) onChange(next as PictogramKey);
      }}
    />
  );
}
