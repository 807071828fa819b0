import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackConversation } from '#shared/feedback';
import { formatDate } from '../participants/dates';
import { Facts } from '../participants/Section';

interface Props {
  conversation: FeedbackConversation;
  /** Heading level inside the page: h3 in the dossier's section. */
  headingOrder?: 3 | 4;
  onEdit?: () => void;
  onRemove?: () => void;
}

/** One feedback conversation: who talked, what went well, what to work on, the agreements, the scores reviewed. */
export function ConversationCard({ conversation: c, headingOrder = 3, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const date = formatDate(c.heldOn);
  const said = [
    { label: t('feedback.section.wentWell'), value: c.wentWell },
    { label: t('feedback.section.toWorkOn'), value: c.toWorkOn },
    { label: t('feedback.section.agreements'), value: c.agreements },
  ].filter((item): item is { label: string; value: string } => item.value !== null);

  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <Title order={headingOrder} size="h5" className="break-anywhere">
          {t('feedback.section.heldOn', { date })}
        </Title>
        <Text size="sm" className="break-anywhere">
          <Text span fw={700} size="sm">
            {t('feedback.section.who')}
          </Text>{' '}
          {c.staff.map((s) => s.name).join(', ')}.{' '}
          {t(c.participantPresent ? 'feedback.section.participantPresent' : 'feedback.section.participantAbsent')}
          {c.otherAttendees && ` ${t('feedback.section.others', { names: c.otherAttendees })}`}
        </Text>
        <Facts items={said.map((item) => ({ label: item.label, value: <PreLine text={item.value} /> }))} />
        {c.reviewedObservations.length > 0 && (
          <Facts
            items={[
              {
                label: t('feedback.section.reviewed'),
                value: c.reviewedObservations
                  .map((o) =>
                    t('feedback.section.reviewedItem', {
                      date: formatDate(o.observedOn),
                      rater: t(`feedback.raters.${o.raterKind}`),
                    }),
                  )
                  .join('; '),
              },
            ]}
          />
        )}
        {c.recordedBy && (
          <Text size="xs" c="dimmed">
            {t('feedback.section.recordedBy', { name: c.recordedBy.name })}
          </Text>
        )}
        {(onEdit || onRemove) && (
          <Group gap="xs">
            {onEdit && (
              <Button
                size="xs"
                variant="default"
                onClick={onEdit}
                aria-label={t('feedback.section.editNamed', { date })}
              >
                {t('feedback.section.edit')}
              </Button>
            )}
            {onRemove && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={t('feedback.section.removeNamed', { date })}
              >
                {t('feedback.section.remove')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Text people typed with line breaks, shown with them. */
function PreLine({ text }: { text: string }) {
  return <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;
}
