import { describe, expect, it } from 'vitest';
import { iluoEn } from './messages.en';
import { iluoNl } from './messages.nl';

describe('the wall chart buttons', () => {
  it.each([
    ['nl', iluoNl],
    ['en', iluoEn],
  ])('have an accessible name that starts with the visible text (%s), so voice control finds them', (_, messages) => {
    for (const size of ['a4', 'a3'] as const) {
      const visible = messages.print[size];
      const label = messages.print[`${size}Label`];
      expect(label.toLowerCase().startsWith(visible.toLowerCase())).toBe(true);
      // They download a PDF: the text says so rather than promising to print.
      expect(visible).toMatch(/pdf/i);
    }
  });
});
