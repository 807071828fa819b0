import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import {
  careerEvents,
  feedbackConversations,
  participants,
  sites,
  teamSupervisors,
  teams,
  user,
  verification,
} from '../server/db/schema';
import { dayFromToday, mentorLinkOf, ratingVersionOf } from '../server/modules/observations/test-fixtures';
import { createTestApp, type TestApp } from './support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildReferrer,
  buildSite,
  buildTeam,
  buildUser,
  DEFAULT_PASSWORD,
  loggedIn,
  login,
} from './support/factories';
import { buildObservation } from './support/factories-competencies';
import { buildPlanVersion } from './support/factories-development-plans';
import { buildSkill, buildSkillLevel } from './support/factories-iluo';
import {
  buildAttachment,
  buildInstrumentDefinition,
  buildInstrumentResult,
  sampleValues,
  tinyPdf,
} from './support/factories-instruments';
import { buildWorkPackage } from './support/factories-pathways';
import { buildGrant, buildPapAction } from './support/factories-sensitive';

/**
 * Every /api/v1 route × every caller: the six roles of organisation A, nobody, and the admin of organisation B.
 * The table below is written by hand from the product rules, not read from server/policy:
 * a change to the policy module that is not also made here fails this file.
 */

const roles = ['admin', 'coach', 'supervisor', 'trainer', 'manager', 'participant'] as const satisfies readonly Role[];
const staff: readonly Role[] = ['admin', 'coach', 'supervisor', 'trainer', 'manager'];
const everyone: readonly Role[] = roles;
type Caller = Role | 'anonymous' | 'foreignAdmin';
const callers: readonly Caller[] = [...roles, 'anonymous', 'foreignAdmin'];

interface Ctx {
  /** A fresh site / team / user of organisation A, so no call depends on another. */
  site(): Promise<string>;
  team(): Promise<string>;
  user(role?: Role, deactivated?: boolean): Promise<string>;
  /** Login name and password of a fresh organisation-A colleague. */
  credentials(): Promise<{ identifier: string; password: string }>;
  /** A valid password-reset token of a fresh organisation-A user. */
  resetToken(): Promise<string>;
  /**
   * A fresh dossier of organisation A (active, exited or archived after an exit), with a coach and a team of its own:
   * none of the callers is related to it unless `related` names the relation to give them.
   */
  participant(fixture?: DossierFixture, related?: Related): Promise<string>;
  /** A fresh referrer of organisation A. */
  referrer(): Promise<string>;
  unique(): string;
}

type DossierFixture = 'active' | 'exited' | 'archived';
/** The caller becomes this dossier's coach (caseload), its team's supervisor (team) or its linked login (self). */
type Related = { relation: 'caseload' | 'team' | 'self'; userId: string };

interface Row {
  /** Who may call it: 'public' means everyone, logged in or not. */
  allowed: 'public' | readonly Role[];
  /** The status an allowed caller gets for the request below. */
  status: number;
  /**
   * What organisation B's admin gets: by default 404 when the route names an organisation-A id,
   * otherwise the allowed status, acting on B's own data only.
   */
  foreign?: number;
  /** The route names one of organisation A's resources in its path. */
  byId?: boolean;
  /**
   * Dossier routes: what an allowed role gets when the dossier named is not in its reach: a coach who does not coach
   * it, a supervisor of another team, a participant whose dossier it is not. 404, so its existence is not revealed.
   * (Roles reaching every dossier of the organisation, admin and manager, get `status`.)
   */
  unrelated?: Partial<Record<Role, number>>;
  /** The call ends or changes the caller's session or password: use a newly logged-in caller. */
  freshCaller?: boolean;
  request(ctx: Ctx): Promise<Omit<InjectOptions, 'method'>>;
}

const newPassword = 'een-heel-ander-wachtwoord';

/** The dossier routes: which dossier each needs and the request it sends (shared by the matrix and the relations). */
const dossierRoutes: Record<
  string,
  { fixture: DossierFixture; request(id: string, c: Ctx): Promise<Omit<InjectOptions, 'method'>> }
> = {
  'GET /api/v1/participants/:id': { fixture: 'active', request: async (id) => ({ url: `/api/v1/participants/${id}` }) },
  'PATCH /api/v1/participants/:id': {
    fixture: 'active',
    request: async (id) => ({ url: `/api/v1/participants/${id}`, payload: { programmeType: 'arbeidszorg' } }),
  },
  'POST /api/v1/participants/:id/career-events': {
    fixture: 'active',
    request: async (id) => ({
      url: `/api/v1/participants/${id}/career-events`,
      payload: { kind: 'pause', date: '2024-03-01' },
    }),
  },
  'POST /api/v1/participants/:id/archive': {
    fixture: 'exited',
    request: async (id) => ({ url: `/api/v1/participants/${id}/archive` }),
  },
  'POST /api/v1/participants/:id/unarchive': {
    fixture: 'archived',
    request: async (id) => ({ url: `/api/v1/participants/${id}/unarchive` }),
  },
  'PUT /api/v1/participants/:id/coaches': {
    fixture: 'active',
    request: async (id, c) => ({
      url: `/api/v1/participants/${id}/coaches`,
      payload: { userIds: [await c.user('coach')] },
    }),
  },
  'PUT /api/v1/participants/:id/indications': {
    fixture: 'active',
    request: async (id) => ({
      url: `/api/v1/participants/${id}/indications`,
      payload: { items: [{ type: 'pmah', supportLevel: 'low', validFrom: '2024-01-01' }] },
    }),
  },
  'PUT /api/v1/participants/:id/stakeholders': {
    fixture: 'active',
    request: async (id) => ({
      url: `/api/v1/participants/${id}/stakeholders`,
      payload: { items: [{ name: 'Zus', relation: 'familie', mayBeInvolved: false }] },
    }),
  },
  'POST /api/v1/participants/:id/consents': {
    fixture: 'active',
    request: async (id) => ({
      url: `/api/v1/participants/${id}/consents`,
      payload: { kind: 'share_progress_with_referrer', granted: true },
    }),
  },
  'POST /api/v1/participants/:id/account': {
    fixture: 'active',
    request: async (id, c) => ({
      url: `/api/v1/participants/${id}/account`,
      payload: { method: 'activation_code', username: `d_${c.unique()}` },
    }),
  },
  'POST /api/v1/participants/:id/account/activation-code': {
    fixture: 'active',
    request: async (id) => {
      await ensureLogin(id);
      return { url: `/api/v1/participants/${id}/account/activation-code` };
    },
  },
};

/** A new code needs a login on the dossier: link a fresh one unless the dossier has one (the participant caller's). */
async function ensureLogin(participantId: string) {
  const db = t.database.db;
  const [row] = await db.select().from(participants).where(eq(participants.id, participantId));
  if (!row || row.userId) return;
  const login_ = await buildUser(db, { organisationId: row.organisationId, role: 'participant' });
  await db.update(participants).set({ userId: login_.id }).where(eq(participants.id, participantId));
}

/** A fresh organisation-A dossier with a login waiting for activation: its username and paper code. */
async function waitingActivation(c: Ctx) {
  const id = await c.participant('active');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/participants/${id}/account`,
    headers: { cookie: cookies.get('admin') as string },
    payload: { method: 'activation_code', username: `a_${c.unique()}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { username: res.json().username as string, code: res.json().activationCode as string };
}

let ownDossierLinked = false;
/** The long-lived participant caller gets a dossier of its own once, for GET /participants/me. */
async function linkOwnDossier(c: Ctx) {
  if (ownDossierLinked) return;
  await c.participant('active', { relation: 'self', userId: callerIds.get('participant') as string });
  ownDossierLinked = true;
}

/** A fresh organisation-A work package in a fresh team (archived when asked). */
async function pathwayPackage(c: Ctx, archived = false) {
  const teamId = await c.team();
  const pkg = await buildWorkPackage(t.database.db, { organisationId: orgA, teamId, archived });
  idsOfA.add(pkg.id);
  return { id: pkg.id, teamId };
}

