import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { addSupervisor, buildOrganisation, buildTeam, loggedIn } from '../../../test/support/factories';
import { buildSkill } from '../../../test/support/factories-iluo';
import type { Db } from '../../db/client';
import { auditLog, skills } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

/** A team with a supervisor who is logged in, and the admin of the same organisation. */
async function supervisedTeam() {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const supervisor = await loggedIn(t.app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const admin = await loggedIn(t.app, db, 'admin', org.id);
  return { orgId: org.id, team, supervisor, admin };
}

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const lastAuditId = async () =>
  (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;

describe('POST /teams/:id/skills', () => {
  it('lets a supervisor of the team add skills at the end, with defaults, and audits each', async () => {
    const { team, supervisor } = await supervisedTeam();
    const before = await lastAuditId();
    const first = await call(supervisor.cookie, 'POST', `/teams/${team.id}/skills`, { name: '  Haag snoeien ' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      teamId: team.id,
      name: 'Haag snoeien',
      groupName: '',
      description: null,
      critical: false,
      position: 0,
      archived: false,
    });
    const second = await call(supervisor.cookie, 'POST', `/teams/${team.id}/skills`, {
      name: 'Bosmaaier gebruiken',
      groupName: 'Machines',
      description: 'Veilig starten en maaien.',
      critical: true,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ position: 1, groupName: 'Machines', critical: true });

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, 'skill.created')))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.targetId)).toEqual([first.json().id, second.json().id]);
    expect(audits[1]?.details).toEqual({ teamId: team.id, critical: true });
    expect(audits[0]?.actorId).toBe(supervisor.user.id);
  });

  it('refuses a name the team already uses (any case), but not one of an archived skill or another team', async () => {
    const { orgId, team, admin } = await supervisedTeam();
    await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Bladblazer' });
    await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Oud werk', archived: true });
    const otherTeam = await buildTeam(db, { organisationId: orgId });
    await buildSkill(db, { organisationId: orgId, teamId: otherTeam.id, name: 'Schoffelen' });

    const clash = await call(admin.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'BLADBLAZER' });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'conflict', fields: { name: 'already_in_use' } });
    expect((await call(admin.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'oud werk' })).statusCode).toBe(201);
    expect((await call(admin.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'Schoffelen' })).statusCode).toBe(201);
    const names = await db.select({ name: skills.name }).from(skills).where(eq(skills.teamId, team.id));
    expect(names.map((n) => n.name).sort()).toEqual(['Bladblazer', 'Oud werk', 'Schoffelen', 'oud werk']);
  });

  it('answers 403 to a supervisor of another team and to roles that never manage skills; 404 for unknown teams', async () => {
    const { orgId, team } = await supervisedTeam();
    const elsewhere = await loggedIn(t.app, db, 'supervisor', orgId);
    await addSupervisor(db, (await buildTeam(db, { organisationId: orgId })).id, elsewhere.user.id, orgId);
    expect((await call(elsewhere.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'X' })).statusCode).toBe(403);
    for (const role of ['coach', 'manager', 'trainer', 'participant'] as const) {
      const other = await loggedIn(t.app, db, role, orgId);
      expect((await call(other.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'X' })).statusCode).toBe(403);
    }
    const foreignAdmin = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    const foreign = await call(foreignAdmin.cookie, 'POST', `/teams/${team.id}/skills`, { name: 'X' });
    expect(foreign.statusCode).toBe(404);
    expect(await db.select().from(skills).where(eq(skills.teamId, team.id))).toEqual([]);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const { team, admin } = await supervisedTeam();
    for (const payload of [
      { name: '   ' },
      { name: 'x'.repeat(81) },
      { name: 'Goed', critical: 'ja' },
      { name: 'Goed', groupName: 'g'.repeat(61) },
      { name: 'Goed', colour: 'rood' },
    ]) {
      const res = await call(admin.cookie, 'POST', `/teams/${team.id}/skills`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.fields).toBeDefined();
    }
    expect(await db.select().from(skills).where(eq(skills.teamId, team.id))).toEqual([]);
  });
});

describe('GET /teams/:id/skills', () => {
  it('lists current skills in order for every staff role; archived ones only when asked; not for participants', async () => {
    const { orgId, team } = await supervisedTeam();
    const b = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'B', position: 1 });
    const a = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'A', position: 0 });
    const gone = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Weg', archived: true });
    for (const role of ['admin', 'coach', 'supervisor', 'trainer', 'manager'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, orgId);
      const res = await call(cookie, 'GET', `/teams/${team.id}/skills`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((s: { id: string }) => s.id)).toEqual([a.id, b.id]);
    }
    const { cookie } = await loggedIn(t.app, db, 'coach', orgId);
    const all = await call(cookie, 'GET', `/teams/${team.id}/skills?archived=true`);
    expect(all.json().items.map((s: { id: string }) => s.id)).toContain(gone.id);
    const participant = await loggedIn(t.app, db, 'participant', orgId);
    expect((await call(participant.cookie, 'GET', `/teams/${team.id}/skills`)).statusCode).toBe(403);
  });
});

