import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, loggedIn } from '../../../test/support/factories';
import { buildFramework } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, competencyFrameworks } from '../../db/schema';
import { defaultCompetencyKeys } from './default-framework';
import { api, frameworkBody, frameworkRowCounts } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function adminOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const admin = await loggedIn(t.app, db, 'admin', org.id);
  return { orgId: org.id, ...admin, call: api(t.app, admin.cookie) };
}

const auditActions = async (orgId: string, targetId: string) =>
  (
    await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.targetId, targetId)))
      .orderBy(asc(auditLog.id))
  ).map((r) => r.action);

describe('creating frameworks', () => {
  it('makes the first framework of an organisation the default, the second not', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const first = await call.post('/competency-frameworks', frameworkBody());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ isDefault: true, archived: false, currentVersion: 1, competencyCount: 3 });
    expect(first.json().current.competencies.map((c: { key: string }) => c.key)).toEqual([
      'samenwerken',
      'stiptheid',
      'zorgvuldigheid',
    ]);
    expect(first.json().versions).toEqual([
      { id: first.json().current.id, number: 1, createdAt: expect.any(String), ratingCount: 0 },
    ]);
    const second = await call.post('/competency-frameworks', frameworkBody());
    expect(second.statusCode).toBe(201);
    expect(second.json().isDefault).toBe(false);
    expect(await auditActions(orgId, first.json().id)).toEqual(['competencyFramework.created']);
  });

  it('refuses a name in use (case-insensitive) with 409 on the name field and stores nothing', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const body = frameworkBody({ name: 'Werkattitude' });
    expect((await call.post('/competency-frameworks', body)).statusCode).toBe(201);
    const before = await frameworkRowCounts(db, orgId);
    const clash = await call.post('/competency-frameworks', { ...body, name: 'WERKATTITUDE' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'conflict', fields: { name: 'already_in_use' } });
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('refuses indicators that do not match the scale with a field error', async () => {
    const { call } = await adminOfNewOrganisation();
    const body = frameworkBody();
    body.competencies[1]?.indicators.pop();
    const res = await call.post('/competency-frameworks', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty(['competencies.1.indicators']);
  });

  it('is for the admin only; every role reads', async () => {
    const org = await buildOrganisation(db);
    const { call: admin } = await adminOfNewOrganisation();
    expect((await admin.get('/competency-frameworks')).statusCode).toBe(200);
    for (const role of ['coach', 'supervisor', 'trainer', 'manager', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, org.id);
      expect((await api(t.app, cookie).post('/competency-frameworks', frameworkBody())).statusCode).toBe(403);
      expect((await api(t.app, cookie).get('/competency-frameworks')).statusCode).toBe(200);
    }
  });
});

describe('the default framework', () => {
  it('GET /competency-frameworks/default gives the current version of the default, 404 when there is none', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const none = await call.get('/competency-frameworks/default');
    expect(none.statusCode).toBe(404);
    const { framework, version } = await buildFramework(db, { organisationId: orgId });
    const res = await call.get('/competency-frameworks/default');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: version.id, frameworkId: framework.id, number: 1 });
    expect(res.json().scale).toHaveLength(4);
  });

  it('moves the default to another framework; the default cannot be archived (409)', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const a = (await call.post('/competency-frameworks', frameworkBody())).json();
    const b = (await call.post('/competency-frameworks', frameworkBody())).json();
    const archiveDefault = await call.post(`/competency-frameworks/${a.id}/archive`);
    expect(archiveDefault.statusCode).toBe(409);

    const moved = await call.post(`/competency-frameworks/${b.id}/default`);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().isDefault).toBe(true);
    const defaults = await db
      .select({ id: competencyFrameworks.id })
      .from(competencyFrameworks)
      .where(and(eq(competencyFrameworks.organisationId, orgId), eq(competencyFrameworks.isDefault, true)));
    expect(defaults).toEqual([{ id: b.id }]);
    expect((await call.get('/competency-frameworks/default')).json().frameworkId).toBe(b.id);

    const archived = await call.post(`/competency-frameworks/${a.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect((await call.get('/competency-frameworks')).json().items.map((f: { id: string }) => f.id)).toEqual([b.id]);
    const all = (await call.get('/competency-frameworks?archived=true')).json().items;
    expect(all.map((f: { id: string }) => f.id).sort()).toEqual([a.id, b.id].sort());

    // An archived framework cannot become the default, nor be changed, until it is unarchived.
    expect((await call.post(`/competency-frameworks/${a.id}/default`)).statusCode).toBe(409);
    expect((await call.put(`/competency-frameworks/${a.id}`, frameworkBody())).statusCode).toBe(409);
    const back = await call.post(`/competency-frameworks/${a.id}/unarchive`);
    expect(back.json()).toMatchObject({ archived: false, isDefault: false });
    expect(await auditActions(orgId, a.id)).toEqual([
      'competencyFramework.created',
      'competencyFramework.archived',
      'competencyFramework.unarchived',
    ]);
    expect(await auditActions(orgId, b.id)).toEqual(['competencyFramework.created', 'competencyFramework.default_set']);
  });

  it('adds "11 kerncompetenties" for an organisation without it, once (409 the second time)', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const res = await call.post('/competency-frameworks/default-template');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '11 kerncompetenties', isDefault: true, competencyCount: 11 });
    expect(res.json().current.competencies.map((c: { key: string }) => c.key)).toEqual([...defaultCompetencyKeys]);
    const profiles = (await call.get(`/job-profiles?frameworkId=${res.json().id}`)).json().items;
    expect(profiles.map((p: { name: string }) => p.name)).toEqual([
      'Arbeider',
      'Hulpmeestergast',
      'Meestergast',
      'Omkadering',
    ]);
    const before = await frameworkRowCounts(db, orgId);
    const again = await call.post('/competency-frameworks/default-template');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ name: 'already_in_use' });
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('keeps another default when the template is added next to it', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const { framework } = await buildFramework(db, { organisationId: orgId, isDefault: true });
    const res = await call.post('/competency-frameworks/default-template');
    expect(res.json().isDefault).toBe(false);
    expect((await call.get('/competency-frameworks/default')).json().frameworkId).toBe(framework.id);
  });
});

describe('reading', () => {
  it('answers 404 for a framework or version of another organisation', async () => {
    const { call } = await adminOfNewOrganisation();
    const other = await buildFramework(db);
    expect((await call.get(`/competency-frameworks/${other.framework.id}`)).statusCode).toBe(404);
    expect((await call.get(`/competency-framework-versions/${other.version.id}`)).statusCode).toBe(404);
    expect((await call.post(`/competency-frameworks/${other.framework.id}/archive`)).statusCode).toBe(404);
  });

  it('reads one version with its scale and competencies in order', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const { version } = await buildFramework(db, { organisationId: orgId, keys: ['b_twee', 'a_een'] });
    const res = await call.get(`/competency-framework-versions/${version.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().competencies.map((c: { key: string; position: number }) => [c.key, c.position])).toEqual([
      ['b_twee', 0],
      ['a_een', 1],
    ]);
  });
});
