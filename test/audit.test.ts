import { asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '#shared/participants';
import type { Db } from '../server/db/client';
import {
  auditLog,
  feedbackConversations,
  mailOutbox,
  organisations,
  privacySettings,
  user,
  verification,
} from '../server/db/schema';
import { withTenant } from '../server/db/tenant';
import { mentorLinkOf, observationBody, workplace } from '../server/modules/observations/test-fixtures';
import { createTestApp, type TestApp } from './support/app';
import {
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
import { buildDraft } from './support/factories-development-plans';
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

let t: TestApp;
let db: Db;

/** Every secret a test sends: none may ever be found in the audit log. */
const secrets = new Set<string>([DEFAULT_PASSWORD]);
const remember = (secret: string) => {
  secrets.add(secret);
  return secret;
};
/** A cookie header carries the session token and its signature: both are secrets. */
function rememberCookie(cookie: string) {
  const value = decodeURIComponent(cookie.split('=').slice(1).join('='));
  secrets.add(value);
  for (const part of value.split('.')) if (part.length >= 16) secrets.add(part);
  return cookie;
}

async function adminOf(orgId?: string) {
  const organisationId = orgId ?? (await buildOrganisation(db)).id;
  const { user: admin, cookie } = await loggedIn(t.app, db, 'admin', organisationId);
  return { organisationId, admin, cookie: rememberCookie(cookie) };
}

async function resetTokenOf(email: string, userId: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/forgot-password', payload: { email } });
  expect(res.statusCode).toBe(200);
  const [row] = await db.select().from(verification).where(eq(verification.value, userId));
  if (!row) throw new Error('no reset token');
  return remember(row.identifier.replace(/^reset-password:/, ''));
}

const lastAuditId = async () =>
  (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;

interface Expected {
  action: string;
  /** null for a mentor, who acts through a link without an account. */
  actorId: string | null;
  organisationId: string;
  targetType: string;
  targetId: string;
}

interface WriteCase {
  /** Makes what the call needs, returns the request and, from the response, the audit row it must leave. */
  prepare(): Promise<{ request: InjectOptions; expected(res: LightMyRequestResponse): Expected }>;
}

const newPassword = () => remember(`nieuw-${crypto.randomUUID()}`);

/** One row per write route: a new write route without a row fails the completeness test. */
const writes: Record<string, WriteCase> = {
  'POST /api/v1/setup': {
    prepare: async () => {
      const email = 'eerste.admin@example.org';
      return {
        request: {
          method: 'POST',
          url: '/api/v1/setup',
          payload: {
            organisationName: 'Eerste',
            siteName: 'Hoofdzetel',
            admin: { name: 'Eerste', email, password: newPassword() },
          },
        },
        expected: () => ({ action: 'setup.completed', targetType: 'organisation', ...setupActor }),
      };
    },
  },
  'POST /api/v1/auth/login': {
    prepare: async () => {
      const u = await buildUser(db, { role: 'coach' });
      return {
        request: {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { identifier: u.loginName, password: u.password },
        },
        expected: (res) => {
          rememberCookie(`x=${res.cookies[0]?.value}`);
          return {
            action: 'auth.login',
            actorId: u.id,
            organisationId: u.organisationId,
            targetType: 'user',
            targetId: u.id,
          };
        },
      };
    },
  },
  'POST /api/v1/auth/logout': {
    prepare: async () => {
      const { user: u, cookie } = await loggedIn(t.app, db, 'trainer');
      return {
        request: { method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: rememberCookie(cookie) } },
        expected: () => ({
          action: 'auth.logout',
          actorId: u.id,
          organisationId: u.organisationId,
          targetType: 'user',
          targetId: u.id,
        }),
      };
    },
  },
  'POST /api/v1/auth/forgot-password': {
    prepare: async () => {
      const u = await buildUser(db, { role: 'manager' });
      return {
        request: { method: 'POST', url: '/api/v1/auth/forgot-password', payload: { email: u.email } },
        expected: () => ({
          action: 'auth.password_reset_requested',
          actorId: u.id,
          organisationId: u.organisationId,
          targetType: 'user',
          targetId: u.id,
        }),
      };
    },
  },
  'POST /api/v1/auth/reset-password': {
    prepare: async () => {
      const u = await buildUser(db, { role: 'coach' });
      const token = await resetTokenOf(u.email, u.id);
      return {
        request: { method: 'POST', url: '/api/v1/auth/reset-password', payload: { token, newPassword: newPassword() } },
        expected: () => ({
          action: 'auth.password_reset',
          actorId: u.id,
          organisationId: u.organisationId,
          targetType: 'user',
          targetId: u.id,
        }),
      };
    },
  },
  'POST /api/v1/auth/change-password': {
    prepare: async () => {
      const { user: u, cookie } = await loggedIn(t.app, db, 'participant');
      return {
        request: {
          method: 'POST',
          url: '/api/v1/auth/change-password',
          headers: { cookie: rememberCookie(cookie) },
          payload: { currentPassword: u.password, newPassword: newPassword() },
        },
        expected: () => ({
          action: 'auth.password_changed',
          actorId: u.id,
          organisationId: u.organisationId,
          targetType: 'user',
          targetId: u.id,
        }),
      };
    },
  },
  'PATCH /api/v1/organisation': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: { method: 'PATCH', url: '/api/v1/organisation', headers: { cookie }, payload: { name: 'Nieuw' } },
        expected: () => ({
          action: 'organisation.updated',
          actorId: admin.id,
          organisationId,
          targetType: 'organisation',
          targetId: organisationId,
        }),
      };
    },
  },
  'POST /api/v1/sites': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: { method: 'POST', url: '/api/v1/sites', headers: { cookie }, payload: { name: 'Brugge' } },
        expected: (res) => ({
          action: 'site.created',
          actorId: admin.id,
          organisationId,
          targetType: 'site',
          targetId: res.json().id,
        }),
      };
    },
  },
  'PATCH /api/v1/sites/:id': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const site = await buildSite(db, { organisationId });
      return {
        request: {
          method: 'PATCH',
          url: `/api/v1/sites/${site.id}`,
          headers: { cookie },
          payload: { archived: true },
        },
        expected: () => ({
          action: 'site.updated',
          actorId: admin.id,
          organisationId,
          targetType: 'site',
          targetId: site.id,
        }),
      };
    },
  },
  'POST /api/v1/teams': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const site = await buildSite(db, { organisationId });
      return {
        request: {
          method: 'POST',
          url: '/api/v1/teams',
          headers: { cookie },
          payload: { name: 'Groenploeg', workDomain: 'groen', siteId: site.id },
        },
        expected: (res) => ({
          action: 'team.created',
          actorId: admin.id,
          organisationId,
          targetType: 'team',
          targetId: res.json().id,
        }),
      };
    },
  },
  'PATCH /api/v1/teams/:id': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const team = await buildTeam(db, { organisationId });
      return {
        request: {
          method: 'PATCH',
          url: `/api/v1/teams/${team.id}`,
          headers: { cookie },
          payload: { name: 'Hernoemd' },
        },
        expected: () => ({
          action: 'team.updated',
          actorId: admin.id,
          organisationId,
          targetType: 'team',
          targetId: team.id,
        }),
      };
    },
  },
  'PUT /api/v1/teams/:id/supervisors': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const team = await buildTeam(db, { organisationId });
      const supervisor = await buildUser(db, { organisationId, role: 'supervisor' });
      return {
        request: {
          method: 'PUT',
          url: `/api/v1/teams/${team.id}/supervisors`,
          headers: { cookie },
          payload: { userIds: [supervisor.id] },
        },
        expected: () => ({
          action: 'team.supervisors_set',
          actorId: admin.id,
          organisationId,
          targetType: 'team',
          targetId: team.id,
        }),
      };
    },
  },
  'POST /api/v1/users': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: {
          method: 'POST',
          url: '/api/v1/users',
          headers: { cookie },
          payload: {
            name: 'Collega',
            email: `${crypto.randomUUID()}@example.org`,
            role: 'coach',
            password: newPassword(),
          },
        },
        expected: (res) => ({
          action: 'user.created',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: res.json().user.id,
        }),
      };
    },
  },
  'POST /api/v1/users/participants': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: {
          method: 'POST',
          url: '/api/v1/users/participants',
          headers: { cookie },
          payload: { name: 'Deelnemer', username: `d_${Date.now()}`, password: newPassword() },
        },
        expected: (res) => ({
          action: 'user.created',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: res.json().user.id,
        }),
      };
    },
  },
  'PATCH /api/v1/users/:id': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const target = await buildUser(db, { organisationId, role: 'coach' });
      return {
        request: {
          method: 'PATCH',
          url: `/api/v1/users/${target.id}`,
          headers: { cookie },
          payload: { role: 'manager' },
        },
        expected: () => ({
          action: 'user.updated',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: target.id,
        }),
      };
    },
  },
  'POST /api/v1/users/:id/deactivate': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const target = await buildUser(db, { organisationId, role: 'coach' });
      return {
        request: { method: 'POST', url: `/api/v1/users/${target.id}/deactivate`, headers: { cookie } },
        expected: () => ({
          action: 'user.deactivated',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: target.id,
        }),
      };
    },
  },
  'POST /api/v1/users/:id/reactivate': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const target = await buildUser(db, { organisationId, role: 'coach', deactivated: true });
      return {
        request: { method: 'POST', url: `/api/v1/users/${target.id}/reactivate`, headers: { cookie } },
        expected: () => ({
          action: 'user.reactivated',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: target.id,
        }),
      };
    },
  },
  'PUT /api/v1/users/:id/password': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const target = await buildUser(db, { organisationId, role: 'participant' });
      return {
        request: {
          method: 'PUT',
          url: `/api/v1/users/${target.id}/password`,
          headers: { cookie },
          payload: { password: newPassword() },
        },
        expected: () => ({
          action: 'user.password_set',
          actorId: admin.id,
          organisationId,
          targetType: 'user',
          targetId: target.id,
        }),
      };
    },
  },

  'POST /api/v1/referrers': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: {
          method: 'POST',
          url: '/api/v1/referrers',
          headers: { cookie },
          payload: { name: 'VDAB', kind: 'vdab' },
        },
        expected: (res) => ({
          action: 'referrer.created',
          actorId: admin.id,
          organisationId,
          targetType: 'referrer',
          targetId: res.json().id,
        }),
      };
    },
  },
  'PATCH /api/v1/referrers/:id': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const r = await buildReferrer(db, { organisationId });
      return {
        request: {
          method: 'PATCH',
          url: `/api/v1/referrers/${r.id}`,
          headers: { cookie },
          payload: { archived: true },
        },
        expected: () => ({
          action: 'referrer.updated',
          actorId: admin.id,
          organisationId,
          targetType: 'referrer',
          targetId: r.id,
        }),
      };
    },
  },
  'POST /api/v1/participants': {
    prepare: async () => {
      const organisationId = (await buildOrganisation(db)).id;
      const { user: coach, cookie } = await loggedIn(t.app, db, 'coach', organisationId);
      const site = await buildSite(db, { organisationId });
      return {
        request: {
          method: 'POST',
          url: '/api/v1/participants',
          headers: { cookie: rememberCookie(cookie) },
          payload: {
            firstName: 'Jan',
            lastName: 'Peeters',
            dateOfBirth: '1990-01-01',
            siteId: site.id,
            programmeType: 'maatwerk',
          },
        },
        expected: (res) => ({
          action: 'participant.registered',
          actorId: coach.id,
          organisationId,
          targetType: 'participant',
          targetId: res.json().id,
        }),
      };
    },
  },
  'POST /api/v1/participants/import': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      await buildSite(db, { organisationId, name: 'Gent' });
      return {
        request: {
          method: 'POST',
          url: '/api/v1/participants/import?mode=valid_only',
          headers: { cookie, 'content-type': 'text/csv' },
          payload: 'voornaam;achternaam;geboortedatum;vestiging;programma\nJan;Peeters;1/1/1990;Gent;maatwerk\n',
        },
        // Besides one participant.imported row per new dossier: the summary of the whole import.
        expected: () => ({
          action: 'participant.import',
          actorId: admin.id,
          organisationId,
          targetType: 'organisation',
          targetId: organisationId,
        }),
      };
    },
  },
  ...dossierWrite('PATCH', '', 'participant.updated', { programmeType: 'activering' }),
  ...dossierWrite('POST', '/career-events', 'participant.career_event_added', { kind: 'pause', date: '2024-03-01' }),
  ...dossierWrite('POST', '/archive', 'participant.archived', undefined, 'exited'),
  ...dossierWrite('POST', '/unarchive', 'participant.unarchived', undefined, 'archived'),
  ...dossierWrite('PUT', '/coaches', 'participant.coaches_set', 'coach'),
  ...dossierWrite('PUT', '/indications', 'participant.indications_set', {
    items: [{ type: 'pmah', supportLevel: 'high', validFrom: '2024-01-01' }],
  }),
  ...dossierWrite('PUT', '/stakeholders', 'participant.stakeholders_set', {
    items: [{ name: 'Broer', relation: 'familie', mayBeInvolved: true }],
  }),
  ...dossierWrite('POST', '/consents', 'participant.consent_recorded', {
    kind: 'share_progress_with_referrer',
    granted: true,
  }),
  ...dossierWrite('POST', '/account', 'participant.account_created', {
    method: 'activation_code',
    username: 'audit_deelnemer',
  }),
  'POST /api/v1/participants/:id/account/activation-code': {
    prepare: async () => {
      const { admin, cookie, organisationId, participantId } = await waitingActivation();
      return {
        request: {
          method: 'POST',
          url: `/api/v1/participants/${participantId}/account/activation-code`,
          headers: { cookie },
        },
        expected: (res) => {
          remember(res.json().activationCode);
          return {
            action: 'participant.activation_code_issued',
            actorId: admin.id,
            organisationId,
            targetType: 'participant',
            targetId: participantId,
          };
        },
      };
    },
  },
  'POST /api/v1/auth/activate': {
    prepare: async () => {
      const { organisationId, username, code } = await waitingActivation();
      const [login_] = await db.select().from(user).where(eq(user.username, username));
      return {
        request: {
          method: 'POST',
          url: '/api/v1/auth/activate',
          payload: { username, code, password: newPassword() },
        },
        expected: (res) => {
          rememberCookie(`x=${res.cookies[0]?.value}`);
          return {
            action: 'participant.activated',
            actorId: login_?.id as string,
            organisationId,
            targetType: 'user',
            targetId: login_?.id as string,
          };
        },
      };
    },
  },
  'PUT /api/v1/lists/:kind': {
    prepare: async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: {
          method: 'PUT',
          url: '/api/v1/lists/programme_type',
          headers: { cookie },
          payload: {
            items: [
              { code: 'maatwerk', label: 'Maatwerk', active: true },
              { code: 'activering', label: 'Activering', active: false },
              { code: 'arbeidszorg', label: 'Arbeidszorg', active: true },
            ],
          },
        },
        expected: () => ({
          action: 'list.replaced',
          actorId: admin.id,
          organisationId,
          targetType: 'list',
          targetId: 'programme_type',
        }),
      };
    },
  },
  ...iluoWriteCases(),
  ...competencyWriteCases(),
  ...feedbackWriteCases(),
  ...observationWriteCases(),
  // POP core, POP follow-up, pathway map: spread their write cases here (one line each).
  ...popCoreWriteCases(),
  ...popFollowUpWriteCases(),
  ...pathwayWriteCases(),
  // PAP and access, instruments, privacy: one spread each (functions at the end of the file).
  ...privacyWriteCases(),
  ...instrumentWriteCases(),
  ...sensitiveWriteCases(),
};

