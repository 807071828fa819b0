import { describe, expect, it } from 'vitest';
import { domainRows } from './pivot';

describe('domainRows', () => {
  it('makes one row per life domain with a count per status, in the order they come', () => {
    const rows = domainRows([
      { domainCode: 'work', status: 'attention', count: 2 },
      { domainCode: 'medical', status: 'hindering', count: 1 },
      { domainCode: 'work', status: 'no_concern', count: 5 },
    ]);
    expect(rows).toEqual([
      { domainCode: 'work', counts: { not_discussed: 0, no_concern: 5, attention: 2, hindering: 0 }, total: 7 },
      { domainCode: 'medical', counts: { not_discussed: 0, no_concern: 0, attention: 0, hindering: 1 }, total: 1 },
    ]);
  });

  it('leaves out a status it does not know', () => {
    expect(domainRows([{ domainCode: 'work', status: 'unknown', count: 3 }])).toEqual([]);
  });
});
