import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail } from '#shared/competencies';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import { buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { api, frameworkBody, frameworkRowCounts } from './test-fixtures';

/**
 * Random damage to a valid framework body: whatever arrives, the answer is never a 500, and a refused write leaves
 * every framework table (and the audit log) exactly as it was.
 */

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

type Json = Record<string, unknown>;

const nasty = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.constant('\u0000'),
  fc.constant('x'.repeat(5000)),
  fc.constant(null),
  fc.constant(7),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant([]),
  fc.constant({}),
  fc.constant('Samen;werken "x"'),
  fc.constant('NIET_GOED'),
  fc.constant('http://example.org/esco/skill/1'),
  fc.string({ maxLength: 30 }),
);

/** One mutation of a body, chosen at random; applied to a deep copy. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('frameworkField'),
    field: fc.constantFrom('name', 'description', 'extra'),
    value: nasty,
  }),
  fc.record({
    kind: fc.constant('levelField'),
    index: fc.nat(5),
    field: fc.constantFrom('value', 'label', 'meaning', 'pictogram', 'extra'),
    value: nasty,
  }),
  fc.record({ kind: fc.constant('scaleLength'), length: fc.nat(12) }),
  fc.record({
    kind: fc.constant('competencyField'),
    index: fc.nat(3),
    field: fc.constantFrom('key', 'name', 'description', 'indicators', 'escoUri', 'escoLabel', 'extra'),
    value: nasty,
  }),
  fc.record({ kind: fc.constant('dropIndicator'), index: fc.nat(3) }),
  fc.record({ kind: fc.constant('duplicateCompetency'), index: fc.nat(3) }),
  fc.record({ kind: fc.constant('competencies'), count: fc.constantFrom(0, 41) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(body: Json, m: Mutation): Json {
  const copy = structuredClone(body) as Json & { scale: Json[]; competencies: (Json & { indicators: unknown[] })[] };
  switch (m.kind) {
    case 'frameworkField':
      copy[m.field] = m.value;
      break;
    case 'levelField': {
      const level = copy.scale[m.index % Math.max(copy.scale.length, 1)];
      if (level) level[m.field] = m.value;
      break;
    }
    case 'scaleLength': {
      const base = copy.scale[0] as Json;
      copy.scale = Array.from({ length: m.length }, (_, i) => ({ ...base, value: i + 1, label: `Niveau ${i + 1}` }));
      break;
    }
    case 'competencyField': {
      const c: Json | undefined = copy.competencies[m.index % Math.max(copy.competencies.length, 1)];
      if (c) c[m.field] = m.value;
      break;
    }
    case 'dropIndicator': {
      // An earlier mutation may have made `indicators` a string or a number: only a list loses one.
      const indicators = copy.competencies[m.index % Math.max(copy.competencies.length, 1)]?.indicators;
      if (Array.isArray(indicators)) indicators.pop();
      break;
    }
    case 'duplicateCompetency': {
      const c = copy.competencies[m.index % Math.max(copy.competencies.length, 1)];
      if (c) copy.competencies.push(structuredClone(c));
      break;
    }
    case 'competencies': {
      const template = copy.competencies[0] ?? frameworkBody().competencies[0];
      copy.competencies = Array.from({ length: m.count }, (_, i) => ({ ...template, key: `k_${i}` })) as never;
      break;
    }
  }
  return copy;
}

describe('framework input under random damage', () => {
  it('never answers 500 and never stores half, on create and on save (in place and as a new version)', async () => {
    const org = await buildOrganisation(db);
    const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
    const call = api(t.app, cookie);
    const base = frameworkBody({ name: 'Basis' });
    const unrated: FrameworkDetail = (await call.post('/competency-frameworks', base)).json();
    const rated: FrameworkDetail = (await call.post('/competency-frameworks', { ...base, name: 'Gescoord' })).json();
    const participant = await buildParticipant(db, { organisationId: org.id });
    await buildObservation(db, {
      organisationId: org.id,
      participantId: participant.id,
      versionId: rated.current.id,
      scores: { [rated.current.competencies[0]?.id as string]: 3 },
    });

    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(2), async (mutations, target) => {
        run++;
        const body = mutations.reduce(apply, { ...base, name: `Variant ${run}` } as Json);
        const before = await frameworkRowCounts(db, org.id);
        const res =
          target === 0
            ? await call.post('/competency-frameworks', body)
            : await call.put(`/competency-frameworks/${target === 1 ? unrated.id : rated.id}`, {
                ...body,
                name: target === 1 ? 'Basis' : 'Gescoord',
              });
        expect(res.statusCode, `${JSON.stringify(mutations)}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.json().error.code).toMatch(/validation_failed|conflict/);
          expect(await frameworkRowCounts(db, org.id)).toEqual(before);
        } else if (res.json().outcome === 'unchanged') {
          // The body happened to equal what is stored: nothing to write, nothing to record.
          expect(await frameworkRowCounts(db, org.id)).toEqual(before);
        } else {
          const after = await frameworkRowCounts(db, org.id);
          expect(after.audit).toBe(before.audit + 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
