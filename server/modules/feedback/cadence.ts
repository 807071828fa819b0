import { type Cadence, DEFAULT_FEEDBACK_INTERVAL_DAYS } from '#shared/feedback';
import type { ParticipantStatus } from '#shared/participants';

/**
 * The feedback cadence as pure functions of dates (YYYY-MM-DD, no clock, no database). The due list does the same
 * computation in SQL (due-list.ts); a property test checks both agree.
 *
 * - The interval is the most specific rule's: team + programme type, then team, then programme type, then the
 *   organisation's default rule (both empty); without any, 28 days.
 * - Anchor: the later of the last conversation and the latest start or resume (a resumed participant starts a new
 *   period). Next due = anchor + interval.
 * - Overdue: next due before today. Due this week: not overdue and next due on or before this week's Sunday
 *   (weeks run Monday to Sunday; "today" is the Belgian date). Only active participants that are not archived have a
 *   due date at all.
 */

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number) => fromDays(toDays(iso) + days);
/** Whole days from a to b (positive when b is later). */
export const daysBetween = (a: string, b: string) => toDays(b) - toDays(a);

/** Monday and Sunday of the week that holds `day`. */
export function weekOf(day: string): { monday: string; sunday: string } {
  // 1970-01-01 was a Thursday: day 0 of the epoch is weekday 3 counting from Monday = 0.
  const weekday = (((toDays(day) + 3) % 7) + 7) % 7;
  const monday = addDays(day, -weekday);
  return { monday, sunday: addDays(monday, 6) };
}

export interface FeedbackRuleScope {
  teamId: string | null;
  programmeType: string | null;
  intervalDays: number;
}

/** How specific a rule is: 3 for team + programme type down to 0 for the default rule. */
const specificity = (rule: FeedbackRuleScope) => (rule.teamId ? 2 : 0) + (rule.programmeType ? 1 : 0);

/** The interval for a participant in this team and programme type: the most specific matching rule wins. */
export function intervalFor(
  rules: readonly FeedbackRuleScope[],
  participant: { teamId: string | null; programmeType: string },
): number {
  let best: FeedbackRuleScope | undefined;
  for (const rule of rules) {
    if (rule.teamId !== null && rule.teamId !== participant.teamId) continue;
    if (rule.programmeType !== null && rule.programmeType !== participant.programmeType) continue;
    if (!best || specificity(rule) > specificity(best)) best = rule;
  }
  return best?.intervalDays ?? DEFAULT_FEEDBACK_INTERVAL_DAYS;
}

export interface CadenceInput {
  status: ParticipantStatus;
  archived: boolean;
  /** The latest conversation's date, if any. */
  lastHeldOn: string | null;
  /** The latest start or resume career event's date, if any. */
  lastStartOn: string | null;
  intervalDays: number;
  /** Today in Belgium. */
  today: string;
}

export function computeCadence(input: CadenceInput): Cadence {
  const { intervalDays, today } = input;
  const anchors = [input.lastHeldOn, input.lastStartOn].filter((d): d is string => d !== null);
  if (input.status !== 'active' || input.archived || anchors.length === 0) {
    return { intervalDays, anchor: null, nextDueOn: null, state: 'not_applicable' };
  }
  // ISO dates sort as text.
  const anchor = anchors.sort()[anchors.length - 1] as string;
  const nextDueOn = addDays(anchor, intervalDays);
  const state = nextDueOn < today ? 'overdue' : nextDueOn <= weekOf(today).sunday ? 'due_this_week' : ('ok' as const);
  return { intervalDays, anchor, nextDueOn, state };
}
