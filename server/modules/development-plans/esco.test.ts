import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, escoOccupations } from '../../db/schema';
import { fold } from './esco';

/** The official ESCO v1.2 download beside the repository: read, never copied in. */
const ESCO_FILE = fileURLToPath(new URL('../../../../shared/data/esco-nl/occupations_nl.csv', import.meta.url));
/** A clone without the reference data beside it (CI) runs the small file below instead of the official one. */
const hasOfficialFile = existsSync(ESCO_FILE);

/** Three occupations in the official file's columns and quoting (multi-line alternative labels). */
const smallFile = [
  'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code,naceCode',
  'Occupation,http://data.europa.eu/esco/occupation/test-kok,5120,kok,"keukenkok\nkokkin",,released,2024-01-25,,,,,Koks bereiden maaltijden.,5120.1,',
  'Occupation,http://data.europa.eu/esco/occupation/test-lasser,7212,lasser,"ketellasser\nlasster",,released,2024-01-25,,,,,Lassers verbinden metaal.,7212.1,',
  'Occupation,http://data.europa.eu/esco/occupation/test-hulpkok,9412,hulpkok,,,released,2024-01-25,,,,,Hulpkoks helpen in de keuken.,9412.1,',
].join('\n');

let t: TestApp;
let db: Db;
let admin: { cookie: string };
let coach: { cookie: string };
let orgId: string;
let officialFile: Buffer;
let firstImport: { statusCode: number; json(): unknown };

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const upload = (cookie: string, body: string | Buffer, contentType = 'text/csv') =>
  call(cookie, {
    method: 'POST',
    url: '/api/v1/esco/occupations/import',
    headers: { 'content-type': contentType },
    payload: body,
  });
const search = (cookie: string, q: string, limit?: number) =>
  call(cookie, {
    method: 'GET',
    url: '/api/v1/esco/occupations',
    query: limit ? { q, limit: String(limit) } : { q },
  });
type Found = { items: { uri: string; label: string; altLabels: string[]; iscoGroup: string | null }[]; total: number };

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  orgId = (await buildOrganisation(db)).id;
  admin = await loggedIn(t.app, db, 'admin', orgId);
  coach = await loggedIn(t.app, db, 'coach', orgId);
  if (!hasOfficialFile) return;
  officialFile = readFileSync(ESCO_FILE);
  // The real file is about 3 MB and 3,000 occupations: imported once for the whole file.
  firstImport = await upload(admin.cookie, officialFile);
});

describe('POST /esco/occupations/import with a small file in the official columns', () => {
  it('imports the occupations with their alternative labels, and the search finds them', async () => {
    const other = await buildOrganisation(db);
    const otherAdmin = await loggedIn(t.app, db, 'admin', other.id);
    const res = await upload(otherAdmin.cookie, smallFile);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3, replaced: 0 });
    const found = (await search(otherAdmin.cookie, 'kok')).json() as Found;
    expect(found.items.map((o) => o.label)).toEqual(['kok', 'hulpkok']);
    expect(found.items[0]?.altLabels).toEqual(['keukenkok', 'kokkin']);
    const byAlt = (await search(otherAdmin.cookie, 'ketellasser')).json() as Found;
    expect(byAlt.items.map((o) => o.iscoGroup)).toEqual(['7212']);
  });
});
afterAll(() => t.close());

const countOf = async (organisationId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(escoOccupations)
      .where(eq(escoOccupations.organisationId, organisationId))
  )[0]?.n;

