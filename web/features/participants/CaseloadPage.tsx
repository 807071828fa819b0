import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { canRegisterParticipants, canSee } from '../../app/access';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import type { ParticipantPage } from '../../lib/api';
import { useSessionUser } from '../auth/useSessionUser';
import { useListChoices } from '../lists/queries';
import { CaseloadFilters } from './CaseloadFilters';
import { formatDate } from './dates';
import { ExportButtons } from './import/ExportButtons';
import { participantsQuery } from './queries';
import { ParticipantStatusBadge } from './StatusBadge';
import { type CaseloadSearch, PAGE_SIZE, parseCaseloadSearch, toListQuery } from './search';

type Item = ParticipantPage['items'][number];

const route = getRouteApi('/app/deelnemers');

/** The caseload: coaches start on their own participants; the filters live in the URL. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  // The router keeps the parameters as they are; only the valid ones count (an old bookmark never errors).
  const search = parseCaseloadSearch(route.useSearch());
  const navigate = route.useNavigate();
  const programmes = useListChoices('programme_type');
  const query = useQuery({ ...participantsQuery(toListQuery(search)), placeholderData: keepPreviousData });

  const defaultScope = me.role === 'coach' ? 'mine' : 'all';
  const scope = search.scope ?? defaultScope;
  const page = search.page ?? 1;
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));

  const update = (changes: Partial<CaseloadSearch>) =>
    navigate({ search: (previous: CaseloadSearch) => ({ ...previous, ...changes, page: undefined }) });
  const goToPage = (next: number) =>
    navigate({ search: (previous: CaseloadSearch) => ({ ...previous, page: next > 1 ? next : undefined }) });

  const columns: Column<Item>[] = [
    {
      header: t('fields.name'),
      cell: (p) => (
        <Anchor fw={600} renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id: p.id }} {...props} />}>
          {p.firstName} {p.lastName}
        </Anchor>
      ),
    },
    { header: t('fields.status'), cell: (p) => <ParticipantStatusBadge status={p.status} archived={p.archived} /> },
    { header: t('participants.fields.team'), cell: (p) => p.team?.name ?? t('participants.noTeam') },
    { header: t('participants.fields.site'), cell: (p) => p.site.name },
    {
      header: t('participants.fields.coaches'),
      cell: (p) => p.coaches.map((c) => c.name).join(', ') || t('participants.noCoach'),
    },
    { header: t('participants.fields.programmeType'), cell: (p) => programmes.label(p.programmeType) },
    {
      header: t('participants.fields.startDate'),
      cell: (p) => (p.startDate ? formatDate(p.startDate) : t('participants.notStarted')),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{scope === 'mine' ? t('participants.list.titleMine') : t('participants.list.title')}</PageTitle>
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label={t('participants.list.scope')}
          value={scope}
          onChange={(value) =>
            update({ scope: value === defaultScope ? undefined : value === 'mine' ? 'mine' : 'all' })
          }
          data={[
            { value: 'mine', label: t('participants.list.scopeMine') },
            { value: 'all', label: t('participants.list.scopeAll') },
          ]}
        />
        {canRegisterParticipants(me.role) && (
          <Group gap="sm">
            <Button component={Link} to="/deelnemers/nieuw">
              {t('participants.register.open')}
            </Button>
            {canSee(me.role, 'participantImport') && (
              <Button component={Link} to="/deelnemers/importeren" variant="default">
                {t('participants.list.import')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {/* Whoever sees the list may take it along: the export serves the same filters and the same reach. */}
      <ExportButtons query={toListQuery(search)} />
      <CaseloadFilters
        search={search}
        onChange={update}
        onClear={() => navigate({ search: { scope: search.scope, sort: search.sort, order: search.order } })}
      />
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Text size="sm" role="status">
            {t('participants.list.total', { count: query.data.total })}
          </Text>
          <ResponsiveTable
            caption={t('participants.list.title')}
            rows={query.data.items}
            rowKey={(p) => p.id}
            columns={columns}
            empty={t('participants.list.empty')}
          />
          {pages > 1 && <Pager label={t('participants.list.pagination')} page={page} pages={pages} onPage={goToPage} />}
        </>
      )}
    </Stack>
  );
}
