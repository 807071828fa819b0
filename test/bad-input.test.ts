import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { changePasswordBody, loginBody, PASSWORD_MAX, PASSWORD_MIN, password, username } from '#shared/auth';
import { listUpdateBody } from '#shared/lists';
import { siteCreateBody, siteUpdateBody, teamCreateBody, teamSupervisorsBody } from '#shared/organisation';
import { activateBody } from '#shared/participant-account';
import { exportQuery, importQuery } from '#shared/participant-import';
import {
  careerEventCreateBody,
  consentCreateBody,
  indicationsBody,
  participantCoachesBody,
  participantCreateBody,
  participantListQuery,
  participantUpdateBody,
  stakeholdersBody,
} from '#shared/participants';
import { referrerCreateBody, referrerUpdateBody } from '#shared/referrers';
import { setupBody } from '#shared/setup';
import { participantAccountBody, staffCreateBody, userUpdateBody } from '#shared/users';
import type { Db } from '../server/db/client';
import { account, auditLog, sites, teamSupervisors, user } from '../server/db/schema';
import { createTestApp, type TestApp } from './support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
} from './support/factories';

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function admin() {
  const org = await buildOrganisation(db);
  const { cookie, user: u } = await loggedIn(t.app, db, 'admin', org.id);
  return { orgId: org.id, cookie, admin: u };
}

const send = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

async function counts() {
  const n = async (table: typeof user | typeof account | typeof auditLog | typeof sites | typeof teamSupervisors) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    users: await n(user),
    accounts: await n(account),
    audit: await n(auditLog),
    sites: await n(sites),
    supervisors: await n(teamSupervisors),
  };
}