describe('PATCH /skills/:id and POST /skills/:id/archive', () => {
  it('renames, regroups, marks critical and clears the description', async () => {
    const { orgId, team, supervisor } = await supervisedTeam();
    const s = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Maaien' });
    await db.update(skills).set({ description: 'Oud' }).where(eq(skills.id, s.id));
    const res = await call(supervisor.cookie, 'PATCH', `/skills/${s.id}`, {
      name: 'Gras maaien',
      groupName: 'Groen',
      critical: true,
      description: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Gras maaien', groupName: 'Groen', critical: true, description: null });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skill.updated'), eq(auditLog.targetId, s.id)));
    expect(audit?.details).toEqual({ teamId: team.id, fields: ['critical', 'description', 'groupName', 'name'] });
  });

  it('refuses an empty change, a name in use, and changes to an archived skill', async () => {
    const { orgId, team, admin } = await supervisedTeam();
    const s = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Maaien' });
    await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Harken' });
    expect((await call(admin.cookie, 'PATCH', `/skills/${s.id}`, {})).statusCode).toBe(400);
    const clash = await call(admin.cookie, 'PATCH', `/skills/${s.id}`, { name: 'harken' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toEqual({ name: 'already_in_use' });
    // Its own name in another case is no clash.
    expect((await call(admin.cookie, 'PATCH', `/skills/${s.id}`, { name: 'MAAIEN' })).statusCode).toBe(200);

    const archived = await call(admin.cookie, 'POST', `/skills/${s.id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect((await call(admin.cookie, 'POST', `/skills/${s.id}/archive`)).json().archived).toBe(true);
    expect((await call(admin.cookie, 'PATCH', `/skills/${s.id}`, { critical: true })).statusCode).toBe(409);
    const list = await call(admin.cookie, 'GET', `/teams/${team.id}/skills`);
    expect(list.json().items.map((x: { name: string }) => x.name)).toEqual(['Harken']);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skill.archived'), eq(auditLog.targetId, s.id)));
    expect(audits).toHaveLength(1);
  });

  it('answers 403 to a supervisor of another team and 404 to another organisation', async () => {
    const { orgId, team } = await supervisedTeam();
    const s = await buildSkill(db, { organisationId: orgId, teamId: team.id });
    const elsewhere = await loggedIn(t.app, db, 'supervisor', orgId);
    expect((await call(elsewhere.cookie, 'PATCH', `/skills/${s.id}`, { critical: true })).statusCode).toBe(403);
    expect((await call(elsewhere.cookie, 'POST', `/skills/${s.id}/archive`)).statusCode).toBe(403);
    const foreignAdmin = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    expect((await call(foreignAdmin.cookie, 'PATCH', `/skills/${s.id}`, { critical: true })).statusCode).toBe(404);
    expect((await call(foreignAdmin.cookie, 'POST', `/skills/${s.id}/archive`)).statusCode).toBe(404);
    const [row] = await db.select().from(skills).where(eq(skills.id, s.id));
    expect(row).toMatchObject({ critical: false, archivedAt: null });
  });
});

describe('PUT /teams/:id/skills/order', () => {
  it('stores the new order of every current skill', async () => {
    const { orgId, team, supervisor } = await supervisedTeam();
    const [a, b, c] = [
      await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'A', position: 0 }),
      await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'B', position: 1 }),
      await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'C', position: 2 }),
    ];
    const res = await call(supervisor.cookie, 'PUT', `/teams/${team.id}/skills/order`, {
      skillIds: [c?.id, a?.id, b?.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('refuses a list that misses a skill, names an archived or foreign one, or repeats one; nothing moves', async () => {
    const { orgId, team, admin } = await supervisedTeam();
    const a = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'A', position: 0 });
    const b = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'B', position: 1 });
    const gone = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Weg', archived: true });
    const other = await buildSkill(db, { organisationId: orgId });
    for (const skillIds of [[b.id], [b.id, a.id, gone.id], [b.id, other.id], [b.id, a.id, a.id]]) {
      const res = await call(admin.cookie, 'PUT', `/teams/${team.id}/skills/order`, { skillIds });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toBeDefined();
    }
    const rows = await db.select().from(skills).where(eq(skills.teamId, team.id)).orderBy(asc(skills.position));
    expect(rows.filter((r) => !r.archivedAt).map((r) => r.name)).toEqual(['A', 'B']);
  });
});
