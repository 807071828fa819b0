import { describe, expect, it } from 'vitest';
import { exportQuery } from '#shared/participant-import';
import { exportUrl } from './exportUrl';

describe('exportUrl', () => {
  it("keeps the list's filters and order, drops its page, and adds the format", () => {
    const url = exportUrl(
      { q: 'jan peet', status: 'active', sort: 'startDate', order: 'desc', archived: 'true', limit: 25, offset: 50 },
      'xlsx',
    );
    const [path, search] = url.split('?');
    expect(path).toBe('/api/v1/participants/export');
    const params = Object.fromEntries(new URLSearchParams(search));
    expect(params).toEqual({
      q: 'jan peet',
      status: 'active',
      sort: 'startDate',
      order: 'desc',
      archived: 'true',
      format: 'xlsx',
    });
    // What the server accepts: the same contract.
    expect(exportQuery.safeParse(params).success).toBe(true);
  });

  it('leaves out empty filters', () => {
    expect(exportUrl({ q: '', teamId: undefined }, 'csv')).toBe('/api/v1/participants/export?format=csv');
  });
});
