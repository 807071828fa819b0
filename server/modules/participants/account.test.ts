import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_DAYS, formatActivationCode } from '#shared/participant-account';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { activationCodes, auditLog, participants, user } from '../../db/schema';

let t: TestApp;
let db: Db;
/** Every log line of this file's app: no code or password may show up in it. */
const logLines: string[] = [];
/** Every code and password this file sends or receives. */
const secrets = new Set<string>();
const remember = <T extends string | null>(value: T) => {
  if (value) secrets.add(value);
  return value;
};

beforeAll(async () => {
  t = await createTestApp(
    { LOG_LEVEL: 'info', LOGIN_MAX_FAILURES_PER_ACCOUNT: '4' },
    { logStream: { write: (line) => logLines.push(line) } },
  );
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

let ipSeq = 0;
/** Each test activates from its own address, so the per-IP failure budget of one test does not leak into another. */
const freshIp = () => `10.20.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

const lastAuditId = async () =>
  (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;

let usernameSeq = 0;
const newUsername = () => `deelnemer_${Date.now().toString(36)}${++usernameSeq}`;

/** A dossier in a coach's caseload. */
async function dossierOfCoach() {
  const org = await buildOrganisation(db, { name: 'Werkplaats De Sleutel' });
  const coach = await loggedIn(t.app, db, 'coach', org.id);
  const p = await buildParticipant(db, { organisationId: org.id, coachId: coach.user.id, firstName: 'Sofie' });
  return { orgId: org.id, coach, p };
}

async function createWithCode(cookie: string, participantId: string, username = newUsername()) {
  const res = await call(cookie, {
    method: 'POST',
    url: `/api/v1/participants/${participantId}/account`,
    payload: { method: 'activation_code', username },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  remember(body.activationCode);
  return { username, code: body.activationCode as string, expiresAt: body.activationExpiresAt as string };
}

const activate = (payload: { username: string; code: string; password: string }, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload, remoteAddress: ip });

const strongPassword = () => remember(`mijn-eigen-${crypto.randomUUID().slice(0, 8)}-wachtwoord`);

describe('POST /participants/:id/account with an activation code', () => {
  it('creates a participant login linked to the dossier and answers the code once; only a hash is stored', async () => {
    const { orgId, coach, p } = await dossierOfCoach();
    const before = await lastAuditId();
    const { username, code, expiresAt } = await createWithCode(coach.cookie, p.id);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(ACTIVATION_CODE_DAYS - 0.01);
    expect(days).toBeLessThanOrEqual(ACTIVATION_CODE_DAYS);

    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    const [login_] = await db
      .select()
      .from(user)
      .where(eq(user.id, row?.userId ?? ''));
    expect(login_).toMatchObject({ username, role: 'participant', organisationId: orgId, name: `Sofie ${p.lastName}` });
    const [stored] = await db
      .select()
      .from(activationCodes)
      .where(eq(activationCodes.userId, login_?.id ?? ''));
    expect(stored?.codeHash).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(code);

    const dossier = await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect(dossier.json().confidential.account).toEqual({
      username,
      active: true,
      activationPending: true,
      activationExpiresAt: expiresAt,
    });

    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'participant.account_created',
        actorId: coach.user.id,
        targetType: 'participant',
        targetId: p.id,
        details: { userId: login_?.id, method: 'activation_code' },
      }),
    );
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('the login cannot be used before activation: no password is known', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: username, password: code },
      remoteAddress: freshIp(),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /auth/activate', () => {
  it('checks username and code, sets the password, logs the participant in and uses the code up', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const password = strongPassword();
    const before = await lastAuditId();
    // Typed from paper: lower case, with the dash and spaces around.
    const res = await activate({
      username: username.toUpperCase(),
      code: ` ${formatActivationCode(code).toLowerCase()} `,
      password,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ username, role: 'participant', email: null });
    const cookie = res.cookies.find((c) => c.name === 'groeipad.session_token');
    expect(cookie).toBeDefined();

    const me = await call(`${cookie?.name}=${cookie?.value}`, { method: 'GET', url: '/api/v1/participants/me' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: p.id, view: 'summary', confidential: null });

    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual(['participant.activated', 'participant.read']);
    expect(rows[0]).toMatchObject({ targetType: 'user', actorName: `Sofie ${p.lastName}` });

    // Single use: the same code again is refused, the new password logs in.
    const again = await activate({ username, code, password: strongPassword() });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'invalid_token', fields: { code: 'invalid_code' } });
    await expect(login(t.app, { loginName: username, password })).resolves.toContain('groeipad.session_token=');

    const dossier = await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect(dossier.json().confidential.account).toMatchObject({ activationPending: false, activationExpiresAt: null });
  });

  it('gives one answer for a wrong code and an unknown username, records the failure, changes nothing', async () => {
    const { orgId, coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const wrong = code === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
    const before = await lastAuditId();
    const byCode = await activate({ username, code: wrong, password: strongPassword() });
    const byName = await activate({ username: 'bestaat_niet', code, password: strongPassword() });
    for (const res of [byCode, byName]) {
      expect(res.statusCode).toBe(400);
      expect(res.cookies).toEqual([]);
    }
    expect(byName.json()).toEqual(byCode.json());
    expect(byCode.json().error.fields).toEqual({ code: 'invalid_code' });

    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(rows.map((r) => [r.action, r.organisationId])).toEqual([
      ['participant.activation_failed', orgId],
      ['participant.activation_failed', null],
    ]);
    // The right code still works afterwards.
    expect((await activate({ username, code, password: strongPassword() })).statusCode).toBe(200);
  });

  it('refuses an expired code with the same answer', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    await db
      .update(activationCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(activationCodes.userId, row?.userId ?? ''));
    const res = await activate({ username, code, password: strongPassword() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ code: 'invalid_code' });
  });

  it('refuses a too common password before looking at the code, and keeps the code', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const weak = await activate({ username, code, password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', fields: { password: 'too_common' } });
    expect((await activate({ username, code, password: strongPassword() })).statusCode).toBe(200);
  });

  it('refuses the code of a deactivated login', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    await db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.username, username));
    const res = await activate({ username, code, password: strongPassword() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ code: 'invalid_code' });
  });

  it('is throttled like login: after too many wrong codes even the right one waits (429)', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code } = await createWithCode(coach.cookie, p.id);
    const ip = freshIp();
    const wrong = code === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
    for (let i = 0; i < 4; i++) {
      expect((await activate({ username, code: wrong, password: strongPassword() }, ip)).statusCode).toBe(400);
    }
    const blocked = await activate({ username, code, password: strongPassword() }, freshIp());
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    expect(
      await db
        .select()
        .from(activationCodes)
        .where(eq(activationCodes.userId, row?.userId ?? '')),
    ).toHaveLength(1);
  });

  it('refuses malformed input with field errors', async () => {
    const cases: [object, string][] = [
      [{ username: 'ab', code: 'ABCDEFGH', password: 'lang-genoeg-1' }, 'username'],
      [{ username: 'sofie', code: 'ABCD-EFG0', password: 'lang-genoeg-1' }, 'code'],
      [{ username: 'sofie', code: 'ILO01234', password: 'lang-genoeg-1' }, 'code'],
      [{ username: 'sofie', code: 'ABCDEFGH', password: 'kort' }, 'password'],
      [{ username: 'sofie', code: 'ABCDEFGH', password: 'lang-genoeg-1', extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/activate',
        payload,
        remoteAddress: freshIp(),
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
  });
});

describe('POST /participants/:id/account/activation-code', () => {
  it('gives a fresh code for a lost paper: the old one stops working, the new one works', async () => {
    const { coach, p } = await dossierOfCoach();
    const { username, code: oldCode } = await createWithCode(coach.cookie, p.id);
    const before = await lastAuditId();
    const res = await call(coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${p.id}/account/activation-code`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = remember(res.json().activationCode as string);
    expect(res.json().username).toBe(username);
    expect(fresh).not.toBe(oldCode);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows.map((r) => r.action)).toEqual(['participant.activation_code_issued']);

    expect((await activate({ username, code: oldCode, password: strongPassword() })).statusCode).toBe(400);
    expect((await activate({ username, code: fresh, password: strongPassword() })).statusCode).toBe(200);
  });

  it('works as a reset for a participant who forgot the password', async () => {
    const { coach, p } = await dossierOfCoach();
    const username = newUsername();
    const first = strongPassword();
    const created = await call(coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${p.id}/account`,
      payload: { method: 'password', username, password: first },
    });
    expect(created.statusCode).toBe(201);
    const { cookie: oldSession } = { cookie: await login(t.app, { loginName: username, password: first }) };
    const res = await call(coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${p.id}/account/activation-code`,
    });
    const code = remember(res.json().activationCode as string);
    const second = strongPassword();
    expect((await activate({ username, code, password: second })).statusCode).toBe(200);
    // The old password and the sessions made with it are gone.
    const oldLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: username, password: first },
      remoteAddress: freshIp(),
    });
    expect(oldLogin.statusCode).toBe(401);
    expect((await call(oldSession, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
  });

  it('answers 409 for a dossier without an account', async () => {
    const { coach, p } = await dossierOfCoach();
    const res = await call(coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${p.id}/account/activation-code`,
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('POST /participants/:id/account with a password', () => {
  it('creates a login that works at once, with no code', async () => {
    const { coach, p } = await dossierOfCoach();
    const username = newUsername();
    const password = strongPassword();
    const res = await call(coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${p.id}/account`,
      payload: { method: 'password', username, password },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ username, activationCode: null, activationExpiresAt: null });
    await expect(login(t.app, { loginName: username, password })).resolves.toContain('groeipad.session_token=');
    const dossier = await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect(dossier.json().confidential.account).toEqual({
      username,
      active: true,
      activationPending: false,
      activationExpiresAt: null,
    });
  });

  it('refuses a too common password, a taken username (here or in another organisation) and a second account; writes nothing', async () => {
    const { orgId, coach, p } = await dossierOfCoach();
    const colleague = await buildUser(db, { organisationId: orgId, role: 'participant' });
    const elsewhere = await buildUser(db, { role: 'participant' });
    const url = `/api/v1/participants/${p.id}/account`;
    const usersBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(user))[0]?.n;

    const weak = await call(coach.cookie, {
      method: 'POST',
      url,
      payload: { method: 'password', username: newUsername(), password: 'password123' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ password: 'too_common' });
    for (const taken of [colleague.username, elsewhere.username]) {
      const res = await call(coach.cookie, {
        method: 'POST',
        url,
        payload: { method: 'activation_code', username: taken },
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.fields).toEqual({ username: 'already_in_use' });
    }
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(user))[0]?.n).toBe(usersBefore);
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    expect(row?.userId).toBeNull();

    await createWithCode(coach.cookie, p.id);
    const second = await call(coach.cookie, {
      method: 'POST',
      url,
      payload: { method: 'activation_code', username: newUsername() },
    });
    expect(second.statusCode).toBe(409);
  });
});

