import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raterKinds } from '#shared/observations';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildParticipant, buildUser, login } from '../../../test/support/factories';
import { queryRows } from '../../db/client';
import { participants } from '../../db/schema';
import { deriveLatest, isNewer, latestKey, type RatingFact } from './latest';
import { call, type Workplace, workplace } from './test-fixtures';

describe('deriveLatest (pure)', () => {
  const fact = fc.record({
    participantId: fc.constantFrom('p1', 'p2'),
    raterKind: fc.constantFrom(...raterKinds),
    competencyKey: fc.constantFrom('samenwerken', 'stiptheid'),
    observationId: fc.uuid(),
    observedOn: fc.constantFrom('2025-01-01', '2025-01-02', '2025-02-01'),
    createdAtMicros: fc.bigInt({ min: 0n, max: 5n }),
    score: fc.integer({ min: 1, max: 4 }),
  });

  const withShuffle = fc
    .array(fact, { maxLength: 30 })
    .chain((facts) =>
      fc
        .shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length })
        .map((shuffled) => [facts, shuffled] as const),
    );

  it('picks, per key, a fact no other fact of that key is newer than, whatever the order', () => {
    fc.assert(
      fc.property(withShuffle, ([facts, shuffled]) => {
        const latest = deriveLatest(facts);
        expect(deriveLatest(shuffled)).toEqual(latest);
        for (const f of facts) {
          const winner = latest.get(latestKey(f));
          expect(winner).toBeDefined();
          expect(isNewer(f, winner as RatingFact)).toBe(false);
        }
        expect(new Set(facts.map(latestKey)).size).toBe(latest.size);
      }),
    );
  });

  it('orders by date, then by recording time, then by observation id', () => {
    const base: RatingFact = {
      participantId: 'p',
      raterKind: 'supervisor',
      competencyKey: 'k',
      observationId: '00000000-0000-4000-8000-000000000001',
      observedOn: '2025-01-02',
      createdAtMicros: 10n,
      score: 1,
    };
    expect(isNewer({ ...base, observedOn: '2025-01-03', createdAtMicros: 1n }, base)).toBe(true);
    expect(isNewer({ ...base, createdAtMicros: 11n }, base)).toBe(true);
    expect(isNewer({ ...base, observationId: '00000000-0000-4000-8000-000000000002' }, base)).toBe(true);
    expect(isNewer(base, base)).toBe(false);
  });
});

/**
 * The cache against the rule: random sequences of creates (three rater series, dates that often coincide, any
 * subset of competencies) and deletes through the API; after every step latest_ratings must equal deriveLatest
 * over the ratings table.
 */
describe('latest_ratings through the API', () => {
  let t: TestApp;
  let w: Workplace;
  let selfLogin: { id: string; cookie: string };
  beforeAll(async () => {
    t = await createTestApp();
    w = await workplace(t);
    const own = await buildUser(t.database.db, { organisationId: w.orgId, role: 'participant' });
    selfLogin = { id: own.id, cookie: await login(t.app, own) };
  });
  afterAll(() => t.close());

  interface FactRow {
    participant_id: string;
    rater_kind: RatingFact['raterKind'];
    competency_key: string;
    observation_id: string;
    observed_on: string;
    micros: string;
    score: number;
  }

  async function check(participantId: string) {
    const db = t.database.db;
    const facts = await queryRows<FactRow>(
      db,
      sql`select r.participant_id, r.rater_kind, r.competency_key, r.observation_id, r.observed_on::text,
            (extract(epoch from o.created_at) * 1000000)::bigint::text as micros, r.score
          from ratings r join observations o on o.id = r.observation_id where r.participant_id = ${participantId}`,
    );
    const cached = await queryRows<FactRow>(
      db,
      sql`select participant_id, rater_kind, competency_key, observation_id, observed_on::text,
            (extract(epoch from observation_created_at) * 1000000)::bigint::text as micros, score
          from latest_ratings where participant_id = ${participantId}`,
    );
    const toFact = (r: FactRow): RatingFact => ({
      participantId: r.participant_id,
      raterKind: r.rater_kind,
      competencyKey: r.competency_key,
      observationId: r.observation_id,
      observedOn: r.observed_on,
      createdAtMicros: BigInt(r.micros),
      score: Number(r.score),
    });
    const expected = deriveLatest(facts.map(toFact));
    const actual = new Map(cached.map((r) => [latestKey(toFact(r)), toFact(r)]));
    expect(actual).toEqual(expected);
  }

  type Op =
    | { kind: 'create'; rater: 'supervisor' | 'coach' | 'self'; day: number; scores: (number | null)[] }
    | { kind: 'delete'; pick: number };

  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('create' as const),
        rater: fc.constantFrom('supervisor' as const, 'coach' as const, 'self' as const),
        // Four possible days: many observations share a date, so the recording time decides.
        day: fc.integer({ min: 0, max: 3 }),
        scores: fc
          .array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: 3, maxLength: 3 })
          .filter((s) => s.some((x) => x !== null)),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  );

  it('always equals the derivation from the ratings table', async () => {
    const db = t.database.db;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 14, size: 'medium' }), async (ops) => {
        // A fresh dossier per run, in the supervisor's team and the coach's caseload, linked to the self login.
        await db.update(participants).set({ userId: null }).where(eq(participants.userId, selfLogin.id));
        const p = await buildParticipant(db, {
          organisationId: w.orgId,
          teamId: w.team.id,
          coachId: w.coach.user.id,
          userId: selfLogin.id,
        });
        const made: { id: string; cookie: string }[] = [];
        for (const step of ops) {
          if (step.kind === 'create') {
            const cookie = { supervisor: w.supervisor.cookie, coach: w.coach.cookie, self: selfLogin.cookie }[
              step.rater
            ];
            const body = {
              frameworkVersionId: w.version.id,
              observedOn: `2025-01-0${step.day + 1}`,
              ratings: [w.c1, w.c2, w.c3].flatMap((c, i) => {
                const score = step.scores[i];
                return score ? [{ competencyId: c.id, score }] : [];
              }),
            };
            const res =
              step.rater === 'self'
                ? await call(t, cookie, { method: 'POST', url: '/api/v1/me/self-assessments', payload: body })
                : await call(t, cookie, {
                    method: 'POST',
                    url: '/api/v1/observations',
                    payload: { ...body, participantId: p.id, context: 'werkvloer' },
                  });
            expect(res.statusCode, res.body).toBe(201);
            // Participants do not take back their self-assessments; the admin-like path is tested elsewhere.
            if (step.rater !== 'self') made.push({ id: res.json().id, cookie });
          } else if (made.length) {
            const [victim] = made.splice(step.pick % made.length, 1);
            if (!victim) continue;
            const res = await call(t, victim.cookie, { method: 'DELETE', url: `/api/v1/observations/${victim.id}` });
            expect(res.statusCode, res.body).toBe(204);
          }
          await check(p.id);
        }
      }),
      { numRuns: 20 },
    );
    // Hundreds of requests: a budget of its own, so a busy machine does not fail it (nothing here is timed).
  }, 300_000);
});
