import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompetencyProfile, Gap } from '#shared/competency-profile';

/** The gaps in words: conversation starters, not verdicts. */
export function GapList({ profile }: { profile: CompetencyProfile }) {
  const { t } = useTranslation();
  const nameOf = new Map(profile.competencies.map((c) => [c.key, c.name]));
  if (!profile.gaps.length) return <Text size="sm">{t('competencyProfile.gaps.none')}</Text>;

  const sentence = (gap: Gap) => {
    const competency = nameOf.get(gap.competencyKey) ?? gap.competencyKey;
    if ('rater' in gap) {
      return t(`competencyProfile.gaps.${gap.reason}`, {
        competency,
        rater: t(`competencyProfile.gaps.rater_${gap.rater}`),
        score: gap.score,
        expected: gap.expected,
      });
    }
    return t(`competencyProfile.gaps.${gap.reason}`, {
      competency,
      self: gap.selfScore,
      supervisor: gap.supervisorScore,
    });
  };

  return (
    <List spacing={4} size="sm" aria-label={t('competencyProfile.gaps.title')}>
      {profile.gaps.map((gap) => (
        <List.Item key={`${gap.competencyKey}-${gap.reason}`}>{sentence(gap)}</List.Item>
      ))}
    </List>
  );
}
