import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MyNextFeedback } from '../feedback/MyNextFeedback';
import { myFeedbackQuery } from '../feedback/queries';
import { formatDate } from '../participants/dates';
import { FeedbackIcon, PencilIcon } from './icons';
import { PortalScreen } from './PortalScreen';
import { selfAssessedSinceLastTalk } from './self-assessment';

/** /mijn-feedback: the next feedback conversation, what was agreed last time, and the way to the self-assessment. */
export function MyFeedbackPage() {
  const { t } = useTranslation();
  const { data } = useQuery(myFeedbackQuery);
  const last = data?.conversations.find((c) => c.agreements);
  // Once filled in since the last conversation, thank instead of asking again; filling in anew stays possible.
  const done = data && selfAssessedSinceLastTalk(data) ? data.lastSelfAssessment : null;
  const selfText = done
    ? t('portal.feedback.selfDone', { date: formatDate(done.observedOn) })
    : t('portal.feedback.selfIntro');
  const spoken = data
    ? [
        data.nextDueOn ? t('feedback.mine.next', { date: formatDate(data.nextDueOn) }) : t('feedback.mine.none'),
        last?.agreements && `${t('feedback.mine.lastAgreements')}: ${last.agreements}`,
        selfText,
      ]
    : [];
  return (
    <PortalScreen
      title={t('portal.feedback.title')}
      intro={t('portal.feedback.intro')}
      icon={<FeedbackIcon />}
      spoken={spoken}
    >
      <MyNextFeedback />
      <Card withBorder padding="md" component="section" aria-labelledby="portal-self">
        <Stack gap="sm">
          <Title order={2} size="h3" id="portal-self">
            {t('portal.feedback.selfTitle')}
          </Title>
          <Text size="lg">{selfText}</Text>
          <Group>
            <Button
              component={Link}
              to="/zelfevaluatie"
              size="lg"
              variant={done ? 'light' : 'filled'}
              leftSection={<PencilIcon size={24} />}
            >
              {t('portal.feedback.toSelf')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </PortalScreen>
  );
}
