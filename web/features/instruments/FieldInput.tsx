import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DefinitionField, FormValue } from './values';
import './messages';

interface Props {
  field: DefinitionField;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error?: string;
}

/** One input for one typed field of a definition: its label, help, required mark and range come from the field. */
export function FieldInput({ field, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? value : '';
  const range =
    field.min !== undefined && field.max !== undefined
      ? t('instruments.form.range', { min: field.min, max: field.max })
      : field.min !== undefined
        ? t('instruments.form.atLeast', { min: field.min })
        : field.max !== undefined
          ? t('instruments.form.atMost', { max: field.max })
          : '';
  const description = [field.help, range].filter(Boolean).join(' ') || undefined;
  const common = { label: field.label, description, required: field.required, error };

  switch (field.type) {
    case 'integer':
    case 'decimal':
      // A text input with a number keyboard, not Mantine's NumberInput: that one drops the comma Dutch assessors
      // type ("0,35" became 35), and clamps what was typed. parseNumber reads a comma and a point alike.
      return (
        <TextInput
          {...common}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          inputMode={field.type === 'decimal' ? 'decimal' : 'numeric'}
          autoComplete="off"
          maw={220}
        />
      );
    case 'text':
      return (
        <Textarea {...common} autosize minRows={2} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'choice':
      return (
        <NativeSelect
          {...common}
          data={[{ value: '', label: '—' }, ...(field.options ?? []).map((o) => ({ value: o, label: o }))]}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={field.label}
          description={field.help || undefined}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'date':
      return (
        <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} maw={220} />
      );
  }
}
