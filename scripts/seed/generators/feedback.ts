import { addDays, daysBetween, type Random, stableId, timestampOn } from '../random';
import type { FeedbackConversationRecord, FeedbackRuleRecord, ObservationRecord } from '../records';
import { type PathEvent, type Period, teamOn } from './periods';

/**
 * Feedback conversations (feedbackgesprekken): at least every interval (28 days unless a rule says otherwise)
 * while a participant is at work, counted from the start or resume and then from the last conversation. Most are
 * held a few days before they are due, some a week or two late; and for some participants the latest one is
 * missing, so the due lists have people who are overdue.
 */

export const DEFAULT_INTERVAL_DAYS = 28;

/** The interval rules of one organisation: a default row for some, a shorter interval for activation for others. */
export function feedbackRuleRecords(
  seed: number | string,
  random: Random,
  organisation: { id: string; index: number; createdAt: Date },
): FeedbackRuleRecord[] {
  const rules: FeedbackRuleRecord[] = [];
  const rule = (programmeType: string | null, intervalDays: number) =>
    rules.push({
      id: stableId(seed, 'feedback-rule', organisation.index, rules.length),
      organisationId: organisation.id,
      teamId: null,
      programmeType,
      intervalDays,
      createdAt: organisation.createdAt,
    });
  if (random.chance(0.5)) rule(null, DEFAULT_INTERVAL_DAYS);
  if (random.chance(0.4)) rule('activering', 21);
  return rules;
}

/** The interval for a participant: the programme type's rule, else the organisation's default row, else 28 days. */
export function intervalFor(rules: readonly FeedbackRuleRecord[], programmeType: string): number {
  const byProgramme = rules.find((r) => !r.teamId && r.programmeType === programmeType);
  const general = rules.find((r) => !r.teamId && !r.programmeType);
  return byProgramme?.intervalDays ?? general?.intervalDays ?? DEFAULT_INTERVAL_DAYS;
}

// biome-ignore format: word lists
const wentWell = [
  'Je bent elke dag op tijd.', 'Je werkt netjes en veilig.', 'Je helpt je collega’s.', 'Je vraagt zelf om uitleg.',
  'Je hebt de nieuwe taak snel geleerd.', 'Je blijft rustig als het druk is.', 'Je verwittigt als je later bent.',
];
// biome-ignore format: word lists
const toWorkOn = [
  'Vraag hulp als je iets niet weet.', 'Draag altijd je veiligheidsschoenen.', 'Werk door tot de pauze.',
  'Zeg het als je het niet eens bent, rustig.', 'Ruim je werkplek op voor je naar huis gaat.',
  'Kijk je werk na voor je zegt dat het klaar is.', 'Bel voor 8 uur als je ziek bent.',
];
// biome-ignore format: word lists
const agreements = [
  'Volgende maand leer je de haagschaar gebruiken.', 'Je start elke ochtend mee met de meestergast.',
  'We oefenen samen de werkinstructie.', 'Je volgt de opleiding veilig werken.', 'Over vier weken kijken we opnieuw.',
  'Je mag een nieuwe collega begeleiden.', 'Je coach belt je volgende week.',
];

export interface FeedbackInput {
  organisationId: string;
  participantId: string;
  events: readonly PathEvent[];
  periods: readonly Period[];
  intervalDays: number;
  coachIds: readonly string[];
  supervisorsOf: ReadonlyMap<string, readonly string[]>;
  observations: readonly ObservationRecord[];
  referenceDate: string;
  /** Whether the latest conversation is missing at the reference date; undefined: drawn (about 1 in 7). */
  overdue?: boolean;
}

/** The days conversations were held: from each period's start, one interval (give or take) after the last one. */
export function conversationDates(
  random: Random,
  periods: readonly Period[],
  intervalDays: number,
  options: { referenceDate: string; overdue: boolean },
): string[] {
  const dates: string[] = [];
  for (const period of periods) {
    let anchor = period.from;
    for (;;) {
      const due = addDays(anchor, intervalDays);
      const held = random.chance(0.12) ? addDays(due, random.int(1, 18)) : addDays(due, -random.int(0, 6));
      if (held > period.to) break;
      dates.push(held);
      anchor = held;
    }
  }
  const running = periods.at(-1);
  if (!running || running.to !== options.referenceDate) return dates;
  const inRunning = (d: string) => d >= running.from;
  if (options.overdue) {
    // Overdue by one to twenty-five days: the conversations after that point were never held.
    const lateBy = random.int(1, 25);
    while (dates.length && inRunning(dates.at(-1) as string)) {
      const last = dates.at(-1) as string;
      if (daysBetween(last, options.referenceDate) > intervalDays + lateBy - 1) break;
      dates.pop();
    }
  } else {
    const anchor = dates.filter(inRunning).at(-1) ?? running.from;
    if (daysBetween(anchor, options.referenceDate) > intervalDays) {
      dates.push(
        addDays(options.referenceDate, -random.int(0, Math.min(6, daysBetween(anchor, options.referenceDate) - 1))),
      );
    }
  }
  return dates;
}

export function feedbackRecords(
  seed: number | string,
  random: Random,
  input: FeedbackInput,
): FeedbackConversationRecord[] {
  const overdue = input.overdue ?? random.chance(0.15);
  const dates = conversationDates(random, input.periods, input.intervalDays, {
    referenceDate: input.referenceDate,
    overdue,
  });
  const mainCoach = input.coachIds[0];
  return dates.map((heldOn, k) => {
    const leads = input.supervisorsOf.get(teamOn(input.events, heldOn) ?? '') ?? [];
    const supervisor = leads.length ? random.pick(leads) : undefined;
    const staffIds = [supervisor, random.chance(0.5) || !supervisor ? mainCoach : undefined].filter(
      (s): s is string => !!s,
    );
    const reviewFrom = addDays(heldOn, -35);
    const reviewed = input.observations
      .filter((o) => o.observedOn > reviewFrom && o.observedOn <= heldOn && o.raterKind !== 'coach')
      .map((o) => o.id);
    const some = (list: readonly string[], p: number) => (random.chance(p) ? random.pick(list) : null);
    let well = some(wentWell, 0.85);
    const work = some(toWorkOn, 0.75);
    const agreed = some(agreements, 0.6);
    if (!well && !work && !agreed) well = random.pick(wentWell);
    return {
      id: stableId(seed, 'feedback', input.participantId, k),
      organisationId: input.organisationId,
      participantId: input.participantId,
      heldOn,
      staffIds,
      participantPresent: random.chance(0.96),
      otherAttendees: random.chance(0.04) ? random.pick(['De mentor van de stage.', 'De jobcoach van VDAB.']) : null,
      reviewedObservationIds: reviewed,
      wentWell: well,
      toWorkOn: work,
      agreements: agreed,
      createdBy: staffIds[0] as string,
      createdAt: timestampOn(heldOn, random.int(300, 480)),
    };
  });
}
