import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '#shared/instruments';
import { acceptedExtensions, checkFile, formatSize, mediaTypeFor } from './files';

describe('checkFile', () => {
  it('takes a PDF, PNG or JPEG up to the limit', () => {
    expect(checkFile({ name: 'verslag.pdf', size: 1200 })).toBeNull();
    expect(checkFile({ name: 'SCAN.PNG', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(checkFile({ name: 'foto.jpeg', size: 10 })).toBeNull();
  });

  it('refuses a file above the limit, an empty file and other kinds', () => {
    expect(checkFile({ name: 'groot.pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe('too_large');
    expect(checkFile({ name: 'leeg.pdf', size: 0 })).toBe('empty');
    expect(checkFile({ name: 'notities.docx', size: 10 })).toBe('unsupported_type');
    expect(checkFile({ name: 'pdf', size: 10 })).toBe('unsupported_type');
  });

  it('never lets a file above the limit through, whatever its name', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: ATTACHMENT_MAX_BYTES + 1, max: 2 ** 40 }), (name, size) => {
        expect(checkFile({ name, size })).not.toBeNull();
      }),
    );
  });
});

describe('mediaTypeFor', () => {
  it('types a file by its extension, as the server expects it', () => {
    expect(mediaTypeFor('a.pdf')).toBe('application/pdf');
    expect(mediaTypeFor('a.b.Png')).toBe('image/png');
    expect(mediaTypeFor('a.jpg')).toBe('image/jpeg');
    expect(mediaTypeFor('a.JPEG')).toBe('image/jpeg');
    expect(mediaTypeFor('a.gif')).toBeUndefined();
  });

  it('offers exactly those extensions in the file picker', () => {
    expect(acceptedExtensions.split(',').sort()).toEqual(['.jpeg', '.jpg', '.pdf', '.png']);
  });
});

describe('formatSize', () => {
  it('reads as bytes, kilobytes or megabytes', () => {
    expect(formatSize(512, 'nl-BE')).toBe('512 B');
    expect(formatSize(1536, 'nl-BE')).toBe('1,5 kB');
    expect(formatSize(10 * 1024 * 1024, 'en-GB')).toBe('10 MB');
  });
});
