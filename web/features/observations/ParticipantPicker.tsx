import { Card, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateableParticipant } from '../../lib/api';
import { formatDate } from '../participants/dates';
import { matchesName } from './names';

/** More than this and the list gets long on a phone: typing a few letters is quicker. */
const SHOWN = 30;

/** Whom to observe: a search box over the list, the people I observed most recently first (the server's order). */
export function ParticipantPicker({ participants }: { participants: RateableParticipant[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = participants.filter((p) => matchesName(`${p.firstName} ${p.lastName}`, search));

  if (participants.length === 0) return <Text>{t('observations.newPage.none')}</Text>;

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={t('observations.newPage.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        autoComplete="off"
      />
      <Text size="sm" aria-live="polite">
        {found.length === 0
          ? t('observations.newPage.noMatch')
          : t('observations.newPage.found', { count: found.length })}
      </Text>
      <Stack
        component="ul"
        gap="xs"
        aria-label={t('observations.newPage.pick')}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {found.slice(0, SHOWN).map((p) => (
          <li key={p.id}>
            <UnstyledButton
              display="block"
              w="100%"
              renderRoot={(props) => <Link to="/observaties/nieuw" search={{ deelnemer: p.id }} {...props} />}
            >
              <Card withBorder padding="sm" mih={56}>
                <Text fw={700} className="break-anywhere">
                  {p.firstName} {p.lastName}
                </Text>
                <Text size="sm" c="dimmed" className="break-anywhere">
                  {p.team?.name ?? t('observations.newPage.noTeam')} ·{' '}
                  {p.lastObservedByMeOn
                    ? t('observations.newPage.lastByMe', { date: formatDate(p.lastObservedByMeOn) })
                    : t('observations.newPage.neverByMe')}
                </Text>
              </Card>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      {found.length > SHOWN && <Text size="sm">{t('observations.newPage.typeMore')}</Text>}
    </Stack>
  );
}
