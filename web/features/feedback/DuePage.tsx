import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueListItem } from '#shared/feedback';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate } from '../participants/dates';
import { teamsQuery } from '../teams/queries';
import { dueQuery } from './queries';

type Scope = 'organisation' | 'mine';

/**
 * /feedback: who is overdue for a feedback conversation and who is due this week, for the people the user reaches.
 * Managers and admins look across the organisation, narrowed to a team, or at their own people.
 */
export function DuePage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const wide = me.role === 'admin' || me.role === 'manager';
  const [scope, setScope] = useState<Scope>(wide ? 'organisation' : 'mine');
  const [teamId, setTeamId] = useState('');
  const query = useQuery(dueQuery({ scope, teamId: teamId || undefined }));

  return (
    <Stack gap="md">
      <PageTitle>{t('feedback.due.title')}</PageTitle>
      <Text>{t('feedback.due.intro')}</Text>
      {wide && <Filters scope={scope} teamId={teamId} onScope={setScope} onTeam={setTeamId} />}
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DueGroup
            id="te-laat"
            title={t('feedback.due.overdue')}
            empty={t('feedback.due.overdueEmpty')}
            items={query.data.overdue}
            overdue
          />
          <DueGroup
            id="deze-week"
            title={t('feedback.due.dueThisWeek')}
            empty={t('feedback.due.dueThisWeekEmpty')}
            items={query.data.dueThisWeek}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Filters(props: { scope: Scope; teamId: string; onScope: (s: Scope) => void; onTeam: (id: string) => void }) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery(false));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        label={t('feedback.due.scope')}
        value={props.scope}
        onChange={(e) => props.onScope(e.currentTarget.value === 'mine' ? 'mine' : 'organisation')}
        data={[
          { value: 'organisation', label: t('feedback.due.scopeOrganisation') },
          { value: 'mine', label: t('feedback.due.scopeMine') },
        ]}
      />
      <NativeSelect
        label={t('feedback.due.team')}
        value={props.teamId}
        onChange={(e) => props.onTeam(e.currentTarget.value)}
        data={[
          { value: '', label: t('feedback.due.allTeams') },
          ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
        ]}
      />
    </SimpleGrid>
  );
}

interface GroupProps {
  id: string;
  title: string;
  empty: string;
  items: DueListItem[];
  overdue?: boolean;
}

/** One list ("Te laat" or "Deze week") as cards: readable at 375 px and in a screen reader's list of lists. */
function DueGroup({ id, title, empty, items, overdue = false }: GroupProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Badge color={overdue ? 'red' : 'orange'} variant="light" aria-hidden>
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" aria-labelledby={id} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <DueCard key={item.participant.id} item={item} overdue={overdue} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function DueCard({ item, overdue }: { item: DueListItem; overdue: boolean }) {
  const { t } = useTranslation();
  const name = `${item.participant.firstName} ${item.participant.lastName}`;
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Anchor
          fw={700}
          className="break-anywhere"
          renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id: item.participant.id }} {...props} />}
        >
          {name}
        </Anchor>
        <Text size="sm">
          {t('feedback.due.dueOn', { date: formatDate(item.nextDueOn) })}
          {overdue && (
            <Text span size="sm" c="red.8" fw={700}>
              {' '}
              ({t('feedback.due.daysOverdue', { count: item.daysOverdue })})
            </Text>
          )}
        </Text>
        <Text size="sm">
          {item.lastHeldOn
            ? t('feedback.due.lastHeldOn', { date: formatDate(item.lastHeldOn) })
            : t('feedback.due.neverHeld')}
        </Text>
        <Text size="sm" c="dimmed" className="break-anywhere">
          {item.team ? t('feedback.due.team_label', { name: item.team.name }) : t('feedback.due.noTeam')}
          {item.coaches.length > 0 &&
            ` · ${t('feedback.due.coaches', { names: item.coaches.map((c) => c.name).join(', ') })}`}
        </Text>
      </Stack>
    </Card>
  );
}
