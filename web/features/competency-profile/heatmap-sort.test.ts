import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterAndSort, type HeatmapRow } from './heatmap-sort';

const row = (id: number, first: string, last: string, scores: (number | null)[]): HeatmapRow => ({
  participantId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  firstName: first,
  lastName: last,
  status: 'active',
  cells: scores.map((score) => (score === null ? null : { score, observedOn: '2025-03-10' })),
});

const rows = [
  row(1, 'Bert', 'Bos', [2, null]),
  row(2, 'Anna', 'Aerts', [4, 1]),
  row(3, 'Cas', 'Claes', [null, 3]),
  row(4, 'Dirk', 'bos', [2, 2]),
];
const names = (list: HeatmapRow[]) => list.map((r) => r.firstName);

describe('filterAndSort', () => {
  it('sorts by last name, then first name, ignoring case', () => {
    expect(names(filterAndSort(rows, '', { column: 'name', direction: 'asc' }))).toEqual([
      'Anna',
      'Bert',
      'Dirk',
      'Cas',
    ]);
    expect(names(filterAndSort(rows, '', { column: 'name', direction: 'desc' }))).toEqual([
      'Cas',
      'Dirk',
      'Bert',
      'Anna',
    ]);
  });

  it('sorts by a score with ties by name and people without a score last either way', () => {
    expect(names(filterAndSort(rows, '', { column: 0, direction: 'asc' }))).toEqual(['Bert', 'Dirk', 'Anna', 'Cas']);
    expect(names(filterAndSort(rows, '', { column: 0, direction: 'desc' }))).toEqual(['Anna', 'Bert', 'Dirk', 'Cas']);
  });

  it('finds every word of the search in the first or last name', () => {
    expect(names(filterAndSort(rows, 'bos', { column: 'name', direction: 'asc' }))).toEqual(['Bert', 'Dirk']);
    expect(names(filterAndSort(rows, ' dirk  BOS ', { column: 'name', direction: 'asc' }))).toEqual(['Dirk']);
  });

  it('keeps every row without a search, puts scores in order and never loses a row', () => {
    const arbitraryRow = fc.record({
      id: fc.integer({ min: 1, max: 1_000_000 }),
      first: fc.string({ maxLength: 6 }),
      last: fc.string({ maxLength: 6 }),
      score: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryRow, { selector: (r) => r.id }), fc.boolean(), (input, asc) => {
        const list = input.map((r) => row(r.id, r.first, r.last, [r.score]));
        const sorted = filterAndSort(list, '', { column: 0, direction: asc ? 'asc' : 'desc' });
        expect(sorted).toHaveLength(list.length);
        const scores = sorted.map((r) => r.cells[0]?.score ?? null);
        const firstMissing = scores.indexOf(null);
        const scored = (firstMissing === -1 ? scores : scores.slice(0, firstMissing)) as number[];
        if (firstMissing !== -1) expect(scores.slice(firstMissing).every((s) => s === null)).toBe(true);
        expect(scored).toEqual([...scored].sort((a, b) => (asc ? a - b : b - a)));
      }),
    );
  });
});
