import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInIluoLabels, type IluoMatrix, matrixCells, matrixTrainingNeeds } from '#shared/iluo';
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
import { auditLog, iluoLevelLabels, user } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });

/**
 * A team "Groen" with skills in groups, two active participants, people who must not show (paused, exited,
 * archived, in another team, a deactivated supervisor), two supervisors, and levels that give each kind of flag.
 */
async function groenTeam() {
  const org = await buildOrganisation(db);
  const orgId = org.id;
  const team = await buildTeam(db, { organisationId: orgId, name: 'Groen' });
  const supervisor = await loggedIn(t.app, db, 'supervisor', orgId);
  await db.update(user).set({ name: 'Zeger Zorg' }).where(eq(user.id, supervisor.user.id));
  const coLead = await buildUser(db, { organisationId: orgId, role: 'coach', name: 'Carla Coach' });
  const gone = await buildUser(db, { organisationId: orgId, role: 'supervisor', deactivated: true });
  for (const id of [supervisor.user.id, coLead.id, gone.id]) await addSupervisor(db, team.id, id, orgId);

  const inTeam = (firstName: string, lastName: string, extra: object = {}) =>
    buildParticipant(db, { organisationId: orgId, teamId: team.id, firstName, lastName, ...extra });
  const bert = await inTeam('Bert', 'Boon');
  const anna = await inTeam('Anna', 'Aerts');
  const paused = await inTeam('Piet', 'Pauze', { status: 'paused' });
  const exited = await inTeam('Els', 'Exit', { status: 'exited' });
  const archived = await inTeam('Arne', 'Archief', { status: 'exited', archived: true });
  const elsewhere = await buildParticipant(db, { organisationId: orgId, firstName: 'Olga', lastName: 'Ander' });

  const skill = (name: string, position: number, groupName = '', critical = false, archivedSkill = false) =>
    buildSkill(db, {
      organisationId: orgId,
      teamId: team.id,
      name,
      position,
      groupName,
      critical,
      archived: archivedSkill,
    });
  const haag = await skill('Haag snoeien', 0, 'Snoeien', true);
  const boom = await skill('Boom snoeien', 1, 'Snoeien');
  const veilig = await skill('Veilig werken', 2, '', true);
  const maaier = await skill('Maaier', 3, 'Machines', true);
  const takken = await skill('Takken ruimen', 4, 'Snoeien');
  await skill('Oude taak', 5, 'Snoeien', false, true);

  const assessor = await buildUser(db, { organisationId: orgId, role: 'supervisor', name: 'Bea Beoordelaar' });
  const level = (skillId: string, who: { participantId?: string; userId?: string }, lvl: number, on = '2025-03-01') =>
    buildSkillLevel(db, {
      organisationId: orgId,
      skillId,
      ...who,
      level: lvl,
      assessedOn: on,
      assessorId: assessor.id,
    });
  await level(haag.id, { participantId: anna.id }, 3);
  await level(haag.id, { participantId: bert.id }, 1, '2024-05-01');
  await level(haag.id, { participantId: bert.id }, 4);
  await level(veilig.id, { participantId: anna.id }, 4);
  // Levels of people outside the matrix never count.
  await level(veilig.id, { participantId: paused.id }, 4);
  await level(veilig.id, { participantId: exited.id }, 4);
  await level(veilig.id, { userId: gone.id }, 4);
  await level(maaier.id, { participantId: bert.id }, 2);
  await level(maaier.id, { participantId: elsewhere.id }, 4);
  await level(boom.id, { userId: supervisor.user.id }, 1);
  await level(takken.id, { userId: coLead.id }, 3);
  return {
    orgId,
    team,
    supervisor,
    coLead,
    people: { anna, bert, paused, exited, archived, elsewhere },
    skills: { haag, boom, veilig, maaier, takken },
  };
}

