import type { ChartOption } from './chart-types';
import type { SeriesStyle } from './styles';

export interface RadarLine {
  name: string;
  /** One value per indicator; null where there is no score. */
  values: (number | null)[];
  style: SeriesStyle;
  /** The expected levels are drawn as a light area. */
  area?: boolean;
}

/** Breaks a competency name into lines of about `width` characters, at spaces. */
export function wrapName(name: string, width: number): string {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/**
 * A radar on the scale 1..max, one polygon per line. Axis names wrap, and on a narrow chart (a 375 px phone) the
 * radar shrinks so the names around it stay inside; the legend sits below and wraps too.
 */
export function radarOption(indicators: readonly string[], max: number, lines: readonly RadarLine[]): ChartOption {
  return {
    baseOption: radarBase(indicators, max, lines),
    media: [
      {
        query: { maxWidth: 520 },
        option: {
          radar: {
            radius: '48%',
            center: ['50%', '42%'],
            axisName: { fontSize: 11, lineHeight: 13, formatter: (name?: string) => wrapName(name ?? '', 11) },
          },
        },
      },
    ],
  };
}

function radarBase(indicators: readonly string[], max: number, lines: readonly RadarLine[]): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    legend: {
      bottom: 0,
      itemWidth: 28,
      data: lines.map((l) => ({ name: l.name, icon: l.style.symbol === 'none' ? 'roundRect' : l.style.symbol })),
    },
    radar: {
      center: ['50%', '44%'],
      radius: '56%',
      indicator: indicators.map((name) => ({ name, max, min: 0 })),
      splitNumber: max,
      axisName: {
        color: '#1F2933',
        fontSize: 12,
        lineHeight: 15,
        formatter: (name?: string) => wrapName(name ?? '', 14),
      },
    },
    series: [
      {
        type: 'radar',
        data: lines.map((l) => ({
          name: l.name,
          value: l.values.map((v) => v ?? '-'),
          symbol: l.style.symbol,
          symbolSize: l.style.symbol === 'none' ? 0 : 8,
          itemStyle: { color: l.style.color },
          lineStyle: { color: l.style.color, type: l.style.line, width: l.style.width },
          areaStyle: l.area ? { color: l.style.color, opacity: 0.1 } : undefined,
        })),
      },
    ],
  };
}
