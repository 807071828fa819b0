import { parseErrorBody } from '#shared/error-codes';
import { ApiError } from '../../lib/api';

/**
 * Fetches a file and hands it to the browser to save under its own name. A plain link would show the server's
 * JSON error as a page when access has ended; this way the error is shown where the button is.
 */
export async function downloadFile(url: string, fileName: string) {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (!response.ok) {
    const parsed = parseErrorBody(await response.json().catch(() => undefined));
    if (parsed) throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.fields);
    throw new ApiError(response.status, 'internal_error', `HTTP ${response.status}`);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the moment it needs to start the download before the address is gone.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
