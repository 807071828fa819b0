import { parse } from 'csv-parse/sync';
import { eq, gt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns, importColumns } from '#shared/participant-import';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildReferrer,
  buildSite,
  buildTeam,
  buildUser,
  login,
} from '../../../../test/support/factories';
import type { Db } from '../../../db/client';
import { auditLog, participants } from '../../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

/** Sites, teams, coaches and a referrer with the given names: two organisations can be built alike. */
async function workplace() {
  const organisationId = (await buildOrganisation(db)).id;
  const site = await buildSite(db, { organisationId, name: 'Gent' });
  const groen = await buildTeam(db, { organisationId, siteId: site.id, name: 'Groen' });
  const renovatie = await buildTeam(db, { organisationId, siteId: site.id, name: 'Renovatie' });
  const referrer = await buildReferrer(db, { organisationId, name: 'VDAB Gent' });
  const an = await buildUser(db, { organisationId, role: 'coach', name: 'An Peeters' });
  const bart = await buildUser(db, { organisationId, role: 'coach', name: 'Bart Claes' });
  const supervisor = await buildUser(db, { organisationId, role: 'supervisor', name: 'Piet Werkvloer' });
  await addSupervisor(db, groen.id, supervisor.id, organisationId);
  const admin = await buildUser(db, { organisationId, role: 'admin' });
  const manager = await buildUser(db, { organisationId, role: 'manager' });
  return { organisationId, site, groen, renovatie, referrer, an, bart, supervisor, admin, manager };
}

type Workplace = Awaited<ReturnType<typeof workplace>>;

/** Three dossiers: two in Groen (An, active; one exited and archived), one in Renovatie (Bart, formula-like name). */
async function dossiers(w: Workplace) {
  const base = { organisationId: w.organisationId, siteId: w.site.id };
  const sofie = await buildParticipant(db, {
    ...base,
    teamId: w.groen.id,
    coachId: w.an.id,
    firstName: 'Sofie',
    lastName: 'Claes',
    referrerId: w.referrer.id,
  });
  await db
    .update(participants)
    .set({ address: 'Kerkstraat 1; 9000 Gent', phone: '+32 470 12 34 56' })
    .where(eq(participants.id, sofie.id));
  const old = await buildParticipant(db, {
    ...base,
    teamId: w.groen.id,
    coachId: w.an.id,
    firstName: 'Oud',
    lastName: 'Dossier',
    status: 'exited',
    archived: true,
  });
  const tricky = await buildParticipant(db, {
    ...base,
    teamId: w.renovatie.id,
    coachId: w.bart.id,
    firstName: '=HYPERLINK("http://x")',
    lastName: 'Aerts',
    programmeType: 'activering',
    status: 'registered',
  });
  return { sofie, old, tricky };
}

async function download(u: { loginName: string; password: string }, query: string) {
  const cookie = await login(t.app, u);
  return t.app.inject({ method: 'GET', url: `/api/v1/participants/export?${query}`, headers: { cookie } });
}

