import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyEvolution } from '#shared/competency-profile';
import type { RaterKind } from '#shared/observations';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../participants/dates';
import { Chart } from './Chart';
import { ScrollTable, TableToggle } from './ChartTable';
import { type AxisUnit, type EvolutionLabels, type EvolutionLine, evolutionOption } from './evolution-option';
import { LineSwatch } from './LineSwatch';
import { competencyEvolutionQuery } from './queries';
import { competencyStyle, raterOrder } from './styles';

/** How many competencies are drawn at first: more lines than this read as spaghetti on a phone. */
const FIRST_SHOWN = 3;

export function EvolutionPanel({ participantId, scaleMax }: { participantId: string; scaleMax: number }) {
  const query = useQuery(competencyEvolutionQuery(participantId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Evolution evolution={query.data} scaleMax={scaleMax} />;
}

function competencyName(t: TFunction, evolution: CompetencyEvolution, key: string) {
  const c = evolution.competencies.find((x) => x.key === key);
  if (!c) return key;
  return c.inCurrentVersion ? c.name : t('competencyProfile.evolution.olderCompetency', { name: c.name });
}

/** A competency's colour and marker, by its place in the framework: the same whatever is chosen or who scores. */
const styleOf = (evolution: CompetencyEvolution, key: string) =>
  competencyStyle(
    Math.max(
      0,
      evolution.competencies.findIndex((c) => c.key === key),
    ),
  );

/** One line per chosen competency that the rater scored. */
function buildLines(t: TFunction, evolution: CompetencyEvolution, rater: RaterKind, keys: string[]): EvolutionLine[] {
  return evolution.competencies.flatMap((c) => {
    if (!keys.includes(c.key)) return [];
    const series = evolution.series.find((s) => s.competencyKey === c.key && s.raterKind === rater);
    return series
      ? [{ name: competencyName(t, evolution, c.key), points: series.points, style: styleOf(evolution, c.key) }]
      : [];
  });
}

const axisFormats: Record<AxisUnit, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short' },
  month: { month: 'short', year: '2-digit' },
  year: { year: 'numeric' },
};

const chartLabels = (t: TFunction): EvolutionLabels => ({
  version: (number) => t('competencyProfile.evolution.version', { version: number }),
  date: formatDate,
  axisDate: (time, unit) =>
    new Intl.DateTimeFormat(currentLanguage() === 'nl' ? 'nl-BE' : 'en-GB', {
      ...axisFormats[unit],
      timeZone: 'UTC',
    }).format(time),
});

function Evolution({ evolution, scaleMax }: { evolution: CompetencyEvolution; scaleMax: number }) {
  const { t } = useTranslation();
  const withPoints = (rater: RaterKind) =>
    evolution.competencies.filter((c) =>
      evolution.series.some((s) => s.competencyKey === c.key && s.raterKind === rater),
    );
  const firstRater =
    raterOrder.find((r) => r === 'supervisor' && withPoints(r).length) ??
    raterOrder.find((r) => withPoints(r).length) ??
    'supervisor';
  const [rater, setRater] = useState<RaterKind>(firstRater);
  const [keys, setKeys] = useState<string[]>(() =>
    withPoints(firstRater)
      .slice(0, FIRST_SHOWN)
      .map((c) => c.key),
  );

  const chooseRater = (next: RaterKind) => {
    setRater(next);
    // Keep the chosen competencies that the other rater scored too; otherwise start again with the first ones.
    const available = withPoints(next).map((c) => c.key);
    const kept = keys.filter((k) => available.includes(k));
    setKeys(kept.length ? kept : available.slice(0, FIRST_SHOWN));
  };

  const nameOf = (key: string) => competencyName(t, evolution, key);
  const lines = useMemo(() => buildLines(t, evolution, rater, keys), [t, evolution, rater, keys]);
  const max = Math.max(scaleMax, ...lines.flatMap((l) => l.points.map((p) => p.score)));
  const raterName = t(`competencyProfile.raters.${rater}`);
  const option = useMemo(
    () => evolutionOption(lines, max, evolution.versions, chartLabels(t)),
    [lines, max, evolution.versions, t],
  );

  // The table: one row per date, one column per chosen competency.
  const dates = [...new Set(lines.flatMap((l) => l.points.map((p) => p.observedOn)))].sort();
  const pointsOn = (line: EvolutionLine, date: string) => line.points.filter((p) => p.observedOn === date);
  const versionsOn = (date: string) =>
    [...new Set(lines.flatMap((l) => pointsOn(l, date).map((p) => p.versionNumber)))].join(', ');

  const available = withPoints(rater);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('competencyProfile.evolution.rater')}
        value={rater}
        onChange={(e) => chooseRater(e.currentTarget.value as RaterKind)}
        data={raterOrder.map((r) => ({ value: r, label: t(`competencyProfile.raters.${r}`) }))}
        maw={320}
      />
      {available.length === 0 ? (
        <Text size="sm">{t('competencyProfile.evolution.empty', { rater: raterName })}</Text>
      ) : (
        <>
          <Checkbox.Group
            label={t('competencyProfile.evolution.competencies')}
            description={t('competencyProfile.evolution.competenciesHint')}
            value={keys}
            onChange={setKeys}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
              {available.map((c) => (
                <Checkbox
                  key={c.key}
                  value={c.key}
                  label={
                    <Group component="span" gap={6} wrap="nowrap" align="center">
                      <LineSwatch style={styleOf(evolution, c.key)} />
                      <span>{nameOf(c.key)}</span>
                    </Group>
                  }
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {lines.length > 0 && (
            <>
              <Chart
                option={option}
                label={t('competencyProfile.evolution.label', { rater: raterName })}
                height={320}
              />
              {evolution.versions.length > 1 && (
                <Text size="xs" c="dimmed">
                  {t('competencyProfile.evolution.versionsNote')}
                </Text>
              )}
              <TableToggle>
                <ScrollTable caption={`${t('competencyProfile.evolution.title')}: ${raterName}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('competencyProfile.evolution.date')}</Table.Th>
                      {lines.map((l) => (
                        <Table.Th scope="col" key={l.name}>
                          {l.name}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('competencyProfile.evolution.versionColumn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dates.map((date) => (
                      <Table.Tr key={date}>
                        <Table.Th scope="row">{formatDate(date)}</Table.Th>
                        {lines.map((l) => (
                          <Table.Td key={l.name}>
                            {pointsOn(l, date)
                              .map((p) => p.score)
                              .join(', ') || t('competencyProfile.table.none')}
                          </Table.Td>
                        ))}
                        <Table.Td>{versionsOn(date)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </TableToggle>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