describe.skipIf(!hasOfficialFile)('POST /esco/occupations/import with the official ESCO file', () => {
  it('imports every occupation of the file, with its alternative labels; audited with counts', async () => {
    expect(firstImport.statusCode).toBe(200);
    const { imported, replaced } = firstImport.json() as { imported: number; replaced: number };
    expect(imported).toBeGreaterThan(2500);
    expect(replaced).toBe(0);
    expect(await countOf(orgId)).toBe(imported);
    const [lasser] = await db.select().from(escoOccupations).where(eq(escoOccupations.label, 'lasser'));
    expect(lasser).toMatchObject({
      uri: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      iscoGroup: '7212',
    });
    expect(lasser?.altLabels.split('\n')).toContain('ketellasster');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'esco.import'));
    expect(entry?.details).toEqual({ imported, replaced: 0 });
  });

  it('finds "kok" and "lasser", preferred labels starting with the words first, accent-insensitive', async () => {
    const kok = await search(coach.cookie, 'kok');
    expect(kok.statusCode).toBe(200);
    const kokBody = kok.json() as Found;
    expect(kokBody.items[0]?.label).toBe('kok');
    expect(kokBody.total).toBeGreaterThan(1);
    for (const item of kokBody.items) {
      expect([item.label, ...item.altLabels].some((l) => fold(l).includes('kok'))).toBe(true);
    }
    const lasser = (await search(coach.cookie, 'Lasser')).json() as Found;
    expect(lasser.items[0]?.label).toBe('lasser');
    // Ranked: every preferred label that starts with the words comes before the others.
    const starts = lasser.items.map((i) => fold(i.label).startsWith('lasser'));
    expect(starts.indexOf(false) === -1 || !starts.slice(starts.indexOf(false)).includes(true)).toBe(true);

    // "inspiciënt" without its accent, in capitals.
    const accent = (await search(coach.cookie, 'INSPICIENT')).json() as Found;
    expect(accent.items.map((i) => i.label)).toContain('inspiciënt');
    // Alternative labels count too: "toneelmeester" is one of inspiciënt's.
    const alt = (await search(coach.cookie, 'toneelmeester')).json() as Found;
    expect(alt.items.map((i) => i.label)).toContain('inspiciënt');

    const limited = (await search(coach.cookie, 'medewerker', 5)).json() as Found;
    expect(limited.items).toHaveLength(5);
    expect(limited.total).toBeGreaterThan(5);
    const none = (await search(coach.cookie, 'zzqqxx')).json() as Found;
    expect(none).toEqual({ items: [], total: 0 });
    // LIKE wildcards are plain characters.
    expect(((await search(coach.cookie, '%%')).json() as Found).total).toBe(0);
  });

  it('everyone searches (a participant too); bad queries are 400', async () => {
    const participant = await loggedIn(t.app, db, 'participant', orgId);
    expect((await search(participant.cookie, 'kok')).statusCode).toBe(200);
    expect((await search(coach.cookie, 'k')).statusCode).toBe(400);
    expect((await search(coach.cookie, 'kok', 51)).statusCode).toBe(400);
    expect((await call(coach.cookie, { method: 'GET', url: '/api/v1/esco/occupations' })).statusCode).toBe(400);
  });

  it('keeps organisations apart: another organisation has no occupations until it imports', async () => {
    const other = await buildOrganisation(db);
    const otherAdmin = await loggedIn(t.app, db, 'admin', other.id);
    expect(((await search(otherAdmin.cookie, 'kok')).json() as Found).total).toBe(0);
  });

  it('a re-import replaces the organisation’s occupations as a whole', async () => {
    const small = [
      'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description',
      'Occupation,http://example.org/esco/1,5120,kok,"chef-kok\nkeukenchef",Bereidt maaltijden.',
      'Occupation,http://example.org/esco/2,7212,lasser,,',
    ].join('\n');
    const res = await upload(admin.cookie, small);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, replaced: (firstImport.json() as { imported: number }).imported });
    expect(await countOf(orgId)).toBe(2);
    const kok = (await search(coach.cookie, 'keukenchef')).json() as Found;
    expect(kok.items).toEqual([
      {
        uri: 'http://example.org/esco/1',
        label: 'kok',
        altLabels: ['chef-kok', 'keukenchef'],
        iscoGroup: '5120',
        description: 'Bereidt maaltijden.',
      },
    ]);
    // And back to the official file, for the tests after this one.
    const back = await upload(admin.cookie, officialFile);
    expect(back.json()).toMatchObject({ replaced: 2 });
  });

  it('refuses a bad file with the CSV codes and keeps the occupations as they were', async () => {
    const before = await countOf(orgId);
    const cases: [string | Buffer, number, string, Record<string, string>?][] = [
      ['', 400, 'empty_file'],
      ['conceptUri,preferredLabel\n', 400, 'empty_file'],
      ['conceptUri,label\nhttp://example.org/1,kok\n', 400, 'missing_columns', { columns: 'preferredLabel' }],
      ['preferredLabel;altLabels\nkok;\n', 400, 'missing_columns', { columns: 'conceptUri' }],
      ['conceptUri,preferredLabel\nhttp://example.org/1,"kok\n', 400, 'invalid_csv'],
      ['conceptUri,preferredLabel\nnot-a-uri,kok\n', 400, 'invalid_csv', { line: '2' }],
      ['conceptUri,preferredLabel\nhttp://example.org/1,\n', 400, 'invalid_csv'],
      [Buffer.from([0x63, 0x6f, 0x6e, 0xe9, 0x0a]), 400, 'not_utf8'],
    ];
    for (const [body, status, code, fields] of cases) {
      const res = await upload(admin.cookie, body);
      expect(res.statusCode, String(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (fields) expect(res.json().error.fields).toMatchObject(fields);
    }
    const json = await upload(admin.cookie, JSON.stringify({ a: 1 }), 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields).toEqual({ file: 'not_csv' });
    const tooBig = await upload(admin.cookie, Buffer.alloc(9 * 1024 * 1024, 0x61));
    expect(tooBig.statusCode).toBe(413);
    expect(await countOf(orgId)).toBe(before);
  });

  it('only the admin imports', async () => {
    for (const role of ['manager', 'coach', 'trainer', 'supervisor', 'participant'] as const) {
      const who = await loggedIn(t.app, db, role, orgId);
      expect((await upload(who.cookie, 'conceptUri,preferredLabel\nhttp://example.org/1,kok\n')).statusCode).toBe(403);
    }
  });
});
