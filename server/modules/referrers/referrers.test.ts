import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildReferrer, loggedIn } from '../../../test/support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('referrers', () => {
  it('lets an admin keep the list; coaches and managers read it; supervisors do not', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await loggedIn(t.app, t.database.db, 'admin', org.id);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrers',
      headers: { cookie: admin.cookie },
      payload: { name: 'VDAB Gent', kind: 'vdab', email: 'trajectbegeleiding@vdab.example' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ name: 'VDAB Gent', kind: 'vdab', phone: null, archived: false });

    const archived = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/referrers/${r.id}`,
      headers: { cookie: admin.cookie },
      payload: { archived: true, phone: '09 123 45 67' },
    });
    expect(archived.json()).toMatchObject({ archived: true, phone: '09 123 45 67' });

    for (const role of ['coach', 'manager'] as const) {
      const { cookie } = await loggedIn(t.app, t.database.db, role, org.id);
      const visible = await t.app.inject({ method: 'GET', url: '/api/v1/referrers', headers: { cookie } });
      expect(visible.json().items).toEqual([]);
      const all = await t.app.inject({ method: 'GET', url: '/api/v1/referrers?archived=true', headers: { cookie } });
      expect(all.json().items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    }
    const sup = await loggedIn(t.app, t.database.db, 'supervisor', org.id);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/referrers', headers: { cookie: sup.cookie } })).statusCode,
    ).toBe(403);
  });

  it('refuses a duplicate name (409 on name), an unknown kind (400) and another organisation’s referrer (404)', async () => {
    const org = await buildOrganisation(t.database.db);
    const { cookie } = await loggedIn(t.app, t.database.db, 'admin', org.id);
    await buildReferrer(t.database.db, { organisationId: org.id, name: 'CAW Oost-Vlaanderen', kind: 'caw' });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrers',
      headers: { cookie },
      payload: { name: 'caw oost-vlaanderen', kind: 'caw' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual({ name: 'already_in_use' });
    const kind = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrers',
      headers: { cookie },
      payload: { name: 'X', kind: 'politie' },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields).toHaveProperty('kind');
    const foreign = await buildReferrer(t.database.db);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/referrers/${foreign.id}`,
      headers: { cookie },
      payload: { name: 'Gekaapt' },
    });
    expect(res.statusCode).toBe(404);
  });
});
