import { builtInListItems } from '#shared/lists';
import { checkTimeline, deriveState } from '../../../server/modules/participants/timeline';
import { mobilePhone, personName, streetAddress } from '../names';
import { addDays, type Random, slug, stableId, timestampOn } from '../random';
import type {
  CareerEventRecord,
  ConsentRecord,
  IndicationRecord,
  ParticipantCoachRecord,
  ParticipantRecord,
  ReferrerRecord,
  StakeholderRecord,
  UserRecord,
} from '../records';
import { drawCareer, type PlannedCareer } from './careers';
import type { BuiltOrganisation } from './organisations';
import type { StaffMember } from './staff';

const codes = (kind: keyof typeof builtInListItems) => builtInListItems[kind].map((i) => i.code as string);
export const programmeTypes = codes('programme_type');
export const exitDestinations = codes('exit_destination');
export const indicationTypes = codes('indication_type');
const SHARE_WITH_REFERRER = 'share_progress_with_referrer';

/** Every decision about one participant, before ids: drawn at random for a scale, or written by hand for the demo. */
export interface ParticipantPlan {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email?: string;
  phone?: string;
  address?: string;
  programmeType: string;
  referrerId?: string;
  referrerContact?: string;
  /** The first coach also records the career events and consents. */
  coachIds: string[];
  career: PlannedCareer;
  indications: {
    type: string;
    supportLevel: 'low' | 'medium' | 'high';
    validFrom: string;
    validUntil?: string;
    note?: string;
  }[];
  stakeholders: { name: string; relation: string; contact?: string; mayBeInvolved: boolean }[];
  consents: { granted: boolean; recordedOn: string }[];
  /** A participant login (username) linked to the dossier. */
  username?: string;
}

export interface ParticipantRecords {
  participant: ParticipantRecord;
  coaches: ParticipantCoachRecord[];
  events: CareerEventRecord[];
  indications: IndicationRecord[];
  stakeholders: StakeholderRecord[];
  consents: ConsentRecord[];
  login?: UserRecord & { id: string; username: string };
}

export class InvalidPlanError extends Error {}

/**
 * Turns a plan into rows. The cached columns (status, start_date, team_id) come from deriveState over the same
 * events, exactly as the service's refreshDerived writes them, and the timeline must pass checkTimeline: a
 * generator bug fails here, not later in a screen.
 */
