import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../lib/api';
import { sessionQuery } from '../../lib/session';

/** The logged-in user, or null right after logout (the shell then renders nothing). */
export function useOptionalSessionUser(): SessionUser | null {
  return useQuery(sessionQuery).data ?? null;
}

/** For screens inside the shell: the route guard loaded the session, and the shell only renders them with a user. */
export function useSessionUser(): SessionUser {
  const user = useOptionalSessionUser();
  if (!user) throw new Error('useSessionUser outside a logged-in screen');
  return user;
}
