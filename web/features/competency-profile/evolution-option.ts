import type { ChartOption } from './chart-types';
import type { SeriesStyle } from './styles';

export interface EvolutionLine {
  name: string;
  points: { observedOn: string; score: number; versionNumber: number }[];
  style: SeriesStyle;
}

export interface EvolutionLabels {
  /** "versie 2" */
  version(number: number): string;
  /** A date on the axis and in the tooltip, in the reader's language. */
  date(iso: string): string;
  /** A tick on the time axis: the day for a short period, else the month, for many years the year. */
  axisDate(time: number, unit: AxisUnit): string;
}

export type AxisUnit = 'day' | 'month' | 'year';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The shown period, with room on both sides so a first (or only) score does not sit on the edge. */
export function timeRange(lines: readonly EvolutionLine[]): { min: number; max: number; unit: AxisUnit } | null {
  const days = lines.flatMap((l) => l.points.map((p) => dayOf(p.observedOn)));
  if (!days.length) return null;
  const first = Math.min(...days);
  const last = Math.max(...days);
  const pad = Math.max(7 * DAY, (last - first) * 0.04);
  const span = last - first + 2 * pad;
  return {
    min: first - pad,
    max: last + pad,
    unit: span <= 120 * DAY ? 'day' : span <= 4 * 365 * DAY ? 'month' : 'year',
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * One line per competency over a time axis, the scale 1..max upright, and a dashed vertical line where each new
 * framework version started (version 1 is the beginning and gets none). The legend on top names each line; it
 * scrolls sideways when the names do not fit on one row (a phone), and it does not hide lines: the checkboxes do.
 */
export function evolutionOption(
  lines: readonly EvolutionLine[],
  max: number,
  versions: readonly { number: number; startedOn: string }[],
  labels: EvolutionLabels,
): ChartOption {
  const range = timeRange(lines);
  const markers = versions
    .filter((v) => v.number > 1)
    .map((v) => ({ xAxis: v.startedOn, label: { formatter: labels.version(v.number) } }));
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const [date, score, version] = (p?.data ?? []) as [string, number, number];
        return `${escapeHtml(p?.seriesName ?? '')}<br>${score} – ${escapeHtml(labels.date(date))}<br>${escapeHtml(labels.version(version))}`;
      },
    },
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemWidth: 28,
      selectedMode: false,
      textStyle: { color: '#1F2933' },
      // No icon of our own: ECharts then draws each line's own colour, pattern and marker in the legend.
      data: lines.map((l) => ({ name: l.name })),
    },
    xAxis: {
      type: 'time',
      min: range?.min,
      max: range?.max,
      axisLabel: { hideOverlap: true, formatter: (value: number) => labels.axisDate(value, range?.unit ?? 'month') },
    },
    yAxis: { type: 'value', min: 1, max, interval: 1 },
    series: lines.map((l, i) => ({
      type: 'line',
      name: l.name,
      data: l.points.map((p) => [p.observedOn, p.score, p.versionNumber]),
      symbol: l.style.symbol,
      symbolSize: 8,
      itemStyle: { color: l.style.color },
      lineStyle: { color: l.style.color, type: l.style.line, width: l.style.width },
      markLine:
        i === 0 && markers.length
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#5F6B7A', type: 'dashed' },
              label: { position: 'insideEndTop', color: '#1F2933' },
              data: markers,
            }
          : undefined,
    })),
  };
}
