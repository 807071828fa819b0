import { APIError } from 'better-auth/api';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBody, forgotPasswordBody, loginBody, resetPasswordBody, sessionResponse } from '#shared/auth';
import { okResponse } from '#shared/common';
import { session, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import { recordPlatformAudit } from '../audit/platform';
import { recordAudit } from '../audit/record';
import { findAccountByIdentifier, findResetTokenOwner } from './accounts';
import { assertAcceptablePassword } from './passwords';
import { forwardCookies } from './session-plugin';
import { currentSessionUser } from './session-user';

let dummy: Promise<string> | undefined;
function dummyHash() {
  dummy ??= hashPassword(crypto.randomUUID());
  return dummy;
}

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, auth, throttle }) => {
  app.post(
    '/auth/login',
    { config: { policy: 'public' }, schema: { tags: ['auth'], body: loginBody, response: { 200: sessionResponse } } },
    async (request, reply) => {
      const { identifier, password } = request.body;
      await throttle.assertAllowed(identifier, request.ip);
      const account = await findAccountByIdentifier(db, identifier);
      const headers = fromNodeHeaders(request.headers);
      try {
        if (!account || account.deactivatedAt) {
          // Spend the time of a real password check, so the answer's timing does not reveal the account.
          await verifyPassword({ hash: await dummyHash(), password });
          throw new APIError('UNAUTHORIZED');
        }
        const signIn = identifier.includes('@')
          ? auth.api.signInEmail({ body: { email: identifier.toLowerCase(), password }, headers, returnHeaders: true })
          : auth.api.signInUsername({
              body: { username: identifier.toLowerCase(), password },
              headers,
              returnHeaders: true,
            });
        const result = await signIn;
        forwardCookies(reply, result.headers);
      } catch (err) {
        if (!(err instanceof APIError)) throw err;
        await throttle.recordFailure(identifier, request.ip);
        await recordPlatformAudit(db, {
          organisationId: account?.organisationId ?? null,
          actorId: account?.id,
          actorName: account?.name,
          action: account?.deactivatedAt ? 'auth.login_refused_deactivated' : 'auth.login_failed',
          targetType: 'user',
          targetId: account?.id,
          ip: request.ip,
        });
        throw new AppError('invalid_credentials', 'This login name or password is not correct.');
      }
      await throttle.clearAccount(identifier, request.ip);
      // Session rotation: a session that came with this request does not survive a new login.
      if (request.sessionId) await db.delete(session).where(eq(session.id, request.sessionId));
      await recordPlatformAudit(db, {
        organisationId: account.organisationId,
        actorId: account.id,
        actorName: account.name,
        action: 'auth.login',
        targetType: 'user',
        targetId: account.id,
        ip: request.ip,
      });
      return { user: await currentSessionUser(db, account.id, account.organisationId) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'account.self' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
    async (request, reply) => {
      const ctx = request.context();
      const result = await auth.api.signOut({ headers: fromNodeHeaders(request.headers), returnHeaders: true });
      forwardCookies(reply, result.headers);
      await withTenant(db, ctx.actor.organisationId, (tx) =>
        recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.id }),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    { config: { policy: 'account.self' }, schema: { tags: ['auth'], response: { 200: sessionResponse } } },
    async (request) => {
      const { actor } = request.context();
      return { user: await currentSessionUser(db, actor.id, actor.organisationId) };
    },
  );

  app.post(
    '/auth/forgot-password',
    {
      config: { policy: 'public' },
      schema: { tags: ['auth'], body: forgotPasswordBody, response: { 200: okResponse } },
    },
    async (request) => {
      await throttle.countResetRequest(request.ip);
      const account = await findAccountByIdentifier(db, request.body.email);
      // The answer is the same whether the address exists or not: no account enumeration.
      // Participants have no mailbox; their coach or an admin sets a new password.
      if (account && !account.deactivatedAt && account.role !== 'participant') {
        await auth.api.requestPasswordReset({ body: { email: request.body.email } });
        await recordPlatformAudit(db, {
          organisationId: account.organisationId,
          actorId: account.id,
          actorName: account.name,
          action: 'auth.password_reset_requested',
          targetType: 'user',
          targetId: account.id,
          ip: request.ip,
        });
      }
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/reset-password',
    {
      config: { policy: 'public' },
      schema: { tags: ['auth'], body: resetPasswordBody, response: { 200: okResponse } },
    },
    async (request) => {
      const { token, newPassword } = request.body;
      assertAcceptablePassword(newPassword, 'newPassword');
      const owner = await findResetTokenOwner(db, token);
      if (!owner) throw new AppError('invalid_token', 'This link is no longer valid. Ask for a new one.');
      try {
        await auth.api.resetPassword({ body: { token, newPassword } });
      } catch (err) {
        if (err instanceof APIError)
          throw new AppError('invalid_token', 'This link is no longer valid. Ask for a new one.');
        throw err;
      }
      // Following the mailed link proves the mailbox.
      await db.update(user).set({ emailVerified: true }).where(eq(user.id, owner.id));
      await recordPlatformAudit(db, {
        organisationId: owner.organisationId,
        actorId: owner.id,
        actorName: owner.name,
        action: 'auth.password_reset',
        targetType: 'user',
        targetId: owner.id,
        ip: request.ip,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/change-password',
    {
      config: { policy: 'account.self' },
      schema: { tags: ['auth'], body: changePasswordBody, response: { 200: okResponse } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const { currentPassword, newPassword } = request.body;
      assertAcceptablePassword(newPassword, 'newPassword');
      try {
        const result = await auth.api.changePassword({
          body: { currentPassword, newPassword, revokeOtherSessions: true },
          headers: fromNodeHeaders(request.headers),
          returnHeaders: true,
        });
        forwardCookies(reply, result.headers);
      } catch (err) {
        if (err instanceof APIError) {
          throw new AppError('validation_failed', 'Your current password is not correct.', {
            currentPassword: 'incorrect',
          });
        }
        throw err;
      }
      await withTenant(db, ctx.actor.organisationId, (tx) =>
        recordAudit(tx, ctx, { action: 'auth.password_changed', targetType: 'user', targetId: ctx.actor.id }),
      );
      return { ok: true as const };
    },
  );
};
