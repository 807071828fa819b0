import type { ExportFormat } from '#shared/participant-import';
import type { ParticipantFilters } from '../../../lib/api';

/** The export takes the list's filters and order, not its page: every row that matches. */
export function exportUrl(query: ParticipantFilters, format: ExportFormat): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'offset' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  params.set('format', format);
  return `/api/v1/participants/export?${params}`;
}
