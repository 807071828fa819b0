import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Readiness, ReadinessItem } from '#shared/pathways';
import { nl } from '../../i18n/nl';
import { kindText, levelsText, readinessColor, readinessText } from './words';

/** A t() over the Dutch messages: enough to see which words each reader gets. */
const t = ((key: string, values?: Record<string, string | number>) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], nl);
  return String(found ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
}) as unknown as TFunction;

const item = (over: Partial<ReadinessItem>): ReadinessItem => ({
  kind: 'competency',
  key: 'communicatie',
  name: 'Communicatie',
  required: 3,
  current: 2,
  source: 'supervisor',
  met: false,
  ...over,
});

/** The staff's terms that a participant should not have to decode. */
const jargon = /Uitstroom|Functie|Competentie|Taak|ILUO|Inzichtelijk|Uitvoerend|vereisten|Nu: \d/;

describe('pathway words', () => {
  it('gives the participant levels in plain words and staff the bare numbers', () => {
    expect(levelsText(t, item({}), 'participant')).toBe(
      'Nodig: niveau 3. Jij nu: niveau 2. (punten van je werkleider)',
    );
    expect(levelsText(t, item({}), 'staff')).toBe('Nodig: 3. Nu: 2. (score van de werkleider)');
    expect(levelsText(t, item({ kind: 'skill', required: 3, current: 2, source: 'iluo' }), 'participant')).toBe(
      'Nodig: Lukt alleen. Jij nu: Lukt met hulp.',
    );
    expect(levelsText(t, item({ kind: 'skill', current: null, source: null }), 'participant')).toBe(
      'Nodig: Lukt alleen. Nog niet bekeken.',
    );
    expect(levelsText(t, item({ current: null, source: null }), 'participant')).toBe(
      'Nodig: niveau 3. Nog geen punten.',
    );
  });

  it('never shows the participant a staff term, whatever the step or the level', () => {
    const anyItem = fc.record({
      kind: fc.constantFrom('competency', 'skill') as fc.Arbitrary<ReadinessItem['kind']>,
      key: fc.constant('k'),
      name: fc.constant('X'),
      required: fc.integer({ min: 1, max: 4 }),
      current: fc.option(fc.integer({ min: 1, max: 4 })),
      source: fc.option(fc.constantFrom('supervisor', 'coach', 'iluo')) as fc.Arbitrary<ReadinessItem['source']>,
      met: fc.boolean(),
    });
    fc.assert(
      fc.property(anyItem, fc.constantFrom('package', 'job_profile', 'outflow'), (one, kind) => {
        expect(levelsText(t, one, 'participant')).not.toMatch(jargon);
        expect(kindText(t, kind as 'package', 'participant')).not.toMatch(jargon);
      }),
    );
    const none: Readiness = { items: [], met: 0, total: 0, ready: true };
    expect(readinessText(t, none, 'participant')).toBe('Niets extra nodig');
    expect(readinessText(t, none, 'staff')).toBe('Geen vereisten');
    expect(kindText(t, 'outflow', 'staff')).toBe('Uitstroom');
  });

  it('colours readiness badges by palette name, never by a shade', () => {
    for (const ready of [true, false]) {
      expect(readinessColor({ items: [], met: 0, total: 1, ready })).toMatch(/^[a-z]+$/);
    }
  });
});