// POP follow-up (helper pop-followup): a fresh organisation-A dossier with an agreed POP, reached by the coach caller
// (caseload) and the supervisor caller (team); with an open proposal or a presentation when asked.
const POP_GOAL = '66666666-6666-4666-8666-666666666666';
const POP_ACTION = '77777777-7777-4777-8777-777777777777';
async function popFollowUpDossier(c: Ctx, extra?: 'proposal' | 'presentation') {
  const schema = await import('../server/db/schema');
  const db = t.database.db;
  const id = await c.participant('active', { relation: 'team', userId: callerIds.get('supervisor') as string });
  await db
    .insert(schema.participantCoaches)
    .values({ organisationId: orgA, participantId: id, userId: callerIds.get('coach') as string });
  await db.insert(schema.developmentPlanVersions).values({
    organisationId: orgA,
    participantId: id,
    number: 1,
    status: 'agreed',
    content: {
      goals: [{ key: POP_GOAL, what: 'Alleen maaien', dueDate: '2030-01-01' }],
      actions: [{ key: POP_ACTION, what: 'Checklist invullen', owner: 'participant', dueDate: '2030-01-01' }],
    } as never,
    evidence: { competencies: [], skills: [], asOf: new Date().toISOString() },
    agreedAt: new Date(),
  });
  let proposalId: string | undefined;
  let presentationId: string | undefined;
  if (extra === 'proposal') {
    const [row] = await db
      .insert(schema.developmentPlanProposals)
      .values({
        organisationId: orgA,
        participantId: id,
        kind: 'text',
        payload: { section: 'dreams', text: 'Hovenier' },
      })
      .returning({ id: schema.developmentPlanProposals.id });
    proposalId = row?.id;
  }
  if (extra === 'presentation') {
    const [row] = await db
      .insert(schema.developmentPlanPresentations)
      .values({
        organisationId: orgA,
        participantId: id,
        versionNumber: 1,
        presentedOn: '2024-03-01',
        occasion: 'team_meeting',
      })
      .returning({ id: schema.developmentPlanPresentations.id });
    presentationId = row?.id;
  }
  for (const x of [proposalId, presentationId]) if (x) idsOfA.add(x);
  return { id, proposalId, presentationId };
}

/** The dossier linked to the long-lived participant caller (linked once). */
async function ownDossierOfParticipantCaller(c: Ctx) {
  await linkOwnDossier(c);
  const [row] = await t.database.db
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.userId, callerIds.get('participant') as string));
  return row?.id as string;
}

/** A fresh organisation-A team with one skill and an active participant in it (started 2024-01-15). */
async function iluoSkill(c: Ctx) {
  const db = t.database.db;
  const teamId = await c.team();
  const participant = await buildParticipant(db, { organisationId: orgA, teamId });
  const skill = await buildSkill(db, { organisationId: orgA, teamId, name: `Taak ${c.unique()}` });
  for (const id of [participant.id, participant.coachId, skill.id]) if (id) idsOfA.add(id);
  return { id: skill.id, teamId, participantId: participant.id };
}

/** A fresh organisation-A framework (the first one becomes A's default), made by A's admin through the API. */
async function frameworkOfA(c: Ctx, options: { archived?: boolean } = {}) {
  const admin = { cookie: cookies.get('admin') as string };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/competency-frameworks',
    headers: admin,
    payload: matrixFramework(`Kader ${c.unique()}`),
  });
  expect(res.statusCode, res.body).toBe(201);
  const detail = res.json() as { id: string; current: { id: string; competencies: { id: string }[] } };
  for (const id of [detail.id, detail.current.id, ...detail.current.competencies.map((x) => x.id)]) idsOfA.add(id);
  if (options.archived) {
    await t.app.inject({ method: 'POST', url: `/api/v1/competency-frameworks/${detail.id}/archive`, headers: admin });
  }
  return detail;
}

const matrixFramework = (name: string) => ({
  name,
  scale: [
    { value: 1, label: 'Nog niet', meaning: 'Lukt nog niet.', pictogram: 'seed' },
    { value: 2, label: 'Wel', meaning: 'Lukt.', pictogram: 'tree' },
  ],
  competencies: [
    { key: 'samenwerken', name: 'Samenwerken', description: 'Samen werken.', indicators: ['Nee.', 'Ja.'] },
  ],
});

/** A fresh job profile of a fresh organisation-A framework. */
async function jobProfileOfA(c: Ctx) {
  const framework = await frameworkOfA(c);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/job-profiles',
    headers: { cookie: cookies.get('admin') as string },
    payload: matrixJobProfile(framework.id, c),
  });
  expect(res.statusCode, res.body).toBe(201);
  idsOfA.add(res.json().id);
  return { id: res.json().id as string, frameworkId: framework.id };
}

const matrixJobProfile = (frameworkId: string, c: Ctx) => ({
  frameworkId,
  name: `Profiel ${c.unique()}`,
  ladderStep: 1,
  workMode: 'uitvoerend',
  expectations: [{ competencyKey: 'samenwerken', level: 2 }],
});

/** A feedback conversation on a fresh organisation-A dossier, recorded by a colleague none of the callers is. */
async function feedbackConversationOfA(c: Ctx) {
  const participantId = await c.participant('active');
  const recorder = await c.user('coach');
  const [row] = await t.database.db
    .insert(feedbackConversations)
    .values({
      organisationId: orgA,
      participantId,
      heldOn: '2024-02-12',
      staffIds: [recorder],
      agreements: 'We oefenen het plannen van de dag.',
      createdBy: recorder,
    })
    .returning({ id: feedbackConversations.id });
  if (!row) throw new Error('no feedback conversation');
  idsOfA.add(row.id);
  return row.id;
}

function dossierRequest(key: string) {
  const route = dossierRoutes[key];
  if (!route) throw new Error(`no dossier route ${key}`);
  return async (c: Ctx) => route.request(await c.participant(route.fixture), c);
}

