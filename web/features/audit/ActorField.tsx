import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '../users/queries';

interface Actor {
  id: string;
  name: string;
}

/**
 * Who did it: a search box that asks the server, because an umbrella organisation has thousands of accounts
 * (participants log in too) and a list of all of them would not load, let alone be read.
 */
export function ActorField({ value, onChange }: { value: Actor | null; onChange: (actor: Actor | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(usersQuery({ q: q === value?.name ? undefined : q || undefined, limit: 20 }));
  const found = (results.data?.items ?? []).filter((user) => user.id !== value?.id);
  const data = [
    ...(value ? [{ value: value.id, label: value.name }] : []),
    ...found.map((user) => ({ value: user.id, label: user.name })),
  ];

  return (
    <Select
      label={t('audit.who')}
      placeholder={t('audit.everyone')}
      description={t('audit.whoHint')}
      inputWrapperOrder={['label', 'input', 'description']}
      searchable
      clearable
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={(next) => {
        setSearch(next);
        // Emptying the box is how a keyboard clears it: Mantine's clear button is for the mouse only.
        if (next === '' && value) onChange(null);
      }}
      // The server already searched: show its answer as it is.
      filter={({ options }) => options}
      nothingFoundMessage={results.isSuccess ? t('audit.nobodyFound') : null}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('audit.whoClear') }}
    />
  );
}
