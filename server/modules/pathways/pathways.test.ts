import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { buildFramework, buildObservation } from '../../../test/support/factories-competencies';
import { buildSkill, buildSkillLevel } from '../../../test/support/factories-iluo';
import { buildPlacement, buildWorkPackage } from '../../../test/support/factories-pathways';
import {
  auditLog,
  careerEvents,
  participants,
  workPackageNextSteps,
  workPackagePlacements,
  workPackages,
} from '../../db/schema';

let t: TestApp;
let orgId: string;
let admin: string;
let teamId: string;
let framework: Awaited<ReturnType<typeof buildFramework>>;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t.database.db)).id;
  admin = (await loggedIn(t.app, t.database.db, 'admin', orgId)).cookie;
  teamId = (await buildTeam(t.database.db, { organisationId: orgId })).id;
  framework = await buildFramework(t.database.db, { organisationId: orgId });
});
afterAll(() => t.close());

const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const countRows = async (table: typeof workPackages | typeof workPackagePlacements) =>
  (await t.database.db.select().from(table)).length;

describe('work packages', () => {
  it('the admin defines packages with requirements and next steps; staff read them', async () => {
    const skill = await buildSkill(t.database.db, { organisationId: orgId, teamId, name: 'Maaien' });
    const first = await inject(admin, 'POST', '/work-packages', {
      teamId,
      name: 'Basis groen',
      step: 1,
      workMode: 'uitvoerend',
      description: 'Gras maaien en bladeren ruimen.',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await inject(admin, 'POST', '/work-packages', {
      teamId,
      name: 'Zelfstandig groen',
      step: 2,
      workMode: 'inzichtelijk',
      competencies: [{ competencyKey: 'samenwerken', level: 3 }],
      skills: [{ skillId: skill.id, level: 3 }],
      nextSteps: [{ kind: 'outflow', exitDestination: 'regular_job' }],
    });
    expect(second.statusCode, second.body).toBe(201);
    const updated = await inject(admin, 'PUT', `/work-packages/${first.json().id}`, {
      teamId,
      name: 'Basis groen',
      step: 1,
      workMode: 'uitvoerend',
      nextSteps: [{ kind: 'package', packageId: second.json().id }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().nextSteps).toEqual([
      { kind: 'package', targetId: second.json().id, label: 'Zelfstandig groen', step: 2, archived: false },
    ]);
    const supervisor = (await loggedIn(t.app, t.database.db, 'supervisor', orgId)).cookie;
    const list = await inject(supervisor, 'GET', `/work-packages?teamId=${teamId}`);
    expect(list.statusCode).toBe(200);
    const zelf = list.json().items.find((p: { name: string }) => p.name === 'Zelfstandig groen');
    expect(zelf).toMatchObject({
      step: 2,
      workMode: 'inzichtelijk',
      competencies: [{ competencyKey: 'samenwerken', name: 'samenwerken', level: 3 }],
      skills: [{ skillId: skill.id, name: 'Maaien', level: 3, archived: false }],
      nextSteps: [{ kind: 'outflow', targetId: 'regular_job', step: null }],
    });
  });

  it('refuses bad definitions with field errors and stores nothing', async () => {
    const own = await buildWorkPackage(t.database.db, { organisationId: orgId, teamId, name: 'Eigen' });
    const archived = await buildWorkPackage(t.database.db, { organisationId: orgId, teamId, archived: true });
    const archivedSkill = await buildSkill(t.database.db, { organisationId: orgId, teamId, archived: true });
    const before = await countRows(workPackages);
    const base = { teamId, name: 'Nieuw', step: 1, workMode: 'uitvoerend' };
    const cases: [object, Record<string, string>][] = [
      [{ ...base, step: 0 }, { step: expect.any(String) }],
      [{ ...base, workMode: 'snel' }, { workMode: expect.any(String) }],
      [{ ...base, name: '  ' }, { name: expect.any(String) }],
      [{ ...base, extra: 1 }, {}],
      [
        {
          ...base,
          competencies: [
            { competencyKey: 'samenwerken', level: 2 },
            { competencyKey: 'samenwerken', level: 3 },
          ],
        },
        { 'competencies.1.competencyKey': 'duplicate' },
      ],
      [
        { ...base, competencies: [{ competencyKey: 'vliegen', level: 2 }] },
        { 'competencies.0.competencyKey': 'not_in_framework' },
      ],
      [
        { ...base, competencies: [{ competencyKey: 'stiptheid', level: 9 }] },
        { 'competencies.0.level': 'level_out_of_scale' },
      ],
      [{ ...base, skills: [{ skillId: archivedSkill.id, level: 2 }] }, { 'skills.0.skillId': 'unknown_skill' }],
      [{ ...base, skills: [{ skillId: archivedSkill.id, level: 5 }] }, { 'skills.0.level': expect.any(String) }],
      [
        {
          ...base,
          nextSteps: [
            { kind: 'package', packageId: own.id },
            { kind: 'package', packageId: own.id },
          ],
        },
        { 'nextSteps.1': 'duplicate' },
      ],
      [{ ...base, nextSteps: [{ kind: 'package', packageId: archived.id }] }, { 'nextSteps.0.packageId': 'archived' }],
      [
        { ...base, nextSteps: [{ kind: 'package', packageId: crypto.randomUUID() }] },
        { 'nextSteps.0.packageId': 'unknown_reference' },
      ],
      [
        { ...base, nextSteps: [{ kind: 'outflow', exitDestination: 'maan' }] },
        { 'nextSteps.0.exitDestination': 'not_in_list' },
      ],
      [{ ...base, nextSteps: [{ kind: 'teleport' }] }, {}],
      [{ ...base, teamId: crypto.randomUUID() }, { teamId: 'unknown_reference' }],
    ];
    for (const [payload, fields] of cases) {
      const res = await inject(admin, 'POST', '/work-packages', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.fields, JSON.stringify(payload)).toMatchObject(fields);
    }
    // A next step to the package itself.
    const self = await inject(admin, 'PUT', `/work-packages/${own.id}`, {
      ...base,
      name: 'Eigen',
      nextSteps: [{ kind: 'package', packageId: own.id }],
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual({ 'nextSteps.0.packageId': 'self_step' });
    // The same name twice in one team.
    const clash = await inject(admin, 'POST', '/work-packages', { ...base, name: 'eigen' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toEqual({ name: 'already_in_use' });
    expect(await countRows(workPackages)).toBe(before);
    const steps = await t.database.db
      .select()
      .from(workPackageNextSteps)
      .where(eq(workPackageNextSteps.packageId, own.id));
    expect(steps).toEqual([]);
  });

  it('archived packages leave the list but stay readable with ?archived=true', async () => {
    const pkg = await buildWorkPackage(t.database.db, { organisationId: orgId, teamId, name: 'Weg' });
    const res = await inject(admin, 'POST', `/work-packages/${pkg.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().archived).toBe(true);
    const current = await inject(admin, 'GET', `/work-packages?teamId=${teamId}`);
    expect(current.json().items.map((p: { id: string }) => p.id)).not.toContain(pkg.id);
    const all = await inject(admin, 'GET', `/work-packages?teamId=${teamId}&archived=true`);
    expect(all.json().items.map((p: { id: string }) => p.id)).toContain(pkg.id);
    const edit = await inject(admin, 'PUT', `/work-packages/${pkg.id}`, {
      teamId,
      name: 'Weg',
      step: 1,
      workMode: 'uitvoerend',
    });
    expect(edit.statusCode).toBe(409);
    const back = await inject(admin, 'POST', `/work-packages/${pkg.id}/unarchive`);
    expect(back.json().archived).toBe(false);
  });

  it('another organisation does not see or change the packages (404)', async () => {
    const pkg = await buildWorkPackage(t.database.db, { organisationId: orgId, teamId });
    const otherOrg = (await buildOrganisation(t.database.db)).id;
    const other = (await loggedIn(t.app, t.database.db, 'admin', otherOrg)).cookie;
    const list = await inject(other, 'GET', '/work-packages');
    expect(list.json().items).toEqual([]);
    expect((await inject(other, 'POST', `/work-packages/${pkg.id}/archive`)).statusCode).toBe(404);
  });
});

describe('placements and readiness', () => {
  async function setting() {
    const db = t.database.db;
    const coach = await buildUser(db, { organisationId: orgId, role: 'coach' });
    const team = await buildTeam(db, { organisationId: orgId });
    const skill = await buildSkill(db, { organisationId: orgId, teamId: team.id, name: 'Snoeien' });
    const p = await buildParticipant(db, { organisationId: orgId, teamId: team.id, coachId: coach.id });
    const top = await buildWorkPackage(db, {
      organisationId: orgId,
      teamId: team.id,
      name: 'Ploegleider groen',
      step: 3,
      competencies: [
        { competencyKey: 'samenwerken', level: 3 },
        { competencyKey: 'stiptheid', level: 3 },
      ],
      skills: [{ skillId: skill.id, level: 3 }],
    });
    const middle = await buildWorkPackage(db, {
      organisationId: orgId,
      teamId: team.id,
      name: 'Groen zelfstandig',
      step: 2,
      nextPackageIds: [top.id],
    });
    const start = await buildWorkPackage(db, {
      organisationId: orgId,
      teamId: team.id,
      name: 'Groen basis',
      step: 1,
      nextPackageIds: [middle.id],
    });
    return { coach, team, skill, p, top, middle, start, coachCookie: await login(t.app, coach) };
  }

  it('the coach places a participant; a move records a career event and closes the previous placement', async () => {
    const s = await setting();
    const first = await inject(s.coachCookie, 'POST', `/participants/${s.p.id}/placements`, {
      packageId: s.start.id,
      fromDate: '2024-02-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().current.package.id).toBe(s.start.id);
    expect(first.json().nextSteps).toMatchObject([{ kind: 'package', targetId: s.middle.id }]);
    const second = await inject(s.coachCookie, 'POST', `/participants/${s.p.id}/placements`, {
      packageId: s.middle.id,
      fromDate: '2024-05-01',
      note: 'Klaar voor meer.',
    });
    expect(second.statusCode, second.body).toBe(201);
    const body = second.json();
    expect(body.current).toMatchObject({ package: { id: s.middle.id }, fromDate: '2024-05-01', toDate: null });
    expect(
      body.history.map((h: { package: { id: string }; toDate: string | null }) => [h.package.id, h.toDate]),
    ).toEqual([
      [s.middle.id, null],
      [s.start.id, '2024-05-01'],
    ]);
    expect(body.packages.map((p: { id: string }) => p.id).sort()).toEqual([s.start.id, s.middle.id, s.top.id].sort());
    const events = await t.database.db
      .select()
      .from(careerEvents)
      .where(and(eq(careerEvents.participantId, s.p.id), eq(careerEvents.kind, 'package_change')));
    expect(events.map((e) => [e.date, e.toRole])).toEqual(
      expect.arrayContaining([
        ['2024-02-01', 'Groen basis'],
        ['2024-05-01', 'Groen zelfstandig'],
      ]),
    );
    // The timeline of the dossier shows the move.
    const dossier = await inject(s.coachCookie, 'GET', `/participants/${s.p.id}`);
    expect(dossier.json().timeline.map((e: { kind: string }) => e.kind)).toContain('package_change');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, s.p.id), eq(auditLog.action, 'participant.placed')));
    expect(audits).toHaveLength(2);
  });

  it('readiness per next step: supervisor score first, coach score otherwise, ILUO for skills', async () => {
    const db = t.database.db;
    const s = await setting();
    await buildPlacement(db, { organisationId: orgId, participantId: s.p.id, packageId: s.middle.id });
    const idOf = (key: string) => framework.competencies.find((c) => c.key === key)?.id as string;
    // samenwerken: supervisor 2 (not enough) although the coach says 4; stiptheid: only a coach score, 3.
    await buildObservation(db, {
      organisationId: orgId,
      participantId: s.p.id,
      versionId: framework.version.id,
      raterKind: 'supervisor',
      scores: { [idOf('samenwerken')]: 2 },
    });
    await buildObservation(db, {
      organisationId: orgId,
      participantId: s.p.id,
      versionId: framework.version.id,
      raterKind: 'coach',
      scores: { [idOf('samenwerken')]: 4, [idOf('stiptheid')]: 3 },
    });
    await buildSkillLevel(db, { organisationId: orgId, skillId: s.skill.id, participantId: s.p.id, level: 3 });

    const res = await inject(s.coachCookie, 'GET', `/participants/${s.p.id}/pathway`);
    expect(res.statusCode, res.body).toBe(200);
    const [step] = res.json().nextSteps;
    expect(step.targetId).toBe(s.top.id);
    expect(step.readiness).toMatchObject({ met: 2, total: 3, ready: false });
    expect(
      step.readiness.items.map((i: { key: string; current: number; source: string; met: boolean }) => [
        i.key,
        i.current,
        i.source,
        i.met,
      ]),
    ).toEqual([
      ['samenwerken', 2, 'supervisor', false],
      ['stiptheid', 3, 'coach', true],
      [s.skill.id, 3, 'iluo', true],
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, s.p.id), eq(auditLog.action, 'pathway.read')));
    expect(audit).toHaveLength(1);
  });

  it('refuses bad placements with field errors and writes nothing', async () => {
    const db = t.database.db;
    const s = await setting();
    await buildPlacement(db, {
      organisationId: orgId,
      participantId: s.p.id,
      packageId: s.middle.id,
      fromDate: '2024-04-01',
    });
    const archived = await buildWorkPackage(db, { organisationId: orgId, teamId: s.team.id, archived: true });
    const url = `/participants/${s.p.id}/placements`;
    const cases: [object, Record<string, string>][] = [
      [{ packageId: s.middle.id, fromDate: '2024-05-01' }, { packageId: 'already_placed' }],
      [{ packageId: s.top.id, fromDate: '2024-03-01' }, { fromDate: 'before_current' }],
      [{ packageId: archived.id, fromDate: '2024-05-01' }, { packageId: 'archived' }],
      [{ packageId: crypto.randomUUID(), fromDate: '2024-05-01' }, { packageId: 'unknown_reference' }],
      [{ packageId: s.top.id, fromDate: '2999-01-01' }, { fromDate: expect.any(String) }],
      [{ packageId: s.top.id, fromDate: '2024-02-30' }, { fromDate: expect.any(String) }],
      [{ packageId: s.top.id }, { fromDate: expect.any(String) }],
      [{ packageId: s.top.id, fromDate: '2023-01-01' }, {}],
    ];
    const placementsBefore = await countRows(workPackagePlacements);
    for (const [payload, fields] of cases) {
      const res = await inject(s.coachCookie, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields, JSON.stringify(payload)).toMatchObject(fields);
    }
    expect(await countRows(workPackagePlacements)).toBe(placementsBefore);
    const events = await db
      .select()
      .from(careerEvents)
      .where(and(eq(careerEvents.participantId, s.p.id), eq(careerEvents.kind, 'package_change')));
    expect(events).toEqual([]);
  });

  it('after an exit no move is possible; an archived dossier is read-only', async () => {
    const db = t.database.db;
    const exited = await buildParticipant(db, { organisationId: orgId, status: 'exited' });
    const pkg = await buildWorkPackage(db, { organisationId: orgId, teamId });
    const res = await inject(admin, 'POST', `/participants/${exited.id}/placements`, {
      packageId: pkg.id,
      fromDate: '2024-07-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ fromDate: 'after_exit' });
    const archived = await buildParticipant(db, { organisationId: orgId, status: 'exited', archived: true });
    const locked = await inject(admin, 'POST', `/participants/${archived.id}/placements`, {
      packageId: pkg.id,
      fromDate: '2024-05-01',
    });
    expect(locked.statusCode).toBe(409);
  });

  it('who reaches the position: related staff and the participant themselves; others 404; only coach/admin place', async () => {
    const db = t.database.db;
    const s = await setting();
    await buildPlacement(db, { organisationId: orgId, participantId: s.p.id, packageId: s.start.id });
    const url = `/participants/${s.p.id}/pathway`;
    const otherCoach = (await loggedIn(t.app, db, 'coach', orgId)).cookie;
    expect((await inject(otherCoach, 'GET', url)).statusCode).toBe(404);
    expect(
      (
        await inject(otherCoach, 'POST', `/participants/${s.p.id}/placements`, {
          packageId: s.middle.id,
          fromDate: '2024-05-01',
        })
      ).statusCode,
    ).toBe(404);
    const sup = await loggedIn(t.app, db, 'supervisor', orgId);
    expect((await inject(sup.cookie, 'GET', url)).statusCode).toBe(404);
    await addSupervisor(db, s.team.id, sup.user.id, orgId);
    const asSupervisor = await inject(sup.cookie, 'GET', url);
    expect(asSupervisor.statusCode).toBe(200);
    expect(asSupervisor.json().canPlace).toBe(false);
    expect(
      (
        await inject(sup.cookie, 'POST', `/participants/${s.p.id}/placements`, {
          packageId: s.middle.id,
          fromDate: '2024-05-01',
        })
      ).statusCode,
    ).toBe(403);

    // The participant: their own map through /me and through their id; another participant's is 404.
    const own = await loggedIn(t.app, db, 'participant', orgId);
    await db.update(participants).set({ userId: own.user.id }).where(eq(participants.id, s.p.id));
    const mine = await inject(own.cookie, 'GET', '/participants/me/pathway');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ current: { package: { id: s.start.id } }, canPlace: false });
    expect((await inject(own.cookie, 'GET', url)).statusCode).toBe(200);
    const other = await buildParticipant(db, { organisationId: orgId });
    expect((await inject(own.cookie, 'GET', `/participants/${other.id}/pathway`)).statusCode).toBe(404);
    expect((await inject(own.cookie, 'GET', '/work-packages')).statusCode).toBe(403);
    const stranger = await loggedIn(t.app, db, 'participant', orgId);
    expect((await inject(stranger.cookie, 'GET', '/participants/me/pathway')).statusCode).toBe(404);
  });
});
