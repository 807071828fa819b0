import { type SQL, sql } from 'drizzle-orm';
import type { RaterKind } from '#shared/observations';
import type { Tx } from '../../db/client';
import { latestRatings, observations, ratings } from '../../db/schema';

/**
 * The latest-ratings cache (latest_ratings): per participant × rater kind × competency key, the rating of the
 * newest observation. "Newest" is decided by observed_on, then by the observation's created_at, then by the
 * observation id (so that even two observations recorded in the same microsecond have one winner).
 *
 * deriveLatest is the rule as a pure function; the SQL below is the same rule, and a property test checks that
 * the cache always equals deriveLatest over the ratings table after any sequence of creates and deletes.
 */

export interface RatingFact {
  participantId: string;
  raterKind: RaterKind;
  competencyKey: string;
  observationId: string;
  observedOn: string;
  /** The observation's created_at in microseconds since the epoch (the database's precision). */
  createdAtMicros: bigint;
  score: number;
}

export const latestKey = (f: Pick<RatingFact, 'participantId' | 'raterKind' | 'competencyKey'>) =>
  `${f.participantId}|${f.raterKind}|${f.competencyKey}`;

/** True when a is newer than b. UUIDs compare like PostgreSQL compares them: lower-case hex, byte by byte. */
export function isNewer(a: RatingFact, b: RatingFact): boolean {
  if (a.observedOn !== b.observedOn) return a.observedOn > b.observedOn;
  if (a.createdAtMicros !== b.createdAtMicros) return a.createdAtMicros > b.createdAtMicros;
  return a.observationId.toLowerCase() > b.observationId.toLowerCase();
}

/** The winner per participant × rater kind × competency key. */
export function deriveLatest(facts: Iterable<RatingFact>): Map<string, RatingFact> {
  const latest = new Map<string, RatingFact>();
  for (const fact of facts) {
    const key = latestKey(fact);
    const current = latest.get(key);
    if (!current || isNewer(fact, current)) latest.set(key, fact);
  }
  return latest;
}

/**
 * Offers the ratings selected by `where` to the cache: a key without a row gets one, a key whose row is older
 * than the offered rating is overwritten, a newer row stays. DISTINCT ON keeps one candidate per key, the newest.
 * created_at is read from the observations table, never passed through JavaScript (which would cut it to ms).
 */
async function offerToCache(tx: Tx, where: SQL) {
  await tx.execute(sql`
    insert into ${latestRatings} (organisation_id, participant_id, rater_kind, competency_key, score, observed_on,
      observation_id, competency_id, framework_version_id, observation_created_at)
    select distinct on (r.rater_kind, r.competency_key)
      r.organisation_id, r.participant_id, r.rater_kind, r.competency_key, r.score, r.observed_on,
      r.observation_id, r.competency_id, r.framework_version_id, o.created_at
    from ${ratings} r
    join ${observations} o on o.id = r.observation_id
    where ${where}
    order by r.rater_kind, r.competency_key, r.observed_on desc, o.created_at desc, r.observation_id desc
    on conflict (participant_id, rater_kind, competency_key) do update set
      score = excluded.score,
      observed_on = excluded.observed_on,
      observation_id = excluded.observation_id,
      competency_id = excluded.competency_id,
      framework_version_id = excluded.framework_version_id,
      observation_created_at = excluded.observation_created_at
    where (excluded.observed_on, excluded.observation_created_at, excluded.observation_id)
      > (${latestRatings}.observed_on, ${latestRatings}.observation_created_at, ${latestRatings}.observation_id)`);
}

/** After a new observation: its ratings replace the cached ones they are newer than. */
export function cacheNewObservation(tx: Tx, observationId: string) {
  return offerToCache(tx, sql`r.observation_id = ${observationId}`);
}

/**
 * After an observation is deleted: its cache rows went with it (ON DELETE CASCADE), so the keys it touched get
 * the newest of what is left. Keys where it was not the newest keep their row (the offered ones are older).
 */
export function recomputeKeys(tx: Tx, participantId: string, raterKind: RaterKind, competencyKeys: readonly string[]) {
  if (!competencyKeys.length) return Promise.resolve();
  const keys = sql.join(
    competencyKeys.map((k) => sql`${k}`),
    sql`, `,
  );
  return offerToCache(
    tx,
    sql`r.participant_id = ${participantId} and r.rater_kind = ${raterKind} and r.competency_key in (${keys})`,
  );
}
