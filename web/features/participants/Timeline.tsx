import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantDossier } from '../../lib/api';
import { useListChoices } from '../lists/queries';
import { formatDate } from './dates';
import { changesStatus } from './steps';

type Event = ParticipantDossier['timeline'][number];

/**
 * The participant's path, newest step first: the step that made the current status is at the top, right under
 * the sentence that explains it. The API sends the steps oldest first (by date, then in recording order).
 */
export function Timeline({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const destinations = useListChoices('exit_destination');
  const newestFirst = [...dossier.timeline].reverse();
  const cause = newestFirst.find((event) => changesStatus(event.kind));

  const detail = (event: Event) => {
    if (event.kind === 'team_change' && event.team) return t('participants.timeline.toTeam', { team: event.team.name });
    if (event.kind === 'intake' && event.team) return t('participants.timeline.inTeam', { team: event.team.name });
    if (event.kind === 'promotion' && event.toRole) return t('participants.timeline.toRole', { role: event.toRole });
    if (event.kind === 'package_change' && event.toRole)
      return t('participants.timeline.toPackage', { name: event.toRole });
    if (event.kind === 'exit' && event.exitDestination)
      return t('participants.timeline.destination', { destination: destinations.label(event.exitDestination) });
    return null;
  };

  return (
    <Stack gap="sm">
      {cause && (
        <Text>
          {t(`participants.timeline.because.${dossier.status}`, {
            step: t(`participants.events.${cause.kind}`),
            date: formatDate(cause.date),
          })}
        </Text>
      )}
      {newestFirst.length === 0 ? (
        <Text c="dimmed">{t('participants.timeline.empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          aria-label={t('participants.timeline.title')}
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {newestFirst.map((event) => (
            <Box
              component="li"
              key={event.id}
              pl="sm"
              py={4}
              style={{ borderLeft: '3px solid var(--mantine-color-groen-8)' }}
            >
              <Group gap="xs" wrap="wrap">
                <Text fw={700}>{t(`participants.events.${event.kind}`)}</Text>
                <Text component="span" size="sm">
                  {formatDate(event.date)}
                </Text>
              </Group>
              {detail(event) && <Text size="sm">{detail(event)}</Text>}
              {event.note && (
                <Text size="sm" className="break-anywhere" style={{ whiteSpace: 'pre-line' }}>
                  {event.note}
                </Text>
              )}
              {event.recordedBy && (
                <Text size="xs" c="dimmed">
                  {t('participants.timeline.recordedBy', { name: event.recordedBy.name })}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
