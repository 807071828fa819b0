import autocannon from 'autocannon';
import { todayIso } from '#shared/participants';
import { type BenchActor, type BenchPlan, observationBody, popDraftChange } from './plan';
import { cpuMs, sampleRss } from './processes';
import { type LatencySummary, summariseLatencies } from './stats';

export interface HttpSettings {
  connections: number;
  duration: number;
  /** Ask for compressed responses as a browser does (Accept-Encoding: br, gzip); off, every response is sent whole. */
  compressed?: boolean;
}

export interface HttpResult {
  name: string;
  actor: string;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rssPeakMb: number;
  rssAfterMb: number;
  /**
   * CPU the server process used per request (ms), and, on PostgreSQL, the CPU of the database's backends per
   * request: a cost that, unlike latency, hardly depends on what else the machine is doing.
   */
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest?: number;
  /** Response bytes per request as they travelled (compressed with --compressed), headers included. */
  kbPerResponse: number;
}

/** CPU used so far by the database server's processes serving the benchmark (PostgreSQL), in ms. */
export type DatabaseCpu = () => Promise<number>;

/** Logs in through the real login route; returns the Cookie header. */
export async function login(baseUrl: string, actor: BenchActor, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: actor.loginName, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${actor.role} failed: ${res.status} ${await res.text()}`);
  // Secure-prefixed in production (__Secure-groeipad.session_token): match on the end of the name.
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.split('=')[0]?.endsWith('groeipad.session_token'));
  if (!cookie) throw new Error(`login as ${actor.role} gave no session cookie`);
  return cookie;
}

type Requests = NonNullable<autocannon.Options['requests']>;

/** Runs one autocannon scenario; latencies come from every response, so p95 is exact. */
/**
 * Three seconds of the scenario's own requests, not measured. V8 optimises a path only after many requests; without
 * this, a scenario run first or alone (--only) paid that in its figures (POP read alone: 5.6–7.3 ms of server CPU a
 * request; after one second of warm-up 4.6, after three 3.1, as in a full run).
 */
function warmUp(options: autocannon.Options) {
  return new Promise<void>((done, fail) => {
    autocannon({ ...options, duration: 3 }, (err) => (err ? fail(err) : done()));
  });
}

async function drive(
  name: string,
  actor: string,
  pid: number,
  options: autocannon.Options,
  databaseCpu?: DatabaseCpu,
): Promise<HttpResult> {
  const latencies: number[] = [];
  const cpuBefore = cpuMs(pid);
  const dbCpuBefore = await databaseCpu?.();
  const { result, peakMb, afterMb } = await sampleRss(
    pid,
    () =>
      new Promise<autocannon.Result>((done, fail) => {
        const instance = autocannon(options, (err, res) => (err ? fail(err) : done(res)));
        instance.on('response', (...args: unknown[]) => {
          // autocannon emits (client, statusCode, resBytes, responseTime) on the instance.
          const responseTime = args[3];
          if (typeof responseTime === 'number') latencies.push(responseTime);
        });
      }),
  );
  const cpuAfter = cpuMs(pid);
  const dbCpuAfter = await databaseCpu?.();
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, result.requests.total)) * 100) / 100;
  return {
    name,
    actor,
    serverCpuMsPerRequest: perRequest(cpuAfter - cpuBefore),
    databaseCpuMsPerRequest:
      dbCpuBefore === undefined || dbCpuAfter === undefined ? undefined : perRequest(dbCpuAfter - dbCpuBefore),
    requestsPerSecond: Math.round(result.requests.average),
    kbPerResponse: result.requests.total
      ? Math.round((result.throughput.total / result.requests.total / 1024) * 10) / 10
      : 0,
    latencyMs: summariseLatencies(latencies),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rssPeakMb: peakMb,
    rssAfterMb: afterMb,
  };
}

const query = (q: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

export async function runScenarios(
  baseUrl: string,
  pid: number,
  plan: BenchPlan,
  password: string,
  settings: HttpSettings,
  progress: (line: string) => void,
  databaseCpu?: DatabaseCpu,
  only?: ReadonlySet<string>,
): Promise<HttpResult[]> {
  const wanted = (name: string) => !only || only.has(name);
  const cookies = {
    manager: await login(baseUrl, plan.manager, password),
    coach: await login(baseUrl, plan.coach, password),
    writer: plan.writer === plan.coach ? undefined : await login(baseUrl, plan.writer, password),
    supervisor: await login(baseUrl, plan.team.supervisor, password),
  };
  const encoding = settings.compressed ? { 'accept-encoding': 'br, gzip' } : {};
  const base = (cookie: string): autocannon.Options => ({
    url: baseUrl,
    connections: settings.connections,
    duration: settings.duration,
    headers: { cookie, accept: 'application/json', ...encoding },
  });
  const results: HttpResult[] = [];
  const run = async (name: string, actor: BenchActor, options: autocannon.Options, warm = true) => {
    if (!wanted(name)) return;
    progress(`  ${name} as ${actor.role} …`);
    if (warm) await warmUp(options);
    results.push(await drive(name, `${actor.role} ${actor.loginName}`, pid, options, databaseCpu));
  };

  await run('caseload-first-page', plan.manager, {
    ...base(cookies.manager),
    url: `${baseUrl}/api/v1/participants?${query({ limit: 50 })}`,
  });
  await run('caseload-filtered', plan.manager, {
    ...base(cookies.manager),
    url: `${baseUrl}/api/v1/participants?${query({ ...plan.filter, limit: 50 })}`,
  });
  await run('caseload-coach', plan.coach, {
    ...base(cookies.coach),
    url: `${baseUrl}/api/v1/participants?${query({ limit: 50 })}`,
  });

  let next = 0;
  const dossier: Requests = [
    {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: `/api/v1/participants/${plan.dossierIds[next++ % plan.dossierIds.length]}`,
      }),
    },
  ];
  await run('dossier', plan.coach, { ...base(cookies.coach), requests: dossier });

  // A pause and then a resume for one participant, on one connection (one request at a time), so both pass the
  // timeline rules. A participant is leased from a shared queue for the pair and handed back after the resume,
  // at the end of the queue: no two connections ever write to the same dossier at once.
  const free = [...plan.writePool];
  // Leased and not handed back yet: a pair cut off when the scenario ends leaves its participant paused.
  const leased = new Set<string>();
  const today = todayIso();
  const body = (kind: string) => JSON.stringify({ kind, date: today });
  const write: Requests = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const id = free.shift();
        (context as { id?: string }).id = id;
        if (id) leased.add(id);
        return id
          ? { ...req, path: `/api/v1/participants/${id}/career-events`, body: body('pause') }
          : (undefined as never);
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => ({
        ...req,
        path: `/api/v1/participants/${(context as { id?: string }).id}/career-events`,
        body: body('resume'),
      }),
      onResponse: (status, _body, context) => {
        const { id } = context as { id?: string };
        if (!id) return;
        free.push(id);
        if (status < 300) leased.delete(id);
      },
    },
  ];
  await run(
    'career-event-write',
    plan.writer,
    {
      ...base(cookies.writer ?? cookies.coach),
      headers: {
        cookie: cookies.writer ?? cookies.coach,
        'content-type': 'application/json',
        accept: 'application/json',
        ...encoding,
      },
      requests: write,
    },
    // No warm-up: one stopped in the middle of a pair would leave its participants paused and out of the queue.
    false,
  );
  // Resumed, so the next scenario and a later run with --existing find every participant of the pool active.
  for (const id of leased) {
    await fetch(`${baseUrl}/api/v1/participants/${id}/career-events`, {
      method: 'POST',
      headers: { cookie: cookies.writer ?? cookies.coach, 'content-type': 'application/json' },
      body: body('resume'),
    });
  }

  // The workfloor (issue 4): the coach's radar and evolution over their caseload in turn, the supervisor's team.
  const rotating = (path: (id: string) => string): Requests => {
    let n = 0;
    return [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: path(plan.dossierIds[n++ % plan.dossierIds.length] as string) }),
      },
    ];
  };
  await run('competency-profile', plan.coach, {
    ...base(cookies.coach),
    requests: rotating((id) => `/api/v1/participants/${id}/competency-profile`),
  });
  await run('competency-evolution', plan.coach, {
    ...base(cookies.coach),
    requests: rotating((id) => `/api/v1/participants/${id}/competency-evolution`),
  });
  await run('team-heatmap', plan.team.supervisor, {
    ...base(cookies.supervisor),
    url: `${baseUrl}/api/v1/teams/${plan.team.id}/competency-heatmap`,
  });
  await run('iluo-matrix', plan.team.supervisor, {
    ...base(cookies.supervisor),
    url: `${baseUrl}/api/v1/teams/${plan.team.id}/iluo-matrix`,
  });
  // Every request a new observation (its own client key) for the next participant of the team.
  let saved = 0;
  const save: Requests = [
    {
      method: 'POST',
      setupRequest: (req) => {
        const n = saved++;
        const participantId = plan.team.participantIds[n % plan.team.participantIds.length] as string;
        return {
          ...req,
          path: '/api/v1/observations',
          body: JSON.stringify(observationBody(plan, participantId, today, n)),
        };
      },
    },
  ];
  await run('observation-save', plan.team.supervisor, {
    ...base(cookies.supervisor),
    headers: {
      cookie: cookies.supervisor,
      'content-type': 'application/json',
      accept: 'application/json',
      ...encoding,
    },
    requests: save,
  });

  // The POP (issue 5): the coach opens the POPs of their caseload in turn (live competencies included; audited).
  await run('pop-read', plan.coach, {
    ...base(cookies.coach),
    requests: rotating((id) => `/api/v1/participants/${id}/pop`),
  });
  // Saving a draft: each participant saved by one of their coaches with the revision last read. A draft is leased
  // from a shared queue for one save and handed back after its response (autocannon clears a connection's context
  // after every cycle): as many drafts as connections, so no two connections ever save the same draft at once.
  const freeDrafts = wanted('pop-save') ? await openPopDrafts(baseUrl, plan, password, cookies.coach, progress) : [];
  const saveDraft: Requests = [
    {
      method: 'PUT',
      setupRequest: (req, context) => {
        const d = freeDrafts.shift();
        (context as { draft?: PopDraft }).draft = d;
        if (!d) return undefined as never;
        d.saves++;
        return {
          ...req,
          path: `/api/v1/participants/${d.participantId}/pop/versions/${d.number}`,
          headers: { cookie: d.cookie, 'content-type': 'application/json', accept: 'application/json', ...encoding },
          body: JSON.stringify({ revision: d.revision, content: popDraftChange(d.content, d.saves) }),
        };
      },
      onResponse: (status, body, context) => {
        const d = (context as { draft?: PopDraft }).draft;
        if (!d) return;
        // A save answers the draft as stored; a conflict (409) the draft as someone else left it: either way the
        // next save starts from that revision.
        try {
          const parsed = JSON.parse(body) as { revision?: number; draft?: { revision: number } };
          const revision = status === 200 ? parsed.revision : parsed.draft?.revision;
          if (typeof revision === 'number') d.revision = revision;
        } catch {
          // Not JSON: autocannon counts it as non-2xx; the next save tries again with what it has.
        }
        freeDrafts.push(d);
      },
    },
  ];
  await run(
    'pop-save',
    plan.popSavers[0]?.coach ?? plan.coach,
    {
      ...base(cookies.coach),
      connections: Math.min(settings.connections, plan.popSavers.length),
      requests: saveDraft,
    },
    // No warm-up: a draft leased by a request that the warm-up's stop cut off is never handed back.
    false,
  );
  // The compliance list of the whole organisation, as the manager opens it (first page, most urgent first).
  await run('pop-compliance', plan.manager, {
    ...base(cookies.manager),
    url: `${baseUrl}/api/v1/pop-compliance?${query({ limit: 50 })}`,
  });
  return results;
}

interface PopDraft {
  participantId: string;
  cookie: string;
  number: number;
  revision: number;
  content: { summary?: string };
  saves: number;
}

/**
 * The draft of each participant of plan.popSavers, as their coach reads it (GET …/pop); one is started
 * (POST …/versions) where there is none. Before the measurement, so only the saves are timed.
 */
async function openPopDrafts(
  baseUrl: string,
  plan: BenchPlan,
  password: string,
  coachCookie: string,
  progress: (line: string) => void,
): Promise<PopDraft[]> {
  const cookieOf = new Map<string, string>([[plan.coach.id, coachCookie]]);
  const drafts: PopDraft[] = [];
  let started = 0;
  for (const { coach, participantId } of plan.popSavers) {
    let cookie = cookieOf.get(coach.id);
    if (!cookie) {
      cookie = await login(baseUrl, coach, password);
      cookieOf.set(coach.id, cookie);
    }
    const headers = { cookie, accept: 'application/json' };
    const url = `${baseUrl}/api/v1/participants/${participantId}/pop`;
    const overview = await fetch(url, { headers });
    if (overview.status !== 200) throw new Error(`GET ${url}: ${overview.status} ${await overview.text()}`);
    type Version = { number: number; revision: number; content: { summary?: string } };
    let draft = ((await overview.json()) as { draft: Version | null }).draft;
    if (!draft) {
      const res = await fetch(`${url}/versions`, { method: 'POST', headers });
      if (res.status !== 201) throw new Error(`POST ${url}/versions: ${res.status} ${await res.text()}`);
      draft = (await res.json()) as Version;
      started++;
    }
    drafts.push({
      participantId,
      cookie,
      number: draft.number,
      revision: draft.revision,
      content: draft.content,
      saves: 0,
    });
  }
  progress(`    ${drafts.length} drafts (${started} started now) of ${cookieOf.size} coaches, one per connection`);
  return drafts;
}

/** The same settings against the bare Fastify server of bench/hello.ts. */
export async function runHello(baseUrl: string, pid: number, settings: HttpSettings): Promise<HttpResult> {
  return drive('fastify-hello-world', '-', pid, {
    url: `${baseUrl}/hello`,
    connections: settings.connections,
    duration: settings.duration,
  });
}