describe('malformed requests', () => {
  it.each([
    ['cut off', '{"name":'],
    ['a trailing comma', '{"name":"Gent",}'],
    ['single quotes', "{'name':'Gent'}"],
    ['not JSON at all', 'name=Gent'],
    ['a prototype key', '{"name":"Gent","__proto__":{"admin":true}}'],
  ])('answers JSON that is %s with 400 invalid_json', async (_label, raw) => {
    const { cookie } = await admin();
    const res = await send(cookie, {
      method: 'POST',
      url: '/api/v1/sites',
      headers: { 'content-type': 'application/json' },
      payload: raw,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it.each([
    ['a number for a name', { name: 42 }, 'name'],
    ['a missing name', { address: 'Kaai 1' }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a name of spaces only', { name: '     ' }, 'name'],
    ['a too long name', { name: 'x'.repeat(121) }, 'name'],
    ['an object for the address', { name: 'Gent', address: { street: 'Kaai' } }, 'address'],
  ])('refuses %s with 400 validation_failed naming the field', async (_label, payload, field) => {
    const { cookie } = await admin();
    const res = await send(cookie, { method: 'POST', url: '/api/v1/sites', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields).toHaveProperty(field);
  });

  it.each([
    ['organisationId on a new site', 'POST', '/api/v1/sites', (o: string) => ({ name: 'Gent', organisationId: o })],
    [
      'role on a new participant',
      'POST',
      '/api/v1/users/participants',
      () => ({ name: 'Ann', username: 'ann_x', password: 'een-lang-wachtwoord', role: 'admin' }),
    ],
    ['organisationId on the organisation', 'PATCH', '/api/v1/organisation', (o: string) => ({ name: 'X', id: o })],
    [
      'organisationId on a new colleague',
      'POST',
      '/api/v1/users',
      (o: string) => ({ name: 'Bo', email: 'bo@example.org', role: 'coach', organisationId: o }),
    ],
  ] as const)('refuses mass assignment of %s', async (_label, method, url, payload) => {
    const { cookie } = await admin();
    const other = await buildOrganisation(db);
    const before = await counts();
    const res = await send(cookie, { method, url, payload: payload(other.id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields)).toEqual(
      expect.arrayContaining([expect.stringMatching(/organisationId|role|id/)]),
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses mass assignment on a user update (no deactivation or e-mail by the back door)', async () => {
    const { cookie, orgId } = await admin();
    const target = await buildUser(db, { organisationId: orgId, role: 'coach' });
    for (const extra of [{ deactivatedAt: null }, { email: 'nieuw@example.org' }, { organisationId: orgId }]) {
      const res = await send(cookie, { method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { ...extra } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty(Object.keys(extra)[0] as string);
    }
    const [row] = await db.select().from(user).where(eq(user.id, target.id));
    expect(row?.email).toBe(target.email);
  });

  it('answers a 1 MB string with 413 (never 500), and a large but allowed body with 400', async () => {
    const { cookie } = await admin();
    const huge = await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name: 'x'.repeat(1_048_576) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const big = await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name: 'x'.repeat(500_000) } });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields).toHaveProperty('name');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: 'x'.repeat(1_048_576), password: 'y' },
    });
    expect(login.statusCode).toBe(413);
  });

  it.each([
    ['PATCH', '/api/v1/sites/not-a-uuid', { name: 'X' }],
    ['PATCH', "/api/v1/teams/1'%20or%201=1", { name: 'X' }],
    ['POST', '/api/v1/users/123/deactivate', undefined],
    ['PUT', '/api/v1/users/00000000-0000-0000-0000-00000000000g/password', { password: 'een-lang-wachtwoord' }],
  ] as const)('answers an invalid id in the path (%s %s) with 400', async (method, url, payload) => {
    const { cookie } = await admin();
    const res = await send(cookie, { method, url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed' });
    expect(res.json().error.fields).toHaveProperty('id');
  });

  it.each([
    ['not valid percent-encoding', '/api/v1/sites/%E0%A4%A', 'invalid_encoding'],
    ['longer than the router takes', `/api/v1/sites/${'a'.repeat(300)}`, 'too_long'],
  ])('answers a path that is %s with 400 in the one error shape (not Fastify’s own)', async (_label, url, problem) => {
    const { cookie } = await admin();
    const res = await send(cookie, { method: 'PATCH', url, payload: { name: 'X' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'validation_failed', message: expect.any(String), fields: { path: problem } },
    });
  });

  it('answers bad query strings with 400, not 500', async () => {
    const { cookie } = await admin();
    for (const url of ['/api/v1/sites?archived=maybe', '/api/v1/users?role=king', '/api/v1/audit?limit=abc']) {
      const res = await send(cookie, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('answers a NUL character in text with 400 and writes nothing', async () => {
    const { cookie } = await admin();
    const before = await counts();
    const res = await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name: 'Gent\u0000Zuid' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { name: 'invalid_characters' } });
    // Deep in a body that is stored as JSON (a framework's scale): named on its path, not a 500 from jsonb.
    const framework = await send(cookie, {
      method: 'POST',
      url: '/api/v1/competency-frameworks',
      payload: { name: 'Kader', scale: [{ label: 'Nog\u0000niet' }] },
    });
    expect(framework.statusCode).toBe(400);
    expect(framework.json().error.fields).toEqual({ 'scale.0.label': 'invalid_characters' });
    const search = await send(cookie, { method: 'GET', url: '/api/v1/users?q=%00' });
    expect(search.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('hostile text is data', () => {
  const payloads = [
    "'; drop table sites; --",
    'Robert\'); DELETE FROM "user"; --',
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(document.cookie)">',
    '{{constructor.constructor("alert(1)")()}}',
    '%_\\ 100% _x_',
  ];

  it.each(payloads)('stores and returns %s verbatim', async (text) => {
    const { cookie } = await admin();
    const created = await send(cookie, {
      method: 'POST',
      url: '/api/v1/sites',
      payload: { name: text, address: text },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: text, address: text });
    const listed = await send(cookie, { method: 'GET', url: '/api/v1/sites' });
    expect(listed.json().items).toEqual([expect.objectContaining({ name: text, address: text })]);
    // The answer is JSON, never something a browser would render.
    expect(listed.headers['content-type']).toMatch(/^application\/json/);
  });

  it('keeps every table after the SQL payloads, and searches for them literally', async () => {
    const { cookie, orgId } = await admin();
    await buildUser(db, { organisationId: orgId, role: 'coach', name: "O'Brien" });
    await buildUser(db, { organisationId: orgId, role: 'coach', name: '100% zeker' });
    const quote = await send(cookie, { method: 'GET', url: `/api/v1/users?q=${encodeURIComponent("o'bri")}` });
    expect(quote.json().items.map((u: { name: string }) => u.name)).toEqual(["O'Brien"]);
    const percent = await send(cookie, { method: 'GET', url: `/api/v1/users?q=${encodeURIComponent('%')}` });
    expect(percent.json().items.map((u: { name: string }) => u.name)).toEqual(['100% zeker']);
    const injection = await send(cookie, {
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent("' or 1=1 --")}`,
    });
    expect(injection.statusCode).toBe(200);
    expect(injection.json().items).toEqual([]);
    expect((await counts()).sites).toBeGreaterThan(0);
  });
});

describe('nothing half-written', () => {
  it('a colleague with an e-mail already in use: 409, and no user, credential or audit row', async () => {
    const { cookie, orgId } = await admin();
    const existing = await buildUser(db, { organisationId: orgId, role: 'coach' });
    const before = await counts();
    const res = await send(cookie, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        name: 'Dubbel',
        email: existing.email.toUpperCase(),
        role: 'trainer',
        password: 'een-lang-wachtwoord',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual({ email: 'already_in_use' });
    expect(await counts()).toEqual(before);
  });

  it('a participant with a username already in use: 409, and nothing written', async () => {
    const { cookie, orgId } = await admin();
    await buildUser(db, { organisationId: orgId, role: 'participant', username: 'dubbel_naam' });
    const before = await counts();
    const res = await send(cookie, {
      method: 'POST',
      url: '/api/v1/users/participants',
      payload: { name: 'Dubbel', username: 'Dubbel_Naam', password: 'een-lang-wachtwoord' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual({ username: 'already_in_use' });
    expect(await counts()).toEqual(before);
  });

  it('a supervisor list with one bad entry keeps the old supervisors', async () => {
    const { cookie, orgId } = await admin();
    const team = await buildTeam(db, { organisationId: orgId });
    const kept = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    const fine = await buildUser(db, { organisationId: orgId, role: 'coach' });
    await addSupervisor(db, team.id, kept.id, orgId);
    const before = await counts();
    const res = await send(cookie, {
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/supervisors`,
      payload: { userIds: [fine.id, 'bestaat-niet'] },
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const rows = await db.select().from(teamSupervisors).where(eq(teamSupervisors.teamId, team.id));
    expect(rows.map((r) => r.userId)).toEqual([kept.id]);
  });

  it('a rename to a name in use: 409, and the site and the audit log stay as they were', async () => {
    const { cookie } = await admin();
    const a = (await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name: 'Aalst' } })).json();
    await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name: 'Boom' } });
    const before = await counts();
    const res = await send(cookie, {
      method: 'PATCH',
      url: `/api/v1/sites/${a.id}`,
      payload: { name: 'BOOM', address: 'Nieuw adres' },
    });
    expect(res.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    const [row] = await db.select().from(sites).where(eq(sites.id, a.id));
    expect(row).toMatchObject({ name: 'Aalst', address: null });
  });
});

describe('security headers', () => {
  const expectApiHeaders = (headers: Record<string, unknown>) => {
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  };

  it('are on every API answer, success or error, and HSTS is not (outside production)', async () => {
    const { cookie } = await admin();
    const answers = [
      await send(cookie, { method: 'GET', url: '/api/v1/sites' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/sites' }),
      await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: {} }),
      await send(cookie, { method: 'GET', url: '/api/v1/nergens' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/setup' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 400, 404, 200]);
    for (const res of answers) {
      expectApiHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('include HSTS when NODE_ENV=production', async () => {
    const prod = await createTestApp(
      { NODE_ENV: 'production', AUTH_SECRET: 'production-secret-production-secret-42' },
      { database: t.database },
    );
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/api/v1/setup' });
      expectApiHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    } finally {
      await prod.close();
    }
  });
});

describe('validation rules (properties)', () => {
  // Code units, as zod counts them: every unit, control characters and lone surrogates included.
  const anyString = (minLength: number, maxLength: number) => fc.string({ unit: 'binary', minLength, maxLength });

  it(`the password schema accepts every string of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, () => {
    fc.assert(
      fc.property(
        anyString(PASSWORD_MIN, PASSWORD_MAX).filter((s) => s.length >= PASSWORD_MIN && s.length <= PASSWORD_MAX),
        (s) => password.safeParse(s).success,
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', maxLength: PASSWORD_MIN - 1 }),
        (s) => !password.safeParse(s).success,
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', minLength: PASSWORD_MAX + 1, maxLength: 400 }),
        (s) => !password.safeParse(s).success,
      ),
      { numRuns: 100 },
    );
  });

  it('the username schema yields only 3–30 lower-case letters, digits, dots and underscores', () => {
    fc.assert(
      fc.property(anyString(0, 40), (s) => {
        const parsed = username.safeParse(s);
        return !parsed.success || /^[a-z0-9_.]{3,30}$/.test(parsed.data);
      }),
      { numRuns: 300 },
    );
    const allowed = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.');
    fc.assert(
      fc.property(fc.string({ unit: allowed, minLength: 3, maxLength: 30 }), fc.nat(3), (s, pad) => {
        const parsed = username.safeParse(`${' '.repeat(pad)}${s}${' '.repeat(pad)}`);
        return parsed.success && parsed.data === s.toLowerCase();
      }),
      { numRuns: 200 },
    );
  });

  const strictBodies: [string, z.ZodType, Record<string, unknown>][] = [
    ['loginBody', loginBody, { identifier: 'a@example.org', password: 'x' }],
    ['changePasswordBody', changePasswordBody, { currentPassword: 'x', newPassword: 'een-lang-wachtwoord' }],
    ['siteCreateBody', siteCreateBody, { name: 'Gent' }],
    ['siteUpdateBody', siteUpdateBody, {}],
    ['teamCreateBody', teamCreateBody, { name: 'P', workDomain: 'groen', siteId: crypto.randomUUID() }],
    ['teamSupervisorsBody', teamSupervisorsBody, { userIds: [] }],
    ['staffCreateBody', staffCreateBody, { name: 'A', email: 'a@example.org', role: 'coach' }],
    ['participantAccountBody', participantAccountBody, { name: 'A', username: 'abc', password: 'een-lang-wachtwoord' }],
    ['userUpdateBody', userUpdateBody, {}],
    [
      'setupBody',
      setupBody,
      { organisationName: 'O', siteName: 'S', admin: { name: 'A', email: 'a@example.org', password: 'lang-genoeg' } },
    ],
    [
      'participantCreateBody',
      participantCreateBody,
      {
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: '1990-01-01',
        siteId: crypto.randomUUID(),
        programmeType: 'maatwerk',
      },
    ],
    ['participantUpdateBody', participantUpdateBody, {}],
    ['participantListQuery', participantListQuery, {}],
    ['careerEventCreateBody', careerEventCreateBody, { kind: 'pause', date: '2024-01-01' }],
    ['participantCoachesBody', participantCoachesBody, { userIds: ['x'] }],
    ['indicationsBody', indicationsBody, { items: [] }],
    ['stakeholdersBody', stakeholdersBody, { items: [] }],
    ['consentCreateBody', consentCreateBody, { kind: 'share_progress_with_referrer', granted: true }],
    ['importQuery', importQuery, {}],
    ['exportQuery', exportQuery, {}],
    ['referrerCreateBody', referrerCreateBody, { name: 'VDAB', kind: 'vdab' }],
    ['referrerUpdateBody', referrerUpdateBody, {}],
    ['listUpdateBody', listUpdateBody, { items: [{ code: 'maatwerk', label: 'Maatwerk', active: true }] }],
    ['activateBody', activateBody, { username: 'sofie', code: 'ABCD-EFGH', password: 'een-lang-wachtwoord' }],
  ];

  it.each(strictBodies)('%s rejects any object with an extra unknown key', (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    // Keys the schema knows (optional ones too) are not "unknown": only generate the others.
    const known = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !known.includes(k) && k !== '__proto__'),
        fc.jsonValue(),
        (key, value) => {
          const result = schema.safeParse({ ...valid, [key]: value });
          return !result.success && result.error.issues.some((i) => i.code === 'unrecognized_keys');
        },
      ),
      { numRuns: 50 },
    );
  });

  // A lone surrogate cannot travel as UTF-8: it arrives as U+FFFD, so only well-formed text round-trips exactly.
  const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

  it('arbitrary strings as site names never produce a 500, and what is stored comes back as sent', async () => {
    const { cookie } = await admin();
    await fc.assert(
      fc.asyncProperty(anyString(0, 200), async (name) => {
        const res = await send(cookie, { method: 'POST', url: '/api/v1/sites', payload: { name } });
        expect([201, 400, 409], res.body).toContain(res.statusCode);
        if (res.statusCode === 201 && wellFormed(name)) expect(res.json().name).toBe(name.trim());
        if (res.statusCode === 400) expect(res.json().error.code).toBe('validation_failed');
      }),
      { numRuns: 50 },
    );
  });

  it('arbitrary JSON bodies for lists, accounts and activation never produce a 500', async () => {
    const { cookie, orgId } = await admin();
    const p = await buildParticipant(db, { organisationId: orgId });
    const targets: InjectOptions[] = [
      { method: 'PUT', url: '/api/v1/lists/programme_type' },
      { method: 'POST', url: `/api/v1/participants/${p.id}/account` },
      { method: 'POST', url: '/api/v1/auth/activate', remoteAddress: '10.77.0.1' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue(), async (target, body) => {
        const res = await send(cookie, {
          ...target,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary JSON bodies on a write route never produce a 500', async () => {
    const { cookie } = await admin();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await send(cookie, {
          method: 'POST',
          url: '/api/v1/teams',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 50 },
    );
  });
});
