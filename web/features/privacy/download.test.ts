import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackExportName, fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('reads a quoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename="groeipad-export-janssens-2026-12-06.json"')).toBe(
      'groeipad-export-janssens-2026-12-06.json',
    );
  });

  it('reads an unquoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename=export.pdf')).toBe('export.pdf');
  });

  it('prefers the UTF-8 name over the plain one', () => {
    expect(
      fileNameFromDisposition(`attachment; filename="export-a.json"; filename*=UTF-8''groeipad-export-%C3%A9lise.json`),
    ).toBe('groeipad-export-élise.json');
  });

  it('falls back to the plain name when the UTF-8 one is malformed', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A; filename="plain.json"`)).toBe('plain.json');
  });

  it('unescapes quotes inside a quoted name', () => {
    expect(fileNameFromDisposition('attachment; filename="een \\"goed\\" plan.pdf"')).toBe('een "goed" plan.pdf');
  });

  it('keeps only the name when the header carries a folder', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="C:\\\\temp\\\\x.pdf"')).toBe('x.pdf');
  });

  it('answers null when there is no usable name', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('')).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull();
  });

  it('finds back any name the server could write, plain or encoded', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => !/["\\/;\s]/.test(s) && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(name, (n) => {
        expect(fileNameFromDisposition(`attachment; filename="${n}"`)).toBe(n);
        expect(fileNameFromDisposition(`attachment; filename*=UTF-8''${encodeURIComponent(n)}`)).toBe(n);
      }),
    );
  });
});

describe('fallbackExportName', () => {
  it('names the format and the day', () => {
    expect(fallbackExportName('pdf', '2026-12-06')).toBe('groeipad-export-2026-12-06.pdf');
  });
});
