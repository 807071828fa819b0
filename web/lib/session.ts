import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, type SessionUser } from './api';

/** The logged-in user, or null. A 401 is an answer here, not an error. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionUser | null> => {
    try {
      return (await api.auth.session()).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  // Other requests notice an ended session (see onSessionLost); no need to poll.
  staleTime: Number.POSITIVE_INFINITY,
});

export const setupStatusQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.setup.status(),
  staleTime: Number.POSITIVE_INFINITY,
});
