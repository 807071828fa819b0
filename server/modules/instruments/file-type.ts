import { type AttachmentMediaType, attachmentTypes } from '#shared/instruments';

/** The first bytes each accepted type must start with: the Content-Type alone is only the sender's word. */
const signatures: Record<AttachmentMediaType, readonly number[]> = {
  'application/pdf': [...Buffer.from('%PDF-')],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The accepted media type a Content-Type header names (parameters and case ignored), or null. */
export function mediaTypeOf(contentType: string | undefined): AttachmentMediaType | null {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return bare in attachmentTypes ? (bare as AttachmentMediaType) : null;
}

export const startsWithSignature = (mediaType: AttachmentMediaType, bytes: Buffer) =>
  signatures[mediaType].every((byte, i) => bytes[i] === byte);

const extensionOf = (fileName: string) => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

export const extensionFits = (mediaType: AttachmentMediaType, fileName: string) =>
  (attachmentTypes[mediaType] as readonly string[]).includes(extensionOf(fileName));

/**
 * A file name safe to store and to send back in a header: letters, digits, spaces and . _ - ( ) only, the rest
 * becomes _. The extension was checked before, so it survives unchanged.
 */
export function sanitizeFileName(fileName: string): string {
  const cleaned = fileName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(-200) || 'bestand';
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact name as UTF-8 for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
