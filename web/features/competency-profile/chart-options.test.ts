import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolutionOption, timeRange } from './evolution-option';
import { radarOption, wrapName } from './radar-option';
import { competencyPalette, competencyStyle, expectedStyles, heatColour, raterStyles } from './styles';

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

  it('names every line in a legend that does not hide lines, with the competency names as the series names', () => {
    const lines = ['Samenwerken', 'Stiptheid en aanwezigheid', 'Zorgvuldigheid'].map((name, i) => ({
      ...line(name, ['2025-01-10']),
      style: competencyStyle(i),
    }));
    const option = evolutionOption(lines, 4, [], labels);
    const legend = option.legend as { show?: boolean; selectedMode?: boolean; data: { name: string; icon?: string }[] };
    expect(legend.show).not.toBe(false);
    // Ticking the checkboxes chooses the lines; clicking the legend must not hide one behind their back.
    expect(legend.selectedMode).toBe(false);
    // Without an icon of its own, the legend shows each line's colour, pattern and marker.
    expect(legend.data).toEqual([
      { name: 'Samenwerken' },
      { name: 'Stiptheid en aanwezigheid' },
      { name: 'Zorgvuldigheid' },
    ]);
    const series = option.series as { name: string; itemStyle: { color: string } }[];
    expect(series.map((s) => s.name)).toEqual(legend.data.map((d) => d.name));
    expect(series.map((s) => s.itemStyle.color)).toEqual(lines.map((l) => l.style.color));
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

/** WCAG contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string) {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('competencyStyle', () => {
  const raterColours = Object.values(raterStyles).map((s) => s.color.toUpperCase());

  it('never uses a rater colour for a competency, so a competency line is not read as Zelf, Werkleider or Coach', () => {
    for (let i = 0; i < 3 * competencyPalette.length; i++) {
      expect(raterColours).not.toContain(competencyStyle(i).color.toUpperCase());
    }
  });

  it('gives the first competencies different colours, each visible on white (3:1)', () => {
    expect(new Set(competencyPalette).size).toBe(competencyPalette.length);
    for (const colour of competencyPalette) expect(contrast(colour, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });

  it('tells a competency from the one a palette further by its line, so no two lines look the same', () => {
    const n = competencyPalette.length;
    expect(competencyStyle(0).line).toBe('solid');
    expect(competencyStyle(n).line).not.toBe(competencyStyle(0).line);
    expect(competencyStyle(n).color).toBe(competencyStyle(0).color);
  });
});

describe('heatColour', () => {
  it('writes every score in a colour with at least 4.5:1 contrast on its cell, for any scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((max) => fc.tuple(fc.integer({ min: 1, max }), fc.constant(max))),
        ([score, max]) => {
          const { background, color } = heatColour(score, max);
          expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
        },
      ),
    );
  });

  it('goes from the lightest to the darkest step and switches the text colour for contrast', () => {
    expect(heatColour(1, 4)).toEqual({ background: '#EFF6FF', color: '#1F2933' });
    expect(heatColour(4, 4)).toEqual({ background: '#1E3A8A', color: '#FFFFFF' });
  });
});