/**
 * A write to one dossier by its organisation's admin: the audit row names the dossier.
 * payload 'coach' stands for { userIds: [a fresh coach of the organisation] }.
 */
function dossierWrite(
  method: 'POST' | 'PATCH' | 'PUT',
  suffix: string,
  action: string,
  payload?: object | 'coach',
  fixture: 'active' | 'exited' | 'archived' = 'active',
): Record<string, WriteCase> {
  return {
    [`${method} /api/v1/participants/:id${suffix}`]: {
      prepare: async () => {
        const { admin, cookie, organisationId } = await adminOf();
        const p = await buildParticipant(db, {
          organisationId,
          status: fixture === 'active' ? 'active' : 'exited',
          archived: fixture === 'archived',
        });
        const body =
          payload === 'coach' ? { userIds: [(await buildUser(db, { organisationId, role: 'coach' })).id] } : payload;
        return {
          request: {
            method,
            url: `/api/v1/participants/${p.id}${suffix}`,
            headers: { cookie },
            ...(body ? { payload: body } : {}),
          },
          expected: () => ({ action, actorId: admin.id, organisationId, targetType: 'participant', targetId: p.id }),
        };
      },
    },
  };
}

/** A dossier whose login waits for activation: made through the API, so the code is the one a coach would print. */
async function waitingActivation() {
  const { admin, cookie, organisationId } = await adminOf();
  const p = await buildParticipant(db, { organisationId });
  const username = `wacht_${crypto.randomUUID().slice(0, 8)}`;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/participants/${p.id}/account`,
    headers: { cookie },
    payload: { method: 'activation_code', username },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { admin, cookie, organisationId, participantId: p.id, username, code: remember(res.json().activationCode) };
}

/** The ILUO writes (server/modules/iluo), each by the organisation's admin on a fresh team with one skill. */
function iluoWriteCases(): Record<string, WriteCase> {
  const skillOfNewTeam = async () => {
    const { admin, cookie, organisationId } = await adminOf();
    const team = await buildTeam(db, { organisationId });
    const skill = await buildSkill(db, { organisationId, teamId: team.id });
    return { admin, cookie, organisationId, team, skill };
  };
  const write = (
    method: InjectOptions['method'],
    url: string,
    payload: ((s: Awaited<ReturnType<typeof skillOfNewTeam>>) => Promise<object>) | undefined,
    target: (
      s: Awaited<ReturnType<typeof skillOfNewTeam>>,
      res: LightMyRequestResponse,
    ) => Omit<Expected, 'actorId' | 'organisationId'>,
  ): WriteCase => ({
    prepare: async () => {
      const s = await skillOfNewTeam();
      const body = payload ? await payload(s) : undefined;
      return {
        request: {
          method,
          url: `/api/v1${url.replace(':team', s.team.id).replace(':skill', s.skill.id)}`,
          headers: { cookie: s.cookie },
          ...(body ? { payload: body } : {}),
        },
        expected: (res) => ({ actorId: s.admin.id, organisationId: s.organisationId, ...target(s, res) }),
      };
    },
  });
  const participantIn = (s: Awaited<ReturnType<typeof skillOfNewTeam>>) =>
    buildParticipant(db, { organisationId: s.organisationId, teamId: s.team.id });
  return {
    'POST /api/v1/teams/:id/skills': write(
      'POST',
      '/teams/:team/skills',
      async () => ({ name: 'Maaien' }),
      (_, res) => ({
        action: 'skill.created',
        targetType: 'skill',
        targetId: res.json().id,
      }),
    ),
    'PUT /api/v1/teams/:id/skills/order': write(
      'PUT',
      '/teams/:team/skills/order',
      async (s) => ({ skillIds: [s.skill.id] }),
      (s) => ({ action: 'skill.reordered', targetType: 'team', targetId: s.team.id }),
    ),
    'PATCH /api/v1/skills/:id': write(
      'PATCH',
      '/skills/:skill',
      async () => ({ critical: true }),
      (s) => ({
        action: 'skill.updated',
        targetType: 'skill',
        targetId: s.skill.id,
      }),
    ),
    'POST /api/v1/skills/:id/archive': write('POST', '/skills/:skill/archive', undefined, (s) => ({
      action: 'skill.archived',
      targetType: 'skill',
      targetId: s.skill.id,
    })),
    'POST /api/v1/skill-levels': write(
      'POST',
      '/skill-levels',
      async (s) => ({
        skillId: s.skill.id,
        participantId: (await participantIn(s)).id,
        level: 2,
        assessedOn: '2024-06-03',
      }),
      (_, res) => ({ action: 'skill_level.recorded', targetType: 'participant', targetId: res.json().person.id }),
    ),
    'DELETE /api/v1/skill-levels/:id': {
      prepare: async () => {
        const s = await skillOfNewTeam();
        const p = await participantIn(s);
        const level = await buildSkillLevel(db, {
          organisationId: s.organisationId,
          skillId: s.skill.id,
          participantId: p.id,
          level: 3,
        });
        return {
          request: { method: 'DELETE', url: `/api/v1/skill-levels/${level.id}`, headers: { cookie: s.cookie } },
          expected: () => ({
            action: 'skill_level.deleted',
            actorId: s.admin.id,
            organisationId: s.organisationId,
            targetType: 'participant',
            targetId: p.id,
          }),
        };
      },
    },
    'PUT /api/v1/iluo-labels': write(
      'PUT',
      '/iluo-labels',
      async () => ({
        items: ['I', 'L', 'U', 'O'].map((letter, i) => ({
          level: i + 1,
          label: `Eigen ${letter}`,
          meaning: 'Uitleg.',
        })),
      }),
      (s) => ({ action: 'iluo_labels.replaced', targetType: 'organisation', targetId: s.organisationId }),
    ),
  };
}

/**
 * The competency framework and job-profile writes (server/modules/competencies), each by the admin of a fresh
 * organisation that already has two frameworks (the first is its default) made through the API.
 */
/** The feedback conversations (server/modules/feedback), by the admin of a fresh organisation on an active dossier. */
function feedbackWriteCases(): Record<string, WriteCase> {
  const conversationOfNewDossier = async () => {
    const { admin, cookie, organisationId } = await adminOf();
    const p = await buildParticipant(db, { organisationId });
    const [row] = await db
      .insert(feedbackConversations)
      .values({
        organisationId,
        participantId: p.id,
        heldOn: '2024-02-12',
        staffIds: [admin.id],
        agreements: 'We oefenen het plannen.',
        createdBy: admin.id,
      })
      .returning({ id: feedbackConversations.id });
    if (!row) throw new Error('no feedback conversation');
    return { admin, cookie, organisationId, conversationId: row.id };
  };
  const onConversation =
    (method: 'PATCH' | 'DELETE', action: string): WriteCase['prepare'] =>
    async () => {
      const c = await conversationOfNewDossier();
      return {
        request: {
          method,
          url: `/api/v1/feedback/${c.conversationId}`,
          headers: { cookie: c.cookie },
          ...(method === 'PATCH' ? { payload: { toWorkOn: 'Op tijd pauze nemen.' } } : {}),
        },
        expected: () => ({
          action,
          actorId: c.admin.id,
          organisationId: c.organisationId,
          targetType: 'feedback_conversation',
          targetId: c.conversationId,
        }),
      };
    };
  return {
    'POST /api/v1/participants/:id/feedback': {
      prepare: async () => {
        const { admin, cookie, organisationId } = await adminOf();
        const p = await buildParticipant(db, { organisationId });
        return {
          request: {
            method: 'POST',
            url: `/api/v1/participants/${p.id}/feedback`,
            headers: { cookie },
            payload: { heldOn: '2024-02-12', wentWell: 'Altijd op tijd.' },
          },
          expected: (res) => ({
            action: 'feedback.recorded',
            actorId: admin.id,
            organisationId,
            targetType: 'feedback_conversation',
            targetId: res.json().id,
          }),
        };
      },
    },
    'PATCH /api/v1/feedback/:id': { prepare: onConversation('PATCH', 'feedback.updated') },
    'DELETE /api/v1/feedback/:id': { prepare: onConversation('DELETE', 'feedback.deleted') },
    'PUT /api/v1/feedback-rules': {
      prepare: async () => {
        const { admin, cookie, organisationId } = await adminOf();
        return {
          request: {
            method: 'PUT',
            url: '/api/v1/feedback-rules',
            headers: { cookie },
            payload: { items: [{ intervalDays: 21 }] },
          },
          expected: () => ({
            action: 'feedback_rules.replaced',
            actorId: admin.id,
            organisationId,
            targetType: 'feedback_rules',
            targetId: organisationId,
          }),
        };
      },
    },
  };
}

function competencyWriteCases(): Record<string, WriteCase> {
  const framework = (name: string) => ({
    name,
    scale: [
      { value: 1, label: 'Nog niet', meaning: 'Lukt nog niet.', pictogram: 'seed' },
      { value: 2, label: 'Wel', meaning: 'Lukt.', pictogram: 'tree' },
    ],
    competencies: [{ key: 'samenwerken', name: 'Samenwerken', description: 'Samen.', indicators: ['Nee.', 'Ja.'] }],
  });
  const profile = (frameworkId: string) => ({
    frameworkId,
    name: 'Arbeider',
    ladderStep: 1,
    workMode: 'uitvoerend',
    expectations: [{ competencyKey: 'samenwerken', level: 2 }],
  });
  const setting = async () => {
    const { admin, cookie, organisationId } = await adminOf();
    const post = async (url: string, payload?: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as { id: string };
    };
    await post('/competency-frameworks', framework('Eerste kader'));
    const second = await post('/competency-frameworks', framework('Tweede kader'));
    const jobProfile = await post('/job-profiles', profile(second.id));
    return { admin, cookie, organisationId, post, frameworkId: second.id, jobProfileId: jobProfile.id };
  };
  type Setting = Awaited<ReturnType<typeof setting>>;
  const write = (
    method: InjectOptions['method'],
    url: (s: Setting) => Promise<string>,
    payload: ((s: Setting) => Promise<object>) | undefined,
    target: (s: Setting, res: LightMyRequestResponse) => Omit<Expected, 'actorId' | 'organisationId'>,
  ): WriteCase => ({
    prepare: async () => {
      const s = await setting();
      const body = payload ? await payload(s) : undefined;
      return {
        request: {
          method,
          url: `/api/v1${await url(s)}`,
          headers: { cookie: s.cookie },
          ...(body ? { payload: body } : {}),
        },
        expected: (res) => ({ actorId: s.admin.id, organisationId: s.organisationId, ...target(s, res) }),
      };
    },
  });
  const onFramework = (action: string) => (s: Setting) => ({
    action: `competencyFramework.${action}`,
    targetType: 'competency_framework',
    targetId: s.frameworkId,
  });
  const createdFramework = (action: string) => (_: Setting, res: LightMyRequestResponse) => ({
    action: `competencyFramework.${action}`,
    targetType: 'competency_framework',
    targetId: res.json().id,
  });
  const onProfile = (action: string) => (s: Setting) => ({
    action: `jobProfile.${action}`,
    targetType: 'job_profile',
    targetId: s.jobProfileId,
  });
  return {
    'POST /api/v1/competency-frameworks': write(
      'POST',
      async () => '/competency-frameworks',
      async () => framework('Derde kader'),
      createdFramework('created'),
    ),
    'PUT /api/v1/competency-frameworks/:id': write(
      'PUT',
      async (s) => `/competency-frameworks/${s.frameworkId}`,
      async () => framework('Tweede kader, herschreven'),
      onFramework('updated'),
    ),
    'POST /api/v1/competency-frameworks/:id/default': write(
      'POST',
      async (s) => `/competency-frameworks/${s.frameworkId}/default`,
      undefined,
      onFramework('default_set'),
    ),
    'POST /api/v1/competency-frameworks/:id/archive': write(
      'POST',
      async (s) => `/competency-frameworks/${s.frameworkId}/archive`,
      undefined,
      onFramework('archived'),
    ),
    'POST /api/v1/competency-frameworks/:id/unarchive': write(
      'POST',
      async (s) => {
        await s.post(`/competency-frameworks/${s.frameworkId}/archive`);
        return `/competency-frameworks/${s.frameworkId}/unarchive`;
      },
      undefined,
      onFramework('unarchived'),
    ),
    'POST /api/v1/competency-frameworks/default-template': write(
      'POST',
      async () => '/competency-frameworks/default-template',
      undefined,
      createdFramework('created'),
    ),
    'POST /api/v1/competency-frameworks/import': write(
      'POST',
      async () => '/competency-frameworks/import',
      async () => ({
        format: 'groeipad-competency-framework',
        formatVersion: 1,
        framework: framework('Gedeeld kader'),
        jobProfiles: [],
      }),
      createdFramework('imported'),
    ),
    'POST /api/v1/job-profiles': write(
      'POST',
      async () => '/job-profiles',
      async (s) => ({ ...profile(s.frameworkId), name: 'Meestergast' }),
      (_, res) => ({ action: 'jobProfile.created', targetType: 'job_profile', targetId: res.json().id }),
    ),
    'PUT /api/v1/job-profiles/:id': write(
      'PUT',
      async (s) => `/job-profiles/${s.jobProfileId}`,
      async (s) => ({ ...profile(s.frameworkId), ladderStep: 2 }),
      onProfile('updated'),
    ),
    'POST /api/v1/job-profiles/:id/archive': write(
      'POST',
      async (s) => `/job-profiles/${s.jobProfileId}/archive`,
      undefined,
      onProfile('archived'),
    ),
    'PUT /api/v1/participants/:id/job-profiles': {
      prepare: async () => {
        const s = await setting();
        const p = await buildParticipant(db, { organisationId: s.organisationId });
        return {
          request: {
            method: 'PUT',
            url: `/api/v1/participants/${p.id}/job-profiles`,
            headers: { cookie: s.cookie },
            payload: { currentProfileId: s.jobProfileId, targetProfileId: null },
          },
          expected: () => ({
            action: 'participant.job_profiles_set',
            actorId: s.admin.id,
            organisationId: s.organisationId,
            targetType: 'participant',
            targetId: p.id,
          }),
        };
      },
    },
  };
}

let setupActor: { actorId: string; organisationId: string; targetId: string };

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even as the table owner', async () => {
    const { organisationId } = await adminOf();
    const before = await db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId));
    expect(before.length).toBeGreaterThan(0);

    const failures = [
      db.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.organisationId, organisationId)),
      db.delete(auditLog).where(eq(auditLog.organisationId, organisationId)),
      db.execute(sql`truncate audit_log`),
    ];
    for (const attempt of failures) await expect(attempt).rejects.toThrow();

    const after = await db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId));
    expect(after).toEqual(before);
  });

  it('refuses UPDATE and DELETE to the tenant role too', async () => {
    const { organisationId } = await adminOf();
    await expect(
      withTenant(db, organisationId, (tx) => tx.update(auditLog).set({ action: 'rewritten' })),
    ).rejects.toThrow();
    await expect(withTenant(db, organisationId, (tx) => tx.delete(auditLog))).rejects.toThrow();
    const rows = await db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId));
    expect(rows.map((r) => r.action)).toContain('auth.login');
    expect(rows.map((r) => r.action)).not.toContain('rewritten');
  });
});

describe('every write is recorded', () => {
  it('has a case for every write route of the API', () => {
    const writeRoutes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') && !['GET', 'HEAD'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(writeRoutes.length).toBeGreaterThan(0);
    expect(writeRoutes).toEqual(Object.keys(writes).sort());
  });

  it.each(Object.keys(writes))('%s adds an audit row with actor, action and target', async (key) => {
    if (key === 'POST /api/v1/setup') {
      // The setup admin does not exist before the call: look them up after.
      const before = await lastAuditId();
      const { request } = await (writes[key] as WriteCase).prepare();
      const res = await t.app.inject(request);
      expect(res.statusCode, res.body).toBe(201);
      const [admin] = await db.select().from(user).where(eq(user.email, 'eerste.admin@example.org'));
      if (!admin) throw new Error('no setup admin');
      setupActor = { actorId: admin.id, organisationId: admin.organisationId, targetId: admin.organisationId };
      const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
      expect(rows).toContainEqual(
        expect.objectContaining({ action: 'setup.completed', targetType: 'organisation', ...setupActor }),
      );
      return;
    }
    const { request, expected } = await (writes[key] as WriteCase).prepare();
    const before = await lastAuditId();
    const res = await t.app.inject(request);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, res.body).toBeLessThan(300);
    const want = expected(res);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows).toContainEqual(expect.objectContaining({ ...want, actorName: expect.any(String) }));
  });

  it('a refused write leaves no audit row', async () => {
    const { cookie, organisationId } = await adminOf();
    const before = await lastAuditId();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { cookie },
      payload: { name: 'Zonder site', workDomain: 'groen', siteId: crypto.randomUUID() },
    });
    expect(res.statusCode).toBe(400);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows.filter((r) => r.organisationId === organisationId)).toEqual([]);
  });
});

describe('logins', () => {
  it('records login, logout, a failed login, a deactivated account and an unknown account', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const gone = await buildUser(db, { role: 'coach', organisationId: u.organisationId, deactivated: true });
    const before = await lastAuditId();
    const wrong = remember('helemaal-verkeerd-wachtwoord');
    const attempt = (identifier: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password } });

    expect((await attempt(u.loginName, wrong)).statusCode).toBe(401);
    expect((await attempt(gone.loginName, gone.password)).statusCode).toBe(401);
    expect((await attempt('niemand@example.org', wrong)).statusCode).toBe(401);
    const cookie = rememberCookie(await login(t.app, u));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      200,
    );

    // Without ORDER BY, PostgreSQL returns heap order, which differs from id order once pooled connections interleave.
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    const summary = rows.map((r) => ({
      action: r.action,
      organisationId: r.organisationId,
      actorId: r.actorId,
      targetId: r.targetId,
    }));
    expect(summary).toEqual([
      { action: 'auth.login_failed', organisationId: u.organisationId, actorId: u.id, targetId: u.id },
      {
        action: 'auth.login_refused_deactivated',
        organisationId: u.organisationId,
        actorId: gone.id,
        targetId: gone.id,
      },
      { action: 'auth.login_failed', organisationId: null, actorId: null, targetId: null },
      { action: 'auth.login', organisationId: u.organisationId, actorId: u.id, targetId: u.id },
      { action: 'auth.logout', organisationId: u.organisationId, actorId: u.id, targetId: u.id },
    ]);
    expect(rows.every((r) => r.ip === '127.0.0.1')).toBe(true);
  });
});

describe('GET /api/v1/audit filters', () => {
  async function list(cookie: string, query: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { action: string; actorId: string; at: string; targetType: string; targetName: string | null }[];
      total: number;
    };
  }

  it('filters by action prefix, exact action, actor and target type', async () => {
    const { cookie, admin, organisationId } = await adminOf();
    const other = await adminOf(organisationId);
    const create = (c: string, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: c }, payload });
    await create(cookie, {
      name: 'A',
      email: `${crypto.randomUUID()}@example.org`,
      role: 'coach',
      password: newPassword(),
    });
    await create(other.cookie, {
      name: 'B',
      email: `${crypto.randomUUID()}@example.org`,
      role: 'trainer',
      password: newPassword(),
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/sites', headers: { cookie }, payload: { name: 'Leuven' } });

    const users = await list(cookie, 'action=user.');
    expect(users.items.map((i) => i.action)).toEqual(['user.created', 'user.created']);
    expect(users.total).toBe(2);

    const exact = await list(cookie, 'action=site.created');
    expect(exact.items.map((i) => i.action)).toEqual(['site.created']);
    // A name without the dot is not a prefix: "site" matches no action exactly.
    expect((await list(cookie, 'action=site')).items).toEqual([]);

    const mine = await list(cookie, `actorId=${admin.id}`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.actorId))).toEqual(new Set([admin.id]));
    expect(mine.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['auth.login', 'user.created', 'site.created']),
    );
    const theirs = await list(cookie, `actorId=${other.admin.id}&action=user.`);
    expect(theirs.items).toHaveLength(1);

    const bySite = await list(cookie, 'targetType=site');
    expect(bySite.items.map((i) => i.action)).toEqual(['site.created']);
  });

  it('filters by day with from and to, both inclusive', async () => {
    const { cookie, organisationId } = await adminOf();
    const at = (iso: string, action: string) => ({ organisationId, action, at: new Date(iso) });
    await db
      .insert(auditLog)
      .values([
        at('2020-01-01T23:59:59Z', 'old.one'),
        at('2020-01-02T00:00:00Z', 'old.two'),
        at('2020-01-03T23:59:59Z', 'old.three'),
        at('2020-01-04T00:00:00Z', 'old.four'),
      ]);
    const range = await list(cookie, 'from=2020-01-02&to=2020-01-03');
    expect(range.items.map((i) => i.action)).toEqual(['old.three', 'old.two']);
    const upTo = await list(cookie, 'to=2020-01-01');
    expect(upTo.items.map((i) => i.action)).toEqual(['old.one']);
    const since = await list(cookie, 'from=2020-01-04&action=old.');
    expect(since.items.map((i) => i.action)).toEqual(['old.four']);
  });

  it('pages with limit and offset and reports the total', async () => {
    const { cookie, organisationId } = await adminOf();
    await db
      .insert(auditLog)
      .values(
        ['p.1', 'p.2', 'p.3'].map((action) => ({ organisationId, action, at: new Date('2021-05-05T10:00:00Z') })),
      );
    const page = await list(cookie, 'action=p.&limit=2&offset=1');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.action)).toEqual(['p.2', 'p.1']);
  });

  it('names what each line is about as it is now, and nothing for what is gone or has no name', async () => {
    const { cookie, organisationId, admin } = await adminOf();
    const team = await buildTeam(db, { organisationId, name: 'Groen Gent' });
    const participant = await buildParticipant(db, { organisationId, firstName: 'Nora', lastName: 'Peeters' });
    const skill = await buildSkill(db, { organisationId, teamId: team.id, name: 'Heftruck rijden' });
    const referrer = await buildReferrer(db, { organisationId, name: 'VDAB Gent' });
    const line = (targetType: string, targetId: string) => ({
      organisationId,
      action: 'named.test',
      targetType,
      targetId,
    });
    await db
      .insert(auditLog)
      .values([
        line('team', team.id),
        line('participant', participant.id),
        line('user', admin.id),
        line('site', team.siteId),
        line('organisation', organisationId),
        line('skill', skill.id),
        line('referrer', referrer.id),
        line('team', crypto.randomUUID()),
        line('observation', crypto.randomUUID()),
      ]);
    const named = await list(cookie, 'action=named.test');
    const names = named.items.map((i) => [i.targetType, i.targetName]);
    const [organisation] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    expect(names.reverse()).toEqual([
      ['team', 'Groen Gent'],
      ['participant', 'Nora Peeters'],
      ['user', admin.name],
      ['site', expect.stringMatching(/^Vestiging /)],
      ['organisation', organisation?.name],
      ['skill', 'Heftruck rijden'],
      ['referrer', 'VDAB Gent'],
      ['team', null],
      ['observation', null],
    ]);
  });

  it('refuses bad filter values as field errors', async () => {
    const { cookie } = await adminOf();
    for (const query of ['from=2020-02-31', 'to=yesterday', 'limit=0', 'limit=201', 'bogus=1']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers: { cookie } });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(Object.keys(res.json().error.fields ?? {})).not.toHaveLength(0);
    }
  });

  it('reading the outbox is itself recorded', async () => {
    const { cookie, admin, organisationId } = await adminOf();
    const before = await lastAuditId();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie } })).statusCode).toBe(200);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows).toContainEqual(expect.objectContaining({ action: 'outbox.read', actorId: admin.id, organisationId }));
  });

  it('says of each mail whether it was sent, kept (no SMTP) or refused, newest first', async () => {
    const { cookie, organisationId } = await adminOf();
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, minutes));
    const mail = { organisationId, to: 'mentor@example.org', body: 'Open de link' };
    await db.insert(mailOutbox).values([
      { ...mail, subject: 'kept', createdAt: at(1) },
      { ...mail, subject: 'sent', createdAt: at(2), deliveredAt: at(2) },
      { ...mail, subject: 'refused', createdAt: at(3), failedAt: at(3) },
    ]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const items: { subject: string; delivery: string }[] = res.json().items;
    expect(items.map((m) => [m.subject, m.delivery])).toEqual([
      ['refused', 'failed'],
      ['sent', 'sent'],
      ['kept', 'not_sent'],
    ]);
  });
});

describe('no secrets in the audit log', () => {
  it('holds none of the passwords, reset tokens or cookie values used in this file', async () => {
    // Runs last in the file: by now every write route, login and reset above has left its rows.
    const everything = JSON.stringify(await db.select().from(auditLog));
    expect(everything.length).toBeGreaterThan(1000);
    expect(secrets.size).toBeGreaterThan(10);
    for (const secret of secrets) expect(everything, 'a secret in the audit log').not.toContain(secret);
  });
});

/** Observations, self-assessments and mentor links: each write leaves its row (a mentor's without an actor id). */
function observationWriteCases(): Record<string, WriteCase> {
  const place = async () => {
    const w = await workplace(t);
    rememberCookie(w.supervisor.cookie);
    rememberCookie(w.coach.cookie);
    return w;
  };
  const created = (w: Awaited<ReturnType<typeof workplace>>, actorId: string) => (res: LightMyRequestResponse) => ({
    action: 'observation.created',
    actorId,
    organisationId: w.orgId,
    targetType: 'observation',
    targetId: res.json().id,
  });
  return {
    'POST /api/v1/observations': {
      prepare: async () => {
        const w = await place();
        return {
          request: {
            method: 'POST',
            url: '/api/v1/observations',
            headers: { cookie: w.supervisor.cookie },
            payload: observationBody(w),
          },
          expected: created(w, w.supervisor.user.id),
        };
      },
    },
    'DELETE /api/v1/observations/:id': {
      prepare: async () => {
        const w = await place();
        const made = await t.app.inject({
          method: 'POST',
          url: '/api/v1/observations',
          headers: { cookie: w.supervisor.cookie },
          payload: observationBody(w),
        });
        expect(made.statusCode, made.body).toBe(201);
        const id = made.json().id as string;
        return {
          request: { method: 'DELETE', url: `/api/v1/observations/${id}`, headers: { cookie: w.supervisor.cookie } },
          expected: () => ({
            action: 'observation.deleted',
            actorId: w.supervisor.user.id,
            organisationId: w.orgId,
            targetType: 'observation',
            targetId: id,
          }),
        };
      },
    },
    'POST /api/v1/me/self-assessments': {
      prepare: async () => {
        const w = await place();
        const me = await loggedIn(t.app, db, 'participant', w.orgId);
        rememberCookie(me.cookie);
        await buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id, userId: me.user.id });
        const { participantId: _, context: __, ...body } = observationBody(w);
        return {
          request: {
            method: 'POST',
            url: '/api/v1/me/self-assessments',
            headers: { cookie: me.cookie },
            payload: body,
          },
          expected: created(w, me.user.id),
        };
      },
    },
    'POST /api/v1/participants/:id/mentor-invitations': {
      prepare: async () => {
        const w = await place();
        return {
          request: {
            method: 'POST',
            url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
            headers: { cookie: w.coach.cookie },
            payload: {
              mentorName: 'Mentor Audit',
              mentorEmail: `mentor.${crypto.randomUUID()}@stage.example.org`,
              validFrom: todayIso(),
              validUntil: todayIso(),
            },
          },
          expected: () => ({
            action: 'mentor.invited',
            actorId: w.coach.user.id,
            organisationId: w.orgId,
            targetType: 'participant',
            targetId: w.participant.id,
          }),
        };
      },
    },
    'POST /api/v1/mentor-invitations/:id/revoke': {
      prepare: async () => {
        const w = await place();
        const link = await mentorLinkOf(t.app, db, w.coach.cookie, w.participant.id);
        remember(link.token);
        return {
          request: {
            method: 'POST',
            url: `/api/v1/mentor-invitations/${link.invitationId}/revoke`,
            headers: { cookie: w.coach.cookie },
          },
          expected: () => ({
            action: 'mentor.revoked',
            actorId: w.coach.user.id,
            organisationId: w.orgId,
            targetType: 'participant',
            targetId: w.participant.id,
          }),
        };
      },
    },
    'POST /api/v1/mentor-invitations/:id/resend': {
      prepare: async () => {
        const w = await place();
        const link = await mentorLinkOf(t.app, db, w.coach.cookie, w.participant.id);
        remember(link.token);
        return {
          request: {
            method: 'POST',
            url: `/api/v1/mentor-invitations/${link.invitationId}/resend`,
            headers: { cookie: w.coach.cookie },
          },
          expected: (res) => {
            // The fresh link is in this one answer: it must not be in the audit log either.
            remember(new URL(res.json().link).pathname.split('/').pop() ?? '');
            return {
              action: 'mentor.resent',
              actorId: w.coach.user.id,
              organisationId: w.orgId,
              targetType: 'participant',
              targetId: w.participant.id,
            };
          },
        };
      },
    },
    'POST /api/v1/mentor-links/:token/observations': {
      prepare: async () => {
        const w = await place();
        const link = await mentorLinkOf(t.app, db, w.coach.cookie, w.participant.id);
        remember(link.token);
        const { participantId: _, context: __, ...body } = observationBody(w, { observedOn: todayIso() });
        return {
          request: { method: 'POST', url: `/api/v1/mentor-links/${link.token}/observations`, payload: body },
          expected: () => ({
            action: 'mentor_link.observation_created',
            actorId: null,
            organisationId: w.orgId,
            targetType: 'participant',
            targetId: w.participant.id,
          }),
        };
      },
    },
  };
}

/** The pathway map (server/modules/pathways), each by the organisation's admin on a fresh team and package. */
function pathwayWriteCases(): Record<string, WriteCase> {
  const packageOfNewTeam = async (archived = false) => {
    const { admin, cookie, organisationId } = await adminOf();
    const team = await buildTeam(db, { organisationId });
    const pkg = await buildWorkPackage(db, { organisationId, teamId: team.id, archived });
    return { admin, cookie, organisationId, team, pkg };
  };
  const onPackage =
    (suffix: string, action: string, archived = false): WriteCase['prepare'] =>
    async () => {
      const s = await packageOfNewTeam(archived);
      return {
        request: { method: 'POST', url: `/api/v1/work-packages/${s.pkg.id}${suffix}`, headers: { cookie: s.cookie } },
        expected: () => ({
          action,
          actorId: s.admin.id,
          organisationId: s.organisationId,
          targetType: 'work_package',
          targetId: s.pkg.id,
        }),
      };
    };
  return {
    'POST /api/v1/work-packages': {
      prepare: async () => {
        const s = await packageOfNewTeam();
        return {
          request: {
            method: 'POST',
            url: '/api/v1/work-packages',
            headers: { cookie: s.cookie },
            payload: { teamId: s.team.id, name: 'Groen basis', step: 1, workMode: 'uitvoerend' },
          },
          expected: (res) => ({
            action: 'work_package.created',
            actorId: s.admin.id,
            organisationId: s.organisationId,
            targetType: 'work_package',
            targetId: res.json().id,
          }),
        };
      },
    },
    'PUT /api/v1/work-packages/:id': {
      prepare: async () => {
        const s = await packageOfNewTeam();
        return {
          request: {
            method: 'PUT',
            url: `/api/v1/work-packages/${s.pkg.id}`,
            headers: { cookie: s.cookie },
            payload: { teamId: s.team.id, name: 'Groen zelfstandig', step: 2, workMode: 'inzichtelijk' },
          },
          expected: () => ({
            action: 'work_package.updated',
            actorId: s.admin.id,
            organisationId: s.organisationId,
            targetType: 'work_package',
            targetId: s.pkg.id,
          }),
        };
      },
    },
    'POST /api/v1/work-packages/:id/archive': { prepare: onPackage('/archive', 'work_package.archived') },
    'POST /api/v1/work-packages/:id/unarchive': { prepare: onPackage('/unarchive', 'work_package.unarchived', true) },
    'POST /api/v1/participants/:id/placements': {
      prepare: async () => {
        const s = await packageOfNewTeam();
        const p = await buildParticipant(db, { organisationId: s.organisationId, teamId: s.team.id });
        return {
          request: {
            method: 'POST',
            url: `/api/v1/participants/${p.id}/placements`,
            headers: { cookie: s.cookie },
            payload: { packageId: s.pkg.id, fromDate: '2024-03-01' },
          },
          expected: () => ({
            action: 'participant.placed',
            actorId: s.admin.id,
            organisationId: s.organisationId,
            targetType: 'participant',
            targetId: p.id,
          }),
        };
      },
    },
  };
}

/**
 * POP follow-up (server/modules/development-plans: followup.ts, settings.ts, esco.ts): on a fresh dossier with an
 * agreed POP (stored straight in the database), by its coach, its own participant or the admin.
 */
function popFollowUpWriteCases(): Record<string, WriteCase> {
  const GOAL = '44444444-4444-4444-8444-444444444444';
  const ACTION = '55555555-5555-4555-8555-555555555555';
  const agreedPop = async () => {
    const organisationId = (await buildOrganisation(db)).id;
    const coach = await loggedIn(t.app, db, 'coach', organisationId);
    const own = await loggedIn(t.app, db, 'participant', organisationId);
    const p = await buildParticipant(db, { organisationId, coachId: coach.user.id, userId: own.user.id });
    const content = {
      goals: [{ key: GOAL, what: 'Alleen maaien', dueDate: '2030-01-01' }],
      actions: [{ key: ACTION, what: 'Checklist invullen', owner: 'participant', dueDate: '2030-01-01' }],
    };
    await db.execute(sql`insert into development_plan_versions
      (organisation_id, participant_id, number, status, content, evidence, agreed_at)
      values (${organisationId}, ${p.id}, 1, 'agreed', ${JSON.stringify(content)}::jsonb,
        ${JSON.stringify({ competencies: [], skills: [], asOf: new Date().toISOString() })}::jsonb, now())`);
    return {
      organisationId,
      participantId: p.id,
      coach: { id: coach.user.id, cookie: rememberCookie(coach.cookie) },
      self: { id: own.user.id, cookie: rememberCookie(own.cookie) },
      url: (suffix: string) => `/api/v1/participants/${p.id}/pop${suffix}`,
    };
  };
  const onDossier =
    (
      method: 'PUT' | 'POST' | 'DELETE',
      path: (s: Awaited<ReturnType<typeof agreedPop>>) => Promise<string>,
      action: string,
      as: 'coach' | 'self',
      payload?: object,
    ): WriteCase['prepare'] =>
    async () => {
      const s = await agreedPop();
      return {
        request: { method, url: s.url(await path(s)), headers: { cookie: s[as].cookie }, payload },
        expected: () => ({
          action,
          actorId: s[as].id,
          organisationId: s.organisationId,
          targetType: 'participant',
          targetId: s.participantId,
        }),
      };
    };
  const proposalOf = async (s: Awaited<ReturnType<typeof agreedPop>>) => {
    const rows = await db.execute(sql`insert into development_plan_proposals
      (organisation_id, participant_id, kind, payload, created_by)
      values (${s.organisationId}, ${s.participantId}, 'text',
        ${JSON.stringify({ section: 'dreams', text: 'Hovenier worden' })}::jsonb, ${s.self.id}) returning id`);
    return (rows as unknown as { rows: { id: string }[] }).rows[0]?.id as string;
  };
  const presentationOf = async (s: Awaited<ReturnType<typeof agreedPop>>) => {
    const rows = await db.execute(sql`insert into development_plan_presentations
      (organisation_id, participant_id, version_number, presented_on, occasion)
      values (${s.organisationId}, ${s.participantId}, 1, '2024-03-01', 'team_meeting') returning id`);
    return (rows as unknown as { rows: { id: string }[] }).rows[0]?.id as string;
  };
  const onOrganisation =
    (url: string, action: string, request: Partial<InjectOptions>): WriteCase['prepare'] =>
    async () => {
      const { admin, cookie, organisationId } = await adminOf();
      return {
        request: { method: 'PUT', url, ...request, headers: { ...request.headers, cookie } } as InjectOptions,
        expected: () => ({
          action,
          actorId: admin.id,
          organisationId,
          targetType: 'organisation',
          targetId: organisationId,
        }),
      };
    };
  return {
    'PUT /api/v1/participants/:id/pop/actions/:key': {
      prepare: onDossier('PUT', async () => `/actions/${ACTION}`, 'pop.action_status', 'self', { status: 'done' }),
    },
    'POST /api/v1/participants/:id/pop/goals/:key/notes': {
      prepare: onDossier('POST', async () => `/goals/${GOAL}/notes`, 'pop.goal_note', 'coach', { text: 'Goed bezig.' }),
    },
    'POST /api/v1/participants/:id/pop/proposals': {
      prepare: onDossier('POST', async () => '/proposals', 'pop.proposal_created', 'self', {
        kind: 'text',
        section: 'dreams',
        text: 'Later hovenier worden.',
      }),
    },
    'POST /api/v1/participants/:id/pop/proposals/:proposalId/resolve': {
      prepare: onDossier(
        'POST',
        async (s) => `/proposals/${await proposalOf(s)}/resolve`,
        'pop.proposal_resolved',
        'coach',
        { decision: 'accept' },
      ),
    },
    'POST /api/v1/participants/:id/pop/presentations': {
      prepare: onDossier('POST', async () => '/presentations', 'pop.presentation_added', 'coach', {
        presentedOn: '2024-03-01',
        occasion: 'closing_event',
      }),
    },
    'DELETE /api/v1/participants/:id/pop/presentations/:presentationId': {
      prepare: onDossier(
        'DELETE',
        async (s) => `/presentations/${await presentationOf(s)}`,
        'pop.presentation_removed',
        'coach',
      ),
    },
    'PUT /api/v1/pop-settings': {
      prepare: onOrganisation('/api/v1/pop-settings', 'pop.settings.update', {
        payload: { regime: 'yearly', daysBeforeEvaluation: 10 },
      }),
    },
    'POST /api/v1/esco/occupations/import': {
      prepare: onOrganisation('/api/v1/esco/occupations/import', 'esco.import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        payload: 'conceptUri,preferredLabel,altLabels\nhttp://example.org/esco/1,kok,"chef-kok\nkeukenchef"\n',
      }),
    },
  };
}

/** POP core (server/modules/development-plans/versions.ts): drafts, saves, confirmations. */
function popCoreWriteCases(): Record<string, WriteCase> {
  const dossier = async (withDraft: boolean) => {
    const organisationId = (await buildOrganisation(db)).id;
    const coach = await loggedIn(t.app, db, 'coach', organisationId);
    const p = await buildParticipant(db, { organisationId, coachId: coach.user.id });
    if (withDraft) await buildDraft(db, { organisationId, participantId: p.id });
    return { organisationId, participantId: p.id, coach: { id: coach.user.id, cookie: rememberCookie(coach.cookie) } };
  };
  const write =
    (
      method: 'POST' | 'PUT' | 'DELETE',
      suffix: string,
      action: string,
      withDraft: boolean,
      payload?: object,
    ): WriteCase['prepare'] =>
    async () => {
      const s = await dossier(withDraft);
      return {
        request: {
          method,
          url: `/api/v1/participants/${s.participantId}/pop${suffix}`,
          headers: { cookie: s.coach.cookie },
          payload,
        },
        expected: () => ({
          action,
          actorId: s.coach.id,
          organisationId: s.organisationId,
          targetType: 'participant',
          targetId: s.participantId,
        }),
      };
    };
  return {
    'POST /api/v1/participants/:id/pop/versions': { prepare: write('POST', '/versions', 'pop.draft_started', false) },
    'PUT /api/v1/participants/:id/pop/versions/:number': {
      prepare: write('PUT', '/versions/1', 'pop.draft_saved', true, { revision: 0, content: { summary: 'Ik.' } }),
    },
    'DELETE /api/v1/participants/:id/pop/versions/:number': {
      prepare: write('DELETE', '/versions/1', 'pop.draft_discarded', true),
    },
    'POST /api/v1/participants/:id/pop/versions/:number/agree': {
      prepare: write('POST', '/versions/1/agree', 'pop.confirmed', true, { revision: 0 }),
    },
  };
}

/**
 * PAP and access to the sensitive compartment (server/modules/action-plans, server/modules/sensitive): on a fresh
 * dossier by its coach, except break-the-glass, which is for a coach of another caseload.
 */
function sensitiveWriteCases(): Record<string, WriteCase> {
  const dossier = async () => {
    const { organisationId } = await adminOf();
    const coach = await loggedIn(t.app, db, 'coach', organisationId);
    const p = await buildParticipant(db, { organisationId, coachId: coach.user.id });
    return { organisationId, coach: { id: coach.user.id, cookie: rememberCookie(coach.cookie) }, participantId: p.id };
  };
  const write =
    (
      method: 'POST' | 'PUT',
      suffix: (s: Awaited<ReturnType<typeof dossier>>) => Promise<string>,
      action: string,
      payload: (s: Awaited<ReturnType<typeof dossier>>) => Promise<object | undefined>,
    ): WriteCase['prepare'] =>
    async () => {
      const s = await dossier();
      const body = await payload(s);
      return {
        request: {
          method,
          url: `/api/v1/participants/${s.participantId}${await suffix(s)}`,
          headers: { cookie: s.coach.cookie },
          ...(body ? { payload: body } : {}),
        },
        expected: () => ({
          action,
          actorId: s.coach.id,
          organisationId: s.organisationId,
          targetType: 'participant',
          targetId: s.participantId,
        }),
      };
    };
  const reason = 'Vervangt de coach tijdens het verlof';
  const grantOf = async (s: Awaited<ReturnType<typeof dossier>>) => {
    const grantee = await buildUser(db, { organisationId: s.organisationId, role: 'coach' });
    return buildGrant(db, { organisationId: s.organisationId, participantId: s.participantId, userId: grantee.id });
  };
  return {
    'POST /api/v1/participants/:id/sensitive/break-glass': {
      prepare: async () => {
        const s = await dossier();
        const other = await loggedIn(t.app, db, 'coach', s.organisationId);
        return {
          request: {
            method: 'POST',
            url: `/api/v1/participants/${s.participantId}/sensitive/break-glass`,
            headers: { cookie: rememberCookie(other.cookie) },
            payload: { reason: 'Crisis op de werkvloer, coach is onbereikbaar', hours: 1 },
          },
          expected: () => ({
            action: 'sensitive.break_glass',
            actorId: other.user.id,
            organisationId: s.organisationId,
            targetType: 'participant',
            targetId: s.participantId,
          }),
        };
      },
    },
    'POST /api/v1/participants/:id/sensitive/grants': {
      prepare: write(
        'POST',
        async () => '/sensitive/grants',
        'sensitive.granted',
        async (s) => ({
          userId: (await buildUser(db, { organisationId: s.organisationId, role: 'admin' })).id,
          reason,
          until: todayIso(),
        }),
      ),
    },
    'POST /api/v1/participants/:id/sensitive/grants/:grantId/revoke': {
      prepare: write(
        'POST',
        async (s) => `/sensitive/grants/${(await grantOf(s)).id}/revoke`,
        'sensitive.grant_revoked',
        async () => undefined,
      ),
    },
    'PUT /api/v1/participants/:id/pap/domains/:code': {
      prepare: write(
        'PUT',
        async () => '/pap/domains/justice',
        'pap.domain_saved',
        async () => ({
          status: 'attention',
          hinderingFactors: remember('Loopt een werkstraf van 80 uur'),
          revision: 0,
        }),
      ),
    },
    'POST /api/v1/participants/:id/pap/actions': {
      prepare: write(
        'POST',
        async () => '/pap/actions',
        'pap.action_added',
        async () => ({
          domainCode: 'justice',
          what: remember('Gesprek met de justitieassistent'),
          owner: 'participant',
          dueDate: '2026-10-01',
        }),
      ),
    },
    'PUT /api/v1/participants/:id/pap/actions/:actionId': {
      prepare: write(
        'PUT',
        async (s) =>
          `/pap/actions/${(await buildPapAction(db, { organisationId: s.organisationId, participantId: s.participantId })).id}`,
        'pap.action_updated',
        async () => ({
          what: remember('Gesprek met de justitieassistent gehad'),
          owner: 'coach',
          dueDate: '2026-10-01',
          status: 'done',
        }),
      ),
    },
  };
}

/**
 * Instruments (server/modules/instruments): definitions by the admin of a fresh organisation; results and attachments
 * by the coach of a fresh dossier, with text values the audit log must never hold.
 */
function instrumentWriteCases(): Record<string, WriteCase> {
  const fields = [{ key: 'score', label: 'Score', type: 'integer', min: 1, max: 5 }];
  const byAdmin =
    (method: 'POST' | 'PUT', suffix: string, action: string, withBody: boolean): WriteCase['prepare'] =>
    async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const def = await buildInstrumentDefinition(db, { organisationId });
      const create = method === 'POST' && suffix === '';
      return {
        request: {
          method,
          url: `/api/v1/instrument-definitions${create ? '' : `/${def.id}${suffix}`}`,
          headers: { cookie },
          ...(withBody ? { payload: { name: `Test ${crypto.randomUUID()}`, kind: 'custom', fields } } : {}),
        },
        expected: (res) => ({
          action,
          actorId: admin.id,
          organisationId,
          targetType: 'instrument_definition',
          targetId: create ? res.json().id : def.id,
        }),
      };
    };
  const dossier = async () => {
    const { organisationId } = await adminOf();
    const coach = await loggedIn(t.app, db, 'coach', organisationId);
    const p = await buildParticipant(db, { organisationId, coachId: coach.user.id });
    const result = await buildInstrumentResult(db, { organisationId, participantId: p.id });
    return { organisationId, coach: { id: coach.user.id, cookie: rememberCookie(coach.cookie) }, p, result };
  };
  type Dossier = Awaited<ReturnType<typeof dossier>>;
  const write =
    (
      method: 'POST' | 'PUT' | 'DELETE',
      suffix: (s: Dossier) => Promise<string>,
      action: string,
      target: (s: Dossier, res: LightMyRequestResponse) => { targetType: string; targetId: string },
      extra: (s: Dossier) => Partial<InjectOptions> = () => ({}),
    ): WriteCase['prepare'] =>
    async () => {
      const s = await dossier();
      const options = extra(s);
      return {
        request: {
          ...options,
          method,
          url: `/api/v1/participants/${s.p.id}${await suffix(s)}`,
          headers: { ...options.headers, cookie: s.coach.cookie },
        },
        expected: (res) => ({ action, actorId: s.coach.id, organisationId: s.organisationId, ...target(s, res) }),
      };
    };
  const values = () => ({ ...sampleValues(), remarks: remember(`Opmerking ${crypto.randomUUID()}`) });
  const onResult = (s: Dossier) => ({ targetType: 'instrument_result', targetId: s.result.id });
  return {
    'POST /api/v1/instrument-definitions': { prepare: byAdmin('POST', '', 'instrument_definition.created', true) },
    'PUT /api/v1/instrument-definitions/:definitionId': {
      prepare: byAdmin('PUT', '', 'instrument_definition.updated', true),
    },
    'POST /api/v1/instrument-definitions/:definitionId/archive': {
      prepare: byAdmin('POST', '/archive', 'instrument_definition.archived', false),
    },
    'POST /api/v1/participants/:id/instrument-results': {
      prepare: write(
        'POST',
        async () => '/instrument-results',
        'instrument.result_added',
        (_, res) => ({ targetType: 'instrument_result', targetId: res.json().id }),
        (s) => ({
          payload: {
            definitionId: s.result.definitionId,
            takenOn: '2024-03-04',
            values: values(),
            note: remember(`Notitie ${crypto.randomUUID()}`),
          },
        }),
      ),
    },
    'PUT /api/v1/participants/:id/instrument-results/:resultId': {
      prepare: write(
        'PUT',
        async (s) => `/instrument-results/${s.result.id}`,
        'instrument.result_updated',
        onResult,
        () => ({ payload: { takenOn: '2024-03-05', values: values() } }),
      ),
    },
    'DELETE /api/v1/participants/:id/instrument-results/:resultId': {
      prepare: write(
        'DELETE',
        async (s) => `/instrument-results/${s.result.id}`,
        'instrument.result_deleted',
        onResult,
      ),
    },
    'POST /api/v1/participants/:id/instrument-results/:resultId/attachments': {
      prepare: write(
        'POST',
        async (s) => `/instrument-results/${s.result.id}/attachments?fileName=${remember('verslag-dokter-x.pdf')}`,
        'instrument.attachment_added',
        (_, res) => ({ targetType: 'instrument_attachment', targetId: res.json().id }),
        () => ({ headers: { 'content-type': 'application/pdf' }, payload: tinyPdf() }),
      ),
    },
    'DELETE /api/v1/participants/:id/instrument-results/:resultId/attachments/:attachmentId': {
      prepare: async () => {
        const s = await dossier();
        const file = await buildAttachment(db, { organisationId: s.organisationId, resultId: s.result.id });
        return {
          request: {
            method: 'DELETE',
            url: `/api/v1/participants/${s.p.id}/instrument-results/${s.result.id}/attachments/${file.id}`,
            headers: { cookie: s.coach.cookie },
          },
          expected: () => ({
            action: 'instrument.attachment_deleted',
            actorId: s.coach.id,
            organisationId: s.organisationId,
            targetType: 'instrument_attachment',
            targetId: file.id,
          }),
        };
      },
    },
  };
}

function privacyWriteCases(): Record<string, WriteCase> {
  const reason = 'Vraag van de deelnemer per e-mail van 3 december';
  const onExited = (suffix: string, action: string, payload: (p: { firstName: string; lastName: string }) => object) =>
    (async () => {
      const { admin, cookie, organisationId } = await adminOf();
      const p = await buildParticipant(db, { organisationId, status: 'exited' });
      return {
        request: {
          method: 'POST',
          url: `/api/v1/participants/${p.id}/privacy/${suffix}`,
          headers: { cookie },
          payload: payload(p),
        },
        expected: () => ({ action, actorId: admin.id, organisationId, targetType: 'participant', targetId: p.id }),
      };
    }) satisfies WriteCase['prepare'];
  return {
    'POST /api/v1/participants/:id/privacy/export': {
      prepare: onExited('export', 'privacy.exported', () => ({ format: 'json', reason })),
    },
    'POST /api/v1/participants/:id/privacy/anonymise': {
      prepare: onExited('anonymise', 'privacy.anonymised', (p) => ({
        reason,
        confirmName: `${p.firstName} ${p.lastName}`,
      })),
    },
    'PUT /api/v1/privacy/retention': {
      prepare: async () => {
        const { admin, cookie, organisationId } = await adminOf();
        return {
          request: {
            method: 'PUT',
            url: '/api/v1/privacy/retention',
            headers: { cookie },
            payload: { monthsAfterExit: 60 },
          },
          expected: () => ({
            action: 'privacy.retention_updated',
            actorId: admin.id,
            organisationId,
            targetType: 'organisation',
            targetId: organisationId,
          }),
        };
      },
    },
    // The run records one erasure per participant it anonymises: one exited in 2024 is due after 12 months.
    'POST /api/v1/privacy/retention/run': {
      prepare: async () => {
        const { admin, cookie, organisationId } = await adminOf();
        const p = await buildParticipant(db, { organisationId, status: 'exited' });
        await db.insert(privacySettings).values({ organisationId, retentionMonthsAfterExit: 12 });
        return {
          request: { method: 'POST', url: '/api/v1/privacy/retention/run', headers: { cookie }, payload: { reason } },
          expected: () => ({
            action: 'privacy.anonymised',
            actorId: admin.id,
            organisationId,
            targetType: 'participant',
            targetId: p.id,
          }),
        };
      },
    },
  };
}
