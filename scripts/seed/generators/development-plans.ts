import type { WorkMode } from '#shared/competencies';
import type {
  ActionOwner,
  ActionStatus,
  ComplianceSettings,
  LiveCompetency,
  LiveSkill,
  PlanAction,
  PlanContent,
  PlanEvidence,
  PlanGoal,
  PlanTextSection,
} from '#shared/development-plans';
import type { RaterKind } from '#shared/observations';
import { addDays, daysBetween, type Random, stableId, timestampOn } from '../random';
import type {
  PlanActionProgressRecord,
  PlanGoalNoteRecord,
  PlanPresentationRecord,
  PlanProposalRecord,
  PlanSettingsRecord,
  PlanVersionRecord,
  RatingRecord,
  SkillLevelRecord,
  SkillRecord,
} from '../records';
import { type BuiltFramework, versionOn } from './frameworks';
import { type PathEvent, teamOn } from './periods';

/**
 * The POP history of a participant (issue 5): a first version agreed within a month of the start (some late, some
 * never), then a new agreed version before each review (or yearly), the older ones superseded; for some an open draft
 * that is being worked on. An agreed version holds the evidence it was agreed on: the latest scores per rater and the
 * ILUO levels on that day, computed from the participant's own generated ratings and levels. Beside the agreed
 * version: ticked-off actions, notes on goals, proposals of participants who log in, and presentations at the team
 * meeting or the closing event.
 */

export const DEFAULT_PLAN_SETTINGS: ComplianceSettings = { regime: 'evaluation', daysBeforeEvaluation: 10 };

/** The organisation's regime: most keep the default (no row), some set 14 days, some the yearly regime. */
export function planSettingsRecord(
  random: Random,
  organisation: { id: string; createdAt: Date },
): { record?: PlanSettingsRecord; settings: ComplianceSettings } {
  const choice = random.weighted([
    ['default', 45],
    ['evaluation', 30],
    ['yearly', 25],
  ] as const);
  if (choice === 'default') return { settings: DEFAULT_PLAN_SETTINGS };
  const settings: ComplianceSettings =
    choice === 'yearly'
      ? { regime: 'yearly', daysBeforeEvaluation: 10 }
      : { regime: 'evaluation', daysBeforeEvaluation: random.pick([10, 14, 21]) };
  return {
    settings,
    record: { organisationId: organisation.id, ...settings, updatedAt: organisation.createdAt },
  };
}

/** A hand-picked history (the demo): every version on time and complete, plus what the screens need to show. */
export interface PlanShape {
  /** An open draft with a change against the agreed version. */
  draft?: boolean;
  /** Proposals by the participant: one open, one accepted into the draft, one to talk about. */
  proposals?: boolean;
  /** Actions of the agreed version ticked off (done) and under way (busy). */
  ticked?: boolean;
  /** Presented at a team meeting. */
  presented?: boolean;
}

export interface PlanInput {
  organisationId: string;
  participantId: string;
  events: readonly PathEvent[];
  referenceDate: string;
  programmeType: string;
  coachIds: readonly string[];
  participantUserId: string | null;
  supervisorsOf: ReadonlyMap<string, readonly string[]>;
  framework: BuiltFramework;
  teams: ReadonlyMap<string, { name: string; workDomain: string | null }>;
  skillsOf: ReadonlyMap<string, readonly SkillRecord[]>;
  /** The participant's own ratings and ILUO levels: what the evidence of each version is read from. */
  ratings: readonly RatingRecord[];
  skillLevels: readonly SkillLevelRecord[];
  /** Levels the participant's current and target job profiles expect, by competency key. */
  expected: { current: ReadonlyMap<string, number>; target: ReadonlyMap<string, number> } | null;
  settings: ComplianceSettings;
  shape?: PlanShape;
}

export interface PlanRows {
  versions: PlanVersionRecord[];
  actionProgress: PlanActionProgressRecord[];
  goalNotes: PlanGoalNoteRecord[];
  proposals: PlanProposalRecord[];
  presentations: PlanPresentationRecord[];
}

export const emptyPlanRows = (): PlanRows => ({
  versions: [],
  actionProgress: [],
  goalNotes: [],
  proposals: [],
  presentations: [],
});

// ---------- words ----------

