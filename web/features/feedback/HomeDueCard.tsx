import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { dueQuery } from './queries';

/**
 * On the home page of coaches, supervisors and managers: how many people are overdue or due this week for a
 * feedback conversation, with the way to the lists. Quiet when the count cannot be loaded: the lists say why.
 */
export function HomeDueCard() {
  const { t } = useTranslation();
  const query = useQuery(dueQuery({}));
  if (!query.data) return null;
  const { overdue, dueThisWeek } = query.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="home-feedback">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-feedback">
          {t('feedback.home.title')}
        </Title>
        {overdue.length === 0 && dueThisWeek.length === 0 ? (
          <Text>{t('feedback.home.allDone')}</Text>
        ) : (
          <>
            {overdue.length > 0 && (
              <Text fw={700} c="red.8">
                {t('feedback.home.overdue', { count: overdue.length })}
              </Text>
            )}
            {dueThisWeek.length > 0 && <Text>{t('feedback.home.dueThisWeek', { count: dueThisWeek.length })}</Text>}
          </>
        )}
        {/* A button-sized link: a thumb finds it on a phone. */}
        <Button component={Link} to="/feedback" variant="light" size="md" mt="xs" style={{ alignSelf: 'flex-start' }}>
          {t('feedback.home.open')}
        </Button>
      </Stack>
    </Card>
  );
}
