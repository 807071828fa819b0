import type { RaterKind } from '#shared/observations';

/**
 * How each series looks. Colours from the Okabe–Ito palette (distinct for colour-blind readers), and every series
 * also has its own line pattern and marker, so nothing depends on colour alone.
 */
export interface SeriesStyle {
  color: string;
  /** solid, dashed, dotted, or a dash pattern in pixels. */
  line: 'solid' | 'dashed' | 'dotted' | number[];
  width: number;
  symbol: string;
}

/** The order raters are drawn and listed in: the participant first, then the staff, then the mentor. */
export const raterOrder: readonly RaterKind[] = ['self', 'supervisor', 'coach', 'mentor'];

export const raterStyles: Record<RaterKind, SeriesStyle> = {
  self: { color: '#D55E00', line: 'solid', width: 3, symbol: 'triangle' },
  supervisor: { color: '#0072B2', line: 'solid', width: 2, symbol: 'circle' },
  coach: { color: '#009E73', line: 'dotted', width: 2, symbol: 'rect' },
  mentor: { color: '#CC79A7', line: [10, 4, 2, 4], width: 2, symbol: 'diamond' },
};

/** The expected levels: dashed outlines around a light area, no markers. */
export const expectedStyles = {
  current: { color: '#5F6B7A', line: 'dashed', width: 2, symbol: 'none' },
  target: { color: '#1F2933', line: [3, 3], width: 2, symbol: 'none' },
} satisfies Record<string, SeriesStyle>;

/**
 * For the evolution chart: one line per competency, colour and marker both cycle. None of these colours is a rater's
 * colour (orange Zelf, blue Werkleider, green Coach, pink Mentor), so a competency's line is never read as a rater's;
 * each has at least 3:1 contrast on white and the first three differ most.
 */
export const competencyPalette = [
  '#332288',
  '#E7298A',
  '#999933',
  '#000000',
  '#8C564B',
  '#882255',
  '#117733',
  '#666666',
] as const;
const symbols = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle'];

export function competencyStyle(index: number): SeriesStyle {
  return {
    color: competencyPalette[index % competencyPalette.length] as string,
    line: index < competencyPalette.length ? 'solid' : 'dashed',
    width: 2,
    symbol: symbols[index % symbols.length] as string,
  };
}

/**
 * Heat map cells: light to dark blue along the scale. Text colours keep at least 4.5:1 contrast on every step, and
 * the number is always written in the cell, so colour is never the only clue.
 */
export function heatColour(score: number, max: number): { background: string; color: string } {
  const steps = ['#EFF6FF', '#BFDBFE', '#60A5FA', '#1D4ED8', '#1E3A8A'];
  const ratio = max <= 1 ? 1 : (score - 1) / (max - 1);
  const index = Math.min(steps.length - 1, Math.max(0, Math.round(ratio * (steps.length - 1))));
  return { background: steps[index] as string, color: index >= 3 ? '#FFFFFF' : '#1F2933' };
}
