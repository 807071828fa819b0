import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantListQuery, participantStatuses } from '#shared/participants';
import {
  activeFilterCount,
  type CaseloadSearch,
  hasFilters,
  PAGE_SIZE,
  parseCaseloadSearch,
  toListQuery,
} from './search';

const uuid = fc.uuid({ version: 4 });
const validSearch: fc.Arbitrary<CaseloadSearch> = fc.record(
  {
    scope: fc.constantFrom('mine' as const, 'all' as const),
    q: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ''),
    status: fc.constantFrom(...participantStatuses),
    teamId: uuid,
    siteId: uuid,
    coachId: fc.string({ minLength: 1, maxLength: 64 }),
    programmeType: fc.constantFrom('activering', 'maatwerk', 'arbeidszorg'),
    archived: fc.constantFrom('true' as const, 'only' as const),
    sort: fc.constantFrom('startDate' as const, 'status' as const),
    order: fc.constant('desc' as const),
    page: fc.integer({ min: 2, max: 1_000_000 / PAGE_SIZE + 1 }),
  },
  { requiredKeys: [] },
);

describe('caseload search parameters', () => {
  it('reads back every valid set of filters unchanged', () => {
    fc.assert(
      fc.property(validSearch, (search) => {
        expect(parseCaseloadSearch({ ...search })).toEqual(search);
      }),
    );
  });

  it('never asks for more than the server serves', () => {
    expect(parseCaseloadSearch({ page: 1_000_000 / PAGE_SIZE + 2 })).toEqual({});
  });

  it('always turns into a request the server accepts', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), validSearch, (junk, search) => {
        const parsed = parseCaseloadSearch({ ...junk, ...search });
        expect(participantListQuery.safeParse(toListQuery(parsed)).success).toBe(true);
      }),
    );
  });

  it('drops what is not valid instead of failing', () => {
    expect(
      parseCaseloadSearch({
        status: 'gone',
        teamId: 'not-a-uuid',
        archived: 'false',
        page: 0,
        sort: 'name',
        q: '   ',
        unknown: 'x',
      }),
    ).toEqual({});
  });

  it('keeps a search for digits, which the router hands over as a number', () => {
    expect(parseCaseloadSearch({ q: 123 })).toEqual({ q: '123' });
  });

  it('asks for the right slice of the list', () => {
    expect(toListQuery({ page: 3, status: 'active' })).toEqual({
      status: 'active',
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
    expect(toListQuery({})).toEqual({ limit: PAGE_SIZE, offset: 0 });
  });
});

describe('activeFilterCount', () => {
  it('counts the filters behind "Meer filters", not the name search or the order', () => {
    expect(activeFilterCount({ q: 'an', sort: 'status', order: 'desc' })).toBe(0);
    expect(activeFilterCount({ status: 'active', teamId: 'x', archived: 'only' })).toBe(3);
  });

  it('is zero exactly when hasFilters only sees a name search or nothing', () => {
    fc.assert(
      fc.property(validSearch, (search) => {
        expect(activeFilterCount(search) === 0).toBe(!hasFilters({ ...search, q: undefined }));
      }),
    );
  });
});
