import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutbox, isRefusal, type OutboxStorage } from './outbox';

/** localStorage as a Map; `broken` makes every call throw like a browser in private mode with storage switched off. */
function fakeStorage(broken = false) {
  const data = new Map<string, string>();
  const storage: OutboxStorage = {
    getItem: (key) => {
      if (broken) throw new Error('SecurityError');
      return data.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (broken) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
  };
  return { storage, data };
}

type Answer = { status: number; body?: unknown } | 'network-down';

/** A fetch that answers from a script, one answer per call, and remembers what it was sent. */
function fakeFetch(answers: Answer[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const answer = answers.shift() ?? { status: 201, body: { id: 'x' } };
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, calls };
}

const key = 'groeipad.observations.outbox.user-1';

function setup(answers: Answer[] = [], { online = true, broken = false } = {}) {
  const { storage, data } = fakeStorage(broken);
  const { fetch, calls } = fakeFetch(answers);
  let isOnline = online;
  const outbox = createOutbox({
    storage,
    key,
    fetch,
    isOnline: () => isOnline,
    now: () => new Date('2025-03-04T09:00:00Z'),
  });
  return { outbox, data, calls, goOnline: () => (isOnline = true), goOffline: () => (isOnline = false) };
}

const entry = (clientKey: string, label = 'Lotte Janssens') => ({
  clientKey,
  path: '/observations',
  label,
  body: { clientKey, participantId: 'p-1', ratings: [{ competencyId: 'c-1', score: 3 }] },
});

const refusedBody = {
  error: { code: 'validation_failed', message: 'Invalid', fields: { 'ratings.0.score': 'out_of_scale' } },
};

describe('observation outbox', () => {
  it('keeps an added item in storage under the user’s key, so a reload still has it', () => {
    const { outbox, data } = setup();
    outbox.add(entry('k1'));
    expect(JSON.parse(data.get(key) ?? '[]')).toEqual([{ ...entry('k1'), queuedAt: '2025-03-04T09:00:00.000Z' }]);
    const storage: OutboxStorage = { getItem: (k) => data.get(k) ?? null, setItem: () => {} };
    const reloaded = createOutbox({ storage, key, fetch: fakeFetch([]).fetch, isOnline: () => true });
    expect(reloaded.items().map((i) => i.clientKey)).toEqual(['k1']);
  });

  it('sends an item to the API path with its clientKey and removes it on 201', async () => {
    const { outbox, calls } = setup([{ status: 201, body: { id: 'obs-1' } }]);
    outbox.add(entry('k1'));
    const outcome = await outbox.send('k1');
    expect(outcome).toMatchObject({ kind: 'sent', data: { id: 'obs-1' } });
    expect(calls).toEqual([{ url: '/api/v1/observations', body: entry('k1').body }]);
    expect(outbox.items()).toEqual([]);
  });

  it('removes an item on 200: the server had it already (a retry after a lost answer)', async () => {
    const { outbox } = setup([{ status: 200, body: { id: 'obs-1' } }]);
    outbox.add(entry('k1'));
    expect((await outbox.send('k1')).kind).toBe('sent');
    expect(outbox.items()).toEqual([]);
  });

  it('keeps the item when the network is gone (fetch throws a TypeError)', async () => {
    const { outbox, calls } = setup(['network-down']);
    outbox.add(entry('k1'));
    expect((await outbox.send('k1')).kind).toBe('offline');
    expect(calls).toHaveLength(1);
    expect(outbox.items().map((i) => i.clientKey)).toEqual(['k1']);
    expect(outbox.items()[0]?.refusal).toBeUndefined();
  });

  it('does not even try while the browser says it is offline', async () => {
    const { outbox, calls } = setup([], { online: false });
    outbox.add(entry('k1'));
    expect((await outbox.send('k1')).kind).toBe('offline');
    expect(calls).toHaveLength(0);
    expect(outbox.items()).toHaveLength(1);
  });

  it('keeps a refused item with the server’s code and field errors, and flush leaves it alone', async () => {
    const { outbox, calls } = setup([{ status: 400, body: refusedBody }]);
    outbox.add(entry('k1'));
    const outcome = await outbox.send('k1');
    expect(outcome).toMatchObject({
      kind: 'refused',
      refusal: { status: 400, code: 'validation_failed', fields: { 'ratings.0.score': 'out_of_scale' } },
    });
    expect(outbox.items()[0]?.refusal?.code).toBe('validation_failed');
    expect(await outbox.flush()).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('keeps an item after a server error or an ended session, without marking it refused', async () => {
    const { outbox } = setup([
      { status: 500, body: { error: { code: 'internal_error', message: 'x' } } },
      { status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } },
    ]);
    outbox.add(entry('k1'));
    expect(await outbox.send('k1')).toMatchObject({ kind: 'failed', status: 500 });
    expect(await outbox.send('k1')).toMatchObject({ kind: 'failed', status: 401 });
    expect(outbox.items()[0]?.refusal).toBeUndefined();
  });

  it('flushes oldest first and stops at the first lost connection', async () => {
    const { outbox, calls } = setup([{ status: 201, body: {} }, 'network-down', { status: 201, body: {} }]);
    outbox.add(entry('k1'));
    outbox.add(entry('k2'));
    outbox.add(entry('k3'));
    const outcomes = await outbox.flush();
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'offline']);
    expect(calls.map((c) => (c.body as { clientKey: string }).clientKey)).toEqual(['k1', 'k2']);
    expect(outbox.items().map((i) => i.clientKey)).toEqual(['k2', 'k3']);
  });

  it('shares one request when the same item is sent twice at once (submit and the online event together)', async () => {
    const { outbox, calls } = setup([{ status: 201, body: {} }]);
    outbox.add(entry('k1'));
    const [a, b] = await Promise.all([outbox.send('k1'), outbox.send('k1')]);
    expect(calls).toHaveLength(1);
    expect(a).toBe(b);
  });

  it('answers "missing" for an item another tab already sent', async () => {
    const { outbox } = setup();
    expect(await outbox.send('gone')).toEqual({ kind: 'missing', clientKey: 'gone' });
  });

  it('replaces an item added again with the same clientKey (a fixed refusal) and clears its refusal', async () => {
    const { outbox } = setup([{ status: 400, body: refusedBody }]);
    outbox.add(entry('k1'));
    await outbox.send('k1');
    outbox.add({ ...entry('k1'), body: { ...entry('k1').body, ratings: [] } });
    expect(outbox.items()).toHaveLength(1);
    expect(outbox.items()[0]?.refusal).toBeUndefined();
  });

  it('tells its listeners about every change and gives the same array while nothing changed', () => {
    const { outbox } = setup();
    let calls = 0;
    const stop = outbox.subscribe(() => calls++);
    outbox.add(entry('k1'));
    expect(outbox.items()).toBe(outbox.items());
    outbox.remove('k1');
    stop();
    outbox.add(entry('k2'));
    expect(calls).toBe(2);
  });

  it('ignores stored text that is not an outbox (an older format, or a hand-edited value)', () => {
    const { outbox, data } = setup();
    data.set(key, '{not json');
    expect(outbox.items()).toEqual([]);
    data.set(key, JSON.stringify([{ clientKey: 'k1' }, { ...entry('k2'), queuedAt: 'x' }, 7]));
    expect(outbox.items().map((i) => i.clientKey)).toEqual(['k2']);
  });

  it('still works in memory when the browser refuses to store anything', async () => {
    const { outbox } = setup([{ status: 201, body: {} }], { broken: true });
    outbox.add(entry('k1'));
    expect(outbox.items().map((i) => i.clientKey)).toEqual(['k1']);
    expect((await outbox.send('k1')).kind).toBe('sent');
    expect(outbox.items()).toEqual([]);
  });

  it('classifies statuses: only content refusals stop an item', () => {
    expect([400, 403, 404, 409, 410, 422].every(isRefusal)).toBe(true);
    expect([200, 201, 401, 408, 429, 500, 502, 503].some(isRefusal)).toBe(false);
  });

  it('never loses or duplicates an item, whatever the server and the network answer', async () => {
    const answer = fc.oneof(
      fc.constant<Answer>('network-down'),
      fc.constantFrom(200, 201, 400, 401, 404, 409, 429, 500, 503).map<Answer>((status) => ({
        status,
        body: status < 300 ? { id: 'x' } : { error: { code: 'conflict', message: 'x' } },
      })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 6 }),
        fc.array(answer, { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        async (keys, answers, rounds) => {
          const { outbox, calls } = setup([...answers]);
          for (const k of keys) outbox.add(entry(k));
          for (let i = 0; i < rounds; i++) await outbox.flush();
          const left = outbox.items().map((item) => item.clientKey);
          // Every item is either still in the outbox or was answered 200/201; never both, never twice.
          const sent = new Set<string>();
          calls.forEach((call, i) => {
            const status = answers[i] === undefined ? 201 : answers[i] === 'network-down' ? 0 : answers[i].status;
            if (status === 200 || status === 201) sent.add((call.body as { clientKey: string }).clientKey);
          });
          expect(new Set(left).size).toBe(left.length);
          for (const k of keys) expect(left.includes(k) !== sent.has(k)).toBe(true);
          expect(left.every((k) => keys.includes(k))).toBe(true);
        },
      ),
    );
  });
});
