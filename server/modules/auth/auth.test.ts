import { count, eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildUser, loggedIn, login } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { mailOutbox, session } from '../../db/schema';

let t: TestApp;
let db: Db;

// Every test logs in from its own address, so the per-IP budget of one test never spills into another.
let ipCounter = 0;
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

const COOKIE = 'groeipad.session_token';

function call(app: TestApp['app'], options: InjectOptions & { cookie?: string; ip?: string }) {
  const { cookie, ip, headers, ...rest } = options;
  return app.inject({
    ...rest,
    remoteAddress: ip ?? '127.0.0.1',
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
}

const attempt = (identifier: string, password: string, ip: string, cookie?: string, app = t.app) =>
  call(app, { method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password }, ip, cookie });

const sessionOf = (cookie: string, app = t.app) => call(app, { method: 'GET', url: '/api/v1/auth/session', cookie });

function cookieFrom(res: { cookies: { name: string; value: string }[] }, name = COOKIE): string {
  const c = res.cookies.find((k) => k.name === name);
  if (!c) throw new Error(`no ${name} cookie in the response`);
  return `${c.name}=${c.value}`;
}

/** The token part of the session cookie, as stored in the session table. */
const tokenOf = (cookie: string) => decodeURIComponent(cookie.split('=').slice(1).join('=')).split('.')[0] as string;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

describe('login', () => {
  it('lets staff log in by e-mail, in any letter case', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const res = await attempt(u.email.toUpperCase(), u.password, freshIp());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, role: 'coach', email: u.email });
    const me = await sessionOf(cookieFrom(res));
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(u.id);
  });

  it('lets a participant log in by username, and shows no e-mail address', async () => {
    const u = await buildUser(db, { role: 'participant', username: 'jonas.peeters' });
    const res = await attempt('Jonas.Peeters', u.password, freshIp());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, role: 'participant', username: 'jonas.peeters', email: null });
    expect((await sessionOf(cookieFrom(res))).json().user.email).toBeNull();
  });

  it('answers a wrong password and an unknown account alike: 401 invalid_credentials, no cookie', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const wrong = await attempt(u.email, 'niet-het-juiste-wachtwoord', freshIp());
    const unknown = await attempt('niemand@example.org', 'niet-het-juiste-wachtwoord', freshIp());
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
      expect(res.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, not Secure outside production', async () => {
    const u = await buildUser(db, { role: 'manager' });
    const res = await attempt(u.email, u.password, freshIp());
    const c = res.cookies.find((k) => k.name === COOKIE);
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c?.secure).toBeFalsy();
  });

  it('sets the cookie Secure (with the __Secure- prefix) when NODE_ENV=production', async () => {
    const prod = await createTestApp(
      { NODE_ENV: 'production', AUTH_SECRET: 'production-secret-production-secret-42' },
      { database: t.database },
    );
    try {
      const u = await buildUser(db, { role: 'coach' });
      const res = await attempt(u.email, u.password, freshIp(), undefined, prod.app);
      expect(res.statusCode, res.body).toBe(200);
      const c = res.cookies.find((k) => k.name === `__Secure-${COOKIE}`);
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
      expect((await sessionOf(cookieFrom(res, `__Secure-${COOKIE}`), prod.app)).statusCode).toBe(200);
    } finally {
      await prod.close();
    }
  });
});

