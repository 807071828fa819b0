import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetencyHeatmap } from '#shared/competency-profile';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addCoach,
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildFramework, buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const heatmapOf = (cookie: string, teamId: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/teams/${teamId}/competency-heatmap${query}`, headers: { cookie } });

const names = (res: { json(): unknown }) =>
  (res.json() as CompetencyHeatmap).rows.map((r) => `${r.firstName} ${r.lastName}`);

/**
 * Team "Groen" with a supervisor and three participants (two coaches share them), an archived one, and team
 * "Renovatie" next to it with one participant. Anna has supervisor and self scores, Bert only a coach's, Cas one supervisor score.
 */
async function teamWithScores() {
  const org = await buildOrganisation(db);
  const organisationId = org.id;
  const { version, competencies } = await buildFramework(db, {
    organisationId,
    keys: ['samenwerken', 'stiptheid', 'zorgvuldigheid'],
  });
  const id = (key: string) => competencies.find((c) => c.key === key)?.id as string;
  const team = await buildTeam(db, { organisationId, name: 'Groen' });
  const otherTeam = await buildTeam(db, { organisationId, siteId: team.siteId, name: 'Renovatie' });
  const supervisor = await buildUser(db, { organisationId, role: 'supervisor' });
  await addSupervisor(db, team.id, supervisor.id, organisationId);
  const otherSupervisor = await buildUser(db, { organisationId, role: 'supervisor' });
  await addSupervisor(db, otherTeam.id, otherSupervisor.id, organisationId);
  const coachA = await buildUser(db, { organisationId, role: 'coach' });
  const coachB = await buildUser(db, { organisationId, role: 'coach' });

  const inTeam = { organisationId, teamId: team.id };
  // Named out of alphabetical order, so the sort is the server's.
  const bert = await buildParticipant(db, { ...inTeam, firstName: 'Bert', lastName: 'Bos', coachId: coachB.id });
  const anna = await buildParticipant(db, { ...inTeam, firstName: 'Anna', lastName: 'Aerts', coachId: coachA.id });
  const cas = await buildParticipant(db, {
    ...inTeam,
    firstName: 'Cas',
    lastName: 'Claes',
    coachId: coachA.id,
    status: 'paused',
  });
  await buildParticipant(db, {
    ...inTeam,
    firstName: 'Dirk',
    lastName: 'Dewit',
    coachId: coachA.id,
    status: 'exited',
    archived: true,
  });
  await buildParticipant(db, { organisationId, teamId: otherTeam.id, firstName: 'Emma', lastName: 'Engels' });

  const rate = (
    participantId: string,
    raterKind: 'supervisor' | 'coach' | 'self',
    observedOn: string,
    scores: Record<string, number>,
  ) =>
    buildObservation(db, {
      organisationId,
      participantId,
      versionId: version.id,
      raterKind,
      raterUserId: raterKind === 'supervisor' ? supervisor.id : raterKind === 'coach' ? coachB.id : undefined,
      observedOn,
      scores: Object.fromEntries(Object.entries(scores).map(([key, score]) => [id(key), score])),
    });
  await rate(anna.id, 'supervisor', '2025-01-10', { samenwerken: 3, stiptheid: 4 });
  await rate(anna.id, 'supervisor', '2025-02-10', { samenwerken: 2 });
  await rate(anna.id, 'self', '2025-02-11', { samenwerken: 4, zorgvuldigheid: 4 });
  await rate(bert.id, 'coach', '2025-02-12', { samenwerken: 1 });
  await rate(cas.id, 'supervisor', '2025-02-01', { zorgvuldigheid: 1 });

  return {
    organisationId,
    team,
    otherTeam,
    anna,
    supervisorCookie: await login(t.app, supervisor),
    otherSupervisorCookie: await login(t.app, otherSupervisor),
    coachACookie: await login(t.app, coachA),
  };
}

describe('GET /teams/:id/competency-heatmap', () => {
  it("gives the team supervisor each active participant's latest supervisor score per competency", async () => {
    const s = await teamWithScores();
    const res = await heatmapOf(s.supervisorCookie, s.team.id);
    expect(res.statusCode, res.body).toBe(200);
    const map: CompetencyHeatmap = res.json();
    expect(map.team).toEqual({ id: s.team.id, name: 'Groen' });
    expect(map.framework).toMatchObject({ versionNumber: 1 });
    expect(map.scale).toHaveLength(4);
    expect(map.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid', 'zorgvuldigheid']);
    // Self and coach scores are their own series: not in a supervisor's heat map.
    expect(map.rows).toEqual([
      {
        participantId: s.anna.id,
        firstName: 'Anna',
        lastName: 'Aerts',
        status: 'active',
        cells: [{ score: 2, observedOn: '2025-02-10' }, { score: 4, observedOn: '2025-01-10' }, null],
      },
      expect.objectContaining({ firstName: 'Bert', status: 'active', cells: [null, null, null] }),
    ]);
  });

  it('with status=all shows the paused participant too, never an archived dossier', async () => {
    const s = await teamWithScores();
    const res = await heatmapOf(s.supervisorCookie, s.team.id, '?status=all');
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res)).toEqual(['Anna Aerts', 'Bert Bos', 'Cas Claes']);
    expect((res.json() as CompetencyHeatmap).rows[2]).toMatchObject({
      status: 'paused',
      cells: [null, null, { score: 1, observedOn: '2025-02-01' }],
    });
  });

  it('limits the rows to whom the caller reaches: a coach their caseload, manager and admin everyone', async () => {
    const s = await teamWithScores();
    expect(names(await heatmapOf(s.coachACookie, s.team.id, '?status=all'))).toEqual(['Anna Aerts', 'Cas Claes']);
    for (const role of ['manager', 'admin'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, s.organisationId);
      expect(names(await heatmapOf(cookie, s.team.id))).toEqual(['Anna Aerts', 'Bert Bos']);
    }
    // A coach's caseload can sit in any team: one without caseload in this team sees no one.
    const lonelyCoach = await loggedIn(t.app, db, 'coach', s.organisationId);
    const forCoach = await heatmapOf(lonelyCoach.cookie, s.team.id);
    expect(forCoach.statusCode).toBe(200);
    expect(names(forCoach)).toEqual([]);
    expect(names(await heatmapOf(s.otherSupervisorCookie, s.otherTeam.id))).toEqual(['Emma Engels']);
  });

  it('refuses a supervisor the team of another supervisor (403, not an empty map), and writes no audit row', async () => {
    const s = await teamWithScores();
    const forOther = await heatmapOf(s.otherSupervisorCookie, s.team.id, '?status=all');
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('forbidden');
    expect(forOther.body).not.toContain('Aerts');
    expect(forOther.body).not.toContain('Groen');
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competency.heatmap.read'), eq(auditLog.targetId, s.team.id)));
    expect(audited).toEqual([]);
    // A team without any supervisor is refused too; a team with two supervisors answers each of them.
    const org = s.organisationId;
    const unled = await buildTeam(db, { organisationId: org, name: 'Zonder werkleider' });
    expect((await heatmapOf(s.supervisorCookie, unled.id)).statusCode).toBe(403);
    const second = await buildUser(db, { organisationId: org, role: 'supervisor' });
    await addSupervisor(db, s.team.id, second.id, org);
    expect(names(await heatmapOf(await login(t.app, second), s.team.id))).toEqual(['Anna Aerts', 'Bert Bos']);
    expect((await heatmapOf(s.supervisorCookie, s.team.id)).statusCode).toBe(200);
  });

  it('refuses roles without a team view, and hides teams of another organisation and unknown ones', async () => {
    const s = await teamWithScores();
    for (const role of ['trainer', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, s.organisationId);
      expect((await heatmapOf(cookie, s.team.id)).statusCode).toBe(403);
    }
    const foreign = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    const res = await heatmapOf(foreign.cookie, s.team.id);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Groen');
    expect((await heatmapOf(s.supervisorCookie, crypto.randomUUID())).statusCode).toBe(404);
    const bad = await heatmapOf(s.supervisorCookie, s.team.id, '?status=paused');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('status');
  });

  it('records one audit row for the team, with the number of participants shown and no scores', async () => {
    const s = await teamWithScores();
    const { cookie, user } = await loggedIn(t.app, db, 'manager', s.organisationId);
    expect((await heatmapOf(cookie, s.team.id, '?status=all')).statusCode).toBe(200);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'competency.heatmap.read')));
    expect(rows).toMatchObject([
      { targetType: 'team', targetId: s.team.id, details: { status: 'all', participants: 3 } },
    ]);
  });

  it('answers a team in an organisation without a default framework with names and no cells', async () => {
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id });
    const p = await buildParticipant(db, { organisationId: org.id, teamId: team.id });
    const coach = await buildUser(db, { organisationId: org.id, role: 'coach' });
    await addCoach(db, p.id, coach.id, org.id);
    const res = await heatmapOf(await login(t.app, coach), team.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ framework: null, competencies: [], rows: [{ participantId: p.id, cells: [] }] });
  });
});
