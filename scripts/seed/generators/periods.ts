import type { CareerEventKind } from '#shared/participants';
import { addDays } from '../random';

/**
 * When a participant was at work, and in which team: what every workfloor record (observation, feedback, ILUO
 * level) of the generator must respect. Pure functions of the career events, in timeline order.
 */

export interface PathEvent {
  kind: CareerEventKind;
  date: string;
  teamId?: string | null;
}

/** Inclusive days at work: from a start or resume up to the day before the next pause or exit. */
export interface Period {
  from: string;
  to: string;
}

/** A stretch of work in one team: a period cut at every team change. */
export interface TeamStint extends Period {
  teamId: string;
}

/**
 * The periods at work up to the reference date. A pause or an exit ends the period the day before it, so nothing
 * is dated on a day the participant was no longer there; the period still running ends on the reference date.
 */
export function workPeriods(events: readonly PathEvent[], referenceDate: string): Period[] {
  const periods: Period[] = [];
  let from: string | undefined;
  for (const e of events) {
    if ((e.kind === 'start' || e.kind === 'resume') && from === undefined) from = e.date;
    else if ((e.kind === 'pause' || e.kind === 'exit') && from !== undefined) {
      const to = addDays(e.date, -1);
      if (to >= from) periods.push({ from, to });
      from = undefined;
    }
  }
  if (from !== undefined && from <= referenceDate) periods.push({ from, to: referenceDate });
  return periods;
}

/** The team a participant belonged to on each day: the intake's team, then each team change's. */
export function teamOn(events: readonly PathEvent[], date: string): string | null {
  let team: string | null = null;
  for (const e of events) {
    if (e.date > date) break;
    if ((e.kind === 'intake' || e.kind === 'team_change') && e.teamId) team = e.teamId;
  }
  return team;
}

/** The work periods cut into stints per team (a team change inside a period starts a new stint). */
export function teamStints(events: readonly PathEvent[], referenceDate: string): TeamStint[] {
  const stints: TeamStint[] = [];
  for (const period of workPeriods(events, referenceDate)) {
    const changes = events.filter((e) => e.kind === 'team_change' && e.date > period.from && e.date <= period.to);
    let from = period.from;
    for (const change of changes) {
      const team = teamOn(events, addDays(change.date, -1));
      if (team) stints.push({ teamId: team, from, to: addDays(change.date, -1) });
      from = change.date;
    }
    const team = teamOn(events, from);
    if (team) stints.push({ teamId: team, from, to: period.to });
  }
  return stints;
}

export const within = (date: string, periods: readonly Period[]) => periods.some((p) => p.from <= date && date <= p.to);
