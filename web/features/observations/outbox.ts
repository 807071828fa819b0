import { parseErrorBody } from '#shared/error-codes';

/**
 * Observations waiting to be sent, kept in the browser (localStorage) so a lost connection on the workfloor loses
 * nothing. Each item carries a clientKey: sending the same item twice stores it once on the server (200 with the
 * first one), so retrying after an answer that never arrived is safe.
 *
 * Only the refusals a person must look at (a 4xx about the content) stop an item; a lost connection, a server
 * error or an ended session keep it for the next try.
 */

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface Refusal {
  status: number;
  code: string;
  /** The server's field errors: path ("ratings.0.score") → code ("out_of_scale"). */
  fields: Record<string, string>;
}

export interface OutboxItem {
  clientKey: string;
  /** POST /api/v1<path>. */
  path: string;
  body: { clientKey: string } & Record<string, unknown>;
  /** Whom it is about, for the list of unsent items (the name, never a score or a note). */
  label: string;
  /** ISO time it was put in the outbox. */
  queuedAt: string;
  /** Set when the server refused it: it then waits for the user to fix or discard it. */
  refusal?: Refusal;
}

export type SendOutcome =
  | { kind: 'sent'; item: OutboxItem; data: unknown }
  /** No connection: kept, sent when the browser is online again. */
  | { kind: 'offline'; item: OutboxItem }
  /** The server said no (4xx about the content): kept, for the user to fix or discard. */
  | { kind: 'refused'; item: OutboxItem; refusal: Refusal }
  /** A server error, an ended session or too many requests: kept, tried again later. */
  | { kind: 'failed'; item: OutboxItem; status: number }
  /** Not (any more) in the outbox: sent by another tab, or discarded. */
  | { kind: 'missing'; clientKey: string };

export interface OutboxDeps {
  storage: OutboxStorage;
  /** The storage key: one outbox per logged-in user, so nobody sends another person's observations. */
  key: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  isOnline: () => boolean;
  now?: () => Date;
}

/** 4xx answers that are about the request itself; 401 (session ended), 408 and 429 may pass on a later try. */
export function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

function isItem(value: unknown): value is OutboxItem {
  if (!value || typeof value !== 'object') return false;
  const item = value as Partial<OutboxItem>;
  return (
    typeof item.clientKey === 'string' &&
    typeof item.path === 'string' &&
    typeof item.label === 'string' &&
    typeof item.queuedAt === 'string' &&
    !!item.body &&
    typeof item.body === 'object'
  );
}

function parse(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isItem) : [];
  } catch {
    return [];
  }
}

async function refusalOf(response: Response): Promise<Refusal> {
  const data: unknown = await response.json().catch(() => undefined);
  const parsed = parseErrorBody(data);
  if (!parsed) return { status: response.status, code: 'internal_error', fields: {} };
  return { status: response.status, code: parsed.error.code, fields: parsed.error.fields ?? {} };
}

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox({ storage, key, fetch, isOnline, now = () => new Date() }: OutboxDeps) {
  const listeners = new Set<() => void>();
  const sending = new Map<string, Promise<SendOutcome>>();
  // The last list read, by its stored text: the same text gives the same array (a stable React snapshot).
  let snapshot: { raw: string | null; items: OutboxItem[] } = { raw: null, items: [] };
  // When the browser refuses to store (private mode, full), the outbox lives on in memory for this visit.
  let memoryOnly = false;

  function readRaw(): string | null {
    if (memoryOnly) return snapshot.raw;
    try {
      return storage.getItem(key);
    } catch {
      memoryOnly = true;
      return snapshot.raw;
    }
  }

  function items(): OutboxItem[] {
    const raw = readRaw();
    if (raw !== snapshot.raw) snapshot = { raw, items: parse(raw) };
    return snapshot.items;
  }

  function write(next: OutboxItem[]) {
    const raw = JSON.stringify(next);
    snapshot = { raw, items: next };
    if (!memoryOnly) {
      try {
        storage.setItem(key, raw);
      } catch {
        memoryOnly = true;
      }
    }
    for (const listener of listeners) listener();
  }

  function update(clientKey: string, change: (item: OutboxItem) => OutboxItem | null) {
    const next: OutboxItem[] = [];
    for (const item of items()) {
      if (item.clientKey !== clientKey) next.push(item);
      else {
        const changed = change(item);
        if (changed) next.push(changed);
      }
    }
    write(next);
  }

  function add(entry: Omit<OutboxItem, 'queuedAt' | 'refusal'>): OutboxItem {
    const item: OutboxItem = { ...entry, queuedAt: now().toISOString() };
    write([...items().filter((i) => i.clientKey !== item.clientKey), item]);
    return item;
  }

  function remove(clientKey: string) {
    update(clientKey, () => null);
  }

  async function attempt(item: OutboxItem): Promise<SendOutcome> {
    if (!isOnline()) return { kind: 'offline', item };
    let response: Response;
    try {
      response = await fetch(`/api/v1${item.path}`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(item.body),
      });
    } catch {
      // fetch rejects (a TypeError) only when no answer came at all.
      return { kind: 'offline', item };
    }
    if (response.ok) {
      const data: unknown = await response.json().catch(() => undefined);
      remove(item.clientKey);
      return { kind: 'sent', item, data };
    }
    if (isRefusal(response.status)) {
      const refusal = await refusalOf(response);
      update(item.clientKey, (stored) => ({ ...stored, refusal }));
      return { kind: 'refused', item, refusal };
    }
    return { kind: 'failed', item, status: response.status };
  }

  /** Sends one item now. Two calls for the same item share one request. */
  function send(clientKey: string): Promise<SendOutcome> {
    const running = sending.get(clientKey);
    if (running) return running;
    const item = items().find((i) => i.clientKey === clientKey);
    if (!item) return Promise.resolve({ kind: 'missing', clientKey });
    const promise = attempt(item).finally(() => sending.delete(clientKey));
    sending.set(clientKey, promise);
    return promise;
  }

  /**
   * Sends every item that is not waiting for the user, oldest first. Stops at the first sign that the connection
   * is gone: the rest would fail the same way.
   */
  async function flush(): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    for (const item of items().filter((i) => !i.refusal)) {
      const outcome = await send(item.clientKey);
      outcomes.push(outcome);
      if (outcome.kind === 'offline') break;
    }
    return outcomes;
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Another tab changed the stored list: tell the listeners so they read it again. */
  function changedElsewhere() {
    for (const listener of listeners) listener();
  }

  return { items, add, remove, send, flush, subscribe, changedElsewhere };
}
