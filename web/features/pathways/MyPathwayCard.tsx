import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { myPathwayQuery } from './queries';
import { useStepLabel } from './stepLabel';
import { readinessColor, readinessText } from './words';

/**
 * For "Mijn pad": where the participant works now and what can come next, with how ready they are, and a link to
 * the whole map. Silent while loading or without a dossier: the rest of the page matters more.
 */
export function MyPathwayCard() {
  const { t } = useTranslation();
  const { data } = useQuery(myPathwayQuery);
  const stepLabel = useStepLabel();
  if (!data) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-pathway-card">
      <Stack gap="sm">
        <Title order={2} size="h4" id="my-pathway-card">
          {t('pathways.mine.cardTitle')}
        </Title>
        {data.current ? (
          <Text fw={700} size="lg">
            {t('pathways.mine.here', { name: data.current.package.name })}
          </Text>
        ) : (
          <Text>{t('pathways.mine.noPackage')}</Text>
        )}
        {data.nextSteps.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('pathways.mine.next')}
            </Title>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {data.nextSteps.map((s) => (
                <Group component="li" key={`${s.kind}:${s.targetId}`} gap="xs" wrap="wrap">
                  <Text>{stepLabel(s)}</Text>
                  <Badge variant="light" color={readinessColor(s.readiness)}>
                    {readinessText(t, s.readiness, 'participant')}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </Stack>
        )}
        <Anchor component={Link} to="/mijn-pad/kaart" size="lg" fw={700}>
          {t('pathways.mine.openMap')}
        </Anchor>
      </Stack>
    </Card>
  );
}
