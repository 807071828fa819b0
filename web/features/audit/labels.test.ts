import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { actionKey, knownActions } from './labels';

/** The audit actions written as literals in the server's source (action: 'x.y'). */
function literalActions(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) =>
      [
        ...readFileSync(join(dir, file), 'utf8').matchAll(
          /action: (?:[a-z]+ \? )?'([a-zA-Z_.]+)'(?: : '([a-zA-Z_.]+)')?/g,
        ),
      ]
        .flatMap((m) => [m[1], m[2]])
        .filter((a): a is string => !!a && a.includes('.')),
    );
}

describe('the audit page’s words for actions', () => {
  it('has words in Dutch and English for every known action, and for nothing else', () => {
    const keys = knownActions.map(actionKey).sort();
    expect(Object.keys(nl.audit.actions).sort()).toEqual(keys);
    expect(Object.keys(en.audit.actions).sort()).toEqual(keys);
  });

  it('knows every action the server records literally', () => {
    const found = new Set(literalActions(join(import.meta.dirname, '../../../server/modules')));
    expect(found.size).toBeGreaterThan(40);
    expect([...found].filter((a) => !(knownActions as readonly string[]).includes(a))).toEqual([]);
  });
});
