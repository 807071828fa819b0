import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const definitionsQuery = queryOptions({
  queryKey: ['instruments', 'definitions'],
  queryFn: () => api.instruments.definitions(),
});

export const resultsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['instruments', 'results', participantId],
    queryFn: () => api.instruments.results(participantId),
    // 403/404: the compartment is closed to this person; asking again will not open it.
    retry: false,
  });

/** A result saved changes the participant's list, the definitions' result counts and the managers' counts. */
export const refreshInstruments = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['instruments'] }),
    queryClient.invalidateQueries({ queryKey: ['sensitive'] }),
  ]);
