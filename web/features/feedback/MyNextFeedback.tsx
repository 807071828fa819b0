import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../participants/dates';
import { myFeedbackQuery } from './queries';

/**
 * In the participant's own dossier: the date of their next feedback conversation and what was agreed last time.
 * Silent while loading or when there is nothing to show: the rest of the page matters more.
 */
export function MyNextFeedback() {
  const { t } = useTranslation();
  const { data } = useQuery(myFeedbackQuery);
  if (!data) return null;
  const last = data.conversations.find((c) => c.agreements);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-feedback">
      <Stack gap="sm">
        <Title order={2} size="h4" id="my-feedback">
          {t('feedback.mine.title')}
        </Title>
        <Text fw={700}>
          {data.nextDueOn ? t('feedback.mine.next', { date: formatDate(data.nextDueOn) }) : t('feedback.mine.none')}
        </Text>
        {data.state === 'overdue' && <Text>{t('feedback.mine.overdue')}</Text>}
        {last?.agreements && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('feedback.mine.lastAgreements')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('feedback.mine.lastOn', { date: formatDate(last.heldOn) })}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
              {last.agreements}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
