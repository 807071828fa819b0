import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail, JobProfile } from '#shared/competencies';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildFramework } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, participantJobProfiles } from '../../db/schema';
import { api, frameworkBody } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function frameworkOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
  const call = api(t.app, cookie);
  const framework: FrameworkDetail = (await call.post('/competency-frameworks', frameworkBody())).json();
  return { orgId: org.id, call, framework };
}

const profileBody = (frameworkId: string, overrides: object = {}) => ({
  frameworkId,
  name: 'Hulpmeestergast',
  description: 'Helpt de meestergast.',
  ladderStep: 2,
  workMode: 'uitvoerend',
  expectations: [
    { competencyKey: 'samenwerken', level: 3 },
    { competencyKey: 'stiptheid', level: 2 },
  ],
  ...overrides,
});

describe('job profiles', () => {
  it('creates, lists by ladder step, updates and archives a profile, audited', async () => {
    const { orgId, call, framework } = await frameworkOfNewOrganisation();
    const created = await call.post('/job-profiles', profileBody(framework.id));
    expect(created.statusCode, created.body).toBe(201);
    const profile: JobProfile = created.json();
    expect(profile).toMatchObject({ name: 'Hulpmeestergast', ladderStep: 2, workMode: 'uitvoerend', archived: false });
    expect(profile.expectations).toEqual([
      { competencyKey: 'samenwerken', level: 3 },
      { competencyKey: 'stiptheid', level: 2 },
    ]);
    await call.post('/job-profiles', profileBody(framework.id, { name: 'Arbeider', ladderStep: 1, expectations: [] }));
    const listed = (await call.get(`/job-profiles?frameworkId=${framework.id}`)).json().items;
    expect(listed.map((p: JobProfile) => p.name)).toEqual(['Arbeider', 'Hulpmeestergast']);

    const updated = await call.put(
      `/job-profiles/${profile.id}`,
      profileBody(framework.id, {
        workMode: 'inzichtelijk',
        expectations: [{ competencyKey: 'zorgvuldigheid', level: 4 }],
      }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      workMode: 'inzichtelijk',
      expectations: [{ competencyKey: 'zorgvuldigheid', level: 4 }],
    });

    const archived = await call.post(`/job-profiles/${profile.id}/archive`);
    expect(archived.json().archived).toBe(true);
    expect((await call.get(`/job-profiles?frameworkId=${framework.id}`)).json().items).toHaveLength(1);
    expect((await call.get(`/job-profiles?frameworkId=${framework.id}&archived=true`)).json().items).toHaveLength(2);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.targetId, profile.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action)).toEqual(['jobProfile.created', 'jobProfile.updated', 'jobProfile.archived']);
  });

  it('refuses expectations outside the framework or above its scale, with field errors', async () => {
    const { call, framework } = await frameworkOfNewOrganisation();
    const res = await call.post(
      '/job-profiles',
      profileBody(framework.id, {
        expectations: [
          { competencyKey: 'vliegen', level: 2 },
          { competencyKey: 'samenwerken', level: 5 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'expectations.0.competencyKey': 'not_in_framework',
      'expectations.1.level': 'above_scale_max_4',
    });
    const other = await buildFramework(db);
    const foreign = await call.post('/job-profiles', profileBody(other.framework.id));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ frameworkId: 'unknown_reference' });
    expect((await call.get(`/job-profiles?frameworkId=${framework.id}`)).json().items).toEqual([]);
  });

  it('refuses a second profile of the same name in a framework (409) and moving a profile to another framework', async () => {
    const { call, framework } = await frameworkOfNewOrganisation();
    const first = (await call.post('/job-profiles', profileBody(framework.id))).json();
    const clash = await call.post('/job-profiles', profileBody(framework.id, { name: 'HULPMEESTERGAST' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toEqual({ name: 'already_in_use' });
    const second: FrameworkDetail = (await call.post('/competency-frameworks', frameworkBody())).json();
    const moved = await call.put(`/job-profiles/${first.id}`, profileBody(second.id));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ frameworkId: 'cannot_change' });
  });
});

