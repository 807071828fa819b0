import { useSyncExternalStore } from 'react';
import { createOutbox, type Outbox } from './outbox';

/** One outbox per user on this device, shared by the form and the background sender so an item is sent once. */
const outboxes = new Map<string, Outbox>();

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const memory = new Map<string, string>();
const memoryStorage = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => void memory.set(key, value),
};

export const outboxKey = (userId: string) => `groeipad.observations.outbox.${userId}`;

export function outboxFor(userId: string): Outbox {
  let outbox = outboxes.get(userId);
  if (!outbox) {
    const key = outboxKey(userId);
    const created = createOutbox({
      storage: browserStorage() ?? memoryStorage,
      key,
      fetch: (input, init) => window.fetch(input, init),
      isOnline: () => navigator.onLine !== false,
    });
    // Another tab of the same user sent or added something.
    window.addEventListener('storage', (event) => {
      if (event.key === key) created.changedElsewhere();
    });
    outboxes.set(userId, created);
    outbox = created;
  }
  return outbox;
}

/** The items waiting in this user's outbox; the component renders again when the list changes. */
export function useOutboxItems(outbox: Outbox) {
  return useSyncExternalStore(outbox.subscribe, outbox.items, outbox.items);
}
