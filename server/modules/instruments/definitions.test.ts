import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentField } from '#shared/instruments';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, loggedIn } from '../../../test/support/factories';
import {
  buildInstrumentDefinition,
  buildInstrumentResult,
  sampleFields,
} from '../../../test/support/factories-instruments';
import { auditLog, instrumentDefinitions } from '../../db/schema';
import { builtIns } from './built-ins';

let t: TestApp;
let orgId: string;
let admin: string;
let coach: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t.database.db)).id;
  admin = (await loggedIn(t.app, t.database.db, 'admin', orgId)).cookie;
  coach = (await loggedIn(t.app, t.database.db, 'coach', orgId)).cookie;
});
afterAll(() => t.close());

const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const body = (name: string, fields: InstrumentField[] = sampleFields()) => ({
  name,
  kind: 'custom',
  description: 'Een eigen test.',
  fields,
});

describe('built-in definitions', () => {
  it('are created once, on the first list, even when two lists race', async () => {
    const org = (await buildOrganisation(t.database.db)).id;
    const { cookie } = await loggedIn(t.app, t.database.db, 'coach', org);
    const [first, second] = await Promise.all([
      inject(cookie, 'GET', '/instrument-definitions'),
      inject(cookie, 'GET', '/instrument-definitions'),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    const again = await inject(cookie, 'GET', '/instrument-definitions');
    const items = again.json().items as { kind: string; builtIn: boolean; resultCount: number }[];
    expect(items.map((d) => d.kind).sort()).toEqual(['asi', 'bps', 'fitness', 'orientation']);
    expect(items.every((d) => d.builtIn && d.resultCount === 0)).toBe(true);
    const rows = await t.database.db
      .select()
      .from(instrumentDefinitions)
      .where(and(eq(instrumentDefinitions.organisationId, org), isNotNull(instrumentDefinitions.builtInCode)));
    expect(rows).toHaveLength(builtIns.length);
  });

  it('the ASI has an interviewer rating 0–9 and a composite score 0–1 for each of the seven areas', () => {
    const asi = builtIns.find((b) => b.kind === 'asi');
    const groups = new Set(asi?.fields.map((f) => f.group));
    expect(groups.size).toBe(7);
    for (const group of groups) {
      const fields = asi?.fields.filter((f) => f.group === group) ?? [];
      expect(fields.map((f) => [f.type, f.min, f.max])).toEqual([
        ['integer', 0, 9],
        ['decimal', 0, 1],
      ]);
    }
    expect(asi?.fields[0]?.label).toBe('Lichamelijke gezondheid — ernst (interviewer, 0–9)');
  });

  it('built-ins are valid definitions themselves: unique keys, choices with options', async () => {
    const { instrumentDefinitionBody } = await import('#shared/instruments');
    const { fieldListErrors } = await import('./definition-rules');
    for (const b of builtIns) {
      const parsed = instrumentDefinitionBody.parse({
        name: b.name,
        kind: b.kind,
        description: b.description,
        fields: b.fields,
      });
      expect(fieldListErrors(parsed.fields), b.code).toEqual({});
    }
  });
});

describe('defining instruments', () => {
  it('the admin creates, edits and archives; the list shows the result count', async () => {
    const created = await inject(admin, 'POST', '/instrument-definitions', body('Veiligheidstest'));
    expect(created.statusCode, created.body).toBe(201);
    const def = created.json();
    expect(def).toMatchObject({ name: 'Veiligheidstest', kind: 'custom', builtIn: false, archived: false });
    expect(def.fields[0]).toEqual({
      key: 'score',
      label: 'Score (1–5)',
      group: '',
      type: 'integer',
      required: true,
      min: 1,
      max: 5,
      help: '',
    });
    await buildInstrumentResult(t.database.db, { organisationId: orgId, definitionId: def.id });
    const list = await inject(coach, 'GET', '/instrument-definitions');
    expect(list.json().items.find((d: { id: string }) => d.id === def.id).resultCount).toBe(1);

    const renamed = await inject(admin, 'PUT', `/instrument-definitions/${def.id}`, {
      ...body('Veiligheid op de werf'),
      fields: [
        ...sampleFields().map((f) => (f.key === 'kg' ? { ...f, label: 'Gewicht', min: -10, max: 200 } : f)),
        { key: 'helmet', label: 'Helm gedragen', type: 'boolean' },
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().fields).toHaveLength(5);

    const archived = await inject(admin, 'POST', `/instrument-definitions/${def.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    const twice = await inject(admin, 'POST', `/instrument-definitions/${def.id}/archive`);
    expect(twice.statusCode).toBe(200);
    const edit = await inject(admin, 'PUT', `/instrument-definitions/${def.id}`, body('Veiligheid op de werf'));
    expect(edit.statusCode).toBe(409);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, def.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'instrument_definition.archived',
      'instrument_definition.created',
      'instrument_definition.updated',
    ]);
  });

  it('refuses a key used twice, as a field error on the second', async () => {
    const fields = [...sampleFields(), { ...sampleFields()[0], label: 'Nog eens' } as InstrumentField];
    const res = await inject(admin, 'POST', '/instrument-definitions', body('Dubbel', fields));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'fields.4.key': 'duplicate' });
  });

  it('refuses a second active definition with the same name (case-insensitive)', async () => {
    await buildInstrumentDefinition(t.database.db, { organisationId: orgId, name: 'Stresstest' });
    const res = await inject(admin, 'POST', '/instrument-definitions', body('STRESSTEST'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual({ name: 'already_in_use' });
  });

  it('keeps only what a field type uses', async () => {
    const res = await inject(
      admin,
      'POST',
      '/instrument-definitions',
      body('Vrije tekst', [{ key: 'note', label: 'Notitie', type: 'text', min: 1, max: 3 } as InstrumentField]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fields[0]).not.toHaveProperty('min');
  });

  it('a coach reads definitions but may not define them', async () => {
    expect((await inject(coach, 'GET', '/instrument-definitions')).statusCode).toBe(200);
    expect((await inject(coach, 'POST', '/instrument-definitions', body('Van een coach'))).statusCode).toBe(403);
  });
});

describe('editing a definition that has results', () => {
  const withResult = async () => {
    const def = await buildInstrumentDefinition(t.database.db, { organisationId: orgId });
    await buildInstrumentResult(t.database.db, { organisationId: orgId, definitionId: def.id });
    return def;
  };
  const edited = (change: (f: InstrumentField) => InstrumentField | null) =>
    sampleFields()
      .map(change)
      .filter((f): f is InstrumentField => f !== null);

  it.each([
    [
      'a type change',
      (f: InstrumentField) => (f.key === 'score' ? { ...f, type: 'decimal' as const } : f),
      'fields.0.type',
    ],
    ['a narrower range', (f: InstrumentField) => (f.key === 'kg' ? { ...f, max: 50 } : f), 'fields.1.max'],
    ['a range on an open side', (f: InstrumentField) => (f.key === 'kg' ? { ...f, min: 5 } : f), 'fields.1.min'],
    [
      'a removed option',
      (f: InstrumentField) => (f.key === 'mode' ? { ...f, options: ['uitvoerend', 'anders'] } : f),
      'fields.2.options',
    ],
    ['a removed field', (f: InstrumentField) => (f.key === 'remarks' ? null : f), 'fields'],
  ])('refuses %s with 409 and the field path', async (_, change, path) => {
    const def = await withResult();
    const res = await inject(admin, 'PUT', `/instrument-definitions/${def.id}`, body(def.name, edited(change)));
    expect(res.statusCode, res.body).toBe(409);
    expect(Object.keys(res.json().error.fields)).toEqual([path]);
    const [row] = await t.database.db.select().from(instrumentDefinitions).where(eq(instrumentDefinitions.id, def.id));
    expect(row?.fields).toEqual(def.fields);
  });

  it('allows the same changes before there are results', async () => {
    const def = await buildInstrumentDefinition(t.database.db, { organisationId: orgId });
    const res = await inject(
      admin,
      'PUT',
      `/instrument-definitions/${def.id}`,
      body(def.name, [{ ...(sampleFields()[0] as InstrumentField), type: 'decimal', max: 3 }]),
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('allows new labels, help, wider ranges, new options and new fields', async () => {
    const def = await withResult();
    const fields = edited((f) => {
      if (f.key === 'score') return { ...f, label: 'Totaalscore', help: 'Hoe ging het?', min: 0, max: 10 };
      if (f.key === 'mode') return { ...f, options: [...(f.options ?? []), 'gemengd'] };
      return f;
    });
    const res = await inject(admin, 'PUT', `/instrument-definitions/${def.id}`, {
      ...body(def.name, [
        ...fields,
        { key: 'extra', label: 'Extra', group: '', type: 'date', required: false, help: '' },
      ]),
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('an unknown or other organisation’s definition is not found', async () => {
    const other = await buildInstrumentDefinition(t.database.db);
    const res = await inject(admin, 'PUT', `/instrument-definitions/${other.id}`, body('Overgenomen'));
    expect(res.statusCode).toBe(404);
    const archive = await inject(admin, 'POST', `/instrument-definitions/${crypto.randomUUID()}/archive`);
    expect(archive.statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('documents every instrument route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const results = '/api/v1/participants/{id}/instrument-results';
    expect(Object.keys(paths['/api/v1/instrument-definitions'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/instrument-definitions/{definitionId}'] ?? {})).toEqual(['put']);
    expect(paths).toHaveProperty(['/api/v1/instrument-definitions/{definitionId}/archive', 'post']);
    expect(Object.keys(paths[results] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths[`${results}/{resultId}`] ?? {}).sort()).toEqual(['delete', 'put']);
    expect(paths).toHaveProperty([`${results}/{resultId}/attachments`, 'post']);
    expect(Object.keys(paths[`${results}/{resultId}/attachments/{attachmentId}`] ?? {}).sort()).toEqual([
      'delete',
      'get',
    ]);
  });
});
