import type { CareerEventKind, ParticipantStatus } from '#shared/participants';

/**
 * The participant's path as a pure function of their career events (no database, no clock).
 *
 * Order: by date, then by seq (the order in which events of one day were recorded).
 *
 * Status (derived, never entered):
 *   nothing or only an intake → registered; start or resume → active; pause → paused; exit → exited.
 *   team_change and promotion leave the status as it is.
 *
 * Which event may follow which (checkTimeline), so that every status above is meaningful:
 *   intake       only as the very first event (every other event is dated on or after the intake);
 *   start        from registered, or from exited (re-entry: nothing else may follow an exit);
 *   pause        from active;            resume  from paused;
 *   team_change  from registered, active or paused;
 *   promotion    from active or paused;
 *   exit         from active or paused (an exit before any start is refused).
 * A new event may be dated before existing ones, as long as the whole timeline still obeys these rules.
 */

export interface TimelineEvent {
  kind: CareerEventKind;
  /** YYYY-MM-DD */
  date: string;
  /** Recording order; a new event not yet stored sorts after every stored event of its day. */
  seq: number;
  teamId?: string | null;
}

export interface DerivedState {
  status: ParticipantStatus;
  /** Date of the latest start (the current or last stint). */
  startDate: string | null;
  /** The team of the latest intake or team_change that names one (undefined: no event sets a team). */
  teamId: string | null | undefined;
}

export function sortTimeline<T extends TimelineEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
}

export function deriveState(events: readonly TimelineEvent[]): DerivedState {
  const state: DerivedState = { status: 'registered', startDate: null, teamId: undefined };
  for (const e of sortTimeline(events)) {
    if (e.kind === 'start') {
      state.status = 'active';
      state.startDate = e.date;
    } else if (e.kind === 'resume') state.status = 'active';
    else if (e.kind === 'pause') state.status = 'paused';
    else if (e.kind === 'exit') state.status = 'exited';
    if (e.kind === 'intake' || e.kind === 'team_change') state.teamId = e.teamId ?? null;
  }
  return state;
}

type Before = ParticipantStatus | 'none';

const allowedAfter: Record<CareerEventKind, readonly Before[]> = {
  intake: ['none'],
  start: ['registered', 'exited'],
  pause: ['active'],
  resume: ['paused'],
  team_change: ['registered', 'active', 'paused'],
  promotion: ['active', 'paused'],
  exit: ['active', 'paused'],
  // A move on the pathway map (pathways/placements.ts): like a team change, it leaves the status as it is.
  package_change: ['registered', 'active', 'paused'],
};

export type TimelineProblemReason = 'before_intake' | 'exit_before_start' | 'after_exit' | 'not_allowed';

export interface TimelineProblem<T extends TimelineEvent = TimelineEvent> {
  event: T;
  /** The status the event would follow. */
  after: Before;
  reason: TimelineProblemReason;
}

const statusAfter = (kind: CareerEventKind, before: Before): Before => {
  if (kind === 'intake') return 'registered';
  if (kind === 'start' || kind === 'resume') return 'active';
  if (kind === 'pause') return 'paused';
  if (kind === 'exit') return 'exited';
  return before;
};

/** The first event that breaks the rules above, or null when the whole timeline is valid. */
export function checkTimeline<T extends TimelineEvent>(events: readonly T[]): TimelineProblem<T> | null {
  let before: Before = 'none';
  for (const event of sortTimeline(events)) {
    if (!allowedAfter[event.kind].includes(before)) {
      const reason: TimelineProblemReason =
        before === 'none'
          ? 'before_intake'
          : before === 'exited'
            ? 'after_exit'
            : event.kind === 'exit' && before === 'registered'
              ? 'exit_before_start'
              : 'not_allowed';
      return { event, after: before, reason };
    }
    before = statusAfter(event.kind, before);
  }
  return null;
}

export const problemMessages: Record<TimelineProblemReason, string> = {
  before_intake: 'No event can be dated before the intake',
  exit_before_start: 'An exit needs a start before it',
  after_exit: 'After an exit only a new start (re-entry) can follow',
  not_allowed: 'This event cannot follow the status at that date',
};
