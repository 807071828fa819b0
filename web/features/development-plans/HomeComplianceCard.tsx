import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { complianceQuery } from './queries';

/**
 * On the home page of coaches and managers: how many POPs are late, incomplete or due soon, with the way to the list.
 * One row is enough: the counts per state come with every page of the list, over everyone in reach (a coach: their
 * caseload). Without the counts the card still leads to the list, which says why they could not be loaded.
 */
export function HomeComplianceCard() {
  const { t } = useTranslation();
  const query = useQuery(complianceQuery({ limit: 1 }));
  const counts = query.data?.counts;
  const lines = counts ? (['late', 'incomplete', 'due'] as const).filter((state) => (counts[state] ?? 0) > 0) : [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="home-pop">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-pop">
          {t('developmentPlans.home.title')}
        </Title>
        {counts && lines.length === 0 && <Text>{t('developmentPlans.home.allDone')}</Text>}
        {counts &&
          lines.map((state) => (
            <Text key={state} fw={state === 'late' ? 700 : undefined} c={state === 'late' ? 'red.8' : undefined}>
              {t(`developmentPlans.home.${state}`, { count: counts[state] })}
            </Text>
          ))}
        {/* A button-sized link: a thumb finds it on a phone. */}
        <Button
          component={Link}
          to="/pop-opvolging"
          variant="light"
          size="md"
          mt="xs"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('developmentPlans.home.open')}
        </Button>
      </Stack>
    </Card>
  );
}