describe('a participant’s job profiles', () => {
  async function dossierSetting() {
    const { orgId, call, framework } = await frameworkOfNewOrganisation();
    const arbeider: JobProfile = (
      await call.post('/job-profiles', profileBody(framework.id, { name: 'Arbeider', ladderStep: 1 }))
    ).json();
    const meestergast: JobProfile = (
      await call.post('/job-profiles', profileBody(framework.id, { name: 'Meestergast', ladderStep: 3 }))
    ).json();
    const team = await buildTeam(db, { organisationId: orgId });
    const coach = await buildUser(db, { organisationId: orgId, role: 'coach' });
    const participant = await buildParticipant(db, { organisationId: orgId, teamId: team.id, coachId: coach.id });
    const supervisor = await buildUser(db, { organisationId: orgId, role: 'supervisor' });
    await addSupervisor(db, team.id, supervisor.id, orgId);
    return {
      orgId,
      admin: call,
      arbeider,
      meestergast,
      participant,
      coach: api(t.app, await login(t.app, coach)),
      supervisor: api(t.app, await login(t.app, supervisor)),
      otherCoach: api(t.app, (await loggedIn(t.app, db, 'coach', orgId)).cookie),
    };
  }

  it('the coach of the dossier sets current and target; the supervisor of the team reads them', async () => {
    const s = await dossierSetting();
    const url = `/participants/${s.participant.id}/job-profiles`;
    expect((await s.coach.get(url)).json()).toEqual({ current: null, target: null });
    const res = await s.coach.put(url, { currentProfileId: s.arbeider.id, targetProfileId: s.meestergast.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      current: { id: s.arbeider.id, name: 'Arbeider', ladderStep: 1, workMode: 'uitvoerend' },
      target: { id: s.meestergast.id, name: 'Meestergast', ladderStep: 3, workMode: 'uitvoerend' },
    });
    expect((await s.supervisor.get(url)).json()).toEqual(res.json());
    const audit = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, s.orgId), eq(auditLog.targetId, s.participant.id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      'participant.job_profiles_read',
      'participant.job_profiles_set',
      'participant.job_profiles_read',
    ]);
    expect(audit[1]?.details).toEqual({ changed: ['currentProfileId', 'targetProfileId'] });
  });

  it('another coach gets 404, the supervisor 403 on a change; nothing is stored', async () => {
    const s = await dossierSetting();
    const url = `/participants/${s.participant.id}/job-profiles`;
    const body = { currentProfileId: s.arbeider.id, targetProfileId: null };
    expect((await s.otherCoach.get(url)).statusCode).toBe(404);
    expect((await s.otherCoach.put(url, body)).statusCode).toBe(404);
    expect((await s.supervisor.put(url, body)).statusCode).toBe(403);
    const stored = await db
      .select()
      .from(participantJobProfiles)
      .where(eq(participantJobProfiles.participantId, s.participant.id));
    expect(stored).toEqual([]);
    expect((await s.admin.put(url, body)).statusCode).toBe(200);
  });

  it('refuses an archived profile as a new choice, but keeps one that is already set', async () => {
    const s = await dossierSetting();
    const url = `/participants/${s.participant.id}/job-profiles`;
    await s.coach.put(url, { currentProfileId: s.arbeider.id, targetProfileId: null });
    await s.admin.post(`/job-profiles/${s.arbeider.id}/archive`);
    await s.admin.post(`/job-profiles/${s.meestergast.id}/archive`);
    const refused = await s.coach.put(url, { currentProfileId: s.arbeider.id, targetProfileId: s.meestergast.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ targetProfileId: 'archived' });
    const kept = await s.coach.put(url, { currentProfileId: s.arbeider.id, targetProfileId: null });
    expect(kept.statusCode).toBe(200);
    const unknown = await s.coach.put(url, { currentProfileId: crypto.randomUUID(), targetProfileId: null });
    expect(unknown.json().error.fields).toEqual({ currentProfileId: 'unknown_reference' });
  });
});
