import type { CompetencyHeatmap } from '#shared/competency-profile';

export type HeatmapRow = CompetencyHeatmap['rows'][number];
/** 'name', or the index of a competency column. */
export type SortColumn = 'name' | number;
export interface Sort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

const byName = (a: HeatmapRow, b: HeatmapRow) =>
  a.lastName.localeCompare(b.lastName, 'nl', { sensitivity: 'base' }) ||
  a.firstName.localeCompare(b.firstName, 'nl', { sensitivity: 'base' }) ||
  a.participantId.localeCompare(b.participantId);

/**
 * The rows filtered by a name fragment (every word in the first or last name) and sorted. On a score column people
 * without a score come last in both directions: "no score" is not a low score. Ties go by name.
 */
export function filterAndSort(rows: readonly HeatmapRow[], search: string, sort: Sort): HeatmapRow[] {
  const words = search.toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const found = rows.filter((r) => {
    const name = `${r.firstName} ${r.lastName}`.toLocaleLowerCase('nl');
    return words.every((w) => name.includes(w));
  });
  const sign = sort.direction === 'asc' ? 1 : -1;
  const { column } = sort;
  return found.sort((a, b) => {
    if (column === 'name') return sign * byName(a, b);
    const x = a.cells[column]?.score ?? null;
    const y = b.cells[column]?.score ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
