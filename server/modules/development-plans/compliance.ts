import type {
  ComplianceReasonCode,
  ComplianceSettings,
  ComplianceState,
  ComplianceStatus,
  PlanContent,
} from '#shared/development-plans';
import type { ParticipantStatus } from '#shared/participants';
import { addDays } from '../feedback/cadence';

/**
 * The rules of the Flemish maatwerk POP as one pure function of dates (YYYY-MM-DD, no clock, no database). The
 * compliance list and the POP overview both call it, so the list and the plan screen never disagree.
 *
 * - Not applicable: an archived dossier, a participant who has not started (registered) or has left (exited), or
 *   without a start date.
 * - A first POP within one calendar month of the start date: none yet and today on or before start + 1 month → due
 *   (no_plan, deadline start + 1 month); later → late. A first POP agreed after that month is history
 *   (first_plan_late with the day it was agreed): shown, but not late by itself.
 * - The latest agreed version holds current and future, generic and technical competencies, and at least two
 *   actions; otherwise incomplete (missing_generic_current …, too_few_actions).
 * - Evaluation regime: the latest agreed version names its next review date R (else incomplete, no_review_date);
 *   the next version is agreed by R − daysBeforeEvaluation. Due within 14 days before that deadline, late after it
 *   (update_before_review with the deadline).
 * - Yearly regime: the next version is agreed by last agreed + 1 year. Due within 30 days before, late after
 *   (yearly_update).
 * - The state is the worst that applies: late > incomplete > due > ok. `reasons` lists every reason that applies;
 *   `deadline` is the next date by which something must be done (also when still ok), null when there is none.
 */

export interface ComplianceInput {
  status: ParticipantStatus;
  archived: boolean;
  /** The participant's start date (the latest 'start' career event). */
  startDate: string | null;
  /** The day the first version was agreed. */
  firstAgreedOn: string | null;
  /** The agreed version in force: the day it was agreed and its content. */
  latest: { agreedOn: string; content: PlanContent } | null;
}

/** Days before an update deadline from which it shows as due. */
export const DUE_WINDOW_DAYS = { evaluation: 14, yearly: 30 } as const;
/** At least this many improvement actions. */
export const MIN_ACTIONS = 2;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
// Arithmetic, not a Date per call: the compliance list calls this twice for every participant of an organisation.
const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);

/** The same day n months later; a day the target month lacks becomes its last day (31 January + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Reason = ComplianceStatus['reasons'][number];

/** Reasons that make a state incomplete: something is missing in the agreed plan. */
export const incompleteCodes: readonly ComplianceReasonCode[] = [
  'missing_generic_current',
  'missing_generic_future',
  'missing_technical_current',
  'missing_technical_future',
  'too_few_actions',
  'no_review_date',
];
/** Reasons with a deadline: they make a state due or late. */
export const deadlineCodes: readonly ComplianceReasonCode[] = ['no_plan', 'update_before_review', 'yearly_update'];

/**
 * What the rules need of a plan's content: how many competencies and actions it holds and its review date. The
 * compliance list reads these straight from the database (compliance-list.ts) instead of whole contents.
 */
export interface PlanFacts {
  genericCurrent: number;
  genericFuture: number;
  technicalCurrent: number;
  technicalFuture: number;
  actions: number;
  nextReviewDate: string | null;
}

export const factsOf = (content: PlanContent): PlanFacts => ({
  genericCurrent: content.competencies.genericCurrent.length,
  genericFuture: content.competencies.genericFuture.length,
  technicalCurrent: content.competencies.technicalCurrent.length,
  technicalFuture: content.competencies.technicalFuture.length,
  actions: content.actions.length,
  nextReviewDate: content.nextReviewDate,
});

function contentReasons(facts: PlanFacts, settings: ComplianceSettings): Reason[] {
  const reasons: Reason[] = [];
  const missing = (code: ComplianceReasonCode, n: number) => {
    if (n === 0) reasons.push({ code, date: null });
  };
  missing('missing_generic_current', facts.genericCurrent);
  missing('missing_generic_future', facts.genericFuture);
  missing('missing_technical_current', facts.technicalCurrent);
  missing('missing_technical_future', facts.technicalFuture);
  if (facts.actions < MIN_ACTIONS) reasons.push({ code: 'too_few_actions', date: null });
  if (settings.regime === 'evaluation' && !facts.nextReviewDate) reasons.push({ code: 'no_review_date', date: null });
  return reasons;
}

/** The deadline of the next update of an agreed plan, with its reason code and due window. */
function updateDeadline(
  latest: { agreedOn: string; facts: PlanFacts },
  settings: ComplianceSettings,
): { code: ComplianceReasonCode; date: string; window: number } | null {
  if (settings.regime === 'yearly') {
    return { code: 'yearly_update', date: addMonths(latest.agreedOn, 12), window: DUE_WINDOW_DAYS.yearly };
  }
  const review = latest.facts.nextReviewDate;
  if (!review) return null;
  return {
    code: 'update_before_review',
    date: addDays(review, -settings.daysBeforeEvaluation),
    window: DUE_WINDOW_DAYS.evaluation,
  };
}

export function complianceOf(input: ComplianceInput, settings: ComplianceSettings, today: string): ComplianceStatus {
  const { latest, ...rest } = input;
  return complianceOfFacts(
    { ...rest, latest: latest ? { agreedOn: latest.agreedOn, facts: factsOf(latest.content) } : null },
    settings,
    today,
  );
}

/** complianceOf on the facts of the latest agreed version: the same rules, for the list that reads only those. */
export function complianceOfFacts(
  input: Omit<ComplianceInput, 'latest'> & { latest: { agreedOn: string; facts: PlanFacts } | null },
  settings: ComplianceSettings,
  today: string,
): ComplianceStatus {
  const lastAgreedOn = input.latest?.agreedOn ?? null;
  if (input.archived || input.status === 'registered' || input.status === 'exited' || !input.startDate) {
    return { state: 'not_applicable', reasons: [], deadline: null, lastAgreedOn };
  }
  const firstDeadline = addMonths(input.startDate, 1);
  if (!input.latest) {
    const state: ComplianceState = today > firstDeadline ? 'late' : 'due';
    return { state, reasons: [{ code: 'no_plan', date: firstDeadline }], deadline: firstDeadline, lastAgreedOn };
  }

  const reasons: Reason[] = [];
  const firstAgreedOn = input.firstAgreedOn ?? input.latest.agreedOn;
  if (firstAgreedOn > firstDeadline) reasons.push({ code: 'first_plan_late', date: firstAgreedOn });
  const missing = contentReasons(input.latest.facts, settings);
  reasons.push(...missing);

  let state: ComplianceState = missing.length ? 'incomplete' : 'ok';
  const update = updateDeadline(input.latest, settings);
  if (update) {
    if (today > update.date) {
      state = 'late';
      reasons.push({ code: update.code, date: update.date });
    } else if (today >= addDays(update.date, -update.window)) {
      if (state === 'ok') state = 'due';
      reasons.push({ code: update.code, date: update.date });
    }
  }
  return { state, reasons, deadline: update?.date ?? null, lastAgreedOn };
}
