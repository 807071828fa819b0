import { createHash } from 'node:crypto';
import type { ObservationContext, RaterKind } from '#shared/observations';
import { personName } from '../names';
import { addDays, daysBetween, type Random, slug, stableId, timestampOn } from '../random';
import type { LatestRatingRecord, MentorInvitationRecord, ObservationRecord, RatingRecord } from '../records';
import { type BuiltFramework, versionOn } from './frameworks';
import { type PathEvent, type Period, teamOn } from './periods';

/**
 * Observations with their ratings, as the workfloor makes them: about every four weeks while a participant is at
 * work, the supervisor of their team, their coach and the participant themselves each score the competencies; an
 * external mentor scores them during an internship. Scores drift upward over the months, with noise, and each rater
 * sees the participant a little differently (many participants rate themselves higher than their supervisor does).
 */

export interface Internship extends Period {
  host: string;
}

export interface ObservationInput {
  organisationId: string;
  participantId: string;
  events: readonly PathEvent[];
  /** The periods at work, already cut to the history the caller wants. */
  periods: readonly Period[];
  coachIds: readonly string[];
  /** The participant's own login; without one, the coach types in the self-assessment done together on paper. */
  participantUserId: string | null;
  supervisorsOf: ReadonlyMap<string, readonly string[]>;
  framework: BuiltFramework;
  internship: Internship | null;
  /** First start ever: growth counts from here. */
  firstStart: string;
}

export interface ObservationRows {
  observations: ObservationRecord[];
  ratings: RatingRecord[];
  latestRatings: LatestRatingRecord[];
  mentorInvitations: MentorInvitationRecord[];
}

/** Share of the competencies each rater scores in one observation. */
const coverage: Record<RaterKind, number> = { supervisor: 0.85, coach: 0.5, self: 1, mentor: 0.9 };
/** Minutes after 09:00 the observation is recorded: keeps (observed_on, created_at) unique per rater kind. */
const recordedAt: Record<RaterKind, readonly [number, number]> = {
  supervisor: [30, 420],
  coach: [60, 480],
  self: [0, 360],
  mentor: [120, 540],
};

// biome-ignore format: word lists
const observationNotes: Record<RaterKind, readonly string[]> = {
  supervisor: [
    'Goede week. Werkt rustig door.', 'Had het moeilijk met de nieuwe taak. Volgende week samen oefenen.',
    'Helpt een nieuwe collega op weg.', 'Veel afwezig deze maand. Besproken.', 'Vraagt zelf om uitleg. Mooi.',
    'Werkt netjes, maar het tempo mag omhoog.', 'Vergat twee keer de veiligheidsbril.',
  ],
  coach: [
    'Gesprek op kantoor, samen met de meestergast.', 'Thuissituatie is rustiger. Dat zie je op het werk.',
    'Wil graag meer verantwoordelijkheid.', 'Na de jobclub: sollicitatiebrief klaar.', 'Voelt zich goed in de ploeg.',
  ],
  self: ['Ik vind het werk fijn.', 'Ik wil beter leren samenwerken.', 'Ik ben trots op mijn werk.', 'Ik was vaak moe.'],
  mentor: [
    'Past goed in ons team. Stelt goede vragen.', 'Eerste week was wennen. Nu loopt het beter.',
    'Komt altijd op tijd. Werkt veilig.', 'Mag meer initiatief nemen.',
  ],
};
// biome-ignore format: word list
const ratingNotes = [
  'Duidelijk beter dan vorige maand.', 'Nog oefenen.', 'Samen besproken.', 'Voorbeeld voor de ploeg.',
  'Hier werken we aan.', 'Soms nog een herinnering nodig.',
];
// biome-ignore format: word list
export const hosts = [
  'Bouwbedrijf Verhaeghe', 'Tuincentrum De Linde', 'Garage Peeters', 'Bakkerij Het Gulden Brood', 'Ziekenhuis AZ Sint-Jan',
  'Woonzorgcentrum Het Hof', 'Stad Gent, groendienst', 'Logistiek Vandamme', 'Schrijnwerkerij Claes', 'Hotel De Zwaan',
  'Supermarkt Delhaize Zuid', 'Drukkerij Van Hecke', 'Schoonmaakbedrijf Net&Fris', 'Recyclagepark IVAGO',
];

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
/** Roughly normal, mean 0, standard deviation about sd. */
const noise = (random: Random, sd: number) => (random.next() + random.next() + random.next() - 1.5) * 2 * sd;

