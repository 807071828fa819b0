import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, loggedIn } from '../../../test/support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sites', () => {
  it('lets an admin create and rename a site, and records both in the audit log', async () => {
    const org = await buildOrganisation(t.database.db);
    const { cookie } = await loggedIn(t.app, t.database.db, 'admin', org.id);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie },
      payload: { name: 'Antwerpen', address: 'Kaai 1' },
    });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({ name: 'Antwerpen', address: 'Kaai 1', archived: false });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: { cookie },
      payload: { name: 'Antwerpen-Noord' },
    });
    expect(renamed.json().name).toBe('Antwerpen-Noord');

    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=site.', headers: { cookie } });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['site.updated', 'site.created']);
  });

  it('refuses a second site with the same name in one organisation, as a field error', async () => {
    const org = await buildOrganisation(t.database.db);
    const { cookie } = await loggedIn(t.app, t.database.db, 'admin', org.id);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie },
      payload: { name: 'Gent' },
    });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie },
      payload: { name: 'gent' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', fields: { name: 'already_in_use' } });
  });
});