const table: Record<string, Row> = {
  'GET /api/v1/setup': { allowed: 'public', status: 200, request: async () => ({ url: '/api/v1/setup' }) },
  // The instance is set up before the matrix runs, so every caller meets the one-time guard, not the policy.
  'POST /api/v1/setup': {
    allowed: 'public',
    status: 409,
    request: async (c) => ({
      url: '/api/v1/setup',
      payload: {
        organisationName: 'Tweede',
        siteName: 'Hoofdzetel',
        admin: { name: 'Iemand', email: `${c.unique()}@example.org`, password: newPassword },
      },
    }),
  },
  'POST /api/v1/auth/login': {
    allowed: 'public',
    status: 200,
    freshCaller: true,
    request: async (c) => ({ url: '/api/v1/auth/login', payload: await c.credentials() }),
  },
  'POST /api/v1/auth/logout': {
    allowed: everyone,
    status: 200,
    freshCaller: true,
    request: async () => ({ url: '/api/v1/auth/logout' }),
  },
  'GET /api/v1/auth/session': {
    allowed: everyone,
    status: 200,
    request: async () => ({ url: '/api/v1/auth/session' }),
  },
  'POST /api/v1/auth/forgot-password': {
    allowed: 'public',
    status: 200,
    request: async (c) => ({ url: '/api/v1/auth/forgot-password', payload: { email: `${c.unique()}@example.org` } }),
  },
  'POST /api/v1/auth/reset-password': {
    allowed: 'public',
    status: 200,
    request: async (c) => ({
      url: '/api/v1/auth/reset-password',
      payload: { token: await c.resetToken(), newPassword },
    }),
  },
  'POST /api/v1/auth/change-password': {
    allowed: everyone,
    status: 200,
    freshCaller: true,
    request: async () => ({
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword },
    }),
  },
  'GET /api/v1/organisation': { allowed: staff, status: 200, request: async () => ({ url: '/api/v1/organisation' }) },
  'PATCH /api/v1/organisation': {
    allowed: ['admin'],
    status: 200,
    request: async (c) => ({ url: '/api/v1/organisation', payload: { name: `Organisatie ${c.unique()}` } }),
  },
  'GET /api/v1/sites': { allowed: staff, status: 200, request: async () => ({ url: '/api/v1/sites?archived=true' }) },
  'POST /api/v1/sites': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({ url: '/api/v1/sites', payload: { name: `Site ${c.unique()}` } }),
  },
  'PATCH /api/v1/sites/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/sites/${await c.site()}`, payload: { name: `Site ${c.unique()}` } }),
  },
  'GET /api/v1/teams': { allowed: staff, status: 200, request: async () => ({ url: '/api/v1/teams?archived=true' }) },
  'POST /api/v1/teams': {
    allowed: ['admin'],
    status: 201,
    // The site is organisation A's: B's admin is refused it as an unknown reference.
    foreign: 400,
    request: async (c) => ({
      url: '/api/v1/teams',
      payload: { name: `Ploeg ${c.unique()}`, workDomain: 'groen', siteId: await c.site() },
    }),
  },
  'PATCH /api/v1/teams/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/teams/${await c.team()}`, payload: { workDomain: 'industrie' } }),
  },
  'PUT /api/v1/teams/:id/supervisors': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/teams/${await c.team()}/supervisors`,
      payload: { userIds: [await c.user('supervisor')] },
    }),
  },
  'GET /api/v1/users': { allowed: ['admin', 'manager'], status: 200, request: async () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({
      url: '/api/v1/users',
      payload: { name: 'Nieuwe collega', email: `${c.unique()}@example.org`, role: 'coach', password: newPassword },
    }),
  },
  'POST /api/v1/users/participants': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({
      url: '/api/v1/users/participants',
      payload: { name: 'Nieuwe deelnemer', username: `d_${c.unique()}`, password: newPassword },
    }),
  },
  'PATCH /api/v1/users/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/users/${await c.user('coach')}`, payload: { role: 'trainer' } }),
  },
  'POST /api/v1/users/:id/deactivate': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/users/${await c.user('coach')}/deactivate` }),
  },
  'POST /api/v1/users/:id/reactivate': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/users/${await c.user('coach', true)}/reactivate` }),
  },
  'PUT /api/v1/users/:id/password': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/users/${await c.user('participant')}/password`,
      payload: { password: newPassword },
    }),
  },
  'GET /api/v1/audit': { allowed: ['admin'], status: 200, request: async () => ({ url: '/api/v1/audit?limit=200' }) },
  'GET /api/v1/outbox': { allowed: ['admin'], status: 200, request: async () => ({ url: '/api/v1/outbox' }) },
  'GET /api/v1/participants': {
    allowed: ['admin', 'manager', 'coach', 'supervisor'],
    status: 200,
    request: async () => ({ url: '/api/v1/participants?archived=true&limit=200' }),
  },
  'POST /api/v1/participants': {
    allowed: ['admin', 'coach'],
    status: 201,
    // The site is organisation A's: B's admin is refused it as an unknown reference.
    foreign: 400,
    request: async (c) => ({
      url: '/api/v1/participants',
      payload: {
        firstName: 'Nieuwe',
        lastName: `Deelnemer ${c.unique()}`,
        dateOfBirth: '1995-03-03',
        siteId: await c.site(),
        programmeType: 'activering',
        intakeDate: '2024-01-08',
      },
    }),
  },
  'POST /api/v1/participants/import': {
    allowed: ['admin', 'coach'],
    status: 200,
    // A preview names no ids; B's admin gets the same report, checked against B's own sites.
    request: async (c) => ({
      url: '/api/v1/participants/import?mode=preview',
      headers: { 'content-type': 'text/csv' },
      payload: `voornaam;achternaam;geboortedatum;vestiging;programma\nNieuw;${c.unique()};3/3/1995;Gent;activering\n`,
    }),
  },
  'GET /api/v1/participants/export': {
    allowed: ['admin', 'manager', 'coach', 'supervisor'],
    status: 200,
    request: async () => ({ url: '/api/v1/participants/export?format=csv&archived=true' }),
  },
  'GET /api/v1/participants/:id': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: dossierRequest('GET /api/v1/participants/:id'),
  },
  'PATCH /api/v1/participants/:id': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('PATCH /api/v1/participants/:id'),
  },
  'POST /api/v1/participants/:id/career-events': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('POST /api/v1/participants/:id/career-events'),
  },
  'POST /api/v1/participants/:id/archive': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('POST /api/v1/participants/:id/archive'),
  },
  'POST /api/v1/participants/:id/unarchive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: dossierRequest('POST /api/v1/participants/:id/unarchive'),
  },
  'PUT /api/v1/participants/:id/coaches': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('PUT /api/v1/participants/:id/coaches'),
  },
  'PUT /api/v1/participants/:id/indications': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('PUT /api/v1/participants/:id/indications'),
  },
  'PUT /api/v1/participants/:id/stakeholders': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('PUT /api/v1/participants/:id/stakeholders'),
  },
  'POST /api/v1/participants/:id/consents': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('POST /api/v1/participants/:id/consents'),
  },
  'POST /api/v1/participants/:id/account': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('POST /api/v1/participants/:id/account'),
  },
  'POST /api/v1/participants/:id/account/activation-code': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: dossierRequest('POST /api/v1/participants/:id/account/activation-code'),
  },
  'GET /api/v1/participants/me': {
    allowed: ['participant'],
    status: 200,
    request: async (c) => {
      await linkOwnDossier(c);
      return { url: '/api/v1/participants/me' };
    },
  },
  'POST /api/v1/auth/activate': {
    allowed: 'public',
    status: 200,
    // It logs in, ending a session that came with the request.
    freshCaller: true,
    request: async (c) => ({
      url: '/api/v1/auth/activate',
      payload: { ...(await waitingActivation(c)), password: newPassword },
    }),
  },
  'GET /api/v1/lists': { allowed: everyone, status: 200, request: async () => ({ url: '/api/v1/lists' }) },
  'PUT /api/v1/lists/:kind': {
    allowed: ['admin'],
    status: 200,
    request: async (c) => ({
      url: '/api/v1/lists/consent_kind',
      payload: {
        items: [
          { code: 'share_progress_with_referrer', label: 'Vooruitgang delen', active: true },
          { code: `eigen_${c.unique()}`, label: 'Eigen toestemming', active: true },
        ],
      },
    }),
  },
  'GET /api/v1/participants/coach-options': {
    allowed: ['admin', 'manager', 'coach', 'supervisor'],
    status: 200,
    request: async () => ({ url: '/api/v1/participants/coach-options' }),
  },
  'GET /api/v1/referrers': {
    allowed: ['admin', 'manager', 'coach'],
    status: 200,
    request: async () => ({ url: '/api/v1/referrers?archived=true' }),
  },
  'POST /api/v1/referrers': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({ url: '/api/v1/referrers', payload: { name: `CAW ${c.unique()}`, kind: 'caw' } }),
  },
  'PATCH /api/v1/referrers/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/referrers/${await c.referrer()}`, payload: { kind: 'other' } }),
  },
  // ---- competency frameworks and job profiles ----
  // Frameworks hold nothing personal: every role reads them (participants self-assess); only the admin changes
  // them. B's admin acts on B's own frameworks and gets 404 for A's.
  'GET /api/v1/competency-frameworks': {
    allowed: everyone,
    status: 200,
    request: async () => ({ url: '/api/v1/competency-frameworks?archived=true' }),
  },
  'POST /api/v1/competency-frameworks': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({ url: '/api/v1/competency-frameworks', payload: matrixFramework(`Kader ${c.unique()}`) }),
  },
  // Both organisations have a default framework: B's admin gets B's own.
  'GET /api/v1/competency-frameworks/default': {
    allowed: everyone,
    status: 200,
    request: async (c) => {
      await frameworkOfA(c);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/competency-frameworks',
        headers: { cookie: cookies.get('foreignAdmin') as string },
        payload: matrixFramework(`Kader van B ${c.unique()}`),
      });
      return { url: '/api/v1/competency-frameworks/default' };
    },
  },
  'POST /api/v1/competency-frameworks/default-template': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => {
      // The template can be added once per organisation: rename an earlier one so every call adds it anew.
      await t.database.db.execute(
        `update competency_frameworks set name = 'Oud ${c.unique()}' where lower(name) = '11 kerncompetenties'`,
      );
      return { url: '/api/v1/competency-frameworks/default-template' };
    },
  },
  'GET /api/v1/competency-frameworks/:id': {
    allowed: everyone,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/competency-frameworks/${(await frameworkOfA(c)).id}` }),
  },
  'PUT /api/v1/competency-frameworks/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/competency-frameworks/${(await frameworkOfA(c)).id}`,
      payload: matrixFramework(`Kader ${c.unique()}`),
    }),
  },
  'POST /api/v1/competency-frameworks/:id/default': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/competency-frameworks/${(await frameworkOfA(c)).id}/default` }),
  },
  'POST /api/v1/competency-frameworks/:id/archive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => {
      // Two frameworks, so the one archived is not the default.
      await frameworkOfA(c);
      return { url: `/api/v1/competency-frameworks/${(await frameworkOfA(c)).id}/archive` };
    },
  },
  'POST /api/v1/competency-frameworks/:id/unarchive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => {
      await frameworkOfA(c);
      return { url: `/api/v1/competency-frameworks/${(await frameworkOfA(c, { archived: true })).id}/unarchive` };
    },
  },
  'GET /api/v1/competency-framework-versions/:id': {
    allowed: everyone,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/competency-framework-versions/${(await frameworkOfA(c)).current.id}` }),
  },
  'GET /api/v1/competency-frameworks/:id/export': {
    allowed: everyone,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/competency-frameworks/${(await frameworkOfA(c)).id}/export?format=csv` }),
  },
  'POST /api/v1/competency-frameworks/import': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({
      url: '/api/v1/competency-frameworks/import',
      payload: {
        format: 'groeipad-competency-framework',
        formatVersion: 1,
        framework: matrixFramework(`Gedeeld ${c.unique()}`),
        jobProfiles: [],
      },
    }),
  },
  'GET /api/v1/job-profiles': {
    allowed: everyone,
    status: 200,
    request: async () => ({ url: '/api/v1/job-profiles?archived=true' }),
  },
  'POST /api/v1/job-profiles': {
    allowed: ['admin'],
    status: 201,
    // The framework is organisation A's: B's admin is refused it as an unknown reference.
    foreign: 400,
    request: async (c) => ({ url: '/api/v1/job-profiles', payload: matrixJobProfile((await frameworkOfA(c)).id, c) }),
  },
  'PUT /api/v1/job-profiles/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => {
      const profile = await jobProfileOfA(c);
      return { url: `/api/v1/job-profiles/${profile.id}`, payload: matrixJobProfile(profile.frameworkId, c) };
    },
  },
  'POST /api/v1/job-profiles/:id/archive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/job-profiles/${(await jobProfileOfA(c)).id}/archive` }),
  },
  // A participant's job profiles are part of the dossier: read like it, set by its coach or the admin.
  'GET /api/v1/participants/:id/job-profiles': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/job-profiles` }),
  },
  'PUT /api/v1/participants/:id/job-profiles': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${await c.participant('active')}/job-profiles`,
      payload: { currentProfileId: (await jobProfileOfA(c)).id, targetProfileId: null },
    }),
  },
  // ---- observations, self-assessments and mentor links ----
  // Rating: a supervisor of the dossier's team or one of its coaches; out of reach is 404. Reading is like the
  // dossier. Taking back: its rater or the admin. The mentor link reaches its one participant, without a session.
  'POST /api/v1/observations': {
    allowed: ['coach', 'supervisor'],
    status: 201,
    unrelated: { coach: 404, supervisor: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      const { versionId, competencyId } = await ratingVersionOf(t.database.db, orgA);
      return {
        url: '/api/v1/observations',
        payload: {
          participantId,
          frameworkVersionId: versionId,
          context: 'werkvloer',
          observedOn: '2024-06-03',
          ratings: [{ competencyId, score: 1 }],
        },
      };
    },
  },
  'GET /api/v1/observations/participants': {
    allowed: ['coach', 'supervisor'],
    status: 200,
    request: async () => ({ url: '/api/v1/observations/participants' }),
  },
  'GET /api/v1/participants/:id/observations': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/observations` }),
  },
  'DELETE /api/v1/observations/:id': {
    allowed: ['admin', 'coach', 'supervisor'],
    status: 204,
    byId: true,
    unrelated: { coach: 404, supervisor: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      const { versionId, competencyId } = await ratingVersionOf(t.database.db, orgA);
      const { observation } = await buildObservation(t.database.db, {
        organisationId: orgA,
        participantId,
        versionId,
        scores: { [competencyId]: 3 },
      });
      idsOfA.add(observation.id);
      return { url: `/api/v1/observations/${observation.id}` };
    },
  },
  'POST /api/v1/me/self-assessments': {
    allowed: ['participant'],
    status: 201,
    request: async (c) => {
      await linkOwnDossier(c);
      const { versionId, competencyId } = await ratingVersionOf(t.database.db, orgA);
      return {
        url: '/api/v1/me/self-assessments',
        payload: { frameworkVersionId: versionId, observedOn: '2024-06-03', ratings: [{ competencyId, score: 1 }] },
      };
    },
  },
  'POST /api/v1/participants/:id/mentor-invitations': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${await c.participant('active')}/mentor-invitations`,
      payload: {
        mentorName: 'Stagementor',
        mentorEmail: `${c.unique()}@stage.example.org`,
        validFrom: dayFromToday(0),
        validUntil: dayFromToday(30),
      },
    }),
  },
  'GET /api/v1/participants/:id/mentor-invitations': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/mentor-invitations` }),
  },
  'POST /api/v1/mentor-invitations/:id/revoke': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      const link = await mentorLinkOf(t.app, t.database.db, cookies.get('admin') as string, participantId);
      idsOfA.add(link.invitationId);
      return { url: `/api/v1/mentor-invitations/${link.invitationId}/revoke` };
    },
  },
  'POST /api/v1/mentor-invitations/:id/resend': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      const link = await mentorLinkOf(t.app, t.database.db, cookies.get('admin') as string, participantId);
      idsOfA.add(link.invitationId);
      return { url: `/api/v1/mentor-invitations/${link.invitationId}/resend` };
    },
  },
  'GET /api/v1/mentor-links/:token': {
    allowed: 'public',
    status: 200,
    request: async (c) => {
      await ratingVersionOf(t.database.db, orgA);
      const participantId = await c.participant('active');
      const { token } = await mentorLinkOf(t.app, t.database.db, cookies.get('admin') as string, participantId);
      return { url: `/api/v1/mentor-links/${token}` };
    },
  },
  'POST /api/v1/mentor-links/:token/observations': {
    allowed: 'public',
    status: 201,
    request: async (c) => {
      const { versionId, competencyId } = await ratingVersionOf(t.database.db, orgA);
      const participantId = await c.participant('active');
      const { token } = await mentorLinkOf(t.app, t.database.db, cookies.get('admin') as string, participantId);
      return {
        url: `/api/v1/mentor-links/${token}/observations`,
        payload: { frameworkVersionId: versionId, observedOn: dayFromToday(0), ratings: [{ competencyId, score: 1 }] },
      };
    },
  },
  // ---- feedback conversations and cadence ----
  'POST /api/v1/participants/:id/feedback': {
    allowed: ['admin', 'coach', 'supervisor'],
    status: 201,
    byId: true,
    unrelated: { coach: 404, supervisor: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${await c.participant('active')}/feedback`,
      payload: { heldOn: '2024-02-12', agreements: 'We oefenen het plannen van de dag.' },
    }),
  },
  'GET /api/v1/participants/:id/feedback': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/feedback` }),
  },
  // A conversation recorded by the dossier's own coach: the admin may change it, anyone else unrelated gets 404.
  'PATCH /api/v1/feedback/:id': {
    allowed: ['admin', 'coach', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404 },
    request: async (c) => ({
      url: `/api/v1/feedback/${await feedbackConversationOfA(c)}`,
      payload: { toWorkOn: 'Op tijd pauze nemen.' },
    }),
  },
  'DELETE /api/v1/feedback/:id': {
    allowed: ['admin'],
    status: 204,
    byId: true,
    request: async (c) => ({ url: `/api/v1/feedback/${await feedbackConversationOfA(c)}` }),
  },
  'GET /api/v1/feedback/due': {
    allowed: ['admin', 'manager', 'coach', 'supervisor'],
    status: 200,
    request: async () => ({ url: '/api/v1/feedback/due?scope=organisation' }),
  },
  'GET /api/v1/me/feedback': {
    allowed: ['participant'],
    status: 200,
    request: async (c) => {
      await linkOwnDossier(c);
      return { url: '/api/v1/me/feedback' };
    },
  },
  'GET /api/v1/feedback-rules': {
    allowed: staff,
    status: 200,
    request: async () => ({ url: '/api/v1/feedback-rules' }),
  },
  'PUT /api/v1/feedback-rules': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({ url: '/api/v1/feedback-rules', payload: { items: [{ intervalDays: 21 }] } }),
  },
  // ---- competency profile, evolution and heat map ----
  // The radar and the evolution are read like the dossier (observation.read): out of reach is 404.
  'GET /api/v1/participants/:id/competency-profile': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/competency-profile` }),
  },
  'GET /api/v1/participants/:id/competency-evolution': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${await c.participant('active')}/competency-evolution?from=2024-01-01`,
    }),
  },
  // Teams are no secret among staff: a team the caller has no one in answers 200 with no rows; a supervisor of
  // another team gets 403, as for the ILUO skills.
  'GET /api/v1/teams/:id/competency-heatmap': {
    allowed: ['admin', 'manager', 'coach', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => ({ url: `/api/v1/teams/${await c.team()}/competency-heatmap?status=all` }),
  },
  // ---- ILUO skills and matrix ----
  // Reading is for all staff. Skills and levels are for the admin and the team's supervisors; a supervisor of
  // another team gets 403 (teams are no secret), and B's admin 404 for A's teams, skills and levels.
  'GET /api/v1/teams/:id/skills': {
    allowed: staff,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/teams/${await c.team()}/skills?archived=true` }),
  },
  'POST /api/v1/teams/:id/skills': {
    allowed: ['admin', 'supervisor'],
    status: 201,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => ({ url: `/api/v1/teams/${await c.team()}/skills`, payload: { name: `Taak ${c.unique()}` } }),
  },
  'PUT /api/v1/teams/:id/skills/order': {
    allowed: ['admin', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => {
      const skill = await iluoSkill(c);
      return { url: `/api/v1/teams/${skill.teamId}/skills/order`, payload: { skillIds: [skill.id] } };
    },
  },
  'PATCH /api/v1/skills/:id': {
    allowed: ['admin', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => ({ url: `/api/v1/skills/${(await iluoSkill(c)).id}`, payload: { critical: true } }),
  },
  'POST /api/v1/skills/:id/archive': {
    allowed: ['admin', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => ({ url: `/api/v1/skills/${(await iluoSkill(c)).id}/archive` }),
  },
  'GET /api/v1/skills/:id/history': {
    allowed: staff,
    status: 200,
    byId: true,
    request: async (c) => {
      const skill = await iluoSkill(c);
      return { url: `/api/v1/skills/${skill.id}/history?participantId=${skill.participantId}` };
    },
  },
  'POST /api/v1/skill-levels': {
    allowed: ['admin', 'supervisor'],
    status: 201,
    // The skill named in the body is organisation A's.
    foreign: 404,
    unrelated: { supervisor: 403 },
    request: async (c) => {
      const skill = await iluoSkill(c);
      return {
        url: '/api/v1/skill-levels',
        payload: { skillId: skill.id, participantId: skill.participantId, level: 3, assessedOn: '2024-06-03' },
      };
    },
  },
  // Taking a level back is for its assessor (a supervisor, checked by the service) or the admin.
  'DELETE /api/v1/skill-levels/:id': {
    allowed: ['admin', 'supervisor'],
    status: 200,
    byId: true,
    unrelated: { supervisor: 403 },
    request: async (c) => {
      const skill = await iluoSkill(c);
      const level = await buildSkillLevel(t.database.db, {
        organisationId: orgA,
        skillId: skill.id,
        participantId: skill.participantId,
        level: 2,
      });
      idsOfA.add(level.id);
      idsOfA.add(level.assessorId);
      return { url: `/api/v1/skill-levels/${level.id}` };
    },
  },
  'GET /api/v1/teams/:id/iluo-matrix': {
    allowed: staff,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/teams/${(await iluoSkill(c)).teamId}/iluo-matrix` }),
  },
  'GET /api/v1/teams/:id/iluo-matrix.pdf': {
    allowed: staff,
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/teams/${(await iluoSkill(c)).teamId}/iluo-matrix.pdf?size=A3` }),
  },
  'GET /api/v1/iluo-labels': { allowed: staff, status: 200, request: async () => ({ url: '/api/v1/iluo-labels' }) },
  'PUT /api/v1/iluo-labels': {
    allowed: ['admin'],
    status: 200,
    request: async (c) => ({
      url: '/api/v1/iluo-labels',
      payload: {
        items: ['I', 'L', 'U', 'O'].map((letter, i) => ({
          level: i + 1,
          label: `${letter} ${c.unique()}`,
          meaning: 'Uitleg.',
        })),
      },
    }),
  },
  // ---- POP: versions, drafts, agreement, PDF (helper pop-core) ----
  // Every caller of these rows is unrelated to the fresh dossier: readers who reach every dossier (admin, manager) get
  // the success; coaches, supervisors and participants 404. The related callers are covered in
  // server/modules/development-plans/versions.test.ts.
  'GET /api/v1/participants/:id/pop': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/pop` }),
  },
  'POST /api/v1/participants/:id/pop/versions': {
    allowed: ['coach', 'participant'],
    status: 201,
    byId: true,
    unrelated: { coach: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/pop/versions` }),
  },
  'GET /api/v1/participants/:id/pop/versions/:number': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      await buildPlanVersion(t.database.db, { organisationId: orgA, participantId, status: 'draft' });
      return { url: `/api/v1/participants/${participantId}/pop/versions/1` };
    },
  },
  'PUT /api/v1/participants/:id/pop/versions/:number': {
    allowed: ['coach', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, participant: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      await buildPlanVersion(t.database.db, { organisationId: orgA, participantId, status: 'draft' });
      return {
        url: `/api/v1/participants/${participantId}/pop/versions/1`,
        payload: { revision: 0, content: { summary: 'Ik werk graag buiten.' } },
      };
    },
  },
  'DELETE /api/v1/participants/:id/pop/versions/:number': {
    allowed: ['coach', 'participant'],
    status: 204,
    byId: true,
    unrelated: { coach: 404, participant: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      await buildPlanVersion(t.database.db, { organisationId: orgA, participantId, status: 'draft' });
      return { url: `/api/v1/participants/${participantId}/pop/versions/1` };
    },
  },
  'POST /api/v1/participants/:id/pop/versions/:number/agree': {
    allowed: ['coach', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, participant: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      await buildPlanVersion(t.database.db, { organisationId: orgA, participantId, status: 'draft' });
      return { url: `/api/v1/participants/${participantId}/pop/versions/1/agree`, payload: { revision: 0 } };
    },
  },
  'GET /api/v1/participants/:id/pop/versions/:number/pdf': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => {
      const participantId = await c.participant('active');
      await buildPlanVersion(t.database.db, { organisationId: orgA, participantId, status: 'agreed' });
      return { url: `/api/v1/participants/${participantId}/pop/versions/1/pdf` };
    },
  },
  // ---- end POP core ----
  // ---- POP follow-up: actions, notes, proposals, presentations, compliance, settings, ESCO (helper pop-followup) ----
  // The dossier of popFollowUpDossier is coached by the coach caller and in a team of the supervisor caller: they
  // reach it; the participant caller does not (its own dossier is another one), so it gets 404.
  'PUT /api/v1/participants/:id/pop/actions/:key': {
    allowed: ['coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { participant: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${(await popFollowUpDossier(c)).id}/pop/actions/${POP_ACTION}`,
      payload: { status: 'done' },
    }),
  },
  'POST /api/v1/participants/:id/pop/goals/:key/notes': {
    allowed: ['coach', 'supervisor', 'participant'],
    status: 201,
    byId: true,
    unrelated: { participant: 404 },
    request: async (c) => ({
      url: `/api/v1/participants/${(await popFollowUpDossier(c)).id}/pop/goals/${POP_GOAL}/notes`,
      payload: { text: 'Goed bezig.' },
    }),
  },
  // The participant caller proposes on its own dossier.
  'POST /api/v1/participants/:id/pop/proposals': {
    allowed: ['participant'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await ownDossierOfParticipantCaller(c)}/pop/proposals`,
      payload: { kind: 'text', section: 'dreams', text: 'Later hovenier worden.' },
    }),
  },
  'POST /api/v1/participants/:id/pop/proposals/:proposalId/resolve': {
    allowed: ['coach'],
    status: 200,
    byId: true,
    request: async (c) => {
      const d = await popFollowUpDossier(c, 'proposal');
      return {
        url: `/api/v1/participants/${d.id}/pop/proposals/${d.proposalId}/resolve`,
        payload: { decision: 'discuss', reply: 'Even praten.' },
      };
    },
  },
  'POST /api/v1/participants/:id/pop/presentations': {
    allowed: ['coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${(await popFollowUpDossier(c)).id}/pop/presentations`,
      payload: { presentedOn: '2024-03-01', occasion: 'team_meeting' },
    }),
  },
  'DELETE /api/v1/participants/:id/pop/presentations/:presentationId': {
    allowed: ['coach'],
    status: 204,
    byId: true,
    request: async (c) => {
      const d = await popFollowUpDossier(c, 'presentation');
      return { url: `/api/v1/participants/${d.id}/pop/presentations/${d.presentationId}` };
    },
  },
  // A coach sees their caseload, the admin and the manager everyone; B's admin gets B's own (empty) list.
  'GET /api/v1/pop-compliance': {
    allowed: ['admin', 'manager', 'coach'],
    status: 200,
    request: async () => ({ url: '/api/v1/pop-compliance?limit=20' }),
  },
  'GET /api/v1/pop-settings': {
    allowed: ['admin', 'manager', 'coach'],
    status: 200,
    request: async () => ({ url: '/api/v1/pop-settings' }),
  },
  'PUT /api/v1/pop-settings': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({ url: '/api/v1/pop-settings', payload: { regime: 'evaluation', daysBeforeEvaluation: 10 } }),
  },
  'GET /api/v1/esco/occupations': {
    allowed: everyone,
    status: 200,
    request: async () => ({ url: '/api/v1/esco/occupations?q=kok' }),
  },
  'POST /api/v1/esco/occupations/import': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({
      url: '/api/v1/esco/occupations/import',
      headers: { 'content-type': 'text/csv' },
      payload: 'conceptUri,preferredLabel,altLabels\nhttp://example.org/esco/1,kok,"chef-kok\nkeukenchef"\n',
    }),
  },
  // ---- end POP follow-up ----
  // ---- pathway map: work packages and placements (helper pathways) ----
  'GET /api/v1/work-packages': {
    allowed: staff,
    status: 200,
    request: async () => ({ url: '/api/v1/work-packages' }),
  },
  'POST /api/v1/work-packages': {
    allowed: ['admin'],
    status: 201,
    // B's admin names a team of A: 400 unknown_reference, nothing of A revealed.
    foreign: 400,
    request: async (c) => ({
      url: '/api/v1/work-packages',
      payload: { teamId: await c.team(), name: `Pakket ${c.unique()}`, step: 1, workMode: 'uitvoerend' },
    }),
  },
  'PUT /api/v1/work-packages/:id': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => {
      const pkg = await pathwayPackage(c);
      return {
        url: `/api/v1/work-packages/${pkg.id}`,
        payload: { teamId: pkg.teamId, name: `Pakket ${c.unique()}`, step: 2, workMode: 'inzichtelijk' },
      };
    },
  },
  'POST /api/v1/work-packages/:id/archive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/work-packages/${(await pathwayPackage(c)).id}/archive` }),
  },
  'POST /api/v1/work-packages/:id/unarchive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/work-packages/${(await pathwayPackage(c, true)).id}/unarchive` }),
  },
  // The participant's own map: a participant login without a dossier gets 404 (the long-lived caller has one).
  'GET /api/v1/participants/me/pathway': {
    allowed: ['participant'],
    status: 200,
    request: async (c) => {
      await linkOwnDossier(c);
      return { url: '/api/v1/participants/me/pathway' };
    },
  },
  'GET /api/v1/participants/:id/pathway': {
    allowed: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    status: 200,
    byId: true,
    unrelated: { coach: 404, supervisor: 404, participant: 404 },
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/pathway` }),
  },
  'POST /api/v1/participants/:id/placements': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    unrelated: { coach: 404 },
    request: async (c) => {
      const id = await c.participant('active');
      return {
        url: `/api/v1/participants/${id}/placements`,
        payload: { packageId: (await pathwayPackage(c)).id, fromDate: '2024-03-01' },
      };
    },
  },
  // ---- end pathway map ----
  // ---- PAP and access to the sensitive compartment ----
  // Contents: the coach caller coaches the dossier and the admin caller holds a grant (compartmentOfA), so both read
  // and write; supervisors, trainers and managers never do (need-to-know), whatever relation they have: the
  // supervisor caller supervises the dossier's team and still gets 403.
  'GET /api/v1/participants/:id/sensitive/access': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/participants/${await c.participant('active')}/sensitive/access` }),
  },
  // A dossier none of the callers reaches: the coach and the admin may break the glass.
  'POST /api/v1/participants/:id/sensitive/break-glass': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await c.participant('active')}/sensitive/break-glass`,
      payload: { reason: 'Crisis op de werkvloer, de coach is ziek', hours: 1 },
    }),
  },
  'GET /api/v1/participants/:id/sensitive/grant-candidates': {
    allowed: ['coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/participants/${await compartmentOfA(c)}/sensitive/grant-candidates` }),
  },
  'POST /api/v1/participants/:id/sensitive/grants': {
    allowed: ['coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await compartmentOfA(c)}/sensitive/grants`,
      payload: { userId: await c.user('coach'), reason: 'Vervangt mij tijdens mijn verlof', until: dayFromToday(7) },
    }),
  },
  'POST /api/v1/participants/:id/sensitive/grants/:grantId/revoke': {
    allowed: ['coach'],
    status: 200,
    byId: true,
    request: async (c) => {
      const id = await compartmentOfA(c);
      const grant = await buildGrant(t.database.db, {
        organisationId: orgA,
        participantId: id,
        userId: await c.user(),
      });
      idsOfA.add(grant.id);
      return { url: `/api/v1/participants/${id}/sensitive/grants/${grant.id}/revoke` };
    },
  },
  'GET /api/v1/participants/:id/sensitive/log': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/participants/${await compartmentOfA(c)}/sensitive/log` }),
  },
  // Counts only: B's admin gets B's own (empty) counts.
  'GET /api/v1/sensitive/counts': {
    allowed: ['admin', 'manager'],
    status: 200,
    request: async () => ({ url: '/api/v1/sensitive/counts' }),
  },
  'GET /api/v1/participants/:id/pap': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/participants/${await compartmentOfA(c)}/pap` }),
  },
  'PUT /api/v1/participants/:id/pap/domains/:code': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await compartmentOfA(c)}/pap/domains/justice`,
      payload: { status: 'attention', hinderingFactors: 'Werkstraf loopt nog', revision: 0 },
    }),
  },
  'POST /api/v1/participants/:id/pap/actions': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await compartmentOfA(c)}/pap/actions`,
      payload: {
        domainCode: 'justice',
        what: 'Gesprek met de justitieassistent',
        owner: 'participant',
        dueDate: '2030-01-01',
      },
    }),
  },
  'PUT /api/v1/participants/:id/pap/actions/:actionId': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => {
      const id = await compartmentOfA(c);
      const action = await buildPapAction(t.database.db, { organisationId: orgA, participantId: id });
      idsOfA.add(action.id);
      return {
        url: `/api/v1/participants/${id}/pap/actions/${action.id}`,
        payload: { what: 'Gesprek gehad', owner: 'coach', dueDate: '2030-01-01', status: 'done' },
      };
    },
  },
  // The participant's own PAP: the long-lived participant caller has a dossier of its own.
  'GET /api/v1/participants/me/pap': {
    allowed: ['participant'],
    status: 200,
    request: async (c) => {
      await linkOwnDossier(c);
      return { url: '/api/v1/participants/me/pap' };
    },
  },
  // ---- end PAP and access ----
  // ---- instruments ----
  // Definitions are not personal: coaches read them, the admin defines them. Results and attachments are in the
  // compartment: on compartmentOfA's dossier the coach caller (caseload) and the admin caller (grant) reach them.
  'GET /api/v1/instrument-definitions': {
    allowed: ['admin', 'coach'],
    status: 200,
    request: async () => ({ url: '/api/v1/instrument-definitions' }),
  },
  'POST /api/v1/instrument-definitions': {
    allowed: ['admin'],
    status: 201,
    request: async (c) => ({
      url: '/api/v1/instrument-definitions',
      payload: {
        name: `Instrument ${c.unique()}`,
        kind: 'custom',
        fields: [{ key: 'score', label: 'Score', type: 'integer', min: 1, max: 5 }],
      },
    }),
  },
  'PUT /api/v1/instrument-definitions/:definitionId': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/instrument-definitions/${await instrumentDefinitionOfA()}`,
      payload: {
        name: `Instrument ${c.unique()}`,
        kind: 'custom',
        fields: [{ key: 'score', label: 'Score', type: 'integer', min: 1, max: 5 }],
      },
    }),
  },
  'POST /api/v1/instrument-definitions/:definitionId/archive': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async () => ({ url: `/api/v1/instrument-definitions/${await instrumentDefinitionOfA()}/archive` }),
  },
  'GET /api/v1/participants/:id/instrument-results': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: `/api/v1/participants/${await compartmentOfA(c)}/instrument-results` }),
  },
  'POST /api/v1/participants/:id/instrument-results': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `/api/v1/participants/${await compartmentOfA(c)}/instrument-results`,
      payload: { definitionId: await instrumentDefinitionOfA(), takenOn: '2024-03-04', values: sampleValues() },
    }),
  },
  'PUT /api/v1/participants/:id/instrument-results/:resultId': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({
      url: await instrumentResultUrlOfA(c),
      payload: { takenOn: '2024-03-05', values: sampleValues() },
    }),
  },
  'DELETE /api/v1/participants/:id/instrument-results/:resultId': {
    allowed: ['admin', 'coach'],
    status: 204,
    byId: true,
    request: async (c) => ({ url: await instrumentResultUrlOfA(c) }),
  },
  'POST /api/v1/participants/:id/instrument-results/:resultId/attachments': {
    allowed: ['admin', 'coach'],
    status: 201,
    byId: true,
    request: async (c) => ({
      url: `${await instrumentResultUrlOfA(c)}/attachments?fileName=verslag.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: tinyPdf(),
    }),
  },
  'GET /api/v1/participants/:id/instrument-results/:resultId/attachments/:attachmentId': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => ({ url: await instrumentAttachmentUrlOfA(c) }),
  },
  'DELETE /api/v1/participants/:id/instrument-results/:resultId/attachments/:attachmentId': {
    allowed: ['admin', 'coach'],
    status: 204,
    byId: true,
    request: async (c) => ({ url: await instrumentAttachmentUrlOfA(c) }),
  },
  // ---- end instruments ----
  // ---- privacy ----
  // The coach caller coaches the dossier it exports; a coach of another caseload gets 404, as for the dossier.
  'POST /api/v1/participants/:id/privacy/export': {
    allowed: ['admin', 'coach'],
    status: 200,
    byId: true,
    request: async (c) => {
      const id = await c.participant('active', { relation: 'caseload', userId: callerIds.get('coach') as string });
      return {
        url: `/api/v1/participants/${id}/privacy/export`,
        payload: { format: 'json', reason: 'Vraag van de deelnemer per e-mail' },
      };
    },
  },
  'POST /api/v1/participants/:id/privacy/anonymise': {
    allowed: ['admin'],
    status: 200,
    byId: true,
    request: async (c) => {
      const id = await c.participant('exited');
      const [p] = await t.database.db
        .select({ firstName: participants.firstName, lastName: participants.lastName })
        .from(participants)
        .where(eq(participants.id, id));
      return {
        url: `/api/v1/participants/${id}/privacy/anonymise`,
        payload: { reason: 'Vraag tot wissen van de deelnemer', confirmName: `${p?.firstName} ${p?.lastName}` },
      };
    },
  },
  'GET /api/v1/privacy/retention': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({ url: '/api/v1/privacy/retention' }),
  },
  // 240 months: nobody of the matrix's dossiers (exits in 2024) becomes due, so the run below erases nothing of A.
  'PUT /api/v1/privacy/retention': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({ url: '/api/v1/privacy/retention', payload: { monthsAfterExit: 240 } }),
  },
  'POST /api/v1/privacy/retention/run': {
    allowed: ['admin'],
    status: 200,
    request: async () => ({
      url: '/api/v1/privacy/retention/run',
      payload: { reason: 'Bewaartermijn na uitstroom verstreken' },
    }),
  },
  // ---- end privacy ----
};

