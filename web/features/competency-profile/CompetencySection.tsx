import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompetencyProfile } from '#shared/competency-profile';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Section } from '../participants/Section';
import { EvolutionPanel } from './EvolutionPanel';
import { GapList } from './GapList';
import { ProfileRadar } from './ProfileRadar';
import { competencyProfileQuery } from './queries';
import { raterOrder } from './styles';

/** Dossier section "Competenties": the radar, the conversation starters and the evolution. */
export function CompetencySection({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const query = useQuery(competencyProfileQuery(participantId));
  return (
    <Section title={t('competencyProfile.section')}>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <Competencies profile={query.data} />}
    </Section>
  );
}

function Competencies({ profile }: { profile: CompetencyProfile }) {
  const { t } = useTranslation();
  if (!profile.framework) return <Text size="sm">{t('competencyProfile.noFramework')}</Text>;
  const scored = profile.competencies.some((c) => Object.values(c.latest).some(Boolean));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('competencyProfile.radar.frameworkVersion', {
          framework: profile.framework.name,
          version: profile.framework.versionNumber,
        })}
      </Text>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('competencyProfile.radar.title')}
        </Title>
        {scored ? (
          <>
            <Text size="sm">
              {t('competencyProfile.radar.legendHint')} {t('competencyProfile.radar.missingHint')}
            </Text>
            <ProfileRadar
              profile={profile}
              raters={raterOrder}
              withExpectations
              label={(raters) => t('competencyProfile.radar.label', { raters })}
            />
          </>
        ) : (
          <Text size="sm">{t('competencyProfile.noScores')}</Text>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('competencyProfile.gaps.title')}
        </Title>
        <GapList profile={profile} />
      </Stack>
      {scored && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('competencyProfile.evolution.title')}
          </Title>
          <EvolutionPanel participantId={profile.participantId} scaleMax={profile.scale.length} />
        </Stack>
      )}
    </Stack>
  );
}
