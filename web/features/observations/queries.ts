import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The version every new score form uses: the current version of the organisation's default framework. */
export const currentVersionQuery = queryOptions({
  queryKey: ['framework-versions', 'current'],
  queryFn: () => api.frameworkVersions.current(),
  // 404: the organisation has no framework yet; asking again will not make one.
  retry: false,
});

/** An old version keeps its scale and names once it has scores, so it is read once per visit. */
export const versionQuery = (id: string) =>
  queryOptions({
    queryKey: ['framework-versions', id],
    queryFn: () => api.frameworkVersions.get(id),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const rateableQuery = queryOptions({
  queryKey: ['observations', 'rateable'],
  queryFn: () => api.observations.rateableParticipants(),
});

export const OBSERVATIONS_PER_PAGE = 5;

export const participantObservationsQuery = (participantId: string, page: number) =>
  queryOptions({
    queryKey: ['observations', 'participant', participantId, page],
    queryFn: () =>
      api.observations.ofParticipant(participantId, {
        limit: OBSERVATIONS_PER_PAGE,
        offset: (page - 1) * OBSERVATIONS_PER_PAGE,
      }),
    placeholderData: (previous) => previous,
  });

export const invitationsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['observations', 'invitations', participantId],
    queryFn: () => api.observations.invitations(participantId),
  });

export const mentorLinkQuery = (token: string) =>
  queryOptions({
    queryKey: ['mentor-link', token],
    queryFn: () => api.mentorLinks.view(token),
    // 404 and 410 are answers about the link, not hiccups.
    retry: false,
    staleTime: 0,
  });
