import { Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyProfile, LatestScore } from '#shared/competency-profile';
import type { RaterKind } from '#shared/observations';
import { formatDate } from '../participants/dates';
import { Chart } from './Chart';
import { ScrollTable, TableToggle } from './ChartTable';
import { type RadarLine, radarOption } from './radar-option';
import { expectedStyles, raterStyles } from './styles';

interface Props {
  profile: CompetencyProfile;
  /** The rater kinds to draw, in this order; a kind without any score is left out of the picture. */
  raters: readonly RaterKind[];
  /** Draw the expected levels of the job profiles (staff see them; the participant's own view does not). */
  withExpectations: boolean;
  /** What the picture shows, for screen readers. */
  label(raterNames: string): string;
}

type Expectation = 'current' | 'target';

function expectationName(t: TFunction, profile: CompetencyProfile, which: Expectation) {
  const name = profile.jobProfiles[which]?.name ?? '';
  return which === 'current'
    ? t('competencyProfile.expectedCurrent', { name })
    : t('competencyProfile.expectedTarget', { name });
}

/** The radar of the latest scores per rater kind, with its table. Never an average: each rater is a line. */
export function ProfileRadar({ profile, raters, withExpectations, label }: Props) {
  const { t } = useTranslation();
  const { competencies, jobProfiles } = profile;
  const max = Math.max(
    profile.scale.length,
    ...competencies.flatMap((c) => Object.values(c.latest).map((s) => s?.score ?? 0)),
  );
  const shown = raters.filter((r) => competencies.some((c) => c.latest[r]));
  const expectations = withExpectations ? (['current', 'target'] as const).filter((w) => jobProfiles[w]) : [];
  const expectedName = (which: Expectation) => expectationName(t, profile, which);

  const option = useMemo(() => {
    const lines: RadarLine[] = raters
      .filter((r) => profile.competencies.some((c) => c.latest[r]))
      .map((rater) => ({
        name: t(`competencyProfile.raters.${rater}`),
        values: profile.competencies.map((c) => c.latest[rater]?.score ?? null),
        style: raterStyles[rater],
      }));
    if (withExpectations) {
      for (const which of ['current', 'target'] as const) {
        if (!profile.jobProfiles[which]) continue;
        lines.push({
          name: expectationName(t, profile, which),
          values: profile.competencies.map((c) => c.expected[which]),
          style: expectedStyles[which],
          area: true,
        });
      }
    }
    return radarOption(
      profile.competencies.map((c) => c.name),
      max,
      lines,
    );
  }, [profile, raters, withExpectations, max, t]);

  const currentVersion = profile.framework?.versionNumber;
  const scoreCell = (score: LatestScore | null) => {
    if (!score)
      return (
        <Text span c="dimmed">
          {t('competencyProfile.table.none')}
        </Text>
      );
    return (
      <Stack gap={0}>
        <Text span fw={700}>
          {score.score}
        </Text>
        <Text span size="xs" c="dimmed">
          {formatDate(score.observedOn)}
          {score.versionNumber !== currentVersion &&
            ` ${t('competencyProfile.table.olderVersion', { version: score.versionNumber })}`}
        </Text>
      </Stack>
    );
  };

  const raterNames = shown.map((r) => t(`competencyProfile.raters.${r}`)).join(', ');
  return (
    <Stack gap="xs">
      <Chart option={option} label={label(raterNames)} height="clamp(340px, 60vw + 120px, 440px)" />
      <TableToggle>
        <ScrollTable caption={t('competencyProfile.radar.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('competencyProfile.table.competency')}</Table.Th>
              {raters.map((r) => (
                <Table.Th scope="col" key={r}>
                  {t(`competencyProfile.raters.${r}`)}
                </Table.Th>
              ))}
              {expectations.map((which) => (
                <Table.Th scope="col" key={which}>
                  {expectedName(which)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {competencies.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Th scope="row">{c.name}</Table.Th>
                {raters.map((r) => (
                  <Table.Td key={r}>{scoreCell(c.latest[r])}</Table.Td>
                ))}
                {expectations.map((which) => (
                  <Table.Td key={which}>{c.expected[which] ?? t('competencyProfile.table.none')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </TableToggle>
    </Stack>
  );
}
