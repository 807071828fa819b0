import { count, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildSite,
  buildTeam,
  buildUser,
  loggedIn,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { teamSupervisors, teams } from '../../db/schema';

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function organisationWithAdmin() {
  const org = await buildOrganisation(db);
  const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
  const site = await buildSite(db, { organisationId: org.id, name: 'Mechelen' });
  const as = (options: InjectOptions) => t.app.inject({ ...options, headers: { ...options.headers, cookie } });
  return { orgId: org.id, cookie, site, as };
}

const teamCount = async () => (await db.select({ n: count() }).from(teams))[0]?.n ?? 0;

describe('teams', () => {
  it('lets an admin create a team that staff can then see', async () => {
    const { orgId, site, as } = await organisationWithAdmin();
    const res = await as({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: '  Groenploeg  ', workDomain: 'groen', siteId: site.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Groenploeg',
      workDomain: 'groen',
      siteId: site.id,
      siteName: 'Mechelen',
      archived: false,
      supervisors: [],
    });
    const { cookie: coach } = await loggedIn(t.app, db, 'trainer', orgId);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: { cookie: coach } });
    expect(listed.json().items.map((x: { id: string }) => x.id)).toEqual([res.json().id]);
  });

  it('refuses a site of another organisation as a field error on siteId, writing nothing', async () => {
    const { as } = await organisationWithAdmin();
    const foreign = await buildSite(db);
    const before = await teamCount();
    for (const siteId of [foreign.id, crypto.randomUUID()]) {
      const res = await as({
        method: 'POST',
        url: '/api/v1/teams',
        payload: { name: 'X', workDomain: 'groen', siteId },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { siteId: 'unknown_reference' } });
    }
    expect(await teamCount()).toBe(before);
  });

  it('refuses a second team with the same name in any letter case', async () => {
    const { site, as } = await organisationWithAdmin();
    const payload = { name: 'Renovatie', workDomain: 'renovatie', siteId: site.id };
    expect((await as({ method: 'POST', url: '/api/v1/teams', payload })).statusCode).toBe(201);
    const again = await as({ method: 'POST', url: '/api/v1/teams', payload: { ...payload, name: 'RENOVATIE' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ name: 'already_in_use' });
  });

  it('renames, moves, archives and restores a team', async () => {
    const { orgId, site, as } = await organisationWithAdmin();
    const team = await buildTeam(db, { organisationId: orgId, siteId: site.id, name: 'Oud' });
    const other = await buildSite(db, { organisationId: orgId, name: 'Lier' });

    const moved = await as({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { name: 'Nieuw', siteId: other.id, workDomain: 'industrie' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Nieuw', siteId: other.id, siteName: 'Lier', workDomain: 'industrie' });

    const archived = await as({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { archived: true } });
    expect(archived.json().archived).toBe(true);
    expect((await as({ method: 'GET', url: '/api/v1/teams' })).json().items).toEqual([]);
    const all = await as({ method: 'GET', url: '/api/v1/teams?archived=true' });
    expect(all.json().items.map((x: { id: string }) => x.id)).toEqual([team.id]);

    const restored = await as({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { archived: false } });
    expect(restored.json().archived).toBe(false);
    expect((await as({ method: 'GET', url: '/api/v1/teams' })).json().items).toHaveLength(1);
  });

  it("refuses moving a team to another organisation's site, and answers 404 for an unknown team", async () => {
    const { orgId, site, as } = await organisationWithAdmin();
    const team = await buildTeam(db, { organisationId: orgId, siteId: site.id });
    const foreign = await buildSite(db);
    const res = await as({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { siteId: foreign.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ siteId: 'unknown_reference' });
    const [row] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(row?.siteId).toBe(site.id);
    const missing = await as({ method: 'PATCH', url: `/api/v1/teams/${crypto.randomUUID()}`, payload: { name: 'X' } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('team supervisors', () => {
  it('sets and replaces the supervisors (supervisor, coach, manager), ignoring duplicates', async () => {
    const { orgId, site, as } = await organisationWithAdmin();
    const team = await buildTeam(db, { organisationId: orgId, siteId: site.id });
    const anna = await buildUser(db, { organisationId: orgId, role: 'supervisor', name: 'Anna' });
    const bert = await buildUser(db, { organisationId: orgId, role: 'coach', name: 'Bert' });
    const carl = await buildUser(db, { organisationId: orgId, role: 'manager', name: 'Carl' });

    const set = await as({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/supervisors`,
      payload: { userIds: [carl.id, anna.id, bert.id, anna.id] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().supervisors).toEqual([
      { id: anna.id, name: 'Anna' },
      { id: bert.id, name: 'Bert' },
      { id: carl.id, name: 'Carl' },
    ]);
    const users = await as({ method: 'GET', url: '/api/v1/users?role=supervisor' });
    expect(users.json().items).toEqual([expect.objectContaining({ id: anna.id, teamIds: [team.id] })]);

    const replaced = await as({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/supervisors`,
      payload: { userIds: [bert.id] },
    });
    expect(replaced.json().supervisors).toEqual([{ id: bert.id, name: 'Bert' }]);
    const cleared = await as({ method: 'PUT', url: `/api/v1/teams/${team.id}/supervisors`, payload: { userIds: [] } });
    expect(cleared.json().supervisors).toEqual([]);
  });

  it.each<[string, { role: Role; deactivated?: boolean; elsewhere?: boolean } | null]>([
    ['a trainer', { role: 'trainer' }],
    ['an admin', { role: 'admin' }],
    ['a participant', { role: 'participant' }],
    ['a deactivated supervisor', { role: 'supervisor', deactivated: true }],
    ['a supervisor of another organisation', { role: 'supervisor', elsewhere: true }],
    ['an unknown id', null],
  ])('refuses %s as supervisor with a field error on userIds, keeping the old list', async (_label, spec) => {
    const { orgId, site, as } = await organisationWithAdmin();
    const team = await buildTeam(db, { organisationId: orgId, siteId: site.id });
    const current = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    await addSupervisor(db, team.id, current.id, orgId);
    const candidate = spec
      ? (
          await buildUser(db, {
            organisationId: spec.elsewhere ? undefined : orgId,
            role: spec.role,
            deactivated: spec.deactivated,
          })
        ).id
      : crypto.randomUUID();

    const res = await as({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/supervisors`,
      payload: { userIds: [current.id, candidate] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed' });
    expect(res.json().error.fields).toHaveProperty('userIds');
    const rows = await db.select().from(teamSupervisors).where(eq(teamSupervisors.teamId, team.id));
    expect(rows.map((r) => r.userId)).toEqual([current.id]);
  });

  it('takes a supervisor off every team when they are deactivated', async () => {
    const { orgId, site, as } = await organisationWithAdmin();
    const one = await buildTeam(db, { organisationId: orgId, siteId: site.id });
    const two = await buildTeam(db, { organisationId: orgId, siteId: site.id });
    const sup = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    await addSupervisor(db, one.id, sup.id, orgId);
    await addSupervisor(db, two.id, sup.id, orgId);
    expect((await as({ method: 'POST', url: `/api/v1/users/${sup.id}/deactivate` })).statusCode).toBe(200);
    const listed = await as({ method: 'GET', url: '/api/v1/teams' });
    for (const team of listed.json().items) expect(team.supervisors).toEqual([]);
    const back = await as({ method: 'POST', url: `/api/v1/users/${sup.id}/reactivate` });
    expect(back.json()).toMatchObject({ active: true, teamIds: [] });
  });

  it('answers 404 for the supervisors of an unknown team', async () => {
    const { as } = await organisationWithAdmin();
    const res = await as({
      method: 'PUT',
      url: `/api/v1/teams/${crypto.randomUUID()}/supervisors`,
      payload: { userIds: [] },
    });
    expect(res.statusCode).toBe(404);
  });
});
