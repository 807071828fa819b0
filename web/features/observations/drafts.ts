import { useState } from 'react';
import { observationContexts } from '#shared/observations';
import type { ScoreValues } from './scores';

/**
 * A form being filled in, kept in the browser while typing so a reload, a dead battery or a lost connection does
 * not lose it. One draft per user and per participant: someone else logging in on the device does not see it.
 */

export const draftKey = (...parts: string[]) => `groeipad.observations.draft.${parts.join('.')}`;

interface Stored {
  versionId: string;
  values: ScoreValues;
}

function isValues(value: unknown): value is ScoreValues {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<ScoreValues>;
  return (
    !!v.scores &&
    typeof v.scores === 'object' &&
    !!v.notes &&
    typeof v.notes === 'object' &&
    typeof v.note === 'string' &&
    typeof v.observedOn === 'string' &&
    observationContexts.some((c) => c === v.context)
  );
}

export function readDraft(key: string): Stored | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Stored>;
    return typeof stored.versionId === 'string' && isValues(stored.values)
      ? { versionId: stored.versionId, values: stored.values }
      : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, stored: Stored) {
  try {
    localStorage.setItem(key, JSON.stringify(stored));
  } catch {
    // No storage (private mode, full): the draft then lives as long as the page.
  }
}

export function clearDraft(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was stored either.
  }
}

/** True when a form holds anything worth keeping: a level, or a note. */
export const hasContent = (values: ScoreValues) =>
  Object.keys(values.scores).length > 0 ||
  values.note.trim() !== '' ||
  Object.values(values.notes).some((n) => n.trim() !== '');

/**
 * Form values backed by a stored draft. `restored` tells whether the values came from an earlier visit, so the
 * page can say so. The key is read once: a page shows another participant's form as a new component (React key).
 */
export function useDraft(
  key: string,
  versionId: string,
  initial: () => ScoreValues,
  adapt: (values: ScoreValues) => ScoreValues,
) {
  const [state, setState] = useState(() => {
    const stored = readDraft(key);
    return stored && stored.versionId === versionId && hasContent(stored.values)
      ? { values: adapt(stored.values), restored: true }
      : { values: initial(), restored: false };
  });

  const setValues = (values: ScoreValues) => {
    setState({ values, restored: false });
    if (hasContent(values)) writeDraft(key, { versionId, values });
    else clearDraft(key);
  };
  const reset = () => {
    clearDraft(key);
    setState({ values: initial(), restored: false });
  };

  return { values: state.values, restored: state.restored, setValues, reset };
}
