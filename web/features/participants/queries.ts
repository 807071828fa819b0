import { queryOptions } from '@tanstack/react-query';
import { api, type ParticipantFilters } from '../../lib/api';

export const participantsQuery = (filters: ParticipantFilters) =>
  queryOptions({ queryKey: ['participants', 'list', filters], queryFn: () => api.participants.list(filters) });

export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: ['participants', 'dossier', id],
    queryFn: () => api.participants.get(id),
    // A 404 means "not there or not yours": asking again will not change that.
    retry: false,
  });

export const coachOptionsQuery = queryOptions({
  queryKey: ['participants', 'coach-options'],
  queryFn: () => api.participants.coachOptions(),
});

export const referrersQuery = queryOptions({ queryKey: ['referrers'], queryFn: () => api.referrers.list() });
