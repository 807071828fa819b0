import { type DomainStatus, domainStatuses } from '#shared/action-plans';
import type { SensitiveCounts } from '#shared/sensitive';

export interface DomainRow {
  domainCode: string;
  counts: Record<DomainStatus, number>;
  total: number;
}

const isStatus = (value: string): value is DomainStatus => domainStatuses.some((s) => s === value);

/**
 * The server's (domain, status, count) lines as one row per life domain with a count per status, in the order the
 * domains first appear. A status the web does not know is left out rather than shown under the wrong heading.
 */
export function domainRows(lines: SensitiveCounts['domains']): DomainRow[] {
  const rows = new Map<string, DomainRow>();
  for (const line of lines) {
    if (!isStatus(line.status)) continue;
    let row = rows.get(line.domainCode);
    if (!row) {
      row = {
        domainCode: line.domainCode,
        counts: { not_discussed: 0, no_concern: 0, attention: 0, hindering: 0 },
        total: 0,
      };
      rows.set(line.domainCode, row);
    }
    row.counts[line.status] += line.count;
    row.total += line.count;
  }
  return [...rows.values()];
}
