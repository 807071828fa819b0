import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantDossier } from '../../lib/api';
import { useListChoices } from '../lists/queries';
import { formatDate } from './dates';
import { Facts } from './Section';

type Confidential = NonNullable<ParticipantDossier['confidential']>;

export function ContactFacts({ confidential }: { confidential: Confidential }) {
  const { t } = useTranslation();
  const none = t('participants.notGiven');
  return (
    <Facts
      items={[
        { label: t('participants.fields.dateOfBirth'), value: formatDate(confidential.dateOfBirth) },
        { label: t('participants.fields.email'), value: confidential.email ?? none },
        { label: t('participants.fields.phone'), value: confidential.phone ?? none },
        {
          label: t('participants.fields.address'),
          value: <span style={{ whiteSpace: 'pre-line' }}>{confidential.address ?? none}</span>,
        },
      ]}
    />
  );
}

export function ReferrerFacts({ confidential }: { confidential: Confidential }) {
  const { t } = useTranslation();
  if (!confidential.referrer) return <Text c="dimmed">{t('participants.fields.noReferrer')}</Text>;
  return (
    <Facts
      items={[
        {
          label: t('participants.fields.referrer'),
          value: `${confidential.referrer.name} (${t(`participants.referrerKinds.${confidential.referrer.kind}`)})`,
        },
        {
          label: t('participants.fields.referrerContact'),
          value: confidential.referrerContact ?? t('participants.notGiven'),
        },
      ]}
    />
  );
}

export function IndicationList({ indications }: { indications: Confidential['indications'] }) {
  const { t } = useTranslation();
  const types = useListChoices('indication_type');
  if (indications.length === 0) return <Text c="dimmed">{t('participants.indications.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {indications.map((i) => (
        <li key={i.id}>
          <Text fw={700}>
            {types.label(i.type)} · {t(`participants.supportLevels.${i.supportLevel}`)}
          </Text>
          <Text size="sm">
            {i.validUntil
              ? t('participants.indications.period', { from: formatDate(i.validFrom), until: formatDate(i.validUntil) })
              : t('participants.indications.from', { from: formatDate(i.validFrom) })}
          </Text>
          {i.note && (
            <Text size="sm" className="break-anywhere">
              {i.note}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

export function StakeholderList({ stakeholders }: { stakeholders: Confidential['stakeholders'] }) {
  const { t } = useTranslation();
  if (stakeholders.length === 0) return <Text c="dimmed">{t('participants.stakeholders.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {stakeholders.map((s) => (
        <li key={s.id}>
          <Text fw={700} className="break-anywhere">
            {s.name} · {s.relation}
          </Text>
          {s.contact && (
            <Text size="sm" className="break-anywhere">
              {s.contact}
            </Text>
          )}
          <Text size="sm">
            {s.mayBeInvolved ? t('participants.stakeholders.involved') : t('participants.stakeholders.notInvolved')}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/** The current answer per kind (the newest record of that kind), then every record as history. */
export function ConsentList({ consents }: { consents: Confidential['consents'] }) {
  const { t } = useTranslation();
  const kinds = useListChoices('consent_kind');
  if (consents.length === 0) return <Text c="dimmed">{t('participants.consents.empty')}</Text>;
  // Consents come newest first: the first record of a kind is its current answer.
  const currentPerKind: Confidential['consents'] = [];
  for (const c of consents) if (!currentPerKind.some((seen) => seen.kind === c.kind)) currentPerKind.push(c);
  return (
    <Stack gap="sm">
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
        {currentPerKind.map((c) => (
          <Group component="li" key={c.kind} gap="xs" wrap="wrap">
            <Text>{kinds.label(c.kind)}:</Text>
            <Badge color={c.granted ? 'groen' : 'red'} variant="light">
              {c.granted ? t('participants.consents.given') : t('participants.consents.notGiven')}
            </Badge>
          </Group>
        ))}
      </Stack>
      <Text size="sm" fw={700}>
        {t('participants.consents.history')}
      </Text>
      <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
        {consents.map((c) => (
          <Text component="li" key={c.id} size="sm">
            {t(c.granted ? 'participants.consents.grantedOn' : 'participants.consents.withdrawnOn', {
              kind: kinds.label(c.kind),
              date: formatDate(c.recordedOn),
              name: c.recordedBy?.name ?? t('participants.consents.unknownRecorder'),
            })}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
