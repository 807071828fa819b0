/**
 * The name a file answer gives itself in Content-Disposition: `filename*` (RFC 6266/5987, UTF-8 percent-encoded)
 * wins over `filename`. Null when the header names no file, so the caller can fall back to a name of its own.
 * Any folder part is dropped: a name is all we save under.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*"?([^";]*)"?/i.exec(header)?.[1];
  if (extended) {
    const quote = extended.indexOf("''");
    const encoded = quote >= 0 ? extended.slice(quote + 2) : extended;
    try {
      const name = baseName(decodeURIComponent(encoded));
      if (name) return name;
    } catch {
      // A malformed percent-escape: the plain filename may still be usable.
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)/i.exec(header);
  if (!plain) return null;
  const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : (plain[1] ?? '');
  return baseName(value) || null;
}

const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();

/** When the server names no file: still a name that says what it is and when it was made. */
export const fallbackExportName = (format: 'json' | 'pdf', today: string) => `groeipad-export-${today}.${format}`;

/** Hands a received file to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
