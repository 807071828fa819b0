import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentorObservationInput, observationInput } from '#shared/observations';
import { newClientKey } from './clientKey';
import { addDays } from './days';
import {
  checkValues,
  commonBody,
  emptyValues,
  type FormVersion,
  fitToVersion,
  placeFieldErrors,
  ratingsOf,
  type ScoreValues,
  valuesFromBody,
} from './scores';

const ids = [
  '8d3c3a7e-1f54-4c55-9a43-1b8f4f0d2a01',
  '8d3c3a7e-1f54-4c55-9a43-1b8f4f0d2a02',
  '8d3c3a7e-1f54-4c55-9a43-1b8f4f0d2a03',
];
const [a, b, c] = ids as [string, string, string];
const version: FormVersion = {
  id: '4c0a1f7e-5d0e-4f7a-8d6b-2a9e3c1b0f11',
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `L${value}`, meaning: `M${value}`, pictogram: 'seed' })),
  competencies: ids.map((id, i) => ({ id, key: `k${i}`, name: `C${i}`, description: 'd', indicators: [] })),
};

const values = (patch: Partial<ScoreValues>): ScoreValues => ({ ...emptyValues('2025-03-04', 'werkvloer'), ...patch });

describe('score form values', () => {
  it('sends only the scored competencies, in the framework’s order, with trimmed notes', () => {
    const v = values({
      scores: { [c]: 2, [a]: 4 },
      notes: { [a]: '  goed gedaan ', [b]: 'no score, not sent', [c]: '  ' },
    });
    expect(ratingsOf(v, version)).toEqual([
      { competencyId: a, score: 4, note: 'goed gedaan' },
      { competencyId: c, score: 2 },
    ]);
  });

  it('leaves out an overall note that is only spaces', () => {
    expect(commonBody(values({ scores: { [a]: 1 }, note: '   ' }), version)).toEqual({
      frameworkVersionId: version.id,
      observedOn: '2025-03-04',
      ratings: [{ competencyId: a, score: 1 }],
    });
  });

  it('makes bodies the shared request schemas accept, for any choice of levels and notes', () => {
    const level = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.tuple(level, level, level),
        fc.array(fc.string({ maxLength: 50 }), { minLength: 3, maxLength: 3 }),
        (levels, notes) => {
          const scores: Record<string, number> = {};
          levels.forEach((l, i) => {
            if (l !== undefined) scores[ids[i] as string] = l;
          });
          const v = values({ scores, notes: Object.fromEntries(ids.map((id, i) => [id, notes[i] ?? ''])) });
          const body = { ...commonBody(v, version), clientKey: newClientKey() };
          const scored = Object.keys(scores).length;
          expect(mentorObservationInput.safeParse(body).success).toBe(scored > 0);
          expect(observationInput.safeParse({ ...body, participantId: ids[0], context: 'werkvloer' }).success).toBe(
            scored > 0,
          );
          expect(body.ratings).toHaveLength(scored);
        },
      ),
    );
  });

  it('turns a body back into the same form values (a refused outbox item goes back into the form)', () => {
    const v = values({ scores: { [a]: 3, [b]: 1 }, notes: { [b]: 'let op' }, note: 'samen', context: 'jobclub' });
    const body = { participantId: a, context: v.context, ...commonBody(v, version) };
    expect(valuesFromBody(body, 'werkvloer')).toEqual(v);
  });

  it('drops from a stored draft what the current version no longer has', () => {
    const v = values({ scores: { [a]: 2, gone: 3, [b]: 9 }, notes: { gone: 'x', [a]: 'y' } });
    expect(fitToVersion(v, version)).toEqual(values({ scores: { [a]: 2 }, notes: { [a]: 'y' } }));
  });

  it('checks at least one score and a date from the earliest day up to today', () => {
    const scored = { scores: { [a]: 1 } };
    const when = { today: '2025-03-04', earliest: '2025-01-06' };
    expect(checkValues(values(scored), version, when)).toEqual({});
    expect(checkValues(values({}), version, when)).toEqual({ ratings: 'none' });
    expect(checkValues(values({ ...scored, observedOn: '' }), version, when)).toEqual({ observedOn: 'required' });
    expect(checkValues(values({ ...scored, observedOn: '2025-03-05' }), version, when)).toEqual({
      observedOn: 'future',
    });
    expect(checkValues(values({ ...scored, observedOn: '2025-01-05' }), version, when)).toEqual({
      observedOn: 'too_early',
    });
    expect(checkValues(values({ ...scored, observedOn: '2025-01-06' }), version, when)).toEqual({});
  });

  it('puts the server’s field errors on the competency they concern, through the ratings that were sent', () => {
    const sent = [
      { competencyId: a, score: 4 },
      { competencyId: c, score: 9 },
    ];
    const { errors, other } = placeFieldErrors(
      {
        'ratings.1.score': 'out_of_scale',
        'ratings.0.note': 'invalid',
        'ratings.5.score': 'invalid',
        observedOn: 'before_start',
        participantId: 'unknown_reference',
      },
      sent,
      (code) => `text:${code}`,
    );
    expect(errors).toEqual({
      observedOn: 'text:before_start',
      scores: { [c]: 'text:out_of_scale' },
      notes: { [a]: 'text:invalid' },
    });
    expect(other).toEqual(['invalid', 'unknown_reference']);
  });
});

describe('small helpers', () => {
  it('makes version 4 UUIDs, also without crypto.randomUUID (plain http on a local network)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const withoutRandomUUID = {
      getRandomValues: <T extends ArrayBufferView>(array: T) => crypto.getRandomValues(array),
    };
    const keys = new Set(Array.from({ length: 50 }, () => newClientKey(withoutRandomUUID)));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(uuid);
    expect(newClientKey()).toMatch(uuid);
  });

  it('adds days to a calendar date across months, years and the summer-time change', () => {
    expect(addDays('2025-03-25', 13)).toBe('2025-04-07');
    expect(addDays('2024-12-25', 10)).toBe('2025-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
  });
});
