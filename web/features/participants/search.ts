import { z } from 'zod';
import { id } from '#shared/common';
import { participantListQuery, participantStatuses } from '#shared/participants';
import type { ParticipantFilters } from '../../lib/api';

export const PAGE_SIZE = 25;

/**
 * The caseload's filters as they live in the URL (/deelnemers?status=active&page=2): bookmarkable, and the back
 * button steps through them. Defaults are left out, so a plain /deelnemers is the default view.
 */
export interface CaseloadSearch {
  scope?: 'mine' | 'all';
  q?: string;
  status?: (typeof participantStatuses)[number];
  teamId?: string;
  siteId?: string;
  coachId?: string;
  programmeType?: string;
  archived?: 'true' | 'only';
  sort?: 'startDate' | 'status';
  order?: 'desc';
  /** 1-based; absent means the first page. */
  page?: number;
}

const fields = {
  scope: z.enum(['mine', 'all']),
  // The router reads ?q=123 as a number: a search for digits is still a search.
  q: z.union([z.string(), z.number()]).transform((v) => String(v).trim().slice(0, 120)),
  status: z.enum(participantStatuses),
  teamId: id,
  siteId: id,
  coachId: participantListQuery.shape.coachId.unwrap(),
  programmeType: z.union([z.string(), z.number()]).transform((v) => String(v).trim().slice(0, 60)),
  archived: z.enum(['true', 'only']),
  sort: z.enum(['startDate', 'status']),
  order: z.literal('desc'),
  // The server serves offsets up to 1,000,000.
  page: z.coerce
    .number()
    .int()
    .min(2)
    .max(Math.floor(1_000_000 / PAGE_SIZE) + 1),
} satisfies { [K in keyof CaseloadSearch]-?: z.ZodType };

/**
 * Keeps every parameter that is valid and drops the rest: an old bookmark or a hand-edited URL shows the list with
 * the filters that still make sense, never an error page.
 */
export function parseCaseloadSearch(raw: Record<string, unknown>): CaseloadSearch {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    if (raw[key] === undefined) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== '') result[key] = parsed.data;
  }
  return result as CaseloadSearch;
}

/** The request for one page of the caseload. */
export function toListQuery(search: CaseloadSearch): ParticipantFilters {
  const { page = 1, ...filters } = search;
  return { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

/** How many of the filters behind "Meer filters" (all but the name search) are set: the phone's button says so. */
export const activeFilterCount = (search: CaseloadSearch) =>
  [search.status, search.teamId, search.siteId, search.coachId, search.programmeType, search.archived].filter(Boolean)
    .length;

/** Any filter set apart from the scope and the sort order: the "clear filters" button shows then. */
export const hasFilters = (search: CaseloadSearch) =>
  Boolean(
    search.q ||
      search.status ||
      search.teamId ||
      search.siteId ||
      search.coachId ||
      search.programmeType ||
      search.archived,
  );