describe('GET /teams/:id/iluo-matrix', () => {
  it('gives the groups, the people, the current levels, coverage, flags and training needs', async () => {
    const { team, supervisor, coLead, people, skills } = await groenTeam();
    const res = await get(supervisor.cookie, `/teams/${team.id}/iluo-matrix`);
    expect(res.statusCode, res.body).toBe(200);
    const m: IluoMatrix = res.json();
    expect(m.team).toEqual({ id: team.id, name: 'Groen' });

    // Groups in the order of their first skill; a group's later skill joins it.
    expect(m.groups.map((g) => [g.name, g.skills.map((s) => s.name)])).toEqual([
      ['Snoeien', ['Haag snoeien', 'Boom snoeien', 'Takken ruimen']],
      ['', ['Veilig werken']],
      ['Machines', ['Maaier']],
    ]);
    const byName = Object.fromEntries(m.groups.flatMap((g) => g.skills).map((s) => [s.name, s]));
    expect(byName['Haag snoeien']).toMatchObject({ critical: true, coverage: 2, flag: null });
    expect(byName['Veilig werken']).toMatchObject({ critical: true, coverage: 1, flag: 'single_point_of_failure' });
    expect(byName.Maaier).toMatchObject({ critical: true, coverage: 0, flag: 'no_coverage' });
    expect(byName['Boom snoeien']).toMatchObject({ critical: false, coverage: 0, flag: null });
    expect(byName['Takken ruimen']).toMatchObject({ coverage: 1, flag: null });

    // Active participants by name, then the active supervisors by name.
    expect(m.people).toEqual([
      { kind: 'participant', id: people.anna.id, name: 'Anna Aerts' },
      { kind: 'participant', id: people.bert.id, name: 'Bert Boon' },
      { kind: 'staff', id: coLead.id, name: 'Carla Coach' },
      { kind: 'staff', id: supervisor.user.id, name: 'Zeger Zorg' },
    ]);

    // A grid: a row per person, a column per skill in group order, each assessor's name once.
    const order = m.groups.flatMap((g) => g.skills.map((s) => s.id));
    expect(m.levels).toHaveLength(m.people.length);
    expect(m.levels.every((row) => row.length === order.length)).toBe(true);
    expect(new Set(m.assessors).size).toBe(m.assessors.length);
    const bert = m.people.findIndex((p) => p.id === people.bert.id);
    const haag = order.indexOf(skills.haag.id);
    expect(m.levels[bert]?.[haag]).toEqual({ level: 4, assessedOn: '2025-03-01', assessor: expect.any(Number) });
    expect(m.assessors[m.levels[bert]?.[haag]?.assessor ?? -1]).toBe('Bea Beoordelaar');

    const cells = matrixCells(m);
    expect(cells.find((c) => c.skillId === skills.haag.id && c.personId === people.bert.id)).toEqual({
      skillId: skills.haag.id,
      personId: people.bert.id,
      level: 4,
      assessedOn: '2025-03-01',
      assessorName: 'Bea Beoordelaar',
    });
    expect(cells).toHaveLength(6);
    expect(m.levels.flat().filter(Boolean)).toHaveLength(6);

    expect(matrixTrainingNeeds(m)).toEqual([
      { skillId: skills.boom.id, personId: supervisor.user.id, level: 1 },
      { skillId: skills.maaier.id, personId: people.bert.id, level: 2 },
    ]);
    expect(m.labels.map((l) => [l.letter, l.label, l.custom])).toEqual(
      builtInIluoLabels.map((l, i) => [['I', 'L', 'U', 'O'][i], l.label, false]),
    );
    expect(m).toMatchObject({ canManage: true, canAssess: true });
  });

  it('tells each reader what they may do; the admin of another organisation gets 404, a participant 403', async () => {
    const { orgId, team } = await groenTeam();
    const expectations = [
      ['admin', true],
      ['coach', false],
      ['manager', false],
      ['trainer', false],
      ['supervisor', false],
    ] as const;
    for (const [role, may] of expectations) {
      const { cookie } = await loggedIn(t.app, db, role, orgId);
      const res = await get(cookie, `/teams/${team.id}/iluo-matrix`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ canManage: may, canAssess: may });
    }
    const participant = await loggedIn(t.app, db, 'participant', orgId);
    expect((await get(participant.cookie, `/teams/${team.id}/iluo-matrix`)).statusCode).toBe(403);
    const foreignAdmin = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    expect((await get(foreignAdmin.cookie, `/teams/${team.id}/iluo-matrix`)).statusCode).toBe(404);
    expect((await get(foreignAdmin.cookie, `/teams/${crypto.randomUUID()}/iluo-matrix`)).statusCode).toBe(404);
  });

  it('is empty but whole for a team without skills or people', async () => {
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id, name: 'Leeg' });
    const { cookie } = await loggedIn(t.app, db, 'manager', org.id);
    const res = await get(cookie, `/teams/${team.id}/iluo-matrix`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ groups: [], people: [], assessors: [], levels: [] });
    expect(res.json().labels).toHaveLength(4);
  });
});

