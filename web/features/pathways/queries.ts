import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const workPackagesQuery = (query: { teamId?: string; archived?: boolean }) =>
  queryOptions({
    queryKey: ['pathways', 'packages', query],
    queryFn: () => api.pathways.packages({ teamId: query.teamId, archived: query.archived ? 'true' : undefined }),
  });

export const participantPathwayQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['pathways', 'participant', participantId],
    queryFn: () => api.pathways.ofParticipant(participantId),
    retry: false,
  });

export const myPathwayQuery = queryOptions({
  queryKey: ['pathways', 'mine'],
  queryFn: () => api.pathways.mine(),
  // 404: no dossier linked to this login; asking again will not change that.
  retry: false,
});

/** A package saved or a participant moved changes every map; a move also adds a step to the dossier timeline. */
export const refreshPathways = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['pathways'] }),
    queryClient.invalidateQueries({ queryKey: ['participants'] }),
  ]);