export function participantRecords(
  seed: number | string,
  built: BuiltOrganisation,
  plan: ParticipantPlan,
  index: number,
): ParticipantRecords {
  const organisationId = built.organisation.id;
  const id = stableId(seed, 'participant', built.plan.index, index);
  const recordedBy = plan.coachIds[0] ?? null;
  const events: CareerEventRecord[] = plan.career.events.map((e, k) => ({
    id: stableId(seed, 'career-event', id, k),
    organisationId,
    participantId: id,
    kind: e.kind,
    date: e.date,
    teamId: e.teamId ?? null,
    toRole: e.toRole ?? null,
    exitDestination: e.exitDestination ?? null,
    note: e.note ?? null,
    recordedBy,
    createdAt: timestampOn(e.date, k),
  }));
  const timeline = events.map((e, seq) => ({ kind: e.kind, date: e.date, seq, teamId: e.teamId }));
  const problem = checkTimeline(timeline);
  if (problem)
    throw new InvalidPlanError(`${plan.firstName} ${plan.lastName}: ${problem.reason} at ${problem.event.date}`);
  const state = deriveState(timeline);
  if (plan.career.archivedOn && state.status !== 'exited') {
    throw new InvalidPlanError(`${plan.firstName} ${plan.lastName}: only a dossier after an exit can be archived`);
  }
  const team = built.teams.find((t) => t.id === state.teamId);
  const siteId = team?.siteId ?? built.sites[0]?.id;
  if (!siteId) throw new InvalidPlanError('An organisation needs a site');
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new InvalidPlanError('A participant needs an intake');

  const login = plan.username
    ? (() => {
        const userId = stableId(seed, 'participant-login', id);
        const createdAt = timestampOn(last.date, 30);
        return {
          id: userId,
          organisationId,
          name: `${plan.firstName} ${plan.lastName}`,
          // Participants have no e-mail of their own: the same unroutable placeholder the app gives them.
          email: `${userId}@deelnemer.invalid`,
          username: plan.username,
          displayUsername: plan.username,
          role: 'participant' as const,
          createdAt,
          updatedAt: createdAt,
        };
      })()
    : undefined;

  return {
    participant: {
      id,
      organisationId,
      firstName: plan.firstName,
      lastName: plan.lastName,
      dateOfBirth: plan.dateOfBirth,
      email: plan.email ?? null,
      phone: plan.phone ?? null,
      address: plan.address ?? null,
      siteId,
      teamId: state.teamId ?? null,
      programmeType: plan.programmeType,
      referrerId: plan.referrerId ?? null,
      referrerContact: plan.referrerContact ?? null,
      userId: login?.id ?? null,
      status: state.status,
      startDate: state.startDate,
      archivedAt: plan.career.archivedOn ? timestampOn(plan.career.archivedOn) : null,
      createdAt: timestampOn(first.date),
      updatedAt: timestampOn(plan.career.archivedOn ?? last.date),
    },
    coaches: plan.coachIds.map((userId) => ({
      organisationId,
      participantId: id,
      userId,
      createdAt: timestampOn(first.date),
    })),
    events,
    indications: plan.indications.map((i, k) => ({
      id: stableId(seed, 'indication', id, k),
      organisationId,
      participantId: id,
      type: i.type,
      supportLevel: i.supportLevel,
      validFrom: i.validFrom,
      validUntil: i.validUntil ?? null,
      note: i.note ?? null,
      createdAt: timestampOn(first.date, 1 + k),
    })),
    stakeholders: plan.stakeholders.map((s, k) => ({
      id: stableId(seed, 'stakeholder', id, k),
      organisationId,
      participantId: id,
      name: s.name,
      relation: s.relation,
      contact: s.contact ?? null,
      mayBeInvolved: s.mayBeInvolved,
      createdAt: timestampOn(first.date, 10 + k),
    })),
    consents: plan.consents.map((c, k) => ({
      id: stableId(seed, 'consent', id, k),
      organisationId,
      participantId: id,
      kind: SHARE_WITH_REFERRER,
      granted: c.granted,
      recordedOn: c.recordedOn,
      recordedBy,
      createdAt: timestampOn(c.recordedOn, 20 + k),
    })),
    login,
  };
}

// biome-ignore format: word list
const relations = ['moeder', 'vader', 'partner', 'zus', 'broer', 'dochter', 'zoon', 'bewindvoerder', 'budgetbegeleider', 'vriendin', 'buurman', 'begeleider beschut wonen'];
const referrerRoles = ['trajectbegeleider', 'maatschappelijk werker', 'consulent', 'jobcoach'];

/**
 * Participants of one organisation with intakes spread over the years before the reference date. Coaches are
 * chosen from the site of the participant's first team, so a coach's caseload is mostly local, as in practice.
 */