// biome-ignore format: word lists
const summaries = [
  'Ik werk graag met mijn handen.', 'Ik ben rustig en ik help graag anderen.', 'Ik heb lang niet gewerkt. Nu wil ik terug een vast ritme.',
  'Ik ben een doener. Ik praat niet graag lang.', 'Ik leer het best als iemand het eerst voordoet.', 'Ik woon alleen met mijn twee kinderen.',
  'Vroeger werkte ik in een fabriek. Daarna was ik lang ziek.', 'Ik spreek Nederlands, Arabisch en een beetje Frans.', 'Ik ben graag buiten, ook als het regent.',
  'Ik ben soms snel boos. Ik wil leren om rustig te blijven.', 'Ik werk graag in een vaste ploeg.', 'Ik kom uit Polen en woon tien jaar in Gent.',
  'Ik hou van orde. Ik zie snel wat er mis is.', 'Ik ben soms onzeker, maar ik zet door.',
];
// biome-ignore format: word lists
const dreams = [
  'Ik wil later een vaste job.', 'Ik wil mijn rijbewijs B halen.', 'Ik droom van een eigen moestuin.', 'Ik wil graag met dieren werken.',
  'Ik wil beter Nederlands leren.', 'Ik hou van voetbal en koken.', 'Ik wil mijn kinderen tonen dat werken loont.', 'Ik wil ooit een eigen zaak.',
  'Ik wil een opleiding volgen bij VDAB.', 'Ik teken graag en ik maak graag dingen mooi.', 'Ik wil anderen leren wat ik nu kan.', 'Ik wil op vakantie naar mijn familie.',
];
// biome-ignore format: word lists
const jobTargets: Record<string, readonly string[]> = {
  renovatie: ['Schilder bij een bouwbedrijf', 'Tegelzetter', 'Klusjesman bij een woonmaatschappij', 'Hulparbeider in de bouw'],
  groen: ['Groenarbeider bij de stad', 'Tuinier bij een tuinaannemer', 'Medewerker in een tuincentrum'],
  industrie: ['Productiemedewerker', 'Magazijnier met heftruckattest', 'Orderpicker in een distributiecentrum', 'Operator aan een machine'],
  administratie: ['Administratief medewerker', 'Onthaalmedewerker', 'Medewerker postkamer'],
  schoonmaak: ['Schoonmaker in een ziekenhuis', 'Medewerker schoonmaak bij een bedrijf'],
  kringwinkel: ['Winkelmedewerker', 'Chauffeur-ophaler', 'Fietshersteller'],
  keuken: ['Keukenhulp in een grootkeuken', 'Hulpkok', 'Medewerker zaal in een restaurant'],
};
const workModeReasons: Record<WorkMode, readonly string[]> = {
  uitvoerend: [
    'Ik wil weten wat ik moet doen. Dan doe ik het goed.',
    'Ik werk graag aan één taak tot ze af is.',
    'Te veel keuzes maken mij moe.',
  ],
  inzichtelijk: [
    'Ik denk graag mee over hoe we het aanpakken.',
    'Ik wil begrijpen waarom we iets doen.',
    'Ik help graag plannen met de meestergast.',
  ],
};
// biome-ignore format: word lists
const supports = [
  'Een vaste peter in de ploeg.', 'Uitleg met tekeningen en foto’s.', 'Hulp bij papieren en brieven.', 'Elke week even kort samen zitten.',
  'Werkkledij in mijn maat.', 'Een vast uurrooster.', 'Hulp van mijn budgetbegeleider.', 'Een rustige plek voor de pauze.',
];
/** What a goal about a competency says: what, how we will see it, why it matters. */
// biome-ignore format: one competency per line reads as a table
const goalWords: Record<string, readonly [string, string, string]> = {
  afspraken_nakomen: ['Ik kom mijn afspraken na.', 'Ik verwittig altijd op tijd als iets niet lukt.', 'Dan kunnen mijn collega’s op mij rekenen.'],
  stiptheid_aanwezigheid: ['Ik ben elke dag op tijd op het werk.', 'Een maand lang geen enkele keer te laat.', 'Een werkgever wil dat ik er op tijd ben.'],
  zorgvuldigheid: ['Ik kijk mijn werk na voor ik zeg dat het klaar is.', 'De meestergast vindt geen fouten meer bij de controle.', 'Ik ben trots op goed werk.'],
  zelfstandig_werken: ['Ik werk een halve dag alleen aan een taak.', 'Ik vraag pas hulp als ik echt vastzit.', 'Ik wil later alleen kunnen werken.'],
  samenwerken: ['Ik werk goed samen in de ploeg.', 'Ik help een collega als die het moeilijk heeft.', 'Samen gaat het werk vlotter.'],
  communicatie: ['Ik zeg het als ik iets niet begrijp.', 'Ik stel elke dag een vraag aan de meestergast.', 'Zo maak ik minder fouten.'],
  omgaan_met_feedback: ['Ik blijf rustig als iemand zegt wat beter kan.', 'Ik luister en ik probeer het opnieuw.', 'Zo leer ik bij.'],
  leerbereidheid: ['Ik leer een nieuwe taak.', 'Ik kan de taak tonen aan de meestergast.', 'Met meer taken vind ik makkelijker werk.'],
  initiatief: ['Ik zie zelf wat er moet gebeuren.', 'Ik begin aan een taak zonder dat iemand het vraagt.', 'Ik wil meer verantwoordelijkheid.'],
  veilig_werken: ['Ik draag altijd mijn beschermkledij.', 'De meestergast moet me er niet meer aan herinneren.', 'Ik wil gezond blijven.'],
  werktempo_inzet: ['Ik hou het tempo vol tot de pauze.', 'Ik werk een volle dag zonder extra rust.', 'Voltijds werken is mijn doel.'],
};
const actionWords: Record<ActionOwner, readonly string[]> = {
  // biome-ignore format: word lists
  participant: [
    'Elke avond mijn wekker zetten.', 'Elke week oefenen met de meestergast.', 'Uitleg vragen als ik iets niet snap.',
    'Mijn vragen opschrijven in mijn boekje.', 'De opleiding veilig werken volgen.', 'Voor 8 uur bellen als ik ziek ben.',
    'Na elke taak mijn werk nakijken.', 'Een nieuwe collega de werkplek tonen.', 'Mijn sollicitatiebrief schrijven.',
  ],
  // biome-ignore format: word lists
  coach: [
    'Een opleiding heftruck zoeken.', 'Elke maand een gesprek plannen.', 'Samen een stageplaats zoeken.',
    'Het attest aanvragen bij VDAB.', 'Contact opnemen met de budgetbegeleider.', 'Een proefdag regelen bij een werkgever.',
  ],
  // biome-ignore format: word lists
  supervisor: [
    'De nieuwe taak drie keer samen doen.', 'Een vaste peter aanduiden in de ploeg.', 'Elke vrijdag kort bespreken hoe de week ging.',
    'De werkinstructie met foto’s maken.',
  ],
  other: ['Een afspraak maken bij de tandarts.', 'Een fiets regelen voor de weg naar het werk.', 'Taallessen zoeken.'],
};
const otherOwners = ['Budgetbegeleider', 'Jobcoach VDAB', 'Sara van de keuken', 'Maatschappelijk werker OCMW'];
// biome-ignore format: word lists
const goalNotes = [
  'Deze week twee keer gelukt.', 'Nog moeilijk als het druk is.', 'Samen besproken in het feedbackgesprek.', 'Ik ben trots: het lukt nu alleen.',
  'Volgende maand opnieuw bekijken.', 'De meestergast ziet vooruitgang.', 'Was ziek, daarom minder geoefend.',
];
// biome-ignore format: word lists
const proposalMessages = ['Kunnen we dit toevoegen?', 'Ik wil dit graag aanpassen.', 'Dit vind ik belangrijk.', ''];
// biome-ignore format: word lists
const replies = {
  accepted: ['Goed idee. Ik heb het toegevoegd.', 'Akkoord, staat in je nieuwe plan.', ''],
  discussed: ['Laten we dit samen bespreken op ons volgende gesprek.', 'Goed idee, maar eerst even praten met de meestergast.'],
};

