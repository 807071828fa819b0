import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { IluoLabel } from '#shared/iluo';
import { en } from '../../i18n/en';
import { parseIluoSearch } from './search';
import { levelName, levelWords } from './words';

/** A t() over the English messages: enough to see which words are chosen. */
const t = ((key: string, values?: Record<string, string>) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
  return String(found ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values?.[name] ?? '');
}) as unknown as TFunction;

const builtIn = (level: 1 | 2 | 3 | 4, letter: IluoLabel['letter']): IluoLabel => ({
  level,
  letter,
  label: 'Nederlands',
  meaning: 'Nederlands',
  custom: false,
});

describe('levelWords', () => {
  it('translates the built-in words, but keeps the organisation’s own words as they are', () => {
    const labels: IluoLabel[] = [
      { level: 1, letter: 'I', label: 'Leerling', meaning: 'Kijkt mee.', custom: true },
      builtIn(2, 'L'),
      builtIn(3, 'U'),
      builtIn(4, 'O'),
    ];
    expect(levelWords(t, 1, labels)).toEqual({ letter: 'I', label: 'Leerling', meaning: 'Kijkt mee.' });
    expect(levelWords(t, 3, labels)).toEqual({
      letter: 'U',
      label: 'Can do it alone',
      meaning: 'Does this task alone, well and safely.',
    });
    expect(levelName(t, 4)).toBe('O · Can teach others');
  });

  it('never fails on a level outside 1–4', () => {
    expect(levelWords(t, 7).label).toBe('7');
  });
});

describe('parseIluoSearch', () => {
  it('keeps a team id and drops anything else', () => {
    const id = '3f607f16-7d65-4575-821d-bcb8d9166a7e';
    expect(parseIluoSearch({ ploeg: id, other: 'x' })).toEqual({ ploeg: id });
    expect(parseIluoSearch({ ploeg: 'niet-een-id' })).toEqual({});
    expect(parseIluoSearch({ ploeg: 42 })).toEqual({});
  });
});
