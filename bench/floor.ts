import type { PlanContent } from '#shared/development-plans';
import { todayIso } from '#shared/participants';
import type { Db } from '../server/db/client';
import type { RequestContext } from '../server/modules/audit/record';
import { getCompetencyEvolution } from '../server/modules/competency-profile/evolution';
import { getCompetencyHeatmap } from '../server/modules/competency-profile/heatmap';
import { getCompetencyProfile } from '../server/modules/competency-profile/profile';
import { listCompliance } from '../server/modules/development-plans/compliance-list';
import { getPlanOverview } from '../server/modules/development-plans/overview';
import { saveDraft, startDraft } from '../server/modules/development-plans/versions';
import { getMatrix } from '../server/modules/iluo/matrix';
import { createObservation } from '../server/modules/observations/service';
import { addCareerEvent } from '../server/modules/participants/career-events';
import { listParticipants } from '../server/modules/participants/caseload';
import { getParticipant } from '../server/modules/participants/service';
import { type BenchActor, type BenchPlan, observationBody, popDraftChange } from './plan';
import { type LatencySummary, summariseLatencies } from './stats';

/**
 * The SQL floor: the service functions the routes call (caseload.ts, service.ts, career-events.ts; for the
 * workfloor profile.ts, evolution.ts, heatmap.ts, iluo/matrix.ts and observations/service.ts; for the POP
 * development-plans/overview.ts, versions.ts and compliance-list.ts), called
 * in-process on the database with no HTTP, no session lookup, no validation and no JSON serialisation. What
 * remains is the work the request cannot avoid: its transaction (SET LOCAL ROLE + app.org_id), its queries, the
 * ORM's query building and row mapping, and the audit row where the route writes one.
 */
export interface FloorResult {
  name: string;
  concurrency: number;
  opsPerSecond: number;
  latencyMs: LatencySummary;
  errors: number;
}

const ctxOf = (a: BenchActor): RequestContext => ({
  actor: { id: a.id, name: a.name, role: a.role, organisationId: a.organisationId },
  ip: '127.0.0.1',
});

async function measureOne(
  name: string,
  concurrency: number,
  seconds: number,
  op: (worker: number, i: number) => Promise<unknown>,
): Promise<FloorResult> {
  // Warm up caches and the ORM's prepared shapes first; the first calls are not what a running server sees.
  for (let i = 0; i < 10; i++) await op(0, i).catch(() => undefined);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t = performance.now();
      try {
        await op(w, i);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  return {
    name,
    concurrency,
    opsPerSecond: Math.round(latencies.length / elapsed),
    latencyMs: summariseLatencies(latencies),
    errors,
  };
}

/** `only`: the scenarios to measure (bench --only); all when absent. */
export async function measureFloor(
  db: Db,
  plan: BenchPlan,
  concurrency: number,
  seconds: number,
  only?: ReadonlySet<string>,
) {
  const wanted = (name: string) => !only || only.has(name);
  const measure = async (
    name: string,
    c: number,
    s: number,
    op: (worker: number, i: number) => Promise<unknown>,
  ): Promise<FloorResult | null> => (wanted(name) ? measureOne(name, c, s, op) : null);
  const manager = ctxOf(plan.manager);
  const coach = ctxOf(plan.coach);
  const writer = ctxOf(plan.writer);
  const page = { archived: 'false', sort: 'name', order: 'asc', limit: 50, offset: 0 } as const;
  const results: (FloorResult | null)[] = [];
  results.push(await measure('caseload-first-page', concurrency, seconds, () => listParticipants(db, manager, page)));
  results.push(
    await measure('caseload-filtered', concurrency, seconds, () =>
      listParticipants(db, manager, { ...page, ...plan.filter }),
    ),
  );
  results.push(await measure('caseload-coach', concurrency, seconds, () => listParticipants(db, coach, page)));
  results.push(
    await measure('dossier', concurrency, seconds, (w, i) =>
      getParticipant(db, coach, plan.dossierIds[(w * 7919 + i) % plan.dossierIds.length] as string),
    ),
  );
  // Each worker owns its participants and alternates pause and resume on them, so every write passes the
  // timeline rules; afterwards every participant is active again, for the HTTP run.
  const today = todayIso();
  const paused = new Set<string>();
  const owned = (w: number) => plan.writePool.filter((_, k) => k % concurrency === w);
  results.push(
    await measure('career-event-write', concurrency, seconds, async (w, i) => {
      const mine = owned(w);
      const id = mine[Math.floor(i / 2) % mine.length];
      if (!id) throw new Error('no participant for this worker');
      const kind = paused.has(id) ? 'resume' : 'pause';
      await addCareerEvent(db, writer, id, { kind, date: today });
      if (kind === 'pause') paused.add(id);
      else paused.delete(id);
    }),
  );
  for (const id of paused) await addCareerEvent(db, writer, id, { kind: 'resume', date: today });

  const dossier = (w: number, i: number) => plan.dossierIds[(w * 7919 + i) % plan.dossierIds.length] as string;
  results.push(
    await measure('competency-profile', concurrency, seconds, (w, i) => getCompetencyProfile(db, coach, dossier(w, i))),
  );
  results.push(
    await measure('competency-evolution', concurrency, seconds, (w, i) =>
      getCompetencyEvolution(db, coach, dossier(w, i), {}),
    ),
  );
  const supervisor = ctxOf(plan.team.supervisor);
  results.push(
    await measure('team-heatmap', concurrency, seconds, () =>
      getCompetencyHeatmap(db, supervisor, plan.team.id, { status: 'active' }),
    ),
  );
  results.push(await measure('iluo-matrix', concurrency, seconds, () => getMatrix(db, supervisor, plan.team.id)));
  // The team's participants in turn, as over HTTP: the calls in flight are for different participants (with a
  // stride per worker, two workers met on one participant and waited for its row lock).
  const rated = plan.team.participantIds;
  let saved = 0;
  results.push(
    await measure('observation-save', concurrency, seconds, (_w, i) => {
      const participantId = rated[saved++ % rated.length] as string;
      return createObservation(db, supervisor, observationBody(plan, participantId, today, i));
    }),
  );

  // The POP (issue 5): the overview with its live evidence, saving a draft, the organisation's compliance list.
  results.push(await measure('pop-read', concurrency, seconds, (w, i) => getPlanOverview(db, coach, dossier(w, i))));
  // Each worker saves the drafts of its own participants (started here where there is none), with the revision
  // the previous save returned, so no save is stale.
  const drafts: {
    ctx: RequestContext;
    participantId: string;
    number: number;
    revision: number;
    content: PlanContent;
  }[] = [];
  for (const { coach: owner, participantId } of wanted('pop-save') ? plan.popSavers : []) {
    const ctx = ctxOf(owner);
    const overview = await getPlanOverview(db, ctx, participantId);
    const draft = overview.draft ?? (await startDraft(db, ctx, participantId));
    drafts.push({ ctx, participantId, number: draft.number, revision: draft.revision, content: draft.content });
  }
  results.push(
    await measure('pop-save', concurrency, seconds, async (w, i) => {
      const mine = drafts.filter((_, k) => k % concurrency === w);
      const d = mine[i % mine.length];
      if (!d) throw new Error('no draft for this worker');
      const saved = await saveDraft(db, d.ctx, d.participantId, d.number, {
        revision: d.revision,
        content: popDraftChange(d.content, i),
      });
      d.revision = saved.revision;
    }),
  );
  results.push(
    await measure('pop-compliance', concurrency, seconds, () => listCompliance(db, manager, { limit: 50, offset: 0 })),
  );
  return results.filter((r): r is FloorResult => r !== null);
}
