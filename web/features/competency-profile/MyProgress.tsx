import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RaterKind } from '#shared/observations';
import { ProfileRadar } from './ProfileRadar';
import { competencyProfileQuery } from './queries';

const mine: readonly RaterKind[] = ['self', 'supervisor'];

/** "Mijn vooruitgang" on the participant's own page: their self-assessment beside the supervisor's scores. */
export function MyProgress({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const query = useQuery(competencyProfileQuery(participantId));
  const profile = query.data;
  // Nothing to show before a framework exists; a failed load is not worth an alarm on this page.
  if (!profile?.framework) return null;
  const scored = profile.competencies.some((c) => c.latest.self || c.latest.supervisor);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-progress">
      <Stack gap="sm">
        <Title order={2} size="h4" id="my-progress">
          {t('competencyProfile.mine.title')}
        </Title>
        {scored ? (
          <>
            <Text>{t('competencyProfile.mine.intro')}</Text>
            <ProfileRadar
              profile={profile}
              raters={mine}
              withExpectations={false}
              label={() => t('competencyProfile.mine.label')}
            />
          </>
        ) : (
          <Text>{t('competencyProfile.mine.noScores')}</Text>
        )}
      </Stack>
    </Card>
  );
}
