import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { type AuditEntry, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ActorField } from './ActorField';
import { actionLabel, knownActions, knownTargetTypes, targetTypeLabel } from './labels';

const pageSize = 25;

interface Filters {
  action: string;
  targetType: string;
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', targetType: '', from: '', to: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [page, setPage] = useState(0);
  const query = useQuery({
    queryKey: ['audit', filters, actor?.id, page],
    queryFn: () => api.audit.list({ ...filters, actorId: actor?.id ?? '', limit: pageSize, offset: page * pageSize }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / pageSize));

  function setFilter(key: keyof Filters, value: string) {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(0);
  }

  const columns: Column<AuditEntry>[] = [
    { header: t('audit.when'), cell: (entry) => formatDateTime(entry.at) },
    { header: t('audit.who'), cell: (entry) => entry.actorName ?? t('audit.nobody') },
    { header: t('audit.what'), cell: (entry) => actionLabel(t, entry.action) },
    {
      header: t('audit.about'),
      cell: (entry) =>
        entry.targetType
          ? `${targetTypeLabel(t, entry.targetType)}${entry.targetId ? `: ${entry.targetName ?? entry.targetId}` : ''}`
          : '—',
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text>{t('audit.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" role="search" aria-label={t('audit.filters')}>
        <NativeSelect
          label={t('audit.action')}
          value={filters.action}
          onChange={(event) => setFilter('action', event.currentTarget.value)}
          data={[
            { value: '', label: t('audit.allActions') },
            ...knownActions.map((action) => ({ value: action, label: actionLabel(t, action) })),
          ]}
        />
        <ActorField
          value={actor}
          onChange={(next) => {
            setActor(next);
            setPage(0);
          }}
        />
        <NativeSelect
          label={t('audit.about')}
          value={filters.targetType}
          onChange={(event) => setFilter('targetType', event.currentTarget.value)}
          data={[
            { value: '', label: t('audit.allTargets') },
            ...knownTargetTypes.map((type) => ({ value: type, label: targetTypeLabel(t, type) })),
          ]}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from}
          onChange={(event) => setFilter('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to}
          onChange={(event) => setFilter('to', event.currentTarget.value)}
        />
      </SimpleGrid>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Text size="sm" aria-live="polite">
            {t('audit.total', { count: query.data.total })}
          </Text>
          <ResponsiveTable
            caption={t('audit.title')}
            rows={query.data.items}
            rowKey={(entry) => entry.id}
            columns={columns}
            empty={t('audit.empty')}
          />
          <Pager label={t('audit.pagination')} page={page + 1} pages={pages} onPage={(next) => setPage(next - 1)} />
        </>
      )}
    </Stack>
  );
}