/** Dates about four weeks apart inside each period, the first a few weeks after it begins. */
function everyFourWeeks(random: Random, periods: readonly Period[], first: readonly [number, number]): string[] {
  const dates: string[] = [];
  for (const p of periods) {
    for (let d = addDays(p.from, random.int(first[0], first[1])); d <= p.to; d = addDays(d, random.int(24, 33))) {
      dates.push(d);
    }
  }
  return dates;
}

/** The newest rating per rater kind × competency key: by observed_on, then by the observation's created_at. */
export function deriveLatestRatings(
  observations: readonly Pick<ObservationRecord, 'id' | 'observedOn' | 'createdAt'>[],
  ratings: readonly RatingRecord[],
): LatestRatingRecord[] {
  const observationOf = new Map(observations.map((o) => [o.id, o]));
  const latest = new Map<string, LatestRatingRecord>();
  for (const r of ratings) {
    const o = observationOf.get(r.observationId);
    if (!o) throw new Error(`rating of unknown observation ${r.observationId}`);
    const key = `${r.participantId}|${r.raterKind}|${r.competencyKey}`;
    const seen = latest.get(key);
    const newer =
      !seen ||
      r.observedOn > seen.observedOn ||
      (r.observedOn === seen.observedOn && o.createdAt.getTime() > seen.observationCreatedAt.getTime());
    if (newer) {
      latest.set(key, {
        organisationId: r.organisationId,
        participantId: r.participantId,
        raterKind: r.raterKind,
        competencyKey: r.competencyKey,
        score: r.score,
        observedOn: r.observedOn,
        observationId: r.observationId,
        competencyId: r.competencyId,
        frameworkVersionId: r.frameworkVersionId,
        observationCreatedAt: o.createdAt,
      });
    }
  }
  return [...latest.values()];
}

/** An internship of two to eight weeks inside a period at work that is long enough, for some participants. */
export function drawInternship(random: Random, programmeType: string, periods: readonly Period[]): Internship | null {
  const p = { activering: 0.5, maatwerk: 0.15, arbeidszorg: 0.05 }[programmeType] ?? 0.1;
  if (!random.chance(p)) return null;
  const long = periods.filter((x) => daysBetween(x.from, x.to) >= 90);
  if (!long.length) return null;
  const period = random.pick(long);
  const length = random.int(14, 56);
  const from = addDays(period.from, random.int(30, daysBetween(period.from, period.to) - length));
  // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings
  const to = addDays(from, length) < period.to ? addDays(from, length) : period.to;
  return { from, to, host: random.pick(hosts) };
}