/** The CSV as rows of cells (our import's reader is tested elsewhere; here a plain split is enough to look). */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('CSV export', () => {
  it('is a Belgian-Excel CSV of the filtered list, in the list order, named by the day', async () => {
    const w = await workplace();
    await dossiers(w);
    const res = await download(w.admin, 'format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="deelnemers-${todayIso()}.csv"`);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body).toMatch(/^\uFEFF[^\n]*\r\n/);
    const cells = parse(res.body.slice(1), { delimiter: ';' }) as string[][];
    expect(cells[0]).toEqual(exportColumns.map((c) => c.header));
    // Archived dossiers are hidden by default, as in the list; sorted by last name.
    expect(cells.map((r) => r[1])).toEqual(['achternaam', 'Aerts', 'Claes']);
    expect(cells[1]?.[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(cells[2]).toEqual([
      'Sofie',
      'Claes',
      '17/05/1990',
      expect.stringMatching(/@example\.org$/),
      "'+32 470 12 34 56",
      'Kerkstraat 1; 9000 Gent',
      'Gent',
      'Groen',
      'Maatwerk',
      'actief',
      '08/01/2024',
      '15/01/2024',
      'An Peeters',
      'VDAB Gent',
      'nee',
    ]);
  });

  it('takes the caseload filters: status, search, archived, team', async () => {
    const w = await workplace();
    await dossiers(w);
    const names = async (query: string) =>
      csvLines((await download(w.admin, `format=csv&${query}`)).body)
        .slice(1)
        .map((l) => l.split(';')[1]);
    expect(await names('archived=only')).toEqual(['Dossier']);
    expect(await names('archived=true&sort=name&order=desc')).toEqual(['Dossier', 'Claes', 'Aerts']);
    expect(await names('status=registered')).toEqual(['Aerts']);
    expect(await names('q=sof')).toEqual(['Claes']);
    expect(await names(`teamId=${w.groen.id}&archived=true`)).toEqual(['Claes', 'Dossier']);
  });

  it("gives a coach their own caseload only, and a supervisor their teams' without confidential columns", async () => {
    const w = await workplace();
    await dossiers(w);
    const bart = csvLines((await download(w.bart, 'format=csv&archived=true')).body);
    expect(bart.slice(1).map((l) => l.split(';')[1])).toEqual(['Aerts']);
    // scope=all does not widen a coach's reach: they only ever see their caseload.
    const bartAll = csvLines((await download(w.bart, 'format=csv&archived=true&scope=all')).body);
    expect(bartAll).toHaveLength(2);

    const res = await download(w.supervisor, 'format=csv&archived=true');
    expect(res.statusCode).toBe(200);
    const lines = csvLines(res.body);
    const headers = lines[0]?.split(';');
    expect(headers).toEqual(exportColumns.filter((c) => !c.confidential).map((c) => c.header));
    for (const hidden of ['geboortedatum', 'e-mail', 'telefoon', 'adres', 'doorverwijzer'])
      expect(headers).not.toContain(hidden);
    expect(lines.slice(1).map((l) => l.split(';')[1])).toEqual(['Claes', 'Dossier']);
    expect(res.body).not.toMatch(/1990|example\.org|VDAB|Kerkstraat/);
  });

  it('is refused to roles that may not list participants', async () => {
    const w = await workplace();
    const trainer = await buildUser(db, { organisationId: w.organisationId, role: 'trainer' });
    expect((await download(trainer, 'format=csv')).statusCode).toBe(403);
    const bad = await download(w.admin, 'format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('format');
    expect((await download(w.admin, 'limit=10')).statusCode).toBe(400);
  });

  it('is recorded in the audit log with the count, format and filters, never a name', async () => {
    const w = await workplace();
    await dossiers(w);
    const before =
      (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
    expect((await download(w.manager, 'format=xlsx&q=Sofie&status=active')).statusCode).toBe(200);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    const exported = rows.find((r) => r.action === 'participant.export');
    expect(exported).toMatchObject({
      actorId: w.manager.id,
      organisationId: w.organisationId,
      targetType: 'organisation',
      targetId: w.organisationId,
      details: { count: 1, format: 'xlsx', confidential: true, filters: { status: 'active', search: true } },
    });
    expect(JSON.stringify(exported)).not.toContain('Sofie');
  });
});

describe('XLSX export', () => {
  it('opens in exceljs with a bold frozen header, a filter, real date cells and widths', async () => {
    const w = await workplace();
    await dossiers(w);
    const res = await download(w.admin, 'format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="deelnemers-${todayIso()}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Deelnemers');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(3);
    const header = sheet.getRow(1);
    expect(exportColumns.map((_, i) => header.getCell(i + 1).value)).toEqual(exportColumns.map((c) => c.header));
    expect(header.font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const col = (key: string) => exportColumns.findIndex((c) => c.key === key) + 1;
    const sofie = sheet.getRow(3);
    expect(sofie.getCell(col('firstName')).value).toBe('Sofie');
    expect(sofie.getCell(col('dateOfBirth')).value).toEqual(new Date(Date.UTC(1990, 4, 17)));
    expect(sofie.getCell(col('startDate')).value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(sofie.getCell(col('startDate')).numFmt).toBe('dd/mm/yyyy');
    // Text stays text in a workbook: a formula-like name is not turned into a formula.
    expect(sheet.getRow(2).getCell(col('firstName')).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getColumn(col('address')).width).toBeGreaterThan(20);
  });
});

describe('round trip', () => {
  it('an exported CSV imports into an organisation set up alike and gives the same dossiers', async () => {
    const a = await workplace();
    await dossiers(a);
    const file = await download(a.admin, 'format=csv&archived=true');
    const b = await workplace();
    const cookie = await login(t.app, b.admin);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants/import?mode=preview',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: file.rawPayload,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ totalRows: 3, validRows: 3, invalidRows: 0, errors: [] });
    // Every export header the import knows is recognised; status and archived are for people.
    const mapped = preview.json().columns as { header: string; column: string | null }[];
    for (const { header, column } of mapped) {
      const known = Object.entries(importColumns).find(([, names]) => (names as readonly string[]).includes(header));
      expect(column).toBe(known?.[0] ?? null);
    }
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants/import?mode=all',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: file.rawPayload,
    });
    expect(done.json().imported).toBe(3);

    const strip = (r: typeof participants.$inferSelect) => ({
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth,
      email: r.email,
      phone: r.phone,
      address: r.address,
      programmeType: r.programmeType,
      startDate: r.startDate,
      status: r.status === 'exited' ? 'active' : r.status,
    });
    const of = async (organisationId: string) =>
      (await db.select().from(participants).where(eq(participants.organisationId, organisationId)))
        .map(strip)
        .sort((x, y) => x.lastName.localeCompare(y.lastName));
    // The export holds the path's start, not its exit: an exited dossier comes back active, the rest identical.
    expect(await of(b.organisationId)).toEqual(await of(a.organisationId));
  });
});
