import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildUser, loggedIn } from '../../../test/support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /participants/coach-options', () => {
  it('names the active coaches of the own organisation only, sorted by name', async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const other = await buildOrganisation(db);
    const zoe = await buildUser(db, { organisationId: org.id, role: 'coach', name: 'Zoë Peeters' });
    const ahmed = await buildUser(db, { organisationId: org.id, role: 'coach', name: 'Ahmed El Amrani' });
    await buildUser(db, { organisationId: org.id, role: 'coach', name: 'Gestopt Coach', deactivated: true });
    await buildUser(db, { organisationId: org.id, role: 'supervisor', name: 'Geen Coach' });
    await buildUser(db, { organisationId: other.id, role: 'coach', name: 'Andere Organisatie' });

    const { cookie } = await loggedIn(t.app, db, 'supervisor', org.id);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants/coach-options',
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { id: ahmed.id, name: 'Ahmed El Amrani' },
        { id: zoe.id, name: 'Zoë Peeters' },
      ],
    });
  });

  it('gives names and ids only: no e-mail or login name leaks to a coach', async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const me = await loggedIn(t.app, db, 'coach', org.id);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants/coach-options',
      headers: { cookie: me.cookie },
    });
    const items: Record<string, unknown>[] = response.json().items;
    expect(items.map((i) => i.id)).toEqual([me.user.id]);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name']);
  });

  it('is refused to trainers and participants', async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    for (const role of ['trainer', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, org.id);
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/participants/coach-options',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(403);
    }
  });
});
