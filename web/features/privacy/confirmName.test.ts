import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmsName, fullName } from './confirmName';

describe('confirmsName', () => {
  it('accepts the full name, whatever the case and the spaces around it', () => {
    expect(confirmsName('  nora JANSSENS ', 'Nora Janssens')).toBe(true);
  });

  it('refuses a part of the name or another name', () => {
    expect(confirmsName('Nora', 'Nora Janssens')).toBe(false);
    expect(confirmsName('Janssens Nora', 'Nora Janssens')).toBe(false);
    expect(confirmsName('Nora  Janssens', 'Nora Janssens')).toBe(false);
  });

  it('never confirms an empty name', () => {
    expect(confirmsName('', '')).toBe(false);
    expect(confirmsName('   ', ' ')).toBe(false);
  });

  it('confirms every name typed as shown, and no name with a letter more', () => {
    const part = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(part, part, (first, last) => {
        const name = fullName({ firstName: first, lastName: last });
        expect(confirmsName(name, name)).toBe(true);
        expect(confirmsName(name.toLowerCase(), name)).toBe(true);
        expect(confirmsName(`${name}x`, name)).toBe(false);
      }),
    );
  });
});
