import { count, eq, gt, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { IMPORT_MAX_BYTES, type ImportReport, importErrorCodes } from '#shared/participant-import';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import {
  buildOrganisation,
  buildParticipant,
  buildReferrer,
  buildSite,
  buildTeam,
  buildUser,
  loggedIn,
} from '../../../../test/support/factories';
import { exampleCsv } from '../../../../web/features/participants/import/exampleCsv';
import type { Db } from '../../../db/client';
import { auditLog, careerEvents, participantCoaches, participants } from '../../../db/schema';
import { deriveState } from '../timeline';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

/** An organisation with two sites, teams, a referrer and coaches with known names, and logins asked for. */
async function workplace() {
  const org = await buildOrganisation(db);
  const organisationId = org.id;
  const gent = await buildSite(db, { organisationId, name: 'Gent' });
  const antwerpen = await buildSite(db, { organisationId, name: 'Antwerpen' });
  const groen = await buildTeam(db, { organisationId, siteId: gent.id, name: 'Groen' });
  const renovatie = await buildTeam(db, { organisationId, siteId: antwerpen.id, name: 'Renovatie' });
  const vdab = await buildReferrer(db, { organisationId, name: 'VDAB Gent' });
  const an = await buildUser(db, {
    organisationId,
    role: 'coach',
    name: 'An Peeters',
    email: `an.${org.id}@example.org`,
  });
  const bart = await buildUser(db, { organisationId, role: 'coach', name: 'Bart Claes' });
  // Two coaches share a name: the file must use an e-mail address for them.
  await buildUser(db, { organisationId, role: 'coach', name: 'Lies Maes' });
  await buildUser(db, { organisationId, role: 'coach', name: 'Lies Maes' });
  const as = (role: Role) => loggedIn(t.app, db, role, organisationId);
  return { organisationId, gent, antwerpen, groen, renovatie, vdab, an, bart, as };
}

const send = (cookie: string, csv: string | Buffer, mode = 'preview', contentType = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/participants/import?mode=${mode}`,
    headers: { cookie, 'content-type': contentType },
    payload: csv,
  });

const header = 'Voornaam;Achternaam;Geboortedatum;Vestiging;Ploeg;Programma;Startdatum;Coach;E-mail';

async function countsOf(organisationId: string) {
  const n = async (table: typeof participants | typeof careerEvents | typeof participantCoaches) =>
    (await db.select({ n: count() }).from(table).where(eq(table.organisationId, organisationId)))[0]?.n ?? 0;
  const audit = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.organisationId, organisationId)))[0];
  return {
    participants: await n(participants),
    events: await n(careerEvents),
    coaches: await n(participantCoaches),
    audit: audit?.n ?? 0,
  };
}

const lastAuditId = async () =>
  (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;

describe('preview', () => {
  it('reports counts, the column mapping, row errors and sample rows, and writes nothing', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const before = await countsOf(w.organisationId);
    const csv = [
      `${header};Rijksregisternummer`,
      'Sofie;Claes;12/04/1991;gent;GROEN;Maatwerk;01/03/2024;An Peeters;sofie@example.org;x',
      'Tom;Maes;31/02/1990;Gent;;maatwerk;;;;x',
      'Eva;De Smet;1985-07-30;Antwerpen;Renovatie;activering;;;;x',
    ].join('\n');
    const res = await send(cookie, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report: ImportReport = res.json();
    expect(report).toMatchObject({
      mode: 'preview',
      separator: ';',
      totalRows: 3,
      validRows: 2,
      invalidRows: 1,
      imported: 0,
      errorsTruncated: false,
      errors: [{ row: 3, column: 'dateOfBirth', code: 'invalid_date', value: '31/02/1990', otherRow: null }],
    });
    expect(report.columns).toEqual([
      { header: 'Voornaam', column: 'firstName' },
      { header: 'Achternaam', column: 'lastName' },
      { header: 'Geboortedatum', column: 'dateOfBirth' },
      { header: 'Vestiging', column: 'site' },
      { header: 'Ploeg', column: 'team' },
      { header: 'Programma', column: 'programmeType' },
      { header: 'Startdatum', column: 'startDate' },
      { header: 'Coach', column: 'coach' },
      { header: 'E-mail', column: 'email' },
      { header: 'Rijksregisternummer', column: null },
    ]);
    expect(report.sample).toEqual([
      {
        row: 2,
        firstName: 'Sofie',
        lastName: 'Claes',
        dateOfBirth: '1991-04-12',
        site: 'Gent',
        team: 'Groen',
        programmeType: 'Maatwerk',
        startDate: '2024-03-01',
      },
      {
        row: 4,
        firstName: 'Eva',
        lastName: 'De Smet',
        dateOfBirth: '1985-07-30',
        site: 'Antwerpen',
        team: 'Renovatie',
        programmeType: 'Activering',
        startDate: null,
      },
    ]);
    expect(await countsOf(w.organisationId)).toEqual(before);
  });

  it('gives every row error its own stable code', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    await buildParticipant(db, {
      organisationId: w.organisationId,
      firstName: 'Bestaat',
      lastName: 'Al',
      siteId: w.gent.id,
    });
    const future = `${Number(todayIso().slice(0, 4)) + 1}-01-01`;
    const h =
      'voornaam;achternaam;geboortedatum;vestiging;ploeg;programma;aanmeldingsdatum;startdatum;coach;e-mail;doorverwijzer;telefoon';
    const rows = [
      ';Leeg;1/1/1990;Gent;;maatwerk;;;;;;', // 2 required
      'A;B;31/02/1990;Gent;;maatwerk;;;;;;', // 3 invalid_date
      'A;C;1/1/90;Gent;;maatwerk;;;;;;', // 4 two_digit_year
      `A;D;${future};Gent;;maatwerk;;;;;;`, // 5 future_date
      'A;E;1/1/1850;Gent;;maatwerk;;;;;;', // 6 date_too_early
      'A;F;1/1/1990;Gent;;maatwerk;01/03/2024;01/02/2024;;;;', // 7 before_intake
      'A;G;1/1/1990;Gent;;maatwerk;;;;geen-mail;;', // 8 invalid_email
      `A;H;1/1/1990;Gent;;maatwerk;;;;;;${'1'.repeat(41)}`, // 9 too_long
      'A;I;1/1/1990;Brugge;;maatwerk;;;;;;', // 10 unknown_site
      'A;J;1/1/1990;Gent;Bos;maatwerk;;;;;;', // 11 unknown_team
      'A;K;1/1/1990;Gent;Renovatie;maatwerk;;;;;;', // 12 team_at_other_site
      'A;L;1/1/1990;Gent;;kunst;;;;;;', // 13 unknown_programme_type
      'A;M;1/1/1990;Gent;;maatwerk;;;;;OCMW Nergens;', // 14 unknown_referrer
      'A;N;1/1/1990;Gent;;maatwerk;;;Niemand;;;', // 15 unknown_coach
      'A;O;1/1/1990;Gent;;maatwerk;;;Lies Maes;;;', // 16 ambiguous_coach
      'Twee;Keer;1/1/1990;Gent;;maatwerk;;;;;;', // 17 first of a duplicate: fine
      'twee;KEER;01-01-1990;Gent;;maatwerk;;;;;;', // 18 duplicate_in_file
      'Bestaat;Al;17/05/1990;Gent;;maatwerk;;;;;;', // 19 already_exists
    ];
    const res = await send(cookie, [h, ...rows].join('\r\n'));
    expect(res.statusCode, res.body).toBe(200);
    const report: ImportReport = res.json();
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'firstName', 'required'],
      [3, 'dateOfBirth', 'invalid_date'],
      [4, 'dateOfBirth', 'two_digit_year'],
      [5, 'dateOfBirth', 'future_date'],
      [6, 'dateOfBirth', 'date_too_early'],
      [7, 'startDate', 'before_intake'],
      [8, 'email', 'invalid_email'],
      [9, 'phone', 'too_long'],
      [10, 'site', 'unknown_site'],
      [11, 'team', 'unknown_team'],
      [12, 'team', 'team_at_other_site'],
      [13, 'programmeType', 'unknown_programme_type'],
      [14, 'referrer', 'unknown_referrer'],
      [15, 'coach', 'unknown_coach'],
      [16, 'coach', 'ambiguous_coach'],
      [18, null, 'duplicate_in_file'],
      [19, null, 'already_exists'],
    ]);
    // Every code but the catch-all is reachable, and the web has a text for each (see the i18n test).
    expect(new Set(report.errors.map((e) => e.code))).toEqual(new Set(importErrorCodes.filter((c) => c !== 'invalid')));
    expect(report.errors.find((e) => e.code === 'duplicate_in_file')?.otherRow).toBe(17);
    expect(report.errors.find((e) => e.code === 'too_long')?.value).toHaveLength(41);
    expect(report).toMatchObject({ totalRows: 18, validRows: 1, invalidRows: 17 });
    expect(report.sample.map((s) => s.row)).toEqual([17]);
  });

  it("accepts the web page's example file as it is", async () => {
    const w = await workplace();
    const { cookie } = await w.as('coach');
    const res = await send(cookie, exampleCsv({ site: 'Gent', team: 'Groen' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: 2, validRows: 2, errors: [] });
    expect(res.json().columns.every((c: { column: string | null }) => c.column !== null)).toBe(true);
  });

  it('lists at most 500 errors and says there are more', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const rows = Array.from({ length: 600 }, (_, i) => `A${i};B;1/1/1990;Nergens;maatwerk`);
    const res = await send(cookie, ['voornaam;achternaam;geboortedatum;vestiging;programma', ...rows].join('\n'));
    const report: ImportReport = res.json();
    expect(report).toMatchObject({ totalRows: 600, invalidRows: 600, errorsTruncated: true });
    expect(report.errors).toHaveLength(500);
  });
});

describe('importing', () => {
  const good = [
    header,
    'Sofie;Claes;12/04/1991;Gent;Groen;maatwerk;01/03/2024;An Peeters, bart claes;sofie@example.org',
    'Eva;De Smet;30.7.1985;Antwerpen;;Activering;;;',
  ].join('\n');

  it('mode all writes every dossier as registration would: events, cached status, coaches and audit rows', async () => {
    const w = await workplace();
    const { cookie, user: admin } = await w.as('admin');
    const auditBefore = await lastAuditId();
    const res = await send(cookie, good, 'all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'all', totalRows: 2, validRows: 2, imported: 2 });

    const rows = await db.select().from(participants).where(eq(participants.organisationId, w.organisationId));
    const sofie = rows.find((r) => r.firstName === 'Sofie');
    const eva = rows.find((r) => r.firstName === 'Eva');
    expect(sofie).toMatchObject({
      lastName: 'Claes',
      dateOfBirth: '1991-04-12',
      siteId: w.gent.id,
      teamId: w.groen.id,
      programmeType: 'maatwerk',
      email: 'sofie@example.org',
      status: 'active',
      startDate: '2024-03-01',
    });
    expect(eva).toMatchObject({
      siteId: w.antwerpen.id,
      teamId: null,
      programmeType: 'activering',
      status: 'registered',
      startDate: null,
    });
    for (const row of rows) {
      const events = await db
        .select({
          kind: careerEvents.kind,
          date: careerEvents.date,
          seq: careerEvents.seq,
          teamId: careerEvents.teamId,
        })
        .from(careerEvents)
        .where(eq(careerEvents.participantId, row.id));
      const state = deriveState(events);
      // What refreshDerived would have written.
      expect({ status: row.status, startDate: row.startDate, teamId: row.teamId }).toEqual({
        status: state.status,
        startDate: state.startDate,
        teamId: state.teamId ?? null,
      });
    }
    const sofieEvents = await db
      .select()
      .from(careerEvents)
      .where(eq(careerEvents.participantId, sofie?.id ?? ''));
    // Without an intake date in the file, the intake is dated on the start date.
    expect(sofieEvents.map((e) => [e.kind, e.date, e.recordedBy])).toEqual([
      ['intake', '2024-03-01', admin.id],
      ['start', '2024-03-01', admin.id],
    ]);
    const evaEvents = await db
      .select()
      .from(careerEvents)
      .where(eq(careerEvents.participantId, eva?.id ?? ''));
    expect(evaEvents.map((e) => [e.kind, e.date])).toEqual([['intake', todayIso()]]);
    const coaches = await db
      .select()
      .from(participantCoaches)
      .where(eq(participantCoaches.participantId, sofie?.id ?? ''));
    expect(coaches.map((c) => c.userId).sort()).toEqual([w.an.id, w.bart.id].sort());

    const audit = await db.select().from(auditLog).where(gt(auditLog.id, auditBefore));
    const imported = audit.filter((a) => a.action === 'participant.imported');
    expect(imported.map((a) => a.targetId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(imported.every((a) => a.actorId === admin.id && a.organisationId === w.organisationId)).toBe(true);
    const summary = audit.filter((a) => a.action === 'participant.import');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.details).toMatchObject({ mode: 'all', totalRows: 2, imported: 2, skippedRows: 0 });
    // Field names and counts, never the people.
    expect(JSON.stringify(audit)).not.toMatch(/Sofie|Claes|1991-04-12|sofie@example/);
  });

  it('a dossier the import made is the same dossier the API shows', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    expect((await send(cookie, good, 'all')).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/participants?q=sofie', headers: { cookie } });
    const [item] = list.json().items;
    const dossier = await t.app.inject({ method: 'GET', url: `/api/v1/participants/${item.id}`, headers: { cookie } });
    expect(dossier.json()).toMatchObject({
      status: 'active',
      startDate: '2024-03-01',
      team: { id: w.groen.id, name: 'Groen' },
      confidential: { dateOfBirth: '1991-04-12', email: 'sofie@example.org' },
      timeline: [{ kind: 'intake' }, { kind: 'start' }],
    });
  });

  it('mode all refuses the whole file with 422 and the report when one row is wrong', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const before = await countsOf(w.organisationId);
    const res = await send(cookie, `${good}\nTom;Maes;1/1/1990;Brugge;;maatwerk;;;`, 'all');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      mode: 'all',
      validRows: 2,
      invalidRows: 1,
      imported: 0,
      errors: [{ row: 4, column: 'site', code: 'unknown_site', value: 'Brugge' }],
    });
    expect(await countsOf(w.organisationId)).toEqual(before);
  });

  it('mode valid_only imports the good rows and skips the others', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const res = await send(
      cookie,
      `${good}\nTom;Maes;1/1/1990;Brugge;;maatwerk;;;\nTwee;Keer;1/1/1990;Gent;;maatwerk;;;\nTwee;Keer;1/1/1990;Gent;;maatwerk;;;`,
      'valid_only',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validRows: 3, invalidRows: 2, imported: 3 });
    const names = await db
      .select({ first: participants.firstName })
      .from(participants)
      .where(eq(participants.organisationId, w.organisationId));
    expect(names.map((n) => n.first).sort()).toEqual(['Eva', 'Sofie', 'Twee']);
    // The same file again: every person now exists, nothing more is imported.
    const again = await send(cookie, good, 'valid_only');
    expect(again.json()).toMatchObject({
      validRows: 0,
      imported: 0,
      errors: [{ code: 'already_exists' }, { code: 'already_exists' }],
    });
  });

  it("a coach's imported participants are in the coach's caseload", async () => {
    const w = await workplace();
    const { cookie, user: coach } = await w.as('coach');
    const res = await send(cookie, good, 'all');
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/participants', headers: { cookie } });
    expect(
      list
        .json()
        .items.map((i: { firstName: string }) => i.firstName)
        .sort(),
    ).toEqual(['Eva', 'Sofie']);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    const coaches = await db.select().from(participantCoaches).where(inArray(participantCoaches.participantId, ids));
    expect(coaches.filter((c) => c.userId === coach.id)).toHaveLength(2);
  });

  it('cannot reach another organisation: its sites, teams and coaches are unknown here', async () => {
    const w = await workplace();
    const other = await buildOrganisation(db);
    const { cookie } = await loggedIn(t.app, db, 'admin', other.id);
    const res = await send(cookie, good, 'valid_only');
    expect(res.json()).toMatchObject({ imported: 0, validRows: 0 });
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_site',
      'unknown_coach',
      'unknown_coach',
      'unknown_site',
    ]);
    expect(await countsOf(other.id)).toMatchObject({ participants: 0 });
    expect((await countsOf(w.organisationId)).participants).toBe(0);
  });

  it('imports 2,000 rows in one go', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `Voornaam${i};Achternaam${i};1/1/1990;Gent;Groen;maatwerk;1/3/2024;An Peeters;`,
    );
    const res = await send(cookie, [header, ...rows].join('\n'), 'all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(2000);
    expect(await countsOf(w.organisationId)).toMatchObject({ participants: 2000, events: 4000, coaches: 2000 });
    const [active] = await db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.organisationId, w.organisationId));
    expect(active?.n).toBe(2000);
  });
});

describe('whole-file refusals change nothing', () => {
  async function refused(csv: string | Buffer, status: number, code: string, fields?: Record<string, string>) {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const before = await countsOf(w.organisationId);
    const res = await send(cookie, csv, 'valid_only');
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (fields) expect(res.json().error.fields).toEqual(fields);
    expect(await countsOf(w.organisationId)).toEqual(before);
  }

  it('not UTF-8: 400 not_utf8', () =>
    refused(Buffer.from(`${header}\nJos\xe9;B;1/1/1990;Gent;;maatwerk;;;\n`, 'latin1'), 400, 'not_utf8'));
  it('broken quoting: 400 invalid_csv with the line', () =>
    refused(`${header}\nA;B;1/1/1990;Gent;;maatwerk;;;\n"C;D;1/1/1990;Gent;;maatwerk;;;\n`, 400, 'invalid_csv', {
      line: '3',
    }));
  it('an empty file: 400 empty_file', () =>
    refused('', 400, 'empty_file', { columns: 'firstName,lastName,dateOfBirth,site,programmeType' }));
  it('a header only: 400 empty_file', () => refused(`${header}\n`, 400, 'empty_file'));
  it('missing columns: 400 missing_columns naming them', () =>
    refused('voornaam;achternaam\nA;B\n', 400, 'missing_columns', { columns: 'dateOfBirth,site,programmeType' }));
  it('100,000 rows: 400 too_many_rows', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `V${i};A;1/1/1990;Gent;;maatwerk;;;`);
    return refused([header, ...rows].join('\n'), 400, 'too_many_rows', { max: '10000' });
  });
  it('a body over the size limit: 413 payload_too_large', () =>
    refused(`${header}\n${'x'.repeat(IMPORT_MAX_BYTES)}`, 413, 'payload_too_large'));
  it('JSON sent as a CSV file: 400 invalid_csv', () => refused(JSON.stringify({ rows: [] }), 400, 'invalid_csv'));

  it('sent as JSON: 400 with the content type to use', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const res = await send(cookie, '{"a":1}', 'preview', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { file: 'not_csv' } });
  });

  it('an unknown mode: 400 with the field', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const res = await send(cookie, `${header}\n`, 'everything');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('mode');
  });

  it('arbitrary bytes never produce a 500 and never write', async () => {
    const w = await workplace();
    const { cookie } = await w.as('admin');
    const before = await countsOf(w.organisationId);
    const prefix = Buffer.from(`${header}\n`);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, withHeader) => {
        const body = withHeader ? Buffer.concat([prefix, bytes]) : Buffer.from(bytes);
        const res = await send(cookie, body, 'preview');
        expect([200, 400], res.body).toContain(res.statusCode);
      }),
      { numRuns: 60 },
    );
    expect(await countsOf(w.organisationId)).toEqual(before);
  });
});
