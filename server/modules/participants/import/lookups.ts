import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { participants, referrers, sites, teams, user } from '../../../db/schema';
import { programmeTypes } from './programme-types';

/** How names in a file are compared with names in Groeipad: case, accents and extra spaces do not matter. */
export const matchKey = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** One person: the same first name, last name and date of birth. */
export const personKey = (firstName: string, lastName: string, dateOfBirth: string) =>
  `${matchKey(firstName)}\u0000${matchKey(lastName)}\u0000${dateOfBirth}`;

interface Named {
  id: string;
  name: string;
}

export interface Lookups {
  sites: Map<string, Named>;
  /** Active teams per site id, by name. */
  teamsBySite: Map<string, Map<string, Named>>;
  /** Names of active teams at any site: to tell "wrong site" from "no such team". */
  teamNames: Set<string>;
  /** Active programme types, by code and by label. */
  programmeTypes: Map<string, { code: string; label: string }>;
  referrers: Map<string, Named>;
  coachesByEmail: Map<string, Named>;
  coachesByName: Map<string, Named[]>;
  /** personKey of every dossier of the organisation born on a date that occurs in the file. */
  existing: Set<string>;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  // The first one wins: names are unique per organisation, except where the database does not enforce it.
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** Everything the rows refer to by name, loaded once for the whole file (inside the tenant transaction). */
export async function loadLookups(tx: Tx, datesOfBirth: readonly string[]): Promise<Lookups> {
  const siteRows = await tx.select({ id: sites.id, name: sites.name }).from(sites).where(isNull(sites.archivedAt));
  const teamRows = await tx
    .select({ id: teams.id, name: teams.name, siteId: teams.siteId })
    .from(teams)
    .where(isNull(teams.archivedAt));
  const referrerRows = await tx
    .select({ id: referrers.id, name: referrers.name })
    .from(referrers)
    .where(isNull(referrers.archivedAt));
  const coachRows = await tx
    .select({ id: user.id, name: user.name, email: user.email })
    .from(user)
    .where(and(eq(user.role, 'coach'), isNull(user.deactivatedAt)));
  const dates = [...new Set(datesOfBirth)];
  const people = dates.length
    ? await tx
        .select({ firstName: participants.firstName, lastName: participants.lastName, dob: participants.dateOfBirth })
        .from(participants)
        .where(inArray(participants.dateOfBirth, dates))
    : [];

  const teamsBySite = new Map<string, Map<string, Named>>();
  for (const team of teamRows) {
    const atSite = teamsBySite.get(team.siteId) ?? new Map<string, Named>();
    if (!atSite.has(matchKey(team.name))) atSite.set(matchKey(team.name), { id: team.id, name: team.name });
    teamsBySite.set(team.siteId, atSite);
  }
  const coachesByName = new Map<string, Named[]>();
  for (const coach of coachRows) {
    const key = matchKey(coach.name);
    coachesByName.set(key, [...(coachesByName.get(key) ?? []), { id: coach.id, name: coach.name }]);
  }
  const programmes = new Map<string, { code: string; label: string }>();
  for (const item of await programmeTypes(tx)) {
    if (!item.active) continue;
    const entry = { code: item.code, label: item.label };
    programmes.set(matchKey(item.code), entry);
    if (!programmes.has(matchKey(item.label))) programmes.set(matchKey(item.label), entry);
  }

  return {
    sites: byKey(siteRows, (s) => matchKey(s.name)),
    teamsBySite,
    teamNames: new Set(teamRows.map((t) => matchKey(t.name))),
    programmeTypes: programmes,
    referrers: byKey(referrerRows, (r) => matchKey(r.name)),
    coachesByEmail: new Map(coachRows.map((c) => [c.email.toLowerCase(), { id: c.id, name: c.name }])),
    coachesByName,
    existing: new Set(people.map((p) => personKey(p.firstName, p.lastName, p.dob))),
  };
}
