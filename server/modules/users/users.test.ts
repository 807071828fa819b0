import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildTeam, buildUser, loggedIn, login } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function organisationWithAdmin() {
  const org = await buildOrganisation(db);
  const { cookie, user: admin } = await loggedIn(t.app, db, 'admin', org.id);
  const as = (options: InjectOptions, c = cookie) =>
    t.app.inject({ ...options, headers: { ...options.headers, cookie: c } });
  return { orgId: org.id, cookie, admin, as };
}

const tryLogin = (identifier: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password } });

describe('staff accounts', () => {
  it('creates a colleague with a password, who can then log in', async () => {
    const { as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'Sara Peeters', email: 'Sara.Peeters@Example.org', role: 'trainer', password: 'mijn-lange-zin' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      invited: false,
      user: { name: 'Sara Peeters', email: 'sara.peeters@example.org', role: 'trainer', active: true, teamIds: [] },
    });
    expect((await tryLogin('sara.peeters@example.org', 'mijn-lange-zin')).statusCode).toBe(200);
  });

  it('invites a colleague without a password: a mail with a link to choose one', async () => {
    const { as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'Nieuwe Collega', email: 'nieuw.collega@example.org', role: 'coach' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().invited).toBe(true);
    const outbox = await as({ method: 'GET', url: '/api/v1/outbox' });
    const mail = (outbox.json().items as { to: string; subject: string; body: string }[]).find(
      (m) => m.to === 'nieuw.collega@example.org',
    );
    expect(mail?.subject).toMatch(/Welkom/);
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail?.body ?? '')?.[1] ?? '');
    const chosen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, newPassword: 'zelf-gekozen-zin' },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect((await tryLogin('nieuw.collega@example.org', 'zelf-gekozen-zin')).statusCode).toBe(200);
  });

  it('sends a reset notice, not a welcome, when a colleague who already has a password forgets it', async () => {
    const { as, admin } = await organisationWithAdmin();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: admin.email },
    });
    expect(res.statusCode).toBe(200);
    const outbox = await as({ method: 'GET', url: '/api/v1/outbox' });
    const mail = (outbox.json().items as { to: string; subject: string }[]).find((m) => m.to === admin.email);
    expect(mail?.subject).toMatch(/Nieuw wachtwoord/);
  });

  it('stops a colleague supervising their teams when their new role cannot lead a team', async () => {
    const { as, orgId } = await organisationWithAdmin();
    const team = await buildTeam(db, { organisationId: orgId });
    const supervisor = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    const assigned = await as({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/supervisors`,
      payload: { userIds: [supervisor.id] },
    });
    expect(assigned.json().supervisors).toHaveLength(1);
    const changed = await as({ method: 'PATCH', url: `/api/v1/users/${supervisor.id}`, payload: { role: 'trainer' } });
    expect(changed.json()).toMatchObject({ role: 'trainer', teamIds: [] });
    const teams = await as({ method: 'GET', url: '/api/v1/teams' });
    const after = (teams.json().items as { id: string; supervisors: unknown[] }[]).find((x) => x.id === team.id);
    expect(after?.supervisors).toEqual([]);
  });

  it('refuses a common password for a new colleague', async () => {
    const { as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'X', email: 'x.common@example.org', role: 'coach', password: 'password123' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('weak_password');
    expect(await db.select().from(user).where(eq(user.email, 'x.common@example.org'))).toEqual([]);
  });

  it('renames a colleague and changes their role, which applies to their open session at once', async () => {
    const { orgId, as } = await organisationWithAdmin();
    const { user: other, cookie: otherCookie } = await loggedIn(t.app, db, 'admin', orgId);
    const renamed = await as({ method: 'PATCH', url: `/api/v1/users/${other.id}`, payload: { name: 'Tweede Admin' } });
    expect(renamed.json()).toMatchObject({ name: 'Tweede Admin', role: 'admin' });
    expect(
      (await as({ method: 'POST', url: '/api/v1/sites', payload: { name: 'Voor' } }, otherCookie)).statusCode,
    ).toBe(201);

    const demoted = await as({ method: 'PATCH', url: `/api/v1/users/${other.id}`, payload: { role: 'coach' } });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('coach');
    expect((await as({ method: 'POST', url: '/api/v1/sites', payload: { name: 'Na' } }, otherCookie)).statusCode).toBe(
      403,
    );
  });

  it('does not let an admin deactivate themselves or change their own role, but rename themselves', async () => {
    const { admin, as } = await organisationWithAdmin();
    const off = await as({ method: 'POST', url: `/api/v1/users/${admin.id}/deactivate` });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('conflict');
    const role = await as({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { role: 'coach' } });
    expect(role.statusCode).toBe(409);
    const [row] = await db.select().from(user).where(eq(user.id, admin.id));
    expect(row).toMatchObject({ role: 'admin', deactivatedAt: null });
    const name = await as({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { name: 'Ikzelf' } });
    expect(name.statusCode).toBe(200);
    expect(name.json().name).toBe('Ikzelf');
  });

  it('answers 404 for an unknown user', async () => {
    const { as } = await organisationWithAdmin();
    const id = crypto.randomUUID();
    expect((await as({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { name: 'X' } })).statusCode).toBe(404);
    expect((await as({ method: 'POST', url: `/api/v1/users/${id}/deactivate` })).statusCode).toBe(404);
    expect(
      (await as({ method: 'PUT', url: `/api/v1/users/${id}/password`, payload: { password: 'een-lange-zin' } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('participant accounts', () => {
  it('creates a participant with a username and never shows an e-mail address', async () => {
    const { orgId, as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/users/participants',
      payload: { name: 'Jonas', username: ' Jonas.V ', password: 'fiets-en-trein' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      invited: false,
      user: { name: 'Jonas', username: 'jonas.v', email: null, role: 'participant', active: true },
    });

    const listed = await as({ method: 'GET', url: '/api/v1/users?role=participant' });
    expect(listed.json().items).toEqual([expect.objectContaining({ username: 'jonas.v', email: null })]);

    const loginRes = await tryLogin('jonas.v', 'fiets-en-trein');
    expect(loginRes.statusCode).toBe(200);
    expect(loginRes.json().user.email).toBeNull();
    const cookie = loginRes.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(me.json().user).toMatchObject({ username: 'jonas.v', email: null, organisationId: orgId });
    // The placeholder address the auth library needs stays inside.
    for (const body of [res.body, listed.body, loginRes.body, me.body]) expect(body).not.toMatch(/@deelnemer\.invalid/);
  });

  it.each([
    ['too short', 'jo'],
    ['spaces inside', 'jo nas'],
    ['an @', 'jonas@school'],
    ['too long', 'j'.repeat(31)],
  ])('refuses a username that is %s', async (_label, name) => {
    const { as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/users/participants',
      payload: { name: 'Jonas', username: name, password: 'fiets-en-trein' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('username');
  });

  it('lets an admin set a participant’s password: the old one stops working and open sessions end', async () => {
    const { orgId, as } = await organisationWithAdmin();
    const p = await buildUser(db, { organisationId: orgId, role: 'participant' });
    const open = await login(t.app, p);
    const res = await as({
      method: 'PUT',
      url: `/api/v1/users/${p.id}/password`,
      payload: { password: 'nieuwe-zin-42' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, email: null });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: open } })).statusCode,
    ).toBe(401);
    expect((await tryLogin(p.loginName, p.password)).statusCode).toBe(401);
    expect((await tryLogin(p.loginName, 'nieuwe-zin-42')).statusCode).toBe(200);
  });

  it('refuses to give a participant a staff role, or a colleague the participant role', async () => {
    const { orgId, as } = await organisationWithAdmin();
    const p = await buildUser(db, { organisationId: orgId, role: 'participant' });
    const promote = await as({ method: 'PATCH', url: `/api/v1/users/${p.id}`, payload: { role: 'admin' } });
    expect(promote.statusCode).toBe(400);
    expect(promote.json().error.fields).toEqual({ role: 'not_allowed' });
    const c = await buildUser(db, { organisationId: orgId, role: 'coach' });
    const demote = await as({ method: 'PATCH', url: `/api/v1/users/${c.id}`, payload: { role: 'participant' } });
    expect(demote.statusCode).toBe(400);
    const [pRow] = await db.select().from(user).where(eq(user.id, p.id));
    const [cRow] = await db.select().from(user).where(eq(user.id, c.id));
    expect([pRow?.role, cRow?.role]).toEqual(['participant', 'coach']);
  });
});

describe('user list', () => {
  async function listing() {
    const ctx = await organisationWithAdmin();
    const people = {
      els: await buildUser(db, {
        organisationId: ctx.orgId,
        role: 'coach',
        name: 'Els Janssens',
        email: `els.${ctx.orgId}@example.org`,
      }),
      piet: await buildUser(db, { organisationId: ctx.orgId, role: 'supervisor', name: 'Piet Maes' }),
      gone: await buildUser(db, { organisationId: ctx.orgId, role: 'coach', name: 'Gerda Weg', deactivated: true }),
      kim: await buildUser(db, {
        organisationId: ctx.orgId,
        role: 'participant',
        name: 'Kim',
        username: `kim${Date.now()}`,
      }),
      under: await buildUser(db, { organisationId: ctx.orgId, role: 'trainer', name: 'Tom_Under' }),
    };
    await buildUser(db, { role: 'coach', name: 'Els Elders' });
    const names = async (query: string) =>
      ((await ctx.as({ method: 'GET', url: `/api/v1/users${query}` })).json().items as { name: string }[])
        .map((u) => u.name)
        .filter((n) => !n.startsWith('admin '));
    return { ...ctx, people, names };
  }

  it('lists the organisation’s users by name, and filters by role and by active', async () => {
    const { names } = await listing();
    expect(await names('')).toEqual(['Els Janssens', 'Gerda Weg', 'Kim', 'Piet Maes', 'Tom_Under']);
    expect(await names('?role=coach')).toEqual(['Els Janssens', 'Gerda Weg']);
    expect(await names('?active=false')).toEqual(['Gerda Weg']);
    expect(await names('?active=true&role=coach')).toEqual(['Els Janssens']);
  });

  it('searches name, e-mail and username, case-insensitively, with % and _ taken literally', async () => {
    const { names, people } = await listing();
    expect(await names('?q=JANSS')).toEqual(['Els Janssens']);
    expect(await names(`?q=${encodeURIComponent(people.els.email.slice(0, 12))}`)).toEqual(['Els Janssens']);
    expect(await names(`?q=${people.kim.username?.slice(0, 6)}`)).toEqual(['Kim']);
    expect(await names('?q=_')).toEqual(['Tom_Under']);
    expect(await names('?q=%25')).toEqual([]);
  });

  it('does not find participants by the hidden placeholder e-mail', async () => {
    const { names } = await listing();
    expect(await names('?q=deelnemer.invalid')).toEqual([]);
    expect(await names('?q=invalid')).toEqual([]);
  });

  it('takes several roles at once, comma-separated, and refuses a role that does not exist', async () => {
    const { names, as } = await listing();
    expect(await names('?role=supervisor,coach')).toEqual(['Els Janssens', 'Gerda Weg', 'Piet Maes']);
    const bad = await as({ method: 'GET', url: '/api/v1/users?role=coach,wizard' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(Object.keys(bad.json().error.fields).join()).toMatch(/^role/);
  });

  it('pages through the list by name with a total, never showing one person twice', async () => {
    const { orgId, as } = await listing();
    // Equal names: only the id can keep them in one order from page to page.
    for (let i = 0; i < 5; i++) await buildUser(db, { organisationId: orgId, role: 'coach', name: 'Jan Peeters' });
    const seen: string[] = [];
    let total = 0;
    for (let offset = 0; offset < 20; offset += 3) {
      const page = (await as({ method: 'GET', url: `/api/v1/users?role=coach&limit=3&offset=${offset}` })).json();
      total = page.total;
      seen.push(...page.items.map((u: { id: string }) => u.id));
    }
    expect(total).toBe(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toHaveLength(7);
    const tooMany = await as({ method: 'GET', url: '/api/v1/users?limit=201' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toHaveProperty('limit');
  });

  it('lets a manager read the list too', async () => {
    const { orgId } = await listing();
    const { cookie } = await loggedIn(t.app, db, 'manager', orgId);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users?role=supervisor', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toEqual(['Piet Maes']);
  });
});