/** HEAD is served for every GET route, through the same hooks: it gets the GET row's expectations. */
function rowFor(key: string): Row | undefined {
  if (key.startsWith('HEAD ')) return table[`GET ${key.slice(5)}`];
  return table[key];
}

let t: TestApp;
let orgA: string;
let orgB: string;
const cookies = new Map<Caller, string>();
/** The user behind each long-lived caller cookie. */
const callerIds = new Map<Caller, string>();
/** Every id that belongs to organisation A: none may show up in what B's admin reads. */
const idsOfA = new Set<string>();
let seq = 0;

function ctx(): Ctx {
  const db = t.database.db;
  return {
    unique: () => `m${Date.now().toString(36)}${(++seq).toString(36)}`,
    site: async () => {
      const s = await buildSite(db, { organisationId: orgA });
      idsOfA.add(s.id);
      return s.id;
    },
    team: async () => {
      const team = await buildTeam(db, { organisationId: orgA });
      idsOfA.add(team.id);
      idsOfA.add(team.siteId);
      return team.id;
    },
    user: async (role = 'coach', deactivated = false) => {
      const u = await buildUser(db, { organisationId: orgA, role, deactivated });
      idsOfA.add(u.id);
      return u.id;
    },
    participant: async (fixture = 'active', related) => {
      let teamId: string | undefined;
      if (related?.relation === 'team') {
        const team = await buildTeam(db, { organisationId: orgA });
        await addSupervisor(db, team.id, related.userId, orgA);
        teamId = team.id;
      }
      const p = await buildParticipant(db, {
        organisationId: orgA,
        teamId,
        coachId: related?.relation === 'caseload' ? related.userId : undefined,
        userId: related?.relation === 'self' ? related.userId : undefined,
        status: fixture === 'active' ? 'active' : 'exited',
        archived: fixture === 'archived',
      });
      for (const id of [p.id, p.siteId, p.teamId, p.coachId]) if (id) idsOfA.add(id);
      return p.id;
    },
    referrer: async () => {
      const r = await buildReferrer(db, { organisationId: orgA });
      idsOfA.add(r.id);
      return r.id;
    },
    credentials: async () => {
      const u = await buildUser(db, { organisationId: orgA, role: 'coach' });
      idsOfA.add(u.id);
      return { identifier: u.loginName, password: DEFAULT_PASSWORD };
    },
    resetToken: async () => {
      const u = await buildUser(db, { organisationId: orgA, role: 'coach' });
      idsOfA.add(u.id);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/forgot-password',
        payload: { email: u.email },
        remoteAddress: '10.9.9.9',
      });
      expect(res.statusCode).toBe(200);
      const [row] = await db
        .select({ identifier: verification.identifier })
        .from(verification)
        .where(eq(verification.value, u.id));
      if (!row) throw new Error('no reset token');
      return row.identifier.replace(/^reset-password:/, '');
    },
  };
}

