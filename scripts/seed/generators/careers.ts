import type { CareerEventKind } from '#shared/participants';
import { addDays, daysBetween, type Random } from '../random';

/** One step of a participant's path before it gets ids: the generators turn it into a career_events row. */
export interface PlannedEvent {
  kind: CareerEventKind;
  date: string;
  /** intake: the first team; team_change: the new one. */
  teamId?: string | null;
  toRole?: string;
  exitDestination?: string;
  note?: string;
}

export interface PlannedCareer {
  events: PlannedEvent[];
  /** Set for some dossiers whose participant left long enough ago. */
  archivedOn?: string;
}

type Weights<T> = readonly (readonly [T, number])[];

/** How long a stint lasts, in days, per programme type: activation is short, supported work can last years. */
const stintDays: Record<string, readonly [number, number]> = {
  activering: [90, 540],
  maatwerk: [240, 2200],
  arbeidszorg: [365, 2600],
};

/** Where people go, per programme type (codes of shared/lists.ts exit_destination). */
// biome-ignore format: one line per programme reads as a table
const destinations: Record<string, Weights<string>> = {
  activering: [
    ['regular_job', 12], ['supported_job', 10], ['training', 20], ['volunteer_work', 10], ['art60', 10],
    ['other_programme', 15], ['earlier_phase', 6], ['drop_out', 14], ['other', 3],
  ],
  maatwerk: [
    ['regular_job', 30], ['supported_job', 16], ['training', 8], ['volunteer_work', 2], ['art60', 2],
    ['other_programme', 10], ['earlier_phase', 3], ['drop_out', 12], ['other', 5],
  ],
  arbeidszorg: [
    ['regular_job', 2], ['supported_job', 10], ['training', 5], ['volunteer_work', 22], ['art60', 1],
    ['other_programme', 20], ['earlier_phase', 10], ['drop_out', 15], ['other', 10],
  ],
};

/** Short notes in plain Dutch, as a coach would type them; most events have none. */
const notes: Partial<Record<CareerEventKind, readonly string[]>> = {
  intake: ['Aanmelding na gesprek met de doorverwijzer.', 'Eerste kennismaking. Wil graag buiten werken.'],
  start: ['Eerste werkdag. Goed ontvangen in de ploeg.', 'Start na oriëntatie.', 'Start halftijds, later meer uren.'],
  team_change: ['Wisselt van ploeg om iets nieuws te leren.', 'Past beter in deze ploeg.'],
  pause: ['Pauze wegens ziekte.', 'Pauze: moeilijke thuissituatie.', 'Pauze voor een opname.'],
  resume: ['Terug aan het werk, eerst halve dagen.', 'Hervat na de pauze.'],
  promotion: ['Wordt hulpmeestergast. Neemt kleine taken van de meestergast over.'],
  exit: ['Afscheid in de ploeg.', 'Afsluitend gesprek gehad.'],
};

function withNote(random: Random, event: PlannedEvent, p = 0.3): PlannedEvent {
  const options = notes[event.kind];
  return options && random.chance(p) ? { ...event, note: random.pick(options) } : event;
}

/**
 * A believable path from an intake up to the reference date, valid by construction under the rules of
 * server/modules/participants/timeline.ts (the generator's caller checks it with checkTimeline anyway):
 * intake → start a few weeks later → now and then a team change, a pause with its resume, a promotion on the
 * ladder → an exit with a destination when the stint has ended; a few come back later (re-entry).
 */
export function drawCareer(
  random: Random,
  input: {
    intake: string;
    referenceDate: string;
    programmeType: string;
    teamIds: readonly string[];
    firstTeamId: string;
  },
): PlannedCareer {
  const { intake, referenceDate: ref, programmeType } = input;
  const events: PlannedEvent[] = [withNote(random, { kind: 'intake', date: intake, teamId: input.firstTeamId })];
  let team = input.firstTeamId;
  let start = addDays(intake, random.int(5, 45));
  const [shortest, longest] = stintDays[programmeType] ?? [180, 1500];

  for (let stint = 0; stint < 2; stint++) {
    if (start > ref) return { events };
    events.push(withNote(random, { kind: 'start', date: start }));
    const end = addDays(start, random.int(shortest, longest));
    // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, which Math.min cannot compare
    const limit = end < ref ? end : ref;
    let cursor = start;
    let promoted = false;
    let pausedUntilEnd = false;
    for (;;) {
      cursor = addDays(cursor, random.int(45, 300));
      if (cursor >= limit) break;
      const others = input.teamIds.filter((t) => t !== team);
      const canPromote = programmeType === 'maatwerk' && !promoted && daysBetween(start, cursor) > 365;
      const step = random.weighted<'team_change' | 'pause' | 'promotion' | 'none'>([
        ['team_change', others.length ? 22 : 0],
        ['pause', 20],
        ['promotion', canPromote ? 10 : 0],
        ['none', 48],
      ]);
      if (step === 'team_change') {
        team = random.pick(others);
        events.push(withNote(random, { kind: 'team_change', date: cursor, teamId: team }));
      } else if (step === 'promotion') {
        promoted = true;
        events.push(withNote(random, { kind: 'promotion', date: cursor, toRole: 'hulpmeestergast' }, 0.6));
      } else if (step === 'pause') {
        events.push(withNote(random, { kind: 'pause', date: cursor }, 0.5));
        const back = addDays(cursor, random.int(14, 150));
        if (back >= limit) {
          pausedUntilEnd = true;
          break;
        }
        events.push(withNote(random, { kind: 'resume', date: back }));
        cursor = back;
      }
    }
    if (end > ref) return { events };

    const destination = random.weighted(destinations[programmeType] ?? destinations.maatwerk ?? []);
    // Someone who is paused and does not come back mostly drops out.
    const exitDestination = pausedUntilEnd && random.chance(0.5) ? 'drop_out' : destination;
    events.push(withNote(random, { kind: 'exit', date: end, exitDestination }, 0.4));

    const comeback = addDays(end, random.int(60, 400));
    if (stint === 0 && comeback < ref && random.chance(0.04)) {
      start = comeback;
      continue;
    }
    const sinceExit = daysBetween(end, ref);
    if (sinceExit > 120 && random.chance(0.65)) return { events, archivedOn: addDays(end, random.int(30, 120)) };
    return { events };
  }
  return { events };
}