describe('sessions', () => {
  it('rotates on login: a new token, and the cookie sent along with the login stops working', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const first = await login(t.app, u);
    const again = await attempt(u.email, u.password, freshIp(), first);
    expect(again.statusCode).toBe(200);
    const second = cookieFrom(again);
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    expect((await sessionOf(first)).statusCode).toBe(401);
    expect((await sessionOf(second)).statusCode).toBe(200);
  });

  it('keeps a session on another device when logging in without a cookie', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const phone = await login(t.app, u);
    const laptop = await login(t.app, u);
    expect((await sessionOf(phone)).statusCode).toBe(200);
    expect((await sessionOf(laptop)).statusCode).toBe(200);
  });

  it('ends after inactivity: a session past its expiry is refused', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const cookie = await login(t.app, u);
    await db
      .update(session)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(session.token, tokenOf(cookie)));
    const res = await sessionOf(cookie);
    expect(res.statusCode).toBe(401);
  });

  it('slides forward while in use: an active session gets a later expiry', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const cookie = await login(t.app, u);
    // As if the session was last refreshed 50 minutes ago: 10 minutes of the 60-minute idle window left.
    const soon = new Date(Date.now() + 10 * 60_000);
    await db
      .update(session)
      .set({ expiresAt: soon })
      .where(eq(session.token, tokenOf(cookie)));
    expect((await sessionOf(cookie)).statusCode).toBe(200);
    const [row] = await db
      .select()
      .from(session)
      .where(eq(session.token, tokenOf(cookie)));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 30 * 60_000);
  });

  it('ends after the absolute lifetime (12 h) even while in use: 401 session_expired', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const young = await login(t.app, u);
    const old = await login(t.app, u);
    await db
      .update(session)
      .set({ createdAt: sql`now() - interval '11 hours'` })
      .where(eq(session.token, tokenOf(young)));
    await db
      .update(session)
      .set({ createdAt: sql`now() - interval '13 hours'` })
      .where(eq(session.token, tokenOf(old)));
    expect((await sessionOf(young)).statusCode).toBe(200);
    const res = await sessionOf(old);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    // It is gone for good, not only refused once.
    expect(
      await db
        .select()
        .from(session)
        .where(eq(session.token, tokenOf(old))),
    ).toEqual([]);
  });

  it('logout ends the session and clears the cookie', async () => {
    const { cookie } = await loggedIn(t.app, db, 'supervisor');
    const res = await call(t.app, { method: 'POST', url: '/api/v1/auth/logout', cookie });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === COOKIE);
    expect(cleared?.value ?? '').toBe('');
    expect((await sessionOf(cookie)).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  it('refuses the 6th attempt on one account within the window with 429 and Retry-After, right password or not', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await attempt(u.email, `fout-wachtwoord-${i}`, ip)).statusCode).toBe(401);
    const sixth = await attempt(u.email, u.password, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('too_many_attempts');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    // Per account: another address does not help, and the letter case does not either.
    expect((await attempt(u.email.toUpperCase(), u.password, freshIp())).statusCode).toBe(429);
    // Another account from the same address is not blocked by this one.
    const other = await buildUser(db, { role: 'coach' });
    expect((await attempt(other.email, other.password, ip)).statusCode).toBe(200);
  });

  it('forgets an account’s failures after a successful login', async () => {
    const u = await buildUser(db, { role: 'coach' });
    const ip = freshIp();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await attempt(u.email, 'fout-wachtwoord', ip)).statusCode).toBe(401);
      expect((await attempt(u.email, u.password, ip)).statusCode).toBe(200);
    }
  });

  it('refuses an address after too many failures on different accounts (LOGIN_MAX_FAILURES_PER_IP)', async () => {
    const strict = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3' }, { database: t.database });
    try {
      const ip = freshIp();
      for (let i = 0; i < 3; i++) {
        const u = await buildUser(db, { role: 'coach' });
        expect((await attempt(u.email, 'fout-wachtwoord', ip, undefined, strict.app)).statusCode).toBe(401);
      }
      const fresh = await buildUser(db, { role: 'coach' });
      const blocked = await attempt(fresh.email, fresh.password, ip, undefined, strict.app);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      expect((await attempt(fresh.email, fresh.password, freshIp(), undefined, strict.app)).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('password rules (NIST 800-63B)', () => {
  async function setPassword(password: string) {
    const org = await buildOrganisation(db);
    const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
    const target = await buildUser(db, { organisationId: org.id, role: 'coach' });
    const res = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/users/${target.id}/password`,
      cookie,
      payload: { password },
    });
    return { res, target };
  }

  it('refuses 7 characters as a field error', async () => {
    const { res } = await setPassword('kort-77');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed' });
    expect(res.json().error.fields).toHaveProperty('password');
  });

  it('refuses 129 characters as a field error', async () => {
    const { res } = await setPassword('x'.repeat(129));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('password');
  });

  it.each(['password123', 'wachtwoord', 'WachtWoord', 'welkom123'])('refuses the common password %s', async (pw) => {
    const { res } = await setPassword(pw);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'weak_password', fields: { password: 'too_common' } });
  });

  it.each([
    ['8 characters', 'kort-888'],
    ['64 characters', 'lang'.repeat(16)],
    ['128 characters', 'z'.repeat(100) + '-'.repeat(28)],
    ['only lower case, no digits or symbols', 'aaaaaaaaaaaaaaaaaaaaaaaa-long-lowercase'],
    ['spaces and non-ASCII', 'één twee drie vier 🌱'],
  ])('accepts %s, and the password then logs in', async (_label, pw) => {
    const { res, target } = await setPassword(pw);
    expect(res.statusCode, res.body).toBe(200);
    expect((await attempt(target.email, pw, freshIp())).statusCode).toBe(200);
    expect((await attempt(target.email, target.password, freshIp())).statusCode).toBe(401);
  });
});

describe('forgot and reset password', () => {
  const outboxCount = async () => (await db.select({ n: count() }).from(mailOutbox))[0]?.n ?? 0;

  it('answers 200 for an unknown address and sends nothing', async () => {
    const before = await outboxCount();
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: 'onbekend@example.org' },
      ip: freshIp(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await outboxCount()).toBe(before);
  });

  it('mails a one-time link that resets the password, without the token ever reaching the log', async () => {
    const lines: string[] = [];
    const logged = await createTestApp(
      { LOG_LEVEL: 'trace' },
      { database: t.database, logStream: { write: (line) => void lines.push(line) } },
    );
    const consoleCalls: unknown[][] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void consoleCalls.push(args)),
    );
    try {
      const org = await buildOrganisation(db);
      const { cookie: adminCookie } = await loggedIn(logged.app, db, 'admin', org.id);
      const u = await buildUser(db, { organisationId: org.id, role: 'coach' });
      const earlier = await login(logged.app, u);
      const ip = freshIp();

      const asked = await call(logged.app, {
        method: 'POST',
        url: '/api/v1/auth/forgot-password',
        payload: { email: u.email },
        ip,
      });
      expect(asked.statusCode).toBe(200);

      const outbox = await call(logged.app, { method: 'GET', url: '/api/v1/outbox', cookie: adminCookie });
      expect(outbox.statusCode).toBe(200);
      const mail = (outbox.json().items as { to: string; body: string }[]).find((m) => m.to === u.email);
      if (!mail) throw new Error('no mail in the outbox');
      const link = /https?:\/\/\S+token=([^\s&]+)/.exec(mail.body);
      if (!link) throw new Error(`no link in: ${mail.body}`);
      const token = decodeURIComponent(link[1] as string);
      expect(token.length).toBeGreaterThanOrEqual(16);

      // The person opens the link in a browser: the app's page is requested with the token in its address.
      const url = new URL(link[0]);
      await call(logged.app, { method: 'GET', url: `${url.pathname}${url.search}`, ip });

      const newPassword = 'een-vers-gekozen-wachtwoord';
      const reset = await call(logged.app, {
        method: 'POST',
        url: '/api/v1/auth/reset-password',
        payload: { token, newPassword },
        ip,
      });
      expect(reset.statusCode, reset.body).toBe(200);

      expect((await attempt(u.email, u.password, freshIp(), undefined, logged.app)).statusCode).toBe(401);
      expect((await attempt(u.email, newPassword, freshIp(), undefined, logged.app)).statusCode).toBe(200);
      // A reset ends the sessions that were open before it.
      expect((await sessionOf(earlier, logged.app)).statusCode).toBe(401);

      const reuse = await call(logged.app, {
        method: 'POST',
        url: '/api/v1/auth/reset-password',
        payload: { token, newPassword: 'nog-een-ander-wachtwoord' },
        ip,
      });
      expect(reuse.statusCode).toBe(400);
      expect(reuse.json().error.code).toBe('invalid_token');
      expect((await attempt(u.email, newPassword, freshIp(), undefined, logged.app)).statusCode).toBe(200);

      // The log did capture the requests (so an empty log cannot pass), but never the token.
      const log = lines.join('\n');
      expect(log).toContain('/api/v1/auth/reset-password');
      expect(log).toContain('/wachtwoord-herstellen');
      expect(log).not.toContain(token);
      expect(log).not.toContain(encodeURIComponent(token));
      expect(JSON.stringify(consoleCalls)).not.toContain(token);
    } finally {
      for (const spy of spies) spy.mockRestore();
      await logged.close();
    }
  });

  it('refuses an unknown token with invalid_token and a common new password with weak_password', async () => {
    const bad = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token: 'verzonnen-token-1234567890', newPassword: 'een-goed-wachtwoord' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_token');
    const weak = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token: 'verzonnen-token-1234567890', newPassword: 'wachtwoord' },
    });
    expect(weak.json().error).toMatchObject({ code: 'weak_password', fields: { newPassword: 'too_common' } });
  });
});

describe('change password', () => {
  it('refuses a wrong current password as a field error, and keeps the old one', async () => {
    const { user: u, cookie } = await loggedIn(t.app, db, 'coach');
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      cookie,
      payload: { currentPassword: 'niet-mijn-wachtwoord', newPassword: 'een-nieuw-wachtwoord' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { currentPassword: 'incorrect' } });
    expect((await attempt(u.email, u.password, freshIp())).statusCode).toBe(200);
  });

  it('changes the password and ends every other session, keeping this one', async () => {
    const { user: u, cookie } = await loggedIn(t.app, db, 'participant');
    const otherDevice = await login(t.app, u);
    const newPassword = 'mijn-eigen-nieuwe-zin';
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      cookie,
      payload: { currentPassword: u.password, newPassword },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await sessionOf(otherDevice)).statusCode).toBe(401);
    // This device goes on, with the cookie the answer set.
    const current = res.cookies.some((c) => c.name === COOKIE && c.value) ? cookieFrom(res) : cookie;
    expect((await sessionOf(current)).statusCode).toBe(200);
    expect((await attempt(u.loginName, u.password, freshIp())).statusCode).toBe(401);
    expect((await attempt(u.loginName, newPassword, freshIp())).statusCode).toBe(200);
  });

  it('applies the same rules to the new password', async () => {
    const { user: u, cookie } = await loggedIn(t.app, db, 'coach');
    const short = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      cookie,
      payload: { currentPassword: u.password, newPassword: 'kort' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('newPassword');
    const common = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      cookie,
      payload: { currentPassword: u.password, newPassword: 'password123' },
    });
    expect(common.json().error).toMatchObject({ code: 'weak_password', fields: { newPassword: 'too_common' } });
  });
});

describe('deactivation', () => {
  it('ends all sessions at once and blocks login until reactivated', async () => {
    const org = await buildOrganisation(db);
    const { cookie: admin } = await loggedIn(t.app, db, 'admin', org.id);
    const u = await buildUser(db, { organisationId: org.id, role: 'coach' });
    const desk = await login(t.app, u);
    const phone = await login(t.app, u);

    const off = await call(t.app, { method: 'POST', url: `/api/v1/users/${u.id}/deactivate`, cookie: admin });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    // Gone from the database at once, not only refused when each device next calls.
    expect(await db.select().from(session).where(eq(session.userId, u.id))).toEqual([]);
    expect((await sessionOf(desk)).statusCode).toBe(401);
    expect((await sessionOf(phone)).statusCode).toBe(401);

    const refused = await attempt(u.email, u.password, freshIp());
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('invalid_credentials');

    const on = await call(t.app, { method: 'POST', url: `/api/v1/users/${u.id}/reactivate`, cookie: admin });
    expect(on.statusCode).toBe(200);
    expect(on.json().active).toBe(true);
    const back = await attempt(u.email, u.password, freshIp());
    expect(back.statusCode).toBe(200);
    expect((await sessionOf(cookieFrom(back))).statusCode).toBe(200);
  });
});