async function cookieFor(caller: Caller, fresh: boolean): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  const role: Role = caller === 'foreignAdmin' ? 'admin' : caller;
  const organisationId = caller === 'foreignAdmin' ? orgB : orgA;
  if (fresh) {
    const { user: u, cookie } = await loggedIn(t.app, t.database.db, role, organisationId);
    if (organisationId === orgA) idsOfA.add(u.id);
    if (!callerIds.has(caller)) callerIds.set(caller, u.id);
    return cookie;
  }
  return cookies.get(caller);
}

beforeAll(async () => {
  t = await createTestApp();
  const setup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      organisationName: 'Eerste',
      siteName: 'Hoofdzetel',
      admin: { name: 'Eerste admin', email: 'eerste@example.org', password: newPassword },
    },
  });
  expect(setup.statusCode).toBe(201);
  orgA = (await buildOrganisation(t.database.db, { name: 'Organisatie A' })).id;
  orgB = (await buildOrganisation(t.database.db, { name: 'Organisatie B' })).id;
  idsOfA.add(orgA);
  for (const caller of callers) {
    const cookie = await cookieFor(caller, true);
    if (cookie) cookies.set(caller, cookie);
  }
});
afterAll(() => t.close());

describe('policy matrix', () => {
  it('has exactly one row for every registered /api/v1 route (a new route cannot slip by)', () => {
    const registered = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const missing = registered.filter((key) => !rowFor(key));
    expect(missing, 'routes without a row in the policy matrix').toEqual([]);
    const stale = Object.keys(table).filter((key) => !registered.includes(key));
    expect(stale, 'rows for routes that do not exist').toEqual([]);
    // Sanity: the registry does see the routes (an empty registry would make the check above vacuous).
    expect(registered.length).toBeGreaterThanOrEqual(Object.keys(table).length);
  });

  const keys = Object.keys(table).flatMap((key) => (key.startsWith('GET ') ? [key, `HEAD ${key.slice(4)}`] : [key]));

  describe.each(keys)('%s', (key) => {
    const row = rowFor(key) as Row;
    const method = key.split(' ')[0] as InjectOptions['method'];

    it.each(callers)('as %s', async (caller) => {
      const c = ctx();
      const options = await row.request(c);
      const cookie = await cookieFor(caller, row.freshCaller === true);
      const headers = { ...options.headers, ...(cookie ? { cookie } : {}) };
      const res = await t.app.inject({ ...options, method, headers });
      // Errors are JSON; a success may be a file (the export).
      const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
      const body = method === 'HEAD' || res.body === '' || !json ? undefined : res.json();

      if (row.allowed === 'public') {
        expect(res.statusCode, res.body).toBe(row.status);
        return;
      }
      if (caller === 'anonymous') {
        expect(res.statusCode, res.body).toBe(401);
        if (body) expect(body.error.code).toBe('unauthenticated');
        return;
      }
      const role: Role = caller === 'foreignAdmin' ? 'admin' : caller;
      if (!row.allowed.includes(role)) {
        expect(res.statusCode, res.body).toBe(403);
        if (body) expect(body.error.code).toBe('forbidden');
        return;
      }
      if (caller !== 'foreignAdmin') {
        const expected = row.unrelated?.[role] ?? row.status;
        expect(res.statusCode, res.body).toBe(expected);
        if (expected === 404 && body) expect(body.error.code).toBe('not_found');
        return;
      }
      const expected = row.foreign ?? (row.byId ? 404 : row.status);
      expect(res.statusCode, res.body).toBe(expected);
      if (expected === 404 && body) expect(body.error.code).toBe('not_found');
      // Whatever B's admin is shown, nothing of organisation A is in it.
      for (const id of idsOfA) expect(res.body).not.toContain(id);
    });
  });
});

