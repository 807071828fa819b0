import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestAssessment } from '#shared/iluo';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
} from '../../../test/support/factories';
import { buildSkill, buildSkillLevel } from '../../../test/support/factories-iluo';
import type { Db } from '../../db/client';
import { auditLog, skillLevels, skillLevelsCurrent } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

/** A team with a logged-in supervisor, a skill, and an active participant in it (started 2024-01-15). */
async function teamWithSkill() {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const supervisor = await loggedIn(t.app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const skill = await buildSkill(db, { organisationId: org.id, teamId: team.id, name: 'Haag snoeien' });
  const participant = await buildParticipant(db, { organisationId: org.id, teamId: team.id, firstName: 'Mira' });
  return { orgId: org.id, team, supervisor, skill, participant };
}

const post = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/skill-levels', headers: { cookie }, payload });
const remove = (cookie: string, id: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/v1/skill-levels/${id}`, headers: { cookie } });
const history = (cookie: string, skillId: string, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/skills/${skillId}/history?${query}`, headers: { cookie } });

const currentOf = async (skillId: string, subject: string) =>
  (
    await db
      .select()
      .from(skillLevelsCurrent)
      .where(and(eq(skillLevelsCurrent.skillId, skillId), eq(skillLevelsCurrent.subject, subject)))
  )[0];

const levelsOf = (skillId: string) => db.select().from(skillLevels).where(eq(skillLevels.skillId, skillId));

