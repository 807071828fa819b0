import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '#shared/development-plans';
import { api } from '../../lib/api';

type Occupation = PlanContent['escoOccupation'];

/** A search box for an ESCO occupation: it asks the server after a short pause, from two letters on. */
export function EscoField({
  value,
  onChange,
  error,
}: {
  value: Occupation;
  onChange: (value: Occupation) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const enabled = debounced.length >= 2 && debounced !== value?.label;
  const results = useQuery({
    queryKey: ['esco', 'occupations', debounced],
    queryFn: () => api.esco.searchOccupations(debounced),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
  const found = (enabled ? (results.data?.items ?? []) : []).filter((o) => o.uri !== value?.uri);
  const data = [
    ...(value ? [{ value: value.uri, label: value.label }] : []),
    ...found.map((o) => ({ value: o.uri, label: o.label })),
  ];
  const nothing = results.isError
    ? t('developmentPlans.editor.escoFailed')
    : enabled && results.isSuccess
      ? t('developmentPlans.editor.escoNothing')
      : null;

  return (
    <Select
      label={t('developmentPlans.editor.esco')}
      description={t('developmentPlans.editor.escoHint')}
      searchable
      clearable
      data={data}
      value={value?.uri ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched: show its answer as it is.
      filter={({ options }) => options}
      nothingFoundMessage={nothing}
      onChange={(uri, option) => onChange(uri && option ? { uri, label: option.label } : null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('developmentPlans.editor.escoClear') }}
    />
  );
}
