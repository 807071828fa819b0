import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '#shared/common';
import { AppError, forbidden } from '../../lib/errors';
import { type Action, type Actor, can, type RoutePolicy } from '../../policy';
import type { RequestContext } from '../audit/record';
import type { Auth } from './better-auth';
import type { FoundSession, SessionLookup } from './session-lookup';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    /** The authenticated context services take; throws 401 when there is none. */
    context(): RequestContext;
  }
  interface FastifyContextConfig {
    /** Every /api/v1 route names its policy action, or 'public'. Startup fails for one that does not. */
    policy?: RoutePolicy;
  }
}

/** Copies better-auth's Set-Cookie headers (a refreshed or cleared session) onto the reply. */
export function forwardCookies(reply: FastifyReply, headers: Headers | undefined) {
  const cookies = headers?.getSetCookie?.() ?? [];
  if (cookies.length) reply.header('set-cookie', cookies);
}

interface Options {
  auth: Auth;
  /** The plain case of the session lookup (session-lookup.ts); better-auth handles the rest. */
  lookup: SessionLookup;
  sessionMaxHours: number;
}

/**
 * Resolves the session for each API request, enforces the absolute lifetime and deactivation,
 * then applies the route's policy: 401 without a session, 403 when the policy says no.
 */
export const sessionPlugin = fp<Options>(async (app: FastifyInstance, { auth, lookup, sessionMaxHours }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('context', function (this: FastifyRequest): RequestContext {
    if (!this.actor) throw new AppError('unauthenticated', 'Log in first');
    return { actor: this.actor, ip: this.ip };
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.policy) throw new Error(`Route ${route.method} ${route.url} declares no policy`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy) return;
    if (request.headers.cookie?.includes('groeipad.session_token')) await resolveSession(request, reply);
    if (policy !== 'public' && !request.actor) throw new AppError('unauthenticated', 'Log in first');
  });

  async function resolveSession(request: FastifyRequest, reply: FastifyReply) {
    const found = (await lookup(request.headers.cookie ?? '')) ?? (await viaBetterAuth(request, reply));
    if (!found) return;
    const u = found.user;
    const ageMs = Date.now() - found.createdAt.getTime();
    if (u.deactivatedAt || ageMs > sessionMaxHours * 3_600_000) {
      await auth.api.revokeSession({ headers: fromNodeHeaders(request.headers), body: { token: found.token } });
      throw new AppError('session_expired', 'Your session has ended. Log in again.');
    }
    request.actor = { id: u.id, name: u.name, role: u.role, organisationId: u.organisationId };
    request.sessionId = found.sessionId;
  }

  /** Everything but the plain case: better-auth clears a stale cookie, refreshes a sliding session. */
  async function viaBetterAuth(request: FastifyRequest, reply: FastifyReply): Promise<FoundSession | undefined> {
    const result = await auth.api.getSession({ headers: fromNodeHeaders(request.headers), returnHeaders: true });
    forwardCookies(reply, result.headers);
    const found = result.response;
    if (!found) return undefined;
    const u = found.user as typeof found.user & { organisationId: string; role: Role; deactivatedAt?: Date | null };
    return {
      sessionId: found.session.id,
      token: found.session.token,
      createdAt: new Date(found.session.createdAt),
      user: {
        id: u.id,
        name: u.name,
        role: u.role,
        organisationId: u.organisationId,
        deactivatedAt: u.deactivatedAt ?? null,
      },
    };
  }

  app.addHook('preHandler', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy === 'public' || !request.actor) return;
    if (!can(request.actor, policy as Action)) throw forbidden();
  });
});
