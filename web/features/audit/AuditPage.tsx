import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { type AuditEntry, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useSessionUser } from '../auth/useSessionUser';
import { sitesQuery } from '../sites/queries';
import { teamsQuery } from '../teams/queries';
import { usersQuery } from '../users/queries';
import { actionLabel, knownActions, knownTargetTypes, targetTypeLabel } from './labels';

const pageSize = 25;

interface Filters {
  action: string;
  actorId: string;
  targetType: string;
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', actorId: '', targetType: '', from: '', to: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(0);
  const query = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.audit.list({ ...filters, limit: pageSize, offset: page * pageSize }),
    placeholderData: keepPreviousData,
  });
  const names = useTargetNames();
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
          ? `${targetTypeLabel(t, entry.targetType)}${entry.targetId ? `: ${names.get(entry.targetId) ?? entry.targetId}` : ''}`
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
        <NativeSelect
          label={t('audit.who')}
          value={filters.actorId}
          onChange={(event) => setFilter('actorId', event.currentTarget.value)}
          data={[
            { value: '', label: t('audit.everyone') },
            ...names.people.map((person) => ({ value: person.id, label: person.name })),
          ]}
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
          <ResponsiveTable
            caption={t('audit.title')}
            rows={query.data.items}
            rowKey={(entry) => entry.id}
            columns={columns}
            empty={t('audit.empty')}
          />
          <Group justify="space-between" component="nav" aria-label={t('audit.pagination')}>
            <Button variant="default" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t('common.previous')}
            </Button>
            <Text size="sm" aria-live="polite">
              {t('audit.pageOf', { page: page + 1, pages, total: query.data.total })}
            </Text>
            <Button variant="default" size="sm" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              {t('common.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** Names for the ids in the log, so an admin reads "Ploeg: Groen 1" rather than a uuid. */
function useTargetNames() {
  const users = useQuery(usersQuery());
  const sites = useQuery(sitesQuery(true));
  const teams = useQuery(teamsQuery(true));
  const me = useSessionUser();
  const people = users.data?.items ?? [];
  const map = new Map<string, string>([[me.organisationId, me.organisationName]]);
  for (const item of [...people, ...(sites.data?.items ?? []), ...(teams.data?.items ?? [])])
    map.set(item.id, item.name);
  return { people, get: (id: string) => map.get(id) };
}