describe('who may create accounts', () => {
  it('the admin and the coaches of the dossier; another coach 404, supervisor and manager 403; never on an archived dossier', async () => {
    const { orgId, p } = await dossierOfCoach();
    const url = `/api/v1/participants/${p.id}/account`;
    const payload = () => ({ method: 'activation_code', username: newUsername() });
    const other = await loggedIn(t.app, db, 'coach', orgId);
    expect((await call(other.cookie, { method: 'POST', url, payload: payload() })).statusCode).toBe(404);
    for (const role of ['supervisor', 'manager', 'trainer', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, orgId);
      expect((await call(cookie, { method: 'POST', url, payload: payload() })).statusCode).toBe(403);
    }
    const foreign = await loggedIn(t.app, db, 'admin');
    expect((await call(foreign.cookie, { method: 'POST', url, payload: payload() })).statusCode).toBe(404);
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    expect((await call(admin.cookie, { method: 'POST', url, payload: payload() })).statusCode).toBe(201);

    const archived = await buildParticipant(db, { organisationId: orgId, status: 'exited', archived: true });
    const refused = await call(admin.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${archived.id}/account`,
      payload: payload(),
    });
    expect(refused.statusCode).toBe(409);
    const [row] = await db.select().from(participants).where(eq(participants.id, archived.id));
    expect(row?.userId).toBeNull();
  });
});

describe('GET /participants/me', () => {
  it('gives the participant their own dossier as the summary, audited as a read; 404 without one; staff 403', async () => {
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id, name: 'Groen' });
    const { user: me, cookie } = await loggedIn(t.app, db, 'participant', org.id);
    const p = await buildParticipant(db, { organisationId: org.id, teamId: team.id, userId: me.id, status: 'paused' });
    const before = await lastAuditId();
    const res = await call(cookie, { method: 'GET', url: '/api/v1/participants/me' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: p.id,
      status: 'paused',
      team: { name: 'Groen' },
      view: 'summary',
      confidential: null,
    });
    expect(res.json().timeline.every((e: { note: string | null }) => e.note === null)).toBe(true);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.actorId, me.id)));
    expect(rows).toContainEqual(
      expect.objectContaining({ action: 'participant.read', targetType: 'participant', targetId: p.id }),
    );

    const lonely = await loggedIn(t.app, db, 'participant', org.id);
    expect((await call(lonely.cookie, { method: 'GET', url: '/api/v1/participants/me' })).statusCode).toBe(404);
    const coach = await loggedIn(t.app, db, 'coach', org.id);
    expect((await call(coach.cookie, { method: 'GET', url: '/api/v1/participants/me' })).statusCode).toBe(403);
  });
});

describe('secrets', () => {
  it('no activation code or password of this file is in the log or the audit log', async () => {
    expect(secrets.size).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(0);
    const audit = JSON.stringify(await db.select().from(auditLog));
    const log = logLines.join('\n');
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
  });
});