export function observationRecords(seed: number | string, random: Random, input: ObservationInput): ObservationRows {
  const { organisationId, participantId, framework } = input;
  const rows: ObservationRows = { observations: [], ratings: [], latestRatings: [], mentorInvitations: [] };
  const keys = framework.versions[0]?.competencies.map((c) => c.key) ?? [];
  // The participant's starting level and pace per competency, and how each rater tends to see them.
  const pace = 0.15 + random.next() * 0.6;
  const ability = new Map(
    keys.map((k) => [k, { base: 1.1 + random.next() * 1.5, pace: pace * (0.6 + random.next() * 0.8) }]),
  );
  const bias: Record<RaterKind, number> = {
    supervisor: 0,
    coach: 0.1,
    self: -0.3 + random.next() * 1.3,
    mentor: -0.5 + random.next() * 0.7,
  };
  const mainCoach = input.coachIds[0] ?? null;
  const inInternship = (d: string) => !!input.internship && input.internship.from <= d && d <= input.internship.to;

  let mentorInvitationId: string | null = null;
  if (input.internship) {
    const { from, to, host } = input.internship;
    const mentor = personName(random);
    mentorInvitationId = stableId(seed, 'mentor-invitation', participantId);
    const validFrom = addDays(from, -random.int(0, 5));
    rows.mentorInvitations.push({
      id: mentorInvitationId,
      organisationId,
      participantId,
      mentorName: `${mentor.firstName} ${mentor.lastName}`,
      mentorEmail: `${slug(mentor.firstName)}.${slug(mentor.lastName)}@${slug(host, '-')}.example.com`,
      hostOrganisation: host,
      // No token exists for a generated link, so no link opens: the hash only has the stored shape.
      tokenHash: createHash('sha256').update(`${seed}\u0000mentor-link\u0000${mentorInvitationId}`).digest('base64url'),
      validFrom,
      validUntil: addDays(to, 7),
      // A few are revoked on the evening of the internship's last day, after the mentor's last scores.
      revokedAt: random.chance(0.04) ? timestampOn(to, 600) : null,
      createdBy: mainCoach ?? '',
      lastUsedAt: null,
      createdAt: timestampOn(addDays(validFrom, -3), 200),
    });
  }

  const observe = (raterKind: RaterKind, date: string, k: number) => {
    const version = versionOn(framework, date);
    const onBehalf = raterKind === 'self' && !input.participantUserId;
    const leads = raterKind === 'supervisor' ? (input.supervisorsOf.get(teamOn(input.events, date) ?? '') ?? []) : [];
    // A team without a supervisor has nobody to observe on the workfloor.
    if (raterKind === 'supervisor' && !leads.length) return;
    const raterUserId =
      raterKind === 'supervisor'
        ? random.pick(leads)
        : raterKind === 'coach'
          ? input.coachIds.length > 1 && random.chance(0.2)
            ? (input.coachIds[1] as string)
            : mainCoach
          : raterKind === 'self'
            ? (input.participantUserId ?? mainCoach)
            : null;
    const context: ObservationContext =
      raterKind === 'mentor' || inInternship(date)
        ? 'stage'
        : raterKind === 'coach'
          ? random.weighted<ObservationContext>([
              ['werkvloer', 70],
              ['jobclub', 15],
              ['other', 15],
            ])
          : 'werkvloer';
    const [early, late] = recordedAt[raterKind];
    const observation: ObservationRecord = {
      id: stableId(seed, 'observation', participantId, raterKind, k),
      organisationId,
      participantId,
      frameworkVersionId: version.version.id,
      raterKind,
      raterUserId,
      mentorInvitationId: raterKind === 'mentor' ? mentorInvitationId : null,
      observedOn: date,
      context,
      note: onBehalf
        ? 'Samen met de coach ingevuld.'
        : random.chance(0.12)
          ? random.pick(observationNotes[raterKind])
          : null,
      clientKey: null,
      createdAt: timestampOn(date, random.int(early, late)),
    };
    rows.observations.push(observation);
    const years = daysBetween(input.firstStart, date) / 365.25;
    const scored = version.competencies.filter(() => random.chance(coverage[raterKind]));
    if (!scored.length) scored.push(random.pick(version.competencies));
    for (const c of scored) {
      const a = ability.get(c.key) ?? { base: 2, pace: 0.3 };
      const level = Math.min(4.3, a.base + a.pace * years) + bias[raterKind] + noise(random, 0.35);
      rows.ratings.push({
        organisationId,
        observationId: observation.id,
        competencyId: c.id,
        frameworkVersionId: version.version.id,
        participantId,
        raterKind,
        competencyKey: c.key,
        observedOn: date,
        score: clamp(Math.round(level), 1, version.scaleLength),
        note: raterKind !== 'self' && random.chance(0.03) ? random.pick(ratingNotes) : null,
      });
    }
  };

  const dates = {
    supervisor: everyFourWeeks(random, input.periods, [3, 24]).filter((d) => !inInternship(d)),
    coach: everyFourWeeks(random, input.periods, [7, 30]),
    self: everyFourWeeks(random, input.periods, [10, 30]),
  };
  for (const kind of ['supervisor', 'coach', 'self'] as const) {
    dates[kind].forEach((d, k) => {
      observe(kind, d, k);
    });
  }
  if (input.internship) {
    const { from, to } = input.internship;
    let k = 0;
    for (let d = addDays(from, random.int(4, 9)); d <= to || k === 0; d = addDays(d, random.int(12, 16))) {
      // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings
      observe('mentor', d > to ? to : d, k++);
    }
    const last = rows.observations.at(-1);
    const invitation = rows.mentorInvitations[0];
    if (invitation && last) invitation.lastUsedAt = last.createdAt;
  }
  rows.latestRatings = deriveLatestRatings(rows.observations, rows.ratings);
  return rows;
}
