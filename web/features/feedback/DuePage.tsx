import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueListItem } from '#shared/feedback';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate } from '../participants/dates';
import { participantQuery } from '../participants/queries';
import { teamsQuery } from '../teams/queries';
import { FeedbackDialog } from './FeedbackDialog';
import { mayRecordFeedback } from './FeedbackSection';
import { dueQuery } from './queries';

/** Roles that record conversations (server/policy: feedback.record); the dossier then decides for this participant. */
const recorders = new Set(['admin', 'coach', 'supervisor']);

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
  const me = useSessionUser();
  const [recording, setRecording] = useState(false);
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
        {recorders.has(me.role) && (
          <Group mt={4}>
            <Button
              variant="light"
              size="sm"
              loading={recording}
              aria-label={t('feedback.due.recordWithName', { name })}
              onClick={() => setRecording(true)}
            >
              {t('feedback.due.recordWith')}
            </Button>
          </Group>
        )}
      </Stack>
      {recording && (
        <RecordFromList participantId={item.participant.id} name={name} onClose={() => setRecording(false)} />
      )}
    </Card>
  );
}

/**
 * "Gesprek vastleggen" straight from the list: the form needs the dossier (its team, coaches and recent scores), so it
 * opens once that is read; whoever may not record for this participant is told so instead.
 */
function RecordFromList({
  participantId,
  name,
  onClose,
}: {
  participantId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const dossier = useQuery(participantQuery(participantId));
  const refused = dossier.data !== undefined && !mayRecordFeedback(me, dossier.data);
  const failed = dossier.error;
  useEffect(() => {
    if (!refused && !failed) return;
    notify(failed ? errorText(t, failed) : t('feedback.due.cannotRecord', { name }), { error: true });
    onClose();
  }, [refused, failed, name, onClose, t]);
  if (!dossier.data || refused) return null;
  return <FeedbackDialog dossier={dossier.data} onClose={onClose} />;
}
