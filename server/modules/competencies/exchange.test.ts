import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail, FrameworkExchange, JobProfile } from '#shared/competencies';
import { frameworkCsvColumns } from '#shared/competency-admin';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { defaultFramework, defaultJobProfiles } from './default-framework';
import { writeExchangeCsv } from './exchange-csv';
import { api, frameworkRowCounts } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function adminOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
  return { orgId: org.id, call: api(t.app, cookie) };
}

/** The shipped framework with a few hard cells: quotes, separators, a line break, a formula-like text. */
function trickyExchange(name: string): FrameworkExchange {
  const [first, ...rest] = defaultFramework.competencies;
  return {
    format: 'groeipad-competency-framework',
    formatVersion: 1,
    framework: {
      ...defaultFramework,
      name,
      competencies: [
        {
          ...(first as (typeof defaultFramework.competencies)[number]),
          description: 'Zeg "ja"; doe het ook,\nen op tijd.',
          indicators: ['=1+1 is geen formule', '-- met streepjes', '@iemand', 'Gewoon; met puntkomma'],
        },
        ...rest,
      ],
    },
    jobProfiles: [...defaultJobProfiles, { name: 'Stagiair', ladderStep: 1, workMode: 'uitvoerend', expectations: [] }],
  };
}

async function seedFramework(call: ReturnType<typeof api>, exchange: FrameworkExchange) {
  const res = await call.upload('/competency-frameworks/import', JSON.stringify(exchange), 'application/json');
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FrameworkDetail;
}

/** What an import must reproduce: content and profiles, without ids. */
async function contentOf(call: ReturnType<typeof api>, id: string) {
  const detail: FrameworkDetail = (await call.get(`/competency-frameworks/${id}`)).json();
  const profiles: JobProfile[] = (await call.get(`/job-profiles?frameworkId=${id}`)).json().items;
  return {
    description: detail.description,
    scale: detail.current.scale,
    competencies: detail.current.competencies.map(({ id: _id, ...c }) => c),
    profiles: profiles.map(({ id: _id, frameworkId: _f, ...p }) => p),
  };
}

