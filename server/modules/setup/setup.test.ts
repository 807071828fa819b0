import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import type { Db } from '../../db/client';
import { account, auditLog, instanceSetup, organisations, sites, user } from '../../db/schema';

/**
 * One database for the whole file, used in order: empty, refused bodies, the race that sets it up, then done.
 * Each step checks the state it starts from, so a wrong order fails loudly instead of passing by accident.
 */
let t: TestApp;
let db: Db;

const body = (n: number) => ({
  organisationName: `Werkplaats ${n}`,
  siteName: `Hoofdzetel ${n}`,
  admin: { name: `Beheerder ${n}`, email: `beheerder${n}@example.org`, password: `een-lang-wachtwoord-${n}` },
});

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: payload as object });
const needsSetup = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json().needsSetup;

async function rowCounts() {
  const n = async (table: typeof organisations | typeof sites | typeof user | typeof account | typeof auditLog) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    organisations: await n(organisations),
    sites: await n(sites),
    users: await n(user),
    accounts: await n(account),
    audit: await n(auditLog),
    setup: (await db.select({ n: count() }).from(instanceSetup))[0]?.n ?? 0,
  };
}

const empty = { organisations: 0, sites: 0, users: 0, accounts: 0, audit: 0, setup: 0 };

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

describe('first-run setup', () => {
  it('reports needsSetup on an empty database, without a session', async () => {
    expect(await rowCounts()).toEqual(empty);
    expect(await needsSetup()).toBe(true);
  });

  it.each([
    ['an empty body', {}, ['organisationName', 'siteName', 'admin']],
    ['a blank organisation name', { ...body(0), organisationName: '   ' }, ['organisationName']],
    ['a bad e-mail address', { ...body(0), admin: { ...body(0).admin, email: 'geen-adres' } }, ['admin.email']],
    ['a 7-character password', { ...body(0), admin: { ...body(0).admin, password: 'kort-77' } }, ['admin.password']],
    ['an unknown field', { ...body(0), role: 'admin' }, ['role']],
    ['an unknown admin field', { ...body(0), admin: { ...body(0).admin, role: 'admin' } }, ['role']],
    ['a number for a name', { ...body(0), siteName: 42 }, ['siteName']],
  ])('refuses %s with 400 field errors and writes nothing', async (_label, payload, fields) => {
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields).sort()).toEqual(expect.arrayContaining(fields));
    expect(await rowCounts()).toEqual(empty);
  });

  it('refuses a common admin password with weak_password and writes nothing', async () => {
    const res = await post({ ...body(0), admin: { ...body(0).admin, password: 'wachtwoord' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'weak_password', fields: { 'admin.password': 'too_common' } });
    expect(await rowCounts()).toEqual(empty);
    expect(await needsSetup()).toBe(true);
  });

  it('lets exactly one of two concurrent setups win, creating one organisation, site and admin', async () => {
    expect(await needsSetup()).toBe(true);
    const results = await Promise.all([post(body(1)), post(body(2))]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    expect(loser?.json().error.code).toBe('setup_already_done');

    const winner = results.findIndex((r) => r.statusCode === 201) + 1;
    const counts = await rowCounts();
    expect(counts).toMatchObject({ organisations: 1, sites: 1, users: 1, accounts: 1, setup: 1 });
    const [org] = await db.select().from(organisations);
    const [site] = await db.select().from(sites);
    const [admin] = await db.select().from(user);
    expect(org?.name).toBe(`Werkplaats ${winner}`);
    expect(site).toMatchObject({ name: `Hoofdzetel ${winner}`, organisationId: org?.id });
    expect(admin).toMatchObject({ email: `beheerder${winner}@example.org`, role: 'admin', organisationId: org?.id });
    const actions = (await db.select().from(auditLog)).map((r) => r.action).sort();
    expect(actions).toEqual(['competencyFramework.created', 'setup.completed', 'site.created', 'user.created']);
    expect(await needsSetup()).toBe(false);
  });

  it('the admin it created can log in and manage the organisation', async () => {
    const [admin] = await db.select().from(user);
    const n = Number(admin?.email.replace(/\D/g, ''));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: admin?.email, password: body(n).admin.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'admin', organisationName: `Werkplaats ${n}` });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/sites', headers: { cookie } });
    expect(listed.json().items.map((s: { name: string }) => s.name)).toEqual([`Hoofdzetel ${n}`]);
  });

  it('refuses a second setup with 409 setup_already_done and changes nothing', async () => {
    const before = await rowCounts();
    expect(before.setup).toBe(1);
    const res = await post(body(3));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('setup_already_done');
    expect(await rowCounts()).toEqual(before);
  });

  it('is guarded by the database itself: a second row with the setup key (id 1) is refused, even by the owner', async () => {
    const [org] = await db.select().from(organisations);
    await expect(db.insert(instanceSetup).values({ id: 1, firstOrganisationId: org?.id as string })).rejects.toThrow();
    const before = (await db.select({ n: count() }).from(instanceSetup))[0]?.n;
    expect(before).toBe(1);
  });
});