/**
 * The same dossier routes for callers who DO stand in a relation to the dossier: its coach (caseload), the supervisor
 * of its team (team) and the participant whose dossier it is (self). Written by hand like the table above.
 */
const related: Record<string, Record<'coach' | 'supervisor' | 'participant', number>> = {
  'GET /api/v1/participants/:id': { coach: 200, supervisor: 200, participant: 200 },
  'PATCH /api/v1/participants/:id': { coach: 200, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/career-events': { coach: 201, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/archive': { coach: 200, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/unarchive': { coach: 403, supervisor: 403, participant: 403 },
  'PUT /api/v1/participants/:id/coaches': { coach: 200, supervisor: 403, participant: 403 },
  'PUT /api/v1/participants/:id/indications': { coach: 200, supervisor: 403, participant: 403 },
  'PUT /api/v1/participants/:id/stakeholders': { coach: 200, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/consents': { coach: 201, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/account': { coach: 201, supervisor: 403, participant: 403 },
  'POST /api/v1/participants/:id/account/activation-code': { coach: 201, supervisor: 403, participant: 403 },
};
const relationOf = { coach: 'caseload', supervisor: 'team', participant: 'self' } as const;

describe('dossier routes for related callers', () => {
  it('has a row for every dossier route', () => {
    expect(Object.keys(related).sort()).toEqual(Object.keys(dossierRoutes).sort());
  });

  describe.each(Object.keys(related))('%s', (key) => {
    const method = key.split(' ')[0] as InjectOptions['method'];
    const route = dossierRoutes[key] as (typeof dossierRoutes)[string];
    it.each(['coach', 'supervisor', 'participant'] as const)('as the related %s', async (role) => {
      const c = ctx();
      // A participant login reaches one dossier only: each case links a fresh one.
      const caller =
        role === 'participant'
          ? await loggedIn(t.app, t.database.db, 'participant', orgA)
          : { user: { id: callerIds.get(role) as string }, cookie: cookies.get(role) as string };
      const id = await c.participant(route.fixture, { relation: relationOf[role], userId: caller.user.id });
      const options = await route.request(id, c);
      const res = await t.app.inject({ ...options, method, headers: { cookie: caller.cookie } });
      expect(res.statusCode, res.body).toBe(related[key]?.[role]);
    });
  });
});

describe('cross-organisation writes', () => {
  it("leave organisation A's records untouched when B's admin names them", async () => {
    const db = t.database.db;
    const site = await buildSite(db, { organisationId: orgA, name: 'Ongewijzigd' });
    const team = await buildTeam(db, { organisationId: orgA, siteId: site.id, name: 'Ploeg A' });
    const target = await buildUser(db, { organisationId: orgA, role: 'coach', name: 'Collega A' });
    const cookie = cookies.get('foreignAdmin') as string;
    const calls: InjectOptions[] = [
      { method: 'PATCH', url: `/api/v1/sites/${site.id}`, payload: { name: 'Gekaapt', archived: true } },
      { method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { name: 'Gekaapt', archived: true } },
      { method: 'PUT', url: `/api/v1/teams/${team.id}/supervisors`, payload: { userIds: [] } },
      { method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { name: 'Gekaapt', role: 'admin' } },
      { method: 'POST', url: `/api/v1/users/${target.id}/deactivate` },
      { method: 'PUT', url: `/api/v1/users/${target.id}/password`, payload: { password: newPassword } },
    ];
    await addSupervisor(db, team.id, (await buildUser(db, { organisationId: orgA, role: 'supervisor' })).id, orgA);
    for (const call of calls) {
      const res = await t.app.inject({ ...call, headers: { cookie } });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    const [s] = await db.select().from(sites).where(eq(sites.id, site.id));
    expect(s).toMatchObject({ name: 'Ongewijzigd', archivedAt: null });
    const [tm] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(tm).toMatchObject({ name: 'Ploeg A', archivedAt: null });
    expect(await db.select().from(teamSupervisors).where(eq(teamSupervisors.teamId, team.id))).toHaveLength(1);
    const [u] = await db.select().from(user).where(eq(user.id, target.id));
    expect(u).toMatchObject({ name: 'Collega A', role: 'coach', deactivatedAt: null });
    // The password was not replaced: the old one still logs in.
    await expect(login(t.app, target)).resolves.toContain('groeipad.session_token=');
  });

  it("leave organisation A's dossiers untouched when B's admin names them", async () => {
    const db = t.database.db;
    const p = await buildParticipant(db, { organisationId: orgA, firstName: 'Ongewijzigd', status: 'exited' });
    const cookie = cookies.get('foreignAdmin') as string;
    const url = `/api/v1/participants/${p.id}`;
    const calls: InjectOptions[] = [
      { method: 'GET', url },
      { method: 'PATCH', url, payload: { firstName: 'Gekaapt' } },
      { method: 'POST', url: `${url}/career-events`, payload: { kind: 'start', date: '2024-09-01' } },
      { method: 'POST', url: `${url}/archive` },
      { method: 'PUT', url: `${url}/coaches`, payload: { userIds: [callerIds.get('foreignAdmin') as string] } },
      { method: 'PUT', url: `${url}/indications`, payload: { items: [] } },
    ];
    for (const call of calls) {
      const res = await t.app.inject({ ...call, headers: { cookie } });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    expect(row).toMatchObject({ firstName: 'Ongewijzigd', status: 'exited', archivedAt: null });
    expect(await db.select().from(careerEvents).where(eq(careerEvents.participantId, p.id))).toHaveLength(3);
  });

  it("refuses organisation A's users as supervisors of B's team, and A's site for B's team", async () => {
    const db = t.database.db;
    const teamB = await buildTeam(db, { organisationId: orgB });
    const supervisorA = await buildUser(db, { organisationId: orgA, role: 'supervisor' });
    const siteA = await buildSite(db, { organisationId: orgA });
    const cookie = cookies.get('foreignAdmin') as string;
    const sup = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/teams/${teamB.id}/supervisors`,
      headers: { cookie },
      payload: { userIds: [supervisorA.id] },
    });
    expect(sup.statusCode).toBe(400);
    expect(sup.json().error.fields).toHaveProperty('userIds');
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${teamB.id}`,
      headers: { cookie },
      payload: { siteId: siteA.id },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ siteId: 'unknown_reference' });
    const [tm] = await db.select().from(teams).where(eq(teams.id, teamB.id));
    expect(tm?.siteId).toBe(teamB.siteId);
  });
});

/** Instruments (helper B): a fresh organisation-A definition. */
async function instrumentDefinitionOfA() {
  const def = await buildInstrumentDefinition(t.database.db, { organisationId: orgA });
  idsOfA.add(def.id);
  return def.id;
}

/** Instruments (helper B): a result on compartmentOfA's dossier, and an attachment of such a result. */
async function instrumentResultUrlOfA(c: Ctx) {
  const id = await compartmentOfA(c);
  const result = await buildInstrumentResult(t.database.db, {
    organisationId: orgA,
    participantId: id,
    definitionId: await instrumentDefinitionOfA(),
  });
  idsOfA.add(result.id);
  return `/api/v1/participants/${id}/instrument-results/${result.id}`;
}

async function instrumentAttachmentUrlOfA(c: Ctx) {
  const url = await instrumentResultUrlOfA(c);
  const file = await buildAttachment(t.database.db, { organisationId: orgA, resultId: url.split('/').at(-1) });
  idsOfA.add(file.id);
  return `${url}/attachments/${file.id}`;
}

/**
 * PAP and access (helper A): a fresh organisation-A dossier coached by the coach caller, with an active grant to its
 * compartment for the admin caller, so both reach it. The supervisor caller supervises its team: they reach the
 * dossier and are still refused the compartment (need-to-know).
 */
async function compartmentOfA(c: Ctx) {
  const id = await c.participant('active', { relation: 'caseload', userId: callerIds.get('coach') as string });
  const db = t.database.db;
  const [dossier] = await db.select({ teamId: participants.teamId }).from(participants).where(eq(participants.id, id));
  if (!dossier?.teamId) throw new Error('the compartment dossier has no team');
  await addSupervisor(db, dossier.teamId, callerIds.get('supervisor') as string, orgA);
  const grant = await buildGrant(t.database.db, {
    organisationId: orgA,
    participantId: id,
    userId: callerIds.get('admin') as string,
  });
  idsOfA.add(grant.id);
  return id;
}