const raterOrder: readonly RaterKind[] = ['supervisor', 'coach', 'self', 'mentor'];
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

// ---------- evidence ----------

/** The latest score per rater kind of each competency key on a day: by date, then the later row (later observed). */
function latestOn(ratings: readonly RatingRecord[], day: string) {
  const latest = new Map<string, Partial<Record<RaterKind, { score: number; on: string }>>>();
  for (const r of ratings) {
    if (r.observedOn > day) continue;
    const byKind = latest.get(r.competencyKey) ?? {};
    const seen = byKind[r.raterKind as RaterKind];
    if (!seen || r.observedOn >= seen.on) byKind[r.raterKind as RaterKind] = { score: r.score, on: r.observedOn };
    latest.set(r.competencyKey, byKind);
  }
  return latest;
}

/** The ILUO level of each skill on a day. */
function levelsOn(levels: readonly SkillLevelRecord[], day: string) {
  const current = new Map<string, { level: number; on: string }>();
  for (const l of levels) {
    if (l.assessedOn > day) continue;
    const seen = current.get(l.skillId);
    if (!seen || l.assessedOn >= seen.on) current.set(l.skillId, { level: l.level, on: l.assessedOn });
  }
  return current;
}

/** The competency keys and skill ids a plan names, each once, in order of appearance (as the POP service reads it). */
export function referencedBy(content: PlanContent): { competencyKeys: string[]; skillIds: string[] } {
  const c = content.competencies;
  return {
    competencyKeys: [
      ...new Set([...c.genericCurrent, ...c.genericFuture, ...content.goals.flatMap((g) => g.competencyKeys)]),
    ],
    skillIds: [...new Set([...c.technicalCurrent, ...c.technicalFuture, ...content.goals.flatMap((g) => g.skillIds)])],
  };
}

// ---------- one participant ----------

