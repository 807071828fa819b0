import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const frameworksQuery = (includeArchived: boolean) =>
  queryOptions({
    queryKey: ['competencies', 'frameworks', { includeArchived }],
    queryFn: () => api.competencies.frameworks(includeArchived),
  });

export const frameworkQuery = (id: string) =>
  queryOptions({
    queryKey: ['competencies', 'framework', id],
    queryFn: () => api.competencies.framework(id),
    // 404 or a malformed id: asking again will not change the answer.
    retry: false,
  });

export const versionQuery = (id: string) =>
  queryOptions({ queryKey: ['competencies', 'version', id], queryFn: () => api.frameworkVersions.get(id) });

export const jobProfilesQuery = (query: { frameworkId?: string; archived?: boolean }) =>
  queryOptions({
    queryKey: ['competencies', 'jobProfiles', query],
    queryFn: () => api.competencies.jobProfiles(query),
  });

export const participantJobProfilesQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['competencies', 'participant', participantId],
    queryFn: () => api.competencies.ofParticipant(participantId),
    retry: false,
  });

/**
 * A framework or profile change reaches every screen that shows one: the lists, the editor, the forms that score
 * (they read the default version) and the radar (expected levels).
 */
export const refreshCompetencies = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['competencies'] }),
    queryClient.invalidateQueries({ queryKey: ['framework-versions'] }),
    queryClient.invalidateQueries({ queryKey: ['competency-profile'] }),
  ]);