export function drawParticipants(
  random: Random,
  input: {
    built: BuiltOrganisation;
    staff: StaffMember[];
    referrers: ReferrerRecord[];
    count: number;
    years: number;
    referenceDate: string;
  },
): ParticipantPlan[] {
  const { built, referenceDate } = input;
  const coaches = input.staff.filter((s) => s.user.role === 'coach');
  const teamIds = built.teams.map((t) => t.id);
  const historyDays = Math.round(input.years * 365.25);
  const usernames = new Set<string>();
  return Array.from({ length: input.count }, (_, i) => {
    const { firstName, lastName } = personName(random);
    const intake = addDays(referenceDate, -random.int(0, historyDays));
    const firstTeam = random.pick(built.teams);
    const site = built.sites.find((s) => s.id === firstTeam.siteId) ?? built.sites[0];
    const programmeType = random.weighted([
      ['maatwerk', 55],
      ['activering', 30],
      ['arbeidszorg', 15],
    ] as const);
    const local = coaches.filter((c) => c.siteId === firstTeam.siteId);
    const mainCoach = random.pick(local.length ? local : coaches);
    const coachIds = [mainCoach.user.id];
    if (random.chance(0.15) && coaches.length > 1) {
      coachIds.push(random.pick(coaches.filter((c) => c !== mainCoach)).user.id);
    }
    const career = drawCareer(random, { intake, referenceDate, programmeType, teamIds, firstTeamId: firstTeam.id });
    const referrer = random.chance(0.9) ? random.pick(input.referrers) : undefined;

    const indications: ParticipantPlan['indications'] = [];
    if (random.chance(0.75)) {
      const validFrom = addDays(intake, -random.int(0, 90));
      const validUntil = random.chance(0.8) ? addDays(validFrom, random.int(2, 5) * 365) : undefined;
      const supportLevel = random.weighted([
        ['low', 25],
        ['medium', 45],
        ['high', 30],
      ] as const);
      indications.push({
        type: random.weighted([
          ['pmah', 50],
          ['pmp', 35],
          ['other', 15],
        ] as const),
        supportLevel,
        validFrom,
        validUntil,
      });
      if (validUntil && validUntil < referenceDate && random.chance(0.4)) {
        indications.push({
          type: 'pmah',
          supportLevel,
          validFrom: addDays(validUntil, 1),
          validUntil: addDays(validUntil, 3 * 365),
        });
      }
    }
    const stakeholders: ParticipantPlan['stakeholders'] = random.chance(0.35)
      ? Array.from({ length: random.int(1, 2) }, () => {
          const other = personName(random);
          return {
            name: `${other.firstName} ${random.chance(0.5) ? lastName : other.lastName}`,
            relation: random.pick(relations),
            contact: random.chance(0.7) ? mobilePhone(random) : undefined,
            mayBeInvolved: random.chance(0.6),
          };
        })
      : [];
    const consents: ParticipantPlan['consents'] = [];
    if (referrer && random.chance(0.6)) {
      consents.push({ granted: true, recordedOn: intake });
      const withdrawn = addDays(intake, random.int(60, 700));
      if (random.chance(0.08) && withdrawn <= referenceDate) consents.push({ granted: false, recordedOn: withdrawn });
    }
    const status = deriveState(career.events.map((e, seq) => ({ ...e, seq }))).status;
    let username: string | undefined;
    if ((status === 'active' || status === 'paused') && random.chance(0.06)) {
      username = `${slug(firstName)}.${slug(lastName).replaceAll('.', '')}`.slice(0, 22);
      username = `${username}.${built.plan.index}${i}`;
      if (usernames.has(username)) username = undefined;
      else usernames.add(username);
    }
    const age = random.int(18, 58);
    return {
      firstName,
      lastName,
      dateOfBirth: addDays(intake, -(age * 365 + random.int(0, 364))),
      email: random.chance(0.55)
        ? `${slug(firstName)}.${slug(lastName)}${random.int(1, 99)}@${random.pick(['example.com', 'example.net', 'example.org'])}`
        : undefined,
      phone: random.chance(0.85) ? mobilePhone(random) : undefined,
      address: site && random.chance(0.9) ? streetAddress(random, site.city.postcode, site.city.name) : undefined,
      programmeType,
      referrerId: referrer?.id,
      referrerContact:
        referrer && random.chance(0.5) ? `${personName(random).firstName} (${random.pick(referrerRoles)})` : undefined,
      coachIds,
      career,
      indications,
      stakeholders,
      consents,
      username,
    };
  });
}