interface Agreed {
  number: number;
  on: string;
  /** The day the next thing happens (next version, exit or the reference date): follow-up stays before it. */
  until: string;
  content: PlanContent;
  record: PlanVersionRecord;
}

export function planRecords(seed: number | string, random: Random, input: PlanInput): PlanRows {
  const rows = emptyPlanRows();
  const { organisationId, participantId, events, referenceDate, settings, shape } = input;
  const starts = events.filter((e) => e.kind === 'start').map((e) => e.date);
  const intake = events[0]?.date ?? starts[0];
  const coach = input.coachIds[0];
  if (!starts.length || !coach || !intake) return rows;
  const keys = input.framework.versions.at(-1)?.competencies.map((c) => c.key) ?? [];
  const skillById = new Map<string, SkillRecord>();
  for (const list of input.skillsOf.values()) for (const s of list) skillById.set(s.id, s);
  let counter = 0;
  const goalKey = () => stableId(seed, 'pop-goal', participantId, counter++);
  const actionKey = () => stableId(seed, 'pop-action', participantId, counter++);

  const supervisorOn = (day: string) => {
    const leads = input.supervisorsOf.get(teamOn(events, day) ?? '') ?? [];
    return leads.length ? random.pick(leads) : coach;
  };

  const newGoal = (on: string, competencyKey: string | undefined, skill: SkillRecord | undefined): PlanGoal => {
    const words = competencyKey ? goalWords[competencyKey] : undefined;
    const [what, evidence, why] = skill
      ? [
          `Ik kan "${skill.name}" zonder hulp.`,
          'De meestergast zet mij op U in de ILUO-matrix.',
          'Dan kan ik meer taken in de ploeg doen.',
        ]
      : (words ?? ['Ik leer elke maand iets nieuws.', 'Ik toon het aan mijn coach.', 'Ik wil vooruit.']);
    return {
      key: goalKey(),
      what,
      evidence: random.chance(0.9) ? evidence : '',
      why: random.chance(0.85) ? why : '',
      dueDate: addDays(on, random.int(60, 300)),
      competencyKeys: competencyKey ? [competencyKey] : [],
      skillIds: skill ? [skill.id] : [],
    };
  };

  const newAction = (on: string, goal: PlanGoal | undefined): PlanAction => {
    const owner = random.weighted<ActionOwner>([
      ['participant', 50],
      ['coach', 25],
      ['supervisor', 15],
      ['other', 10],
    ]);
    return {
      key: actionKey(),
      what: random.pick(actionWords[owner]),
      owner,
      ownerName: owner === 'other' ? random.pick(otherOwners) : '',
      dueDate: addDays(on, random.int(14, 200)),
      status: random.chance(0.15) ? 'busy' : 'open',
      goalKey: goal && random.chance(0.8) ? goal.key : null,
    };
  };

  /** The plan as it is agreed on a day: the previous one carried on, with what changed since. */
  const makeContent = (on: string, previous: PlanContent | null, statuses: ReadonlyMap<string, ActionStatus>) => {
    const teamId = teamOn(events, on);
    const domain = input.teams.get(teamId ?? '')?.workDomain ?? '';
    const latest = latestOn(input.ratings, on);
    const levels = levelsOn(input.skillLevels, on);
    const scoreOf = (key: string) => {
      const byKind = latest.get(key);
      return byKind?.supervisor?.score ?? byKind?.self?.score ?? byKind?.coach?.score ?? null;
    };
    // Generic: the strongest now, the ones to grow in next (lowest scores, or where the target profile asks more).
    const ranked = random
      .sample(keys, keys.length)
      .map((key) => ({
        key,
        score: scoreOf(key) ?? 2.5,
        gap: (input.expected?.target.get(key) ?? 0) - (scoreOf(key) ?? 2),
      }))
      .sort((a, b) => b.score - a.score);
    const genericCurrent = ranked.slice(0, random.int(2, 4)).map((c) => c.key);
    const genericFuture = ranked
      .slice(genericCurrent.length)
      .sort((a, b) => b.gap - a.gap || a.score - b.score)
      .slice(0, random.int(2, 3))
      .map((c) => c.key);
    // Technical: skills of the team at U or O now (or L), and the ones to learn next.
    const teamSkills = input.skillsOf.get(teamId ?? '') ?? [];
    const levelOf = (s: SkillRecord) => levels.get(s.id)?.level ?? 0;
    let technicalCurrent = teamSkills.filter((s) => levelOf(s) >= 3);
    if (!technicalCurrent.length) technicalCurrent = teamSkills.filter((s) => levelOf(s) === 2);
    // A newcomer brings what they learned before (the coach writes it down after the first weeks).
    if (!technicalCurrent.length && random.chance(0.9)) technicalCurrent = random.sample(teamSkills, random.int(1, 2));
    technicalCurrent = random.sample(technicalCurrent, random.int(1, 5));
    const chosen = new Set(technicalCurrent.map((s) => s.id));
    const learning = teamSkills.filter((s) => !chosen.has(s.id) && levelOf(s) <= 2);
    const technicalFuture = random.sample(
      learning.filter((s) => levelOf(s) > 0).length >= 2 ? learning.filter((s) => levelOf(s) > 0) : learning,
      random.int(2, 4),
    );

    // Goals: the ones still running carry on; new ones for competencies and skills to grow in.
    const goals: PlanGoal[] = (previous?.goals ?? []).filter((g) => g.dueDate > on && random.chance(0.7));
    const want = Math.max(goals.length, random.int(2, 5));
    const covered = new Set(goals.flatMap((g) => [...g.competencyKeys, ...g.skillIds]));
    const topics: { key?: string; skill?: SkillRecord }[] = [
      ...genericFuture.filter((k) => !covered.has(k)).map((key) => ({ key })),
      ...technicalFuture.filter((s) => !covered.has(s.id)).map((skill) => ({ skill })),
    ];
    for (const t of random.sample(topics, want - goals.length)) goals.push(newGoal(on, t.key, t.skill));
    while (goals.length < 2) goals.push(newGoal(on, random.pick(keys), undefined));
    const goalKeys = new Set(goals.map((g) => g.key));

    // Actions: the unfinished ones carry on with their live status; new ones until there are enough.
    const actions: PlanAction[] = (previous?.actions ?? [])
      .map((a) => ({ ...a, status: statuses.get(a.key) ?? a.status }))
      .filter((a) => a.status !== 'done' && (!a.goalKey || goalKeys.has(a.goalKey)))
      .map((a) => (a.dueDate <= on ? { ...a, dueDate: addDays(on, random.int(14, 120)) } : a));
    const wantActions = Math.max(actions.length, random.int(2, 6));
    while (actions.length < wantActions) actions.push(newAction(on, random.pick(goals)));

    const workMode: WorkMode =
      previous?.workMode && random.chance(0.85)
        ? previous.workMode
        : random.weighted<WorkMode>([
            ['uitvoerend', 70],
            ['inzichtelijk', 30],
          ]);
    const content: PlanContent = {
      summary: previous && random.chance(0.7) ? previous.summary : random.sample(summaries, random.int(2, 3)).join(' '),
      jobTarget:
        previous && random.chance(0.8)
          ? previous.jobTarget
          : random.pick(jobTargets[domain] ?? jobTargets.industrie ?? ['Een vaste job']),
      escoOccupation: null,
      dreams: previous && random.chance(0.6) ? previous.dreams : random.sample(dreams, random.int(1, 3)).join(' '),
      workMode,
      workModeReason:
        previous?.workMode === workMode && previous.workModeReason
          ? previous.workModeReason
          : random.pick(workModeReasons[workMode]),
      competencies: {
        genericCurrent,
        genericFuture,
        technicalCurrent: technicalCurrent.map((s) => s.id),
        technicalFuture: technicalFuture.map((s) => s.id),
      },
      goals,
      actions,
      support: previous && random.chance(0.7) ? previous.support : random.sample(supports, random.int(1, 2)).join(' '),
      nextReviewDate: addDays(on, random.int(150, 330)),
    };
    // Some plans miss a part the rules ask for: the compliance list has incomplete ones to show.
    if (!shape && random.chance(0.08)) {
      const gap = random.pick([
        'genericCurrent',
        'genericFuture',
        'technicalCurrent',
        'technicalFuture',
        'actions',
        'review',
      ] as const);
      if (gap === 'actions') content.actions = content.actions.slice(0, 1);
      else if (gap === 'review') content.nextReviewDate = null;
      else content.competencies[gap] = [];
    }
    return content;
  };

  /** The scores and levels the version names, as they were on the day it was agreed. */
  const evidenceOn = (on: string, content: PlanContent, asOf: Date): PlanEvidence => {
    const { competencyKeys, skillIds } = referencedBy(content);
    const wanted = new Set(competencyKeys);
    const version = versionOn(input.framework, on);
    const latest = latestOn(input.ratings, on);
    const levels = levelsOn(input.skillLevels, on);
    const competencies: LiveCompetency[] = version.competencies
      .filter((c) => wanted.has(c.key))
      .map((c) => {
        const byKind = latest.get(c.key) ?? {};
        return {
          key: c.key,
          name: c.name,
          latest: Object.fromEntries(raterOrder.filter((k) => byKind[k]).map((k) => [k, byKind[k]])),
          scaleMax: version.scaleLength,
          currentExpected: input.expected?.current.get(c.key) ?? null,
          targetExpected: input.expected?.target.get(c.key) ?? null,
        };
      });
    const skills: LiveSkill[] = skillIds
      .flatMap((id) => skillById.get(id) ?? [])
      .sort(
        (a, b) =>
          (input.teams.get(a.teamId)?.name ?? '').localeCompare(input.teams.get(b.teamId)?.name ?? '') ||
          (a.groupName ?? '').localeCompare(b.groupName ?? '') ||
          (a.position ?? 0) - (b.position ?? 0),
      )
      .map((s) => ({
        id: s.id,
        name: s.name,
        group: s.groupName || null,
        team: input.teams.get(s.teamId)?.name ?? '',
        level: levels.get(s.id)?.level ?? null,
        on: levels.get(s.id)?.on ?? null,
      }));
    return { competencies, skills, asOf: asOf.toISOString() };
  };

  const editor = () => (input.participantUserId && random.chance(0.3) ? input.participantUserId : coach);

  // ---- the versions, stint by stint ----
  const agreed: Agreed[] = [];
  let pendingDraft: { createdOn: string } | null = null;
  let statuses = new Map<string, ActionStatus>();
  let firstOfAll = true;
  for (const [i, start] of starts.entries()) {
    const exit = events.find((e) => e.kind === 'exit' && e.date > start)?.date ?? null;
    const nextStart = starts[i + 1];
    // Agreed on a day at work in this stint: before the exit, and not after the reference date.
    const limit = exit ? earlier(addDays(exit, -1), referenceDate) : referenceDate;
    const first = shape
      ? 'on_time'
      : random.weighted([
          ['on_time', firstOfAll ? 76 : 85],
          ['late', firstOfAll ? 15 : 10],
          ['missing', firstOfAll ? 9 : 5],
        ] as const);
    firstOfAll = false;
    // Missing: some get their first plan months too late, some never.
    let agreeOn: string | null =
      first === 'on_time'
        ? addDays(start, random.int(4, 27))
        : first === 'late'
          ? addDays(start, random.int(33, 110))
          : random.chance(0.5)
            ? addDays(start, random.int(120, 400))
            : null;
    if (!agreeOn && !exit && random.chance(0.4)) {
      // Never agreed, but the coach started one.
      const createdOn = addDays(start, random.int(3, 60));
      if (createdOn <= referenceDate) pendingDraft = { createdOn };
    }
    while (agreeOn) {
      const previous = agreed.at(-1);
      const createdOn = later(
        addDays(agreeOn, -random.int(previous ? 3 : 1, previous ? 45 : 20)),
        later(previous ? addDays(previous.on, 1) : intake, intake),
      );
      if (agreeOn > limit) {
        // Not agreed yet: the draft is being worked on, if it was started and the participant is still here.
        if (!exit && createdOn <= referenceDate && (!nextStart || nextStart > referenceDate)) {
          pendingDraft = { createdOn };
        }
        break;
      }
      const number = agreed.length + 1;
      const content = makeContent(agreeOn, previous?.content ?? null, statuses);
      statuses = new Map();
      const coachFirst = random.chance(0.5);
      const firstSign = timestampOn(agreeOn, random.int(240, 360));
      const secondSign = new Date(firstSign.getTime() + random.int(1, 90) * 60_000);
      const agreedAt = secondSign;
      const evidence = evidenceOn(agreeOn, content, agreedAt);
      const record: PlanVersionRecord = {
        id: stableId(seed, 'pop-version', participantId, number),
        organisationId,
        participantId,
        number,
        status: 'superseded',
        revision: random.int(1, 8),
        content,
        evidence,
        createdBy: coach,
        createdAt: timestampOn(createdOn, random.int(0, 120)),
        updatedBy: editor(),
        updatedAt: timestampOn(agreeOn, random.int(125, 235)),
        participantAgreedAt: coachFirst ? secondSign : firstSign,
        coachAgreedAt: coachFirst ? firstSign : secondSign,
        coachAgreedBy: coach,
        agreedAt,
      };
      if (previous) previous.until = earlier(previous.until, agreeOn);
      agreed.push({ number, on: agreeOn, until: exit ? earlier(exit, referenceDate) : referenceDate, content, record });
      // Between two versions the actions move on: the next version carries the live statuses.
      for (const a of content.actions) {
        if (random.chance(0.5)) statuses.set(a.key, random.chance(0.6) ? 'done' : 'busy');
      }

      // The next update: before the review (or within the year), mostly on time, some late, some never.
      const review = content.nextReviewDate ?? addDays(agreeOn, 300);
      const deadline =
        settings.regime === 'yearly' ? addDays(agreeOn, 365) : addDays(review, -settings.daysBeforeEvaluation);
      const next = shape
        ? 'on_time'
        : random.weighted([
            ['on_time', 85],
            ['late', 11],
            ['skipped', 4],
          ] as const);
      if (next === 'skipped') break;
      agreeOn = next === 'on_time' ? addDays(deadline, -random.int(1, 13)) : addDays(deadline, random.int(2, 45));
      const lastOn = (agreed.at(-1) as Agreed).on;
      if (daysBetween(lastOn, agreeOn) < 30) agreeOn = addDays(lastOn, 30);
    }
  }

  const current = agreed.at(-1);
  const stillHere = !events.some((e) => e.kind === 'exit' && e.date > (starts.at(-1) as string));
  if (shape?.draft && !pendingDraft && stillHere) {
    pendingDraft = { createdOn: later(addDays(referenceDate, -random.int(2, 10)), current?.on ?? intake) };
  }

  // ---- follow-up of the agreed version in force ----
  const live = new Map<string, ActionStatus>();
  if (current) {
    const from = addDays(current.on, 1);
    const until = current.until;
    const span = Math.max(0, daysBetween(from, until));
    const dayIn = () => addDays(from, random.int(0, span));
    if (span >= 0 && from <= until) {
      current.content.actions.forEach((a, k) => {
        const forced = shape?.ticked && a.owner === 'participant' ? (k % 2 === 0 ? 'done' : 'busy') : undefined;
        if (!forced && !random.chance(0.45)) return;
        const status: ActionStatus = forced ?? (a.status === 'busy' || random.chance(0.5) ? 'done' : 'busy');
        if (status === a.status) return;
        const on = dayIn();
        live.set(a.key, status);
        rows.actionProgress.push({
          organisationId,
          participantId,
          actionKey: a.key,
          status,
          updatedBy:
            a.owner === 'participant' && input.participantUserId
              ? input.participantUserId
              : a.owner === 'supervisor'
                ? supervisorOn(on)
                : coach,
          updatedAt: timestampOn(on, random.int(60, 480)),
        });
      });
      if (shape?.ticked && !rows.actionProgress.some((p) => p.status === 'done')) {
        const a = current.content.actions.find((x) => x.status !== 'done');
        if (a) {
          live.set(a.key, 'done');
          rows.actionProgress.push({
            organisationId,
            participantId,
            actionKey: a.key,
            status: 'done',
            updatedBy: input.participantUserId ?? coach,
            updatedAt: timestampOn(until, 30),
          });
        }
      }
      let note = 0;
      for (const g of current.content.goals) {
        if (!random.chance(0.35)) continue;
        for (let n = random.int(1, 2); n > 0; n--) {
          const on = dayIn();
          rows.goalNotes.push({
            id: stableId(seed, 'pop-goal-note', participantId, note++),
            organisationId,
            participantId,
            goalKey: g.key,
            text: random.pick(goalNotes),
            authorId: input.participantUserId && random.chance(0.4) ? input.participantUserId : supervisorOn(on),
            createdAt: timestampOn(on, random.int(60, 480)),
          });
        }
      }
    }
  }

  // Presentations: at a team meeting some weeks after agreeing; at the closing event of an activation programme.
  for (const a of agreed) {
    const closing = input.programmeType === 'activering' && a.until < referenceDate && a === current;
    const forced = shape?.presented && a === current;
    if (!forced && !closing && !random.chance(0.3)) continue;
    const on = closing
      ? addDays(a.until, -random.int(1, 5))
      : addDays(a.on, random.int(7, Math.max(7, Math.min(60, daysBetween(a.on, a.until) - 1))));
    if (on <= a.on || on >= a.until || on > referenceDate) continue;
    rows.presentations.push({
      id: stableId(seed, 'pop-presentation', participantId, a.number),
      organisationId,
      participantId,
      versionNumber: a.number,
      presentedOn: on,
      occasion: closing ? 'closing_event' : 'team_meeting',
      createdBy: coach,
      createdAt: timestampOn(on, random.int(300, 480)),
    });
  }

  // ---- the open draft: a copy of the agreed version with the live statuses, and the changes made since ----
  let draft: PlanVersionRecord | null = null;
  if (pendingDraft) {
    const on = pendingDraft.createdOn;
    const base = current?.content ?? null;
    const content: PlanContent = base
      ? {
          ...base,
          competencies: { ...base.competencies },
          goals: [...base.goals],
          actions: base.actions.map((a) => ({ ...a, status: live.get(a.key) ?? a.status })),
          nextReviewDate: addDays(referenceDate, random.int(120, 300)),
        }
      : makeContent(on, null, new Map());
    if (base) {
      // The change: a new goal with an action, or new words for the summary.
      if (random.chance(0.5) || shape?.draft) {
        const goal = newGoal(
          on,
          random.pick(content.competencies.genericFuture.length ? content.competencies.genericFuture : keys),
          undefined,
        );
        content.goals.push(goal);
        content.actions.push({ ...newAction(on, goal), goalKey: goal.key });
      } else {
        content.summary = `${content.summary} ${random.pick(summaries)}`.trim();
      }
    }
    const updatedOn = addDays(on, random.int(0, daysBetween(on, referenceDate)));
    draft = {
      id: stableId(seed, 'pop-version', participantId, agreed.length + 1),
      organisationId,
      participantId,
      number: agreed.length + 1,
      status: 'draft',
      revision: random.int(1, 6),
      content,
      evidence: null,
      createdBy: coach,
      createdAt: timestampOn(on, random.int(0, 120)),
      updatedBy: editor(),
      updatedAt: timestampOn(updatedOn, random.int(125, 400)),
      participantAgreedAt: null,
      coachAgreedAt: null,
      coachAgreedBy: null,
      agreedAt: null,
    };
    // Now and then one of the two has already confirmed this revision.
    if (!shape && random.chance(0.1)) draft.participantAgreedAt = new Date(draft.updatedAt.getTime() + 600_000);
  }

  // ---- proposals: only a participant who logs in makes them ----
  if (input.participantUserId && current && stillHere && (shape?.proposals || random.chance(0.5))) {
    const from = addDays(current.on, 1);
    if (from <= referenceDate) {
      const n = shape?.proposals ? 3 : random.int(1, 3);
      const days = Array.from({ length: n }, () =>
        addDays(from, random.int(0, daysBetween(from, referenceDate))),
      ).sort();
      days.forEach((day, k) => {
        const kind = shape?.proposals
          ? ((['text', 'action', 'goal'] as const)[k % 3] ?? 'text')
          : random.pick(['goal', 'action', 'text'] as const);
        const section: PlanTextSection = random.pick(['summary', 'dreams', 'support', 'jobTarget'] as const);
        const goal = random.pick(current.content.goals);
        const payload: Record<string, unknown> =
          kind === 'goal'
            ? {
                what: random.pick(Object.values(goalWords))[0],
                why: 'Dit wil ik echt leren.',
                dueDate: addDays(day, 120),
              }
            : kind === 'action'
              ? { what: random.pick(actionWords.participant), dueDate: addDays(day, 60), goalKey: goal?.key ?? null }
              : {
                  section,
                  text:
                    section === 'jobTarget'
                      ? random.pick(Object.values(jobTargets).flat())
                      : section === 'dreams'
                        ? random.pick(dreams)
                        : section === 'support'
                          ? random.pick(supports)
                          : random.pick(summaries),
                };
        // The newest is open; older ones were answered: accepted into the draft (if there is one), or to talk about.
        const newest = k === n - 1;
        const status: PlanProposalRecord['status'] =
          newest && (shape?.proposals || random.chance(0.6))
            ? 'open'
            : draft && (shape?.proposals ? k === 1 : random.chance(0.6))
              ? 'accepted'
              : 'discussed';
        const createdAt = timestampOn(day, random.int(0, 200));
        const resolvedOn =
          status === 'accepted' && draft ? later(day, draft.createdAt.toISOString().slice(0, 10)) : day;
        const resolvedAt =
          status === 'open'
            ? null
            : timestampOn(addDays(resolvedOn, random.int(0, daysBetween(resolvedOn, referenceDate))), 420);
        if (status === 'accepted' && draft) {
          const c = draft.content as PlanContent;
          if (kind === 'goal') {
            c.goals.push({
              key: goalKey(),
              what: payload.what as string,
              evidence: '',
              why: payload.why as string,
              dueDate: payload.dueDate as string,
              competencyKeys: [],
              skillIds: [],
            });
          } else if (kind === 'action') {
            c.actions.push({
              key: actionKey(),
              what: payload.what as string,
              owner: 'participant',
              ownerName: '',
              dueDate: payload.dueDate as string,
              status: 'open',
              goalKey: c.goals.some((g) => g.key === payload.goalKey) ? (payload.goalKey as string) : null,
            });
          } else {
            c[section] = payload.text as string;
          }
          if (resolvedAt && resolvedAt > draft.updatedAt) {
            draft.updatedAt = resolvedAt;
            draft.updatedBy = coach;
            draft.participantAgreedAt = null;
          }
        }
        rows.proposals.push({
          id: stableId(seed, 'pop-proposal', participantId, k),
          organisationId,
          participantId,
          kind,
          payload,
          message: random.pick(proposalMessages),
          status,
          reply: status === 'open' ? null : random.pick(replies[status]) || null,
          createdBy: input.participantUserId,
          createdAt,
          resolvedBy: status === 'open' ? null : coach,
          resolvedAt,
        });
      });
    }
  }

  for (const a of agreed) rows.versions.push(a.record);
  if (current) current.record.status = 'agreed';
  if (draft) rows.versions.push(draft);
  return rows;
}