describe('export and import', () => {
  it('round-trips JSON: the import is the same framework with the same job profiles', async () => {
    const { call } = await adminOfNewOrganisation();
    const source = await seedFramework(call, trickyExchange('Bron JSON'));
    const file = await call.get(`/competency-frameworks/${source.id}/export?format=json`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/json');
    expect(file.headers['content-disposition']).toBe('attachment; filename="bron-json.json"');
    const exchange = file.json() as FrameworkExchange;
    expect(exchange.jobProfiles.map((p) => p.name)).toContain('Stagiair');

    const { call: partner } = await adminOfNewOrganisation();
    const imported = await partner.upload('/competency-frameworks/import', file.body, 'application/json');
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ name: 'Bron JSON', isDefault: true, currentVersion: 1 });
    expect(await contentOf(partner, imported.json().id)).toEqual(await contentOf(call, source.id));
  });

  it('round-trips CSV, hard cells included', async () => {
    const { call } = await adminOfNewOrganisation();
    const source = await seedFramework(call, trickyExchange('Bron CSV'));
    const file = await call.get(`/competency-frameworks/${source.id}/export?format=csv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const text = file.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(frameworkCsvColumns.join(';'));
    // 11 competencies × 4 levels, then 4 profiles × 11 expectations and one profile without any.
    expect(text.trimEnd().split(/\r\n(?=indicator;|expectation;)/)).toHaveLength(1 + 44 + 44 + 1);

    const { call: partner } = await adminOfNewOrganisation();
    const imported = await partner.upload('/competency-frameworks/import', file.rawPayload, 'text/csv');
    expect(imported.statusCode, imported.body).toBe(201);
    expect(await contentOf(partner, imported.json().id)).toEqual(await contentOf(call, source.id));
  });

  it('reads a CSV with "," separators and the columns in another order', async () => {
    const { call } = await adminOfNewOrganisation();
    const header = ['competency_key', 'type', 'level', 'indicator', ...frameworkCsvColumns.slice(1)];
    const columns = [...new Set(header)];
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const rows = [1, 2].flatMap((level) =>
      ['netheid', 'tempo'].map((key) => {
        const cells: Record<string, string> = {
          type: 'indicator',
          framework_name: 'Klein kader',
          level: String(level),
          level_label: level === 1 ? 'Nog niet' : 'Wel',
          level_meaning: level === 1 ? 'Lukt nog niet.' : 'Lukt, zeker.',
          level_pictogram: level === 1 ? 'seed' : 'tree',
          competency_key: key,
          competency_name: key === 'netheid' ? 'Netheid' : 'Tempo',
          competency_description: `Over ${key}, kort.`,
          indicator: `${key} ${level}`,
        };
        return columns.map((c) => quote(cells[c] ?? '')).join(',');
      }),
    );
    const res = await call.upload('/competency-frameworks/import', [columns.join(','), ...rows].join('\n'), 'text/csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().current.competencies.map((c: { key: string; indicators: string[] }) => c.indicators)).toEqual([
      ['netheid 1', 'netheid 2'],
      ['tempo 1', 'tempo 2'],
    ]);
  });
});

describe('bad files', () => {
  it('lists CSV problems by row and column and stores nothing', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const exchange = trickyExchange('Kapot');
    const lines = writeExchangeCsv(exchange)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const cells = (line: string) => line.split(';');
    const col = (name: (typeof frameworkCsvColumns)[number]) => frameworkCsvColumns.indexOf(name);
    const edit = (index: number, column: (typeof frameworkCsvColumns)[number], value: string) => {
      const row = cells(lines[index] as string);
      row[col(column)] = value;
      lines[index] = row.join(';');
    };
    // Rows 2-5 are the first competency (its quoted description spans lines in the file, not in the sheet).
    const firstPlain = lines.findIndex((l) => l.startsWith('indicator;') && l.includes('stiptheid_aanwezigheid'));
    edit(firstPlain, 'level_pictogram', 'raket');
    edit(firstPlain + 1, 'competency_name', 'Een andere naam');
    const expectation = lines.findIndex((l) => l.startsWith('expectation;'));
    edit(expectation, 'expected_level', '9');
    edit(expectation + 1, 'competency_key', 'bestaat_niet');
    const before = await frameworkRowCounts(db, orgId);
    const res = await call.upload('/competency-frameworks/import', lines.join('\r\n'), 'text/csv');
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as Record<string, string>;
    const rowOf = (index: number) => index + 1;
    expect(fields[`row.${rowOf(firstPlain + 1)}.competency_name`]).toBe(`differs_from_row_${rowOf(firstPlain)}`);
    expect(fields[`row.${rowOf(expectation)}.expected_level`]).toBe('above_scale_max_4');
    expect(fields[`row.${rowOf(expectation + 1)}.competency_key`]).toBe('not_in_framework');
    expect(Object.keys(fields).some((k) => k.endsWith('.level_pictogram'))).toBe(true);
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('refuses files that are not the exchange format, with a clear 400 and nothing stored', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    const before = await frameworkRowCounts(db, orgId);
    const cases: [string, string, string, Record<string, string> | undefined][] = [
      ['{"format":"iets anders"}', 'application/json', 'validation_failed', undefined],
      ['{niet: json', 'application/json', 'invalid_json', undefined],
      ['', 'text/csv', 'empty_file', undefined],
      ['type;level\nindicator;1', 'text/csv', 'missing_columns', undefined],
      [`${frameworkCsvColumns.join(';')}\n`, 'text/csv', 'empty_file', undefined],
      [`${frameworkCsvColumns.join(';')}\n"indicator;onaf`, 'text/csv', 'invalid_csv', undefined],
      [
        `${frameworkCsvColumns.join(';')}\nrij;Kader`,
        'text/csv',
        'validation_failed',
        { 'row.2.type': 'unknown_type' },
      ],
      ['naam=kader', 'application/x-www-form-urlencoded', 'validation_failed', { file: 'unsupported_type' }],
    ];
    for (const [body, type, code, fields] of cases) {
      const res = await call.upload('/competency-frameworks/import', body, type);
      expect(res.statusCode, `${type}: ${body}`).toBe(400);
      expect(res.json().error.code, body).toBe(code);
      if (fields) expect(res.json().error.fields).toMatchObject(fields);
    }
    const latin1 = Buffer.from(`${frameworkCsvColumns.join(';')}\nindicator;Kader caf\xe9`, 'latin1');
    const res = await call.upload('/competency-frameworks/import', latin1, 'text/csv');
    expect(res.json().error.code).toBe('not_utf8');
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('reports JSON problems by path, cross-checks included', async () => {
    const { call } = await adminOfNewOrganisation();
    const exchange = trickyExchange('JSON fout');
    const [first] = exchange.jobProfiles;
    exchange.jobProfiles[0] = {
      ...(first as FrameworkExchange['jobProfiles'][number]),
      expectations: [
        { competencyKey: 'onbekend', level: 2 },
        { competencyKey: 'initiatief', level: 5 },
      ],
    };
    const res = await call.upload('/competency-frameworks/import', JSON.stringify(exchange), 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'jobProfiles.0.expectations.0.competencyKey': 'not_in_framework',
      'jobProfiles.0.expectations.1.level': 'above_scale_max_4',
    });
  });

  it('answers 409 on the name field when the organisation has a framework of that name', async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    await seedFramework(call, trickyExchange('Gedeeld kader'));
    const before = await frameworkRowCounts(db, orgId);
    const json = await call.upload(
      '/competency-frameworks/import',
      JSON.stringify(trickyExchange('gedeeld KADER')),
      'application/json',
    );
    expect(json.statusCode).toBe(409);
    // One field, the one the import form has, whatever the file's own column or path is called.
    expect(json.json().error).toMatchObject({ code: 'conflict', fields: { name: 'already_in_use' } });
    expect(json.json().error.message).toContain('Choose another name');
    const csv = await call.upload(
      '/competency-frameworks/import',
      writeExchangeCsv(trickyExchange('Gedeeld kader')),
      'text/csv',
    );
    expect(csv.statusCode).toBe(409);
    expect(csv.json().error.fields).toEqual({ name: 'already_in_use' });
    // A name given with the import that is itself taken is the same conflict.
    const named = await call.upload(
      `/competency-frameworks/import?name=${encodeURIComponent(' GEDEELD kader ')}`,
      JSON.stringify(trickyExchange('Vrije naam')),
      'application/json',
    );
    expect(named.statusCode).toBe(409);
    expect(named.json().error.fields).toEqual({ name: 'already_in_use' });
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it("imports under the name given instead of the file's, from JSON and from CSV", async () => {
    const { orgId, call } = await adminOfNewOrganisation();
    await seedFramework(call, trickyExchange('Gedeeld kader'));
    const json = await call.upload(
      `/competency-frameworks/import?name=${encodeURIComponent('  Kader van de partner ')}`,
      JSON.stringify(trickyExchange('Gedeeld kader')),
      'application/json',
    );
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ name: 'Kader van de partner', isDefault: false, currentVersion: 1 });
    expect(json.json().current.competencies).toHaveLength(defaultFramework.competencies.length);
    const profiles = (await call.get(`/job-profiles?frameworkId=${json.json().id}`)).json().items;
    expect(profiles.map((p: JobProfile) => p.name)).toContain('Stagiair');

    const csv = await call.upload(
      `/competency-frameworks/import?name=${encodeURIComponent('Kader uit CSV')}`,
      writeExchangeCsv(trickyExchange('Gedeeld kader')),
      'text/csv',
    );
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().name).toBe('Kader uit CSV');

    // The name follows the rules of a framework's own name; a refused one stores nothing.
    const before = await frameworkRowCounts(db, orgId);
    for (const name of ['%20%20', 'x'.repeat(121)]) {
      const res = await call.upload(
        `/competency-frameworks/import?name=${name}`,
        JSON.stringify(trickyExchange('Nog een kader')),
        'application/json',
      );
      expect(res.statusCode, name).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['name']);
    }
    const unknown = await call.upload(
      '/competency-frameworks/import?naam=Iets',
      JSON.stringify(trickyExchange('Nog een kader')),
      'application/json',
    );
    expect(unknown.statusCode).toBe(400);
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('is for the admin only; the export is readable by staff', async () => {
    const org = await buildOrganisation(db);
    const { cookie: adminCookie } = await loggedIn(t.app, db, 'admin', org.id);
    const source = await seedFramework(api(t.app, adminCookie), trickyExchange('Rechten'));
    const { cookie } = await loggedIn(t.app, db, 'coach', org.id);
    const coach = api(t.app, cookie);
    const json = JSON.stringify(trickyExchange('Van de coach'));
    expect((await coach.upload('/competency-frameworks/import', json, 'application/json')).statusCode).toBe(403);
    expect((await coach.get(`/competency-frameworks/${source.id}/export?format=csv`)).statusCode).toBe(200);
  });
});