describe('POST /skill-levels', () => {
  it('records a participant’s level with history and current level; the audit keeps ids, not the level or note', async () => {
    const { skill, participant, supervisor } = await teamWithSkill();
    const res = await post(supervisor.cookie, {
      skillId: skill.id,
      participantId: participant.id,
      level: 2,
      assessedOn: '2025-02-03',
      note: 'Met hulp van Jan.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      skillId: skill.id,
      person: { kind: 'participant', id: participant.id, name: `Mira ${participant.lastName}` },
      level: 2,
      assessedOn: '2025-02-03',
      assessor: { id: supervisor.user.id, name: supervisor.user.name },
      note: 'Met hulp van Jan.',
    });
    expect(await currentOf(skill.id, participant.id)).toMatchObject({
      level: 2,
      assessedOn: '2025-02-03',
      skillLevelId: entry.id,
      participantId: participant.id,
      userId: null,
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skill_level.recorded'), eq(auditLog.targetId, participant.id)));
    expect(audit).toMatchObject({ actorId: supervisor.user.id, targetType: 'participant' });
    expect(audit?.details).toEqual({
      skillId: skill.id,
      teamId: skill.teamId,
      skillLevelId: entry.id,
      assessedOn: '2025-02-03',
    });
    expect(JSON.stringify(audit)).not.toContain('Met hulp');
  });

  it('records a level for the supervisor themselves and for a co-supervisor: staff are in the matrix too', async () => {
    const { orgId, team, skill, supervisor } = await teamWithSkill();
    const colleague = await buildUser(db, { organisationId: orgId, role: 'coach' });
    await addSupervisor(db, team.id, colleague.id, orgId);
    const own = await post(supervisor.cookie, {
      skillId: skill.id,
      userId: supervisor.user.id,
      level: 4,
      assessedOn: '2025-01-10',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().person).toEqual({ kind: 'staff', id: supervisor.user.id, name: supervisor.user.name });
    expect(await currentOf(skill.id, supervisor.user.id)).toMatchObject({ level: 4, userId: supervisor.user.id });
    const other = await post(supervisor.cookie, {
      skillId: skill.id,
      userId: colleague.id,
      level: 3,
      assessedOn: '2025-01-10',
    });
    expect(other.statusCode, other.body).toBe(201);
  });

  it('keeps the newest level current: an earlier date entered later goes into the history only', async () => {
    const { skill, participant, supervisor } = await teamWithSkill();
    const body = { skillId: skill.id, participantId: participant.id };
    const newer = await post(supervisor.cookie, { ...body, level: 3, assessedOn: '2025-03-01' });
    await post(supervisor.cookie, { ...body, level: 1, assessedOn: '2024-05-01' });
    expect((await currentOf(skill.id, participant.id))?.skillLevelId).toBe(newer.json().id);
    // The same day again: the later recording wins.
    const sameDay = await post(supervisor.cookie, { ...body, level: 4, assessedOn: '2025-03-01' });
    expect(await currentOf(skill.id, participant.id)).toMatchObject({ level: 4, skillLevelId: sameDay.json().id });
    expect(await levelsOf(skill.id)).toHaveLength(3);
  });

  it('refuses people outside the team, dates before the start or in the future, and bad values; nothing is stored', async () => {
    const { orgId, team, skill, participant, supervisor } = await teamWithSkill();
    const otherTeam = await buildParticipant(db, { organisationId: orgId });
    const exited = await buildParticipant(db, { organisationId: orgId, teamId: team.id, status: 'exited' });
    const archived = await buildParticipant(db, {
      organisationId: orgId,
      teamId: team.id,
      status: 'exited',
      archived: true,
    });
    const notStarted = await buildParticipant(db, { organisationId: orgId, teamId: team.id, status: 'registered' });
    const notSupervising = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    const deactivated = await buildUser(db, { organisationId: orgId, role: 'supervisor', deactivated: true });
    await addSupervisor(db, team.id, deactivated.id, orgId);
    const archivedSkill = await buildSkill(db, { organisationId: orgId, teamId: team.id, archived: true });
    const tomorrow = new Date(Date.parse(`${todayIso()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const base = { skillId: skill.id, level: 3, assessedOn: '2025-01-10' };

    const cases: [object, Record<string, string> | 'any'][] = [
      [{ ...base, participantId: otherTeam.id }, { participantId: 'not_in_team' }],
      [{ ...base, participantId: exited.id }, { participantId: 'not_in_team' }],
      [{ ...base, participantId: archived.id }, { participantId: 'not_in_team' }],
      [{ ...base, participantId: notStarted.id }, { assessedOn: 'before_start' }],
      [{ ...base, participantId: participant.id, assessedOn: '2024-01-14' }, { assessedOn: 'before_start' }],
      [{ ...base, userId: notSupervising.id }, { userId: 'not_in_team' }],
      [{ ...base, userId: deactivated.id }, { userId: 'not_in_team' }],
      [{ ...base, skillId: archivedSkill.id, participantId: participant.id }, { skillId: 'archived' }],
      [{ ...base, participantId: participant.id, assessedOn: tomorrow }, 'any'],
      [{ ...base, participantId: participant.id, assessedOn: '2025-02-30' }, 'any'],
      [{ ...base, participantId: participant.id, level: 0 }, 'any'],
      [{ ...base, participantId: participant.id, level: 5 }, 'any'],
      [{ ...base, participantId: participant.id, level: 2.5 }, 'any'],
      [{ ...base }, 'any'],
      [{ ...base, participantId: participant.id, userId: supervisor.user.id }, 'any'],
      [{ ...base, participantId: participant.id, note: 'n'.repeat(1001) }, 'any'],
      [{ ...base, participantId: participant.id, extra: true }, 'any'],
    ];
    for (const [payload, fields] of cases) {
      const res = await post(supervisor.cookie, payload);
      expect(res.statusCode, `${JSON.stringify(payload)} ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      if (fields === 'any') expect(res.json().error.fields).toBeDefined();
      else expect(res.json().error.fields).toEqual(fields);
    }
    expect(await levelsOf(skill.id)).toEqual([]);
    expect(await levelsOf(archivedSkill.id)).toEqual([]);
  });

  it('answers 404 for people and skills it cannot see, 403 to a supervisor of another team and to other roles', async () => {
    const { orgId, skill, participant } = await teamWithSkill();
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    const foreign = await buildParticipant(db, { organisationId: (await buildOrganisation(db)).id });
    const base = { skillId: skill.id, level: 3, assessedOn: '2025-01-10' };
    expect((await post(admin.cookie, { ...base, participantId: foreign.id })).statusCode).toBe(404);
    expect((await post(admin.cookie, { ...base, userId: 'no-such-user' })).statusCode).toBe(404);
    expect(
      (await post(admin.cookie, { ...base, skillId: crypto.randomUUID(), participantId: participant.id })).statusCode,
    ).toBe(404);
    const elsewhere = await loggedIn(t.app, db, 'supervisor', orgId);
    await addSupervisor(db, (await buildTeam(db, { organisationId: orgId })).id, elsewhere.user.id, orgId);
    expect((await post(elsewhere.cookie, { ...base, participantId: participant.id })).statusCode).toBe(403);
    for (const role of ['coach', 'manager', 'trainer', 'participant'] as const) {
      const other = await loggedIn(t.app, db, role, orgId);
      expect((await post(other.cookie, { ...base, participantId: participant.id })).statusCode).toBe(403);
    }
    const foreignAdmin = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    expect((await post(foreignAdmin.cookie, { ...base, participantId: participant.id })).statusCode).toBe(404);
    expect(await levelsOf(skill.id)).toEqual([]);
    // The admin assesses anyone in the team.
    expect((await post(admin.cookie, { ...base, participantId: participant.id })).statusCode).toBe(201);
  });
});

describe('DELETE /skill-levels/:id', () => {
  it('lets the assessor take a level back; the level before it becomes current again', async () => {
    const { skill, participant, supervisor } = await teamWithSkill();
    const body = { skillId: skill.id, participantId: participant.id };
    const first = await post(supervisor.cookie, { ...body, level: 2, assessedOn: '2025-01-10' });
    const second = await post(supervisor.cookie, { ...body, level: 3, assessedOn: '2025-02-10' });
    const res = await remove(supervisor.cookie, second.json().id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      current: {
        skillId: skill.id,
        personId: participant.id,
        level: 2,
        assessedOn: '2025-01-10',
        assessorName: supervisor.user.name,
      },
    });
    expect((await currentOf(skill.id, participant.id))?.skillLevelId).toBe(first.json().id);
    const last = await remove(supervisor.cookie, first.json().id);
    expect(last.json()).toEqual({ current: null });
    expect(await currentOf(skill.id, participant.id)).toBeUndefined();
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skill_level.deleted'), eq(auditLog.targetId, participant.id)));
    expect(audits).toHaveLength(2);
  });

  it('deleting an older level leaves the current one as it is', async () => {
    const { skill, participant, supervisor } = await teamWithSkill();
    const body = { skillId: skill.id, participantId: participant.id };
    const older = await post(supervisor.cookie, { ...body, level: 1, assessedOn: '2024-06-10' });
    const newer = await post(supervisor.cookie, { ...body, level: 4, assessedOn: '2025-02-10' });
    expect((await remove(supervisor.cookie, older.json().id)).json().current.level).toBe(4);
    expect((await currentOf(skill.id, participant.id))?.skillLevelId).toBe(newer.json().id);
  });

  it('is for the assessor or the admin only: 403 for a co-supervisor, 404 for unknown or foreign levels', async () => {
    const { orgId, team, skill, participant, supervisor } = await teamWithSkill();
    const level = await post(supervisor.cookie, {
      skillId: skill.id,
      participantId: participant.id,
      level: 2,
      assessedOn: '2025-01-10',
    });
    const colleague = await loggedIn(t.app, db, 'supervisor', orgId);
    await addSupervisor(db, team.id, colleague.user.id, orgId);
    expect((await remove(colleague.cookie, level.json().id)).statusCode).toBe(403);
    const coach = await loggedIn(t.app, db, 'coach', orgId);
    expect((await remove(coach.cookie, level.json().id)).statusCode).toBe(403);
    const foreignAdmin = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    expect((await remove(foreignAdmin.cookie, level.json().id)).statusCode).toBe(404);
    expect((await remove(supervisor.cookie, crypto.randomUUID())).statusCode).toBe(404);
    expect(await levelsOf(skill.id)).toHaveLength(1);
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    expect((await remove(admin.cookie, level.json().id)).statusCode).toBe(200);
    expect(await levelsOf(skill.id)).toEqual([]);
  });
});

describe('GET /skills/:id/history', () => {
  it('gives one person’s levels newest first with the assessor; reading a participant’s history is audited', async () => {
    const { orgId, skill, participant, supervisor } = await teamWithSkill();
    const assessor = await buildUser(db, { organisationId: orgId, role: 'supervisor', name: 'Bart Begeleider' });
    await buildSkillLevel(db, {
      organisationId: orgId,
      skillId: skill.id,
      participantId: participant.id,
      level: 1,
      assessedOn: '2024-03-01',
      assessorId: assessor.id,
      note: 'Start',
    });
    await buildSkillLevel(db, {
      organisationId: orgId,
      skillId: skill.id,
      participantId: participant.id,
      level: 3,
      assessedOn: '2025-03-01',
      assessorId: assessor.id,
    });
    const coach = await loggedIn(t.app, db, 'coach', orgId);
    const res = await history(coach.cookie, skill.id, `participantId=${participant.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: { level: number; assessedOn: string }) => [e.level, e.assessedOn])).toEqual([
      [3, '2025-03-01'],
      [1, '2024-03-01'],
    ]);
    expect(res.json().items[1]).toMatchObject({
      note: 'Start',
      assessor: { id: assessor.id, name: 'Bart Begeleider' },
    });
    const reads = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skill_level.history_read'), eq(auditLog.actorId, coach.user.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ targetType: 'participant', targetId: participant.id });

    const own = await history(supervisor.cookie, skill.id, `userId=${supervisor.user.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items).toEqual([]);
  });

  it('refuses a query without exactly one person, and answers 404 for people of another organisation', async () => {
    const { skill, participant, supervisor } = await teamWithSkill();
    expect((await history(supervisor.cookie, skill.id, '')).statusCode).toBe(400);
    expect(
      (await history(supervisor.cookie, skill.id, `participantId=${participant.id}&userId=${supervisor.user.id}`))
        .statusCode,
    ).toBe(400);
    const foreign = await buildParticipant(db, { organisationId: (await buildOrganisation(db)).id });
    expect((await history(supervisor.cookie, skill.id, `participantId=${foreign.id}`)).statusCode).toBe(404);
    const participantLogin = await loggedIn(t.app, db, 'participant', participant.organisationId);
    expect((await history(participantLogin.cookie, skill.id, `participantId=${participant.id}`)).statusCode).toBe(403);
  });
});

describe('the current-level cache', () => {
  it('always equals the latest level of the history, whatever levels are added and taken back', async () => {
    const { orgId, skill, participant, supervisor } = await teamWithSkill();
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    const subjects = [{ participantId: participant.id }, { userId: supervisor.user.id }];
    const dates = ['2024-02-01', '2024-09-15', '2025-01-10'];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        who: fc.integer({ min: 0, max: 1 }),
        level: fc.integer({ min: 1, max: 4 }),
        date: fc.constantFrom(...dates),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 7 }), async (ops) => {
        await db.delete(skillLevels).where(eq(skillLevels.skillId, skill.id));
        for (const o of ops) {
          if (o.kind === 'add') {
            const res = await post(supervisor.cookie, {
              skillId: skill.id,
              ...subjects[o.who],
              level: o.level,
              assessedOn: o.date,
            });
            expect(res.statusCode, res.body).toBe(201);
          } else {
            const rows = await levelsOf(skill.id);
            if (!rows.length) continue;
            const row = rows[o.pick % rows.length] as (typeof rows)[number];
            expect((await remove(admin.cookie, row.id)).statusCode).toBe(200);
          }
        }
        const rows = await levelsOf(skill.id);
        for (const subject of [participant.id, supervisor.user.id]) {
          const mine = rows
            .filter((r) => (r.participantId ?? r.userId) === subject)
            .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
          const expected = latestAssessment(mine);
          const cached = await currentOf(skill.id, subject);
          expect(cached?.skillLevelId).toBe(expected?.id);
          if (expected)
            expect(cached).toMatchObject({
              level: expected.level,
              assessedOn: expected.assessedOn,
              assessorId: expected.assessorId,
            });
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('arbitrary input', () => {
  it('never makes the level, skill or label routes answer 500, and every level stored obeys the rules', async () => {
    const { orgId, team, skill, participant } = await teamWithSkill();
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    // Near-valid bodies reach the service; the rest the schema.
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          skillId: fc.oneof(fc.constant(skill.id), fc.uuid(), fc.string()),
          participantId: fc.oneof(fc.constant(participant.id), fc.uuid(), fc.string()),
          userId: fc.oneof(fc.constant(admin.user.id), fc.string()),
          level: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.string()),
          assessedOn: fc.oneof(fc.constantFrom('2025-01-10', '2023-12-31', '2999-01-01', '2025-02-30'), fc.string()),
          note: fc.oneof(fc.string({ maxLength: 1200 }), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    );
    const routes = [
      { method: 'POST' as const, url: '/api/v1/skill-levels' },
      { method: 'POST' as const, url: `/api/v1/teams/${team.id}/skills` },
      { method: 'PATCH' as const, url: `/api/v1/skills/${skill.id}` },
      { method: 'PUT' as const, url: `/api/v1/teams/${team.id}/skills/order` },
      { method: 'PUT' as const, url: '/api/v1/iluo-labels' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (route, payload) => {
        const res = await t.app.inject({
          ...route,
          headers: { cookie: admin.cookie, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    // Only a fully valid body stores a level.
    for (const row of await levelsOf(skill.id)) {
      expect(row.level).toBeGreaterThanOrEqual(1);
      expect(row.level).toBeLessThanOrEqual(4);
      expect(row.assessedOn >= '2024-01-15').toBe(true);
    }
  });
});
