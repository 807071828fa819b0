import type { CaseloadSearch } from './search';

const keys = [
  'scope',
  'q',
  'status',
  'teamId',
  'siteId',
  'coachId',
  'programmeType',
  'archived',
  'sort',
  'order',
  'page',
] as const satisfies readonly (keyof CaseloadSearch)[];

/**
 * What the router keeps of /deelnemers?…: the caseload's own parameters, unchecked. The values are checked against
 * the contract by parseCaseloadSearch on the caseload page itself, so the router (first load of every user, the
 * participant portal's budget) does not carry the schema library.
 */
export function caseloadSearchKeys(raw: Record<string, unknown>): CaseloadSearch {
  const kept: Record<string, unknown> = {};
  for (const key of keys) if (raw[key] !== undefined) kept[key] = raw[key];
  return kept as CaseloadSearch;
}
