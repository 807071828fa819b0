import {
  Alert,
  Anchor,
  Box,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyHeatmap } from '#shared/competency-profile';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../lib/api';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate } from '../participants/dates';
import { ParticipantStatusBadge } from '../participants/StatusBadge';
import { teamsQuery } from '../teams/queries';
import classes from './charts.module.css';
import { filterAndSort, type Sort, type SortColumn } from './heatmap-sort';
import { firstTeam, heatmapTeams } from './heatmap-teams';
import { competencyHeatmapQuery } from './queries';
import { heatColour } from './styles';

/** /teamoverzicht: a team's participants × competencies, the latest supervisor score in each cell. */
export function TeamHeatmapPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const teams = useQuery(teamsQuery(false));
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState<'active' | 'all'>('active');

  // Only the teams whose scores the user may read: a supervisor would get a refusal for any other team.
  const offered = teams.data ? heatmapTeams(teams.data.items, me) : [];
  const teamId = chosen ?? firstTeam(offered, me)?.id ?? null;

  return (
    <Stack gap="md">
      <PageTitle>{t('competencyProfile.heatmap.title')}</PageTitle>
      <Text>{t('competencyProfile.heatmap.intro')}</Text>
      {teams.isPending && <Loading />}
      {teams.isError && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && offered.length === 0 && (
        <Text>
          {t(me.role === 'supervisor' ? 'competencyProfile.heatmap.noOwnTeams' : 'competencyProfile.heatmap.noTeams')}
        </Text>
      )}
      {teams.data && teamId && (
        <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <NativeSelect
              label={t('competencyProfile.heatmap.team')}
              value={teamId}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={offered.map((team) => ({ value: team.id, label: `${team.name} (${team.siteName})` }))}
              w={{ base: '100%', xs: 320 }}
            />
            <Box>
              <Text component="span" size="sm" fw={500} id="heatmap-status" display="block" mb={4}>
                {t('competencyProfile.heatmap.status')}
              </Text>
              <SegmentedControl
                aria-labelledby="heatmap-status"
                value={status}
                onChange={(value) => setStatus(value as 'active' | 'all')}
                data={[
                  { value: 'active', label: t('competencyProfile.heatmap.statusActive') },
                  { value: 'all', label: t('competencyProfile.heatmap.statusAll') },
                ]}
              />
            </Box>
          </Group>
          <Heatmap teamId={teamId} status={status} />
        </>
      )}
    </Stack>
  );
}

function Heatmap({ teamId, status }: { teamId: string; status: 'active' | 'all' }) {
  const query = useQuery({ ...competencyHeatmapQuery(teamId, status), placeholderData: keepPreviousData });
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    // The list offers only the user's own teams, so this is rare (a team handed over meanwhile); say why, not "error".
    return query.error instanceof ApiError && query.error.status === 403 ? (
      <Alert color="yellow" variant="light" role="alert" title={t('competencyProfile.heatmap.forbiddenTitle')}>
        {t('competencyProfile.heatmap.forbidden')}
      </Alert>
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <HeatmapTable map={query.data} status={status} />;
}

function HeatmapTable({ map, status }: { map: CompetencyHeatmap; status: 'active' | 'all' }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ column: 'name', direction: 'asc' });
  const rows = filterAndSort(map.rows, search, sort);
  const max = Math.max(map.scale.length, ...map.rows.flatMap((r) => r.cells.map((c) => c?.score ?? 0)));

  const sortBy = (column: SortColumn) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const ariaSort = (column: SortColumn) =>
    sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const header = (column: SortColumn, label: string) => (
    <UnstyledButton
      className={classes.sortButton}
      onClick={() => sortBy(column)}
      title={t('competencyProfile.heatmap.sortBy', { column: label })}
    >
      {label}
      <span aria-hidden>{sort.column === column ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
    </UnstyledButton>
  );

  return (
    <Stack gap="sm">
      <TextInput
        label={t('competencyProfile.heatmap.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', xs: 320 }}
      />
      <Text size="sm" role="status">
        {t('competencyProfile.heatmap.count', { count: rows.length })}
      </Text>
      {map.competencies.length > 0 && (
        <Group gap={6} wrap="wrap" aria-label={t('competencyProfile.heatmap.legend', { max })} role="group">
          <Text size="xs">{t('competencyProfile.heatmap.legend', { max })}</Text>
          {map.scale.map((level) => {
            const colour = heatColour(level.value, max);
            return (
              <Text
                key={level.value}
                size="xs"
                className={classes.chip}
                style={{ background: colour.background, color: colour.color }}
              >
                {level.value} {level.label}
              </Text>
            );
          })}
        </Group>
      )}
      {rows.length === 0 ? (
        <Text>
          {map.rows.length > 0
            ? t('competencyProfile.heatmap.empty')
            : me.role === 'coach'
              ? t('competencyProfile.heatmap.noneOfYours')
              : t(
                  status === 'active'
                    ? 'competencyProfile.heatmap.emptyTeamActive'
                    : 'competencyProfile.heatmap.emptyTeam',
                )}
        </Text>
      ) : (
        <>
          {map.competencies.length > 2 && (
            <Text size="xs" c="dimmed" hiddenFrom="md">
              {t('competencyProfile.heatmap.scrollHint')}
            </Text>
          )}
          <Box
            role="region"
            aria-label={t('competencyProfile.heatmap.caption', { team: map.team.name })}
            tabIndex={0}
            className={classes.scroller}
          >
            <Table withTableBorder className={classes.heatTable} verticalSpacing={6} horizontalSpacing="xs">
              <Table.Caption>{t('competencyProfile.heatmap.caption', { team: map.team.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" className={classes.sticky} aria-sort={ariaSort('name')}>
                    {header('name', t('competencyProfile.heatmap.name'))}
                  </Table.Th>
                  {map.competencies.map((c, i) => (
                    <Table.Th scope="col" key={c.key} aria-sort={ariaSort(i)}>
                      {header(i, c.name)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.participantId}>
                    <Table.Th scope="row" className={classes.sticky}>
                      <Stack gap={2} align="flex-start">
                        <Anchor
                          fw={600}
                          size="sm"
                          renderRoot={(props) => (
                            <Link to="/deelnemers/$id" params={{ id: r.participantId }} {...props} />
                          )}
                        >
                          {r.firstName} {r.lastName}
                        </Anchor>
                        {r.status !== 'active' && <ParticipantStatusBadge status={r.status} />}
                      </Stack>
                    </Table.Th>
                    {r.cells.map((cell, i) => {
                      const key = map.competencies[i]?.key ?? String(i);
                      if (!cell) {
                        return (
                          <Table.Td key={key} className={classes.cell}>
                            <span aria-hidden>{t('competencyProfile.table.none')}</span>
                            <VisuallyHidden>{t('competencyProfile.heatmap.noScore')}</VisuallyHidden>
                          </Table.Td>
                        );
                      }
                      const colour = heatColour(cell.score, max);
                      return (
                        <Table.Td
                          key={key}
                          className={classes.cell}
                          style={{ background: colour.background, color: colour.color }}
                          title={t('competencyProfile.heatmap.cell', {
                            score: cell.score,
                            date: formatDate(cell.observedOn),
                          })}
                        >
                          {cell.score}
                          <VisuallyHidden>{` (${formatDate(cell.observedOn)})`}</VisuallyHidden>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
    </Stack>
  );
}
