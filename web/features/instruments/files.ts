import { ATTACHMENT_MAX_BYTES, type AttachmentMediaType, attachmentTypes } from '#shared/instruments';

/** The `accept` of the file input: the extensions the server takes. */
export const acceptedExtensions = Object.values(attachmentTypes)
  .flat()
  .map((ext) => `.${ext}`)
  .join(',');

export type FileProblem = 'too_large' | 'unsupported_type' | 'empty';

/** The media type the server expects for a file name, by its extension; undefined when it takes no such file. */
export function mediaTypeFor(fileName: string): AttachmentMediaType | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!fileName.includes('.')) return undefined;
  for (const [type, extensions] of Object.entries(attachmentTypes) as [AttachmentMediaType, readonly string[]][])
    if (extensions.includes(ext)) return type;
  return undefined;
}

/**
 * What the browser can tell before sending: the size and the extension. Whether the bytes match is for the
 * server to say (415).
 */
export function checkFile(file: { name: string; size: number }): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too_large';
  if (!mediaTypeFor(file.name)) return 'unsupported_type';
  return null;
}

/** "2,4 MB": sizes as people read them. */
export function formatSize(bytes: number, locale: string): string {
  const format = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