/** The document information's title: a PDF literal string, UTF-16 when it holds more than ASCII. */
function pdfTitle(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text);
  const literal = ref ? new RegExp(`\\n${ref[1]} 0 obj\\n\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(text) : null;
  if (!literal?.[1]) return undefined;
  const raw = literal[1].replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]+$/.test(e)
      ? String.fromCharCode(Number.parseInt(e, 8))
      : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e),
  );
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return raw;
}

describe('GET /teams/:id/iluo-matrix.pdf', () => {
  it('sends a landscape A3 wall chart named after the team, and audits the export', async () => {
    const { team, coLead, orgId } = await groenTeam();
    const trainer = await loggedIn(t.app, db, 'trainer', orgId);
    const res = await get(trainer.cookie, `/teams/${team.id}/iluo-matrix.pdf?size=A3`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="iluo-matrix-groen-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfTitle(pdf)).toBe('ILUO-matrix Groen');
    // Landscape A3: 420 × 297 mm.
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 1190.55 841.89]');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'iluo.matrix_exported'), eq(auditLog.actorId, trainer.user.id)));
    expect(audit).toMatchObject({ targetType: 'team', targetId: team.id });
    expect(audit?.details).toEqual({ format: 'pdf', size: 'A3', people: 4, skills: 5 });
    expect(JSON.stringify(audit)).not.toContain(coLead.name);
  });

  it('is A4 by default, spells names with accents, and refuses other sizes', async () => {
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id, name: 'Zoë & Co' });
    await buildSkill(db, { organisationId: org.id, teamId: team.id, name: 'Één taak', critical: true });
    const { cookie } = await loggedIn(t.app, db, 'coach', org.id);
    const res = await get(cookie, `/teams/${team.id}/iluo-matrix.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(pdfTitle(res.rawPayload)).toBe('ILUO-matrix Zoë & Co');
    expect(res.headers['content-disposition']).toContain('filename="iluo-matrix-zoe-co-');
    const bad = await get(cookie, `/teams/${team.id}/iluo-matrix.pdf?size=A5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('size');
  });
});

describe('GET and PUT /iluo-labels', () => {
  const body = (overrides: Record<number, { label: string; meaning: string }>) => ({
    items: builtInIluoLabels.map((l) => ({
      level: l.level,
      label: l.label,
      meaning: l.meaning,
      ...overrides[l.level],
    })),
  });

  it('stores the organisation’s own words for the levels it changed, and the matrix uses them', async () => {
    const { orgId, team } = await groenTeam();
    const admin = await loggedIn(t.app, db, 'admin', orgId);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/iluo-labels',
      headers: { cookie: admin.cookie },
      payload: body({ 1: { label: 'Leerling', meaning: 'Kijkt mee en leert.' } }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toEqual({
      level: 1,
      letter: 'I',
      label: 'Leerling',
      meaning: 'Kijkt mee en leert.',
      custom: true,
    });
    expect(
      res
        .json()
        .items.slice(1)
        .every((l: { custom: boolean }) => !l.custom),
    ).toBe(true);
    expect(await db.select().from(iluoLevelLabels).where(eq(iluoLevelLabels.organisationId, orgId))).toHaveLength(1);

    const supervisor = await loggedIn(t.app, db, 'supervisor', orgId);
    expect((await get(supervisor.cookie, '/iluo-labels')).json().items[0].label).toBe('Leerling');
    expect((await get(supervisor.cookie, `/teams/${team.id}/iluo-matrix`)).json().labels[0].label).toBe('Leerling');

    // Back to the built-in words: no row is left.
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/iluo-labels',
      headers: { cookie: admin.cookie },
      payload: body({}),
    });
    expect(await db.select().from(iluoLevelLabels).where(eq(iluoLevelLabels.organisationId, orgId))).toEqual([]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'iluo_labels.replaced'), eq(auditLog.organisationId, orgId)));
    expect(audits.map((a) => a.details)).toEqual([{ ownLevels: [1] }, { ownLevels: [] }]);
  });

  it('refuses missing, extra or unordered levels and empty words; only the admin may change them', async () => {
    const org = await buildOrganisation(db);
    const admin = await loggedIn(t.app, db, 'admin', org.id);
    const put = (cookie: string, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/iluo-labels', headers: { cookie }, payload });
    const good = body({});
    for (const payload of [
      { items: good.items.slice(0, 3) },
      { items: [...good.items].reverse() },
      { items: [...good.items, { level: 4, label: 'x', meaning: 'y' }] },
      body({ 2: { label: '  ', meaning: 'Iets' } }),
      body({ 3: { label: 'x'.repeat(41), meaning: 'Iets' } }),
    ]) {
      expect((await put(admin.cookie, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const role of ['supervisor', 'coach', 'manager'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, org.id);
      expect((await put(cookie, good)).statusCode).toBe(403);
    }
    expect(await db.select().from(iluoLevelLabels).where(eq(iluoLevelLabels.organisationId, org.id))).toEqual([]);
  });
});
