import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const retentionQuery = queryOptions({
  queryKey: ['privacy', 'retention'],
  queryFn: () => api.privacy.retention(),
});

/**
 * An erasure reaches everywhere the participant shows (caseloads, dossier sections, the due list): no cached copy may
 * keep showing what is gone, so every query is asked again.
 */
export const refreshAfterErasure = (queryClient: QueryClient) => queryClient.invalidateQueries();
