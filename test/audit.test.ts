import { asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client';
import { auditLog, user, verification } from '../server/db/schema';
import { withTenant } from '../server/db/tenant';
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
  actorId: string;
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
      items: { action: string; actorId: string; at: string; targetType: string }[];
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
