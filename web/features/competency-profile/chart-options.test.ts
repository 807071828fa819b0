import { describe, expect, it } from 'vitest';
import { evolutionOption, timeRange } from './evolution-option';
import { radarOption, wrapName } from './radar-option';
import { competencyStyle, expectedStyles, heatColour, raterStyles } from './styles';

const labels = {
  version: (n: number) => `versie ${n}`,
  date: (iso: string) => iso,
  axisDate: (time: number, unit: string) => `${unit}:${new Date(time).toISOString().slice(0, 10)}`,
};

describe('radarOption', () => {
  it('draws one polygon per line, a missing score as empty, and the expected levels as light areas', () => {
    const option = radarOption(['Samenwerken', 'Stiptheid'], 4, [
      { name: 'Zelf', values: [3, null], style: raterStyles.self },
      { name: 'Doel', values: [4, 3], style: expectedStyles.target, area: true },
    ]);
    const base = option.baseOption as { series: { data: { name: string; value: unknown[]; areaStyle?: object }[] }[] };
    const data = base.series[0]?.data ?? [];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['Zelf', [3, '-']],
      ['Doel', [4, 3]],
    ]);
    expect(data[0]?.areaStyle).toBeUndefined();
    expect(data[1]?.areaStyle).toBeDefined();
  });

  it('wraps long competency names at spaces', () => {
    expect(wrapName('Stiptheid en aanwezigheid', 14)).toBe('Stiptheid en\naanwezigheid');
    expect(wrapName('Initiatief', 14)).toBe('Initiatief');
  });
});

describe('evolutionOption', () => {
  const line = (name: string, dates: string[]) => ({
    name,
    style: competencyStyle(0),
    points: dates.map((observedOn, i) => ({ observedOn, score: i + 1, versionNumber: 1 })),
  });

  it('marks every version after the first one, on the day it started', () => {
    const option = evolutionOption(
      [line('Samenwerken', ['2025-01-10'])],
      4,
      [
        { number: 1, startedOn: '2024-01-01' },
        { number: 2, startedOn: '2025-02-01' },
      ],
      labels,
    );
    const series = option.series as { markLine?: { data: { xAxis: string; label: { formatter: string } }[] } }[];
    expect(series[0]?.markLine?.data).toEqual([{ xAxis: '2025-02-01', label: { formatter: 'versie 2' } }]);
  });

  it('puts room around the scores and picks the axis unit from the period', () => {
    expect(timeRange([])).toBeNull();
    const one = timeRange([line('a', ['2025-03-10'])]);
    expect(one?.unit).toBe('day');
    expect((one?.max ?? 0) - (one?.min ?? 0)).toBe(14 * 86_400_000);
    expect(timeRange([line('a', ['2024-01-10', '2025-03-10'])])?.unit).toBe('month');
    expect(timeRange([line('a', ['2019-01-10', '2025-03-10'])])?.unit).toBe('year');
  });
});

describe('heatColour', () => {
  it('goes from the lightest to the darkest step and switches the text colour for contrast', () => {
    expect(heatColour(1, 4)).toEqual({ background: '#EFF6FF', color: '#1F2933' });
    expect(heatColour(4, 4)).toEqual({ background: '#1E3A8A', color: '#FFFFFF' });
  });
});
