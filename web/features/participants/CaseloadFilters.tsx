import { Box, Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses } from '#shared/participants';
import { useListChoices } from '../lists/queries';
import { sitesQuery } from '../sites/queries';
import { teamsQuery } from '../teams/queries';
import { coachOptionsQuery } from './queries';
import { activeFilterCount, type CaseloadSearch, hasFilters } from './search';

interface Props {
  search: CaseloadSearch;
  /** Changes some filters and goes back to the first page. */
  onChange: (changes: Partial<CaseloadSearch>) => void;
  onClear: () => void;
}

export function CaseloadFilters({ search, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const sites = useQuery(sitesQuery(false));
  const teams = useQuery(teamsQuery(false));
  const coaches = useQuery(coachOptionsQuery);
  const programmes = useListChoices('programme_type');

  // The name search updates the URL after a short pause, not on every key.
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const commitText = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 300);

  const select = (key: keyof CaseloadSearch) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    onChange({ [key]: event.currentTarget.value || undefined });
  const teamOptions = (teams.data?.items ?? []).filter((team) => !search.siteId || team.siteId === search.siteId);
  // On a phone seven filters would fill the first screen before any name: only the search shows until asked for.
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [moreOpen, more] = useDisclosure(false);
  const moreId = useId();
  const showMore = !narrow || moreOpen;
  const chosen = activeFilterCount(search);

  return (
    <Box role="search" aria-label={t('participants.list.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t('participants.list.search')}
          description={t('participants.list.searchHint')}
          inputWrapperOrder={['label', 'input', 'description']}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commitText(event.currentTarget.value);
          }}
        />
        {narrow && (
          <Group>
            <Button variant="light" size="sm" aria-expanded={moreOpen} aria-controls={moreId} onClick={more.toggle}>
              {moreOpen
                ? t('participants.list.fewerFilters')
                : chosen > 0
                  ? t('participants.list.moreFiltersChosen', { count: chosen })
                  : t('participants.list.moreFilters')}
            </Button>
          </Group>
        )}
      </SimpleGrid>
      <SimpleGrid
        id={moreId}
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="sm"
        mt="sm"
        // Not the hidden attribute: the grid's own display would win over it.
        style={showMore ? undefined : { display: 'none' }}
      >
        <NativeSelect
          label={t('fields.status')}
          value={search.status ?? ''}
          onChange={select('status')}
          data={[
            { value: '', label: t('participants.list.allStatuses') },
            ...participantStatuses.map((s) => ({ value: s, label: t(`participants.status.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('participants.fields.site')}
          value={search.siteId ?? ''}
          onChange={(event) => onChange({ siteId: event.currentTarget.value || undefined, teamId: undefined })}
          data={[
            { value: '', label: t('participants.list.allSites') },
            ...(sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name })),
          ]}
        />
        <NativeSelect
          label={t('participants.fields.team')}
          value={search.teamId ?? ''}
          onChange={select('teamId')}
          data={[
            { value: '', label: t('participants.list.allTeams') },
            ...teamOptions.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
        <NativeSelect
          label={t('participants.fields.coach')}
          value={search.coachId ?? ''}
          onChange={select('coachId')}
          data={[
            { value: '', label: t('participants.list.allCoaches') },
            ...(coaches.data?.items ?? []).map((coach) => ({ value: coach.id, label: coach.name })),
          ]}
        />
        <NativeSelect
          label={t('participants.fields.programmeType')}
          value={search.programmeType ?? ''}
          onChange={select('programmeType')}
          data={[
            { value: '', label: t('participants.list.allProgrammes') },
            ...programmes.active.map((item) => ({ value: item.code, label: programmes.label(item.code) })),
          ]}
        />
        <NativeSelect
          label={t('participants.list.archived')}
          value={search.archived ?? ''}
          onChange={select('archived')}
          data={[
            { value: '', label: t('participants.list.archivedHidden') },
            { value: 'true', label: t('participants.list.archivedToo') },
            { value: 'only', label: t('participants.list.archivedOnly') },
          ]}
        />
        <NativeSelect
          label={t('participants.list.sort')}
          value={`${search.sort ?? 'name'}:${search.order ?? 'asc'}`}
          onChange={(event) => {
            const [sort, order] = event.currentTarget.value.split(':');
            onChange({
              sort: sort === 'startDate' || sort === 'status' ? sort : undefined,
              order: order === 'desc' ? 'desc' : undefined,
            });
          }}
          data={[
            { value: 'name:asc', label: t('participants.list.sortNameAsc') },
            { value: 'name:desc', label: t('participants.list.sortNameDesc') },
            { value: 'startDate:desc', label: t('participants.list.sortStartDesc') },
            { value: 'startDate:asc', label: t('participants.list.sortStartAsc') },
            { value: 'status:asc', label: t('participants.list.sortStatus') },
          ]}
        />
      </SimpleGrid>
      {hasFilters(search) && (
        <Group mt="sm">
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t('participants.list.clearFilters')}
          </Button>
        </Group>
      )}
    </Box>
  );
}
