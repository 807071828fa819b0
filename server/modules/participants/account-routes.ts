import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionResponse } from '#shared/auth';
import { idParams } from '#shared/common';
import { activateBody, participantAccountCreateBody, participantAccountResponse } from '#shared/participant-account';
import { participantDossier } from '#shared/participants';
import { session } from '../../db/schema';
import type { Deps } from '../../deps';
import { assertAcceptablePassword } from '../auth/passwords';
import { forwardCookies } from '../auth/session-plugin';
import { currentSessionUser } from '../auth/session-user';
import { createParticipantLogin, getOwnDossier, issueNewActivationCode } from './account';
import { activateLogin, invalidActivation } from './activation';

/** The participant's own login: created from the dossier, activated with the paper code, and their own dossier. */
export const participantAccountRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, auth, config, throttle }) => {
  const tags = ['participants'];
  const secret = config.AUTH_SECRET;

  app.get(
    '/participants/me',
    { config: { policy: 'participant.readOwn' }, schema: { tags, response: { 200: participantDossier } } },
    async (request) => getOwnDossier(db, request.context()),
  );

  app.post(
    '/participants/:id/account',
    {
      config: { policy: 'participant.account' },
      schema: {
        tags,
        params: idParams,
        body: participantAccountCreateBody,
        response: { 201: participantAccountResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createParticipantLogin(db, secret, request.context(), request.params.id, request.body)),
  );

  app.post(
    '/participants/:id/account/activation-code',
    {
      config: { policy: 'participant.account' },
      schema: { tags, params: idParams, response: { 201: participantAccountResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await issueNewActivationCode(db, secret, request.context(), request.params.id)),
  );

  app.post(
    '/auth/activate',
    {
      config: { policy: 'public' },
      schema: { tags: ['auth'], body: activateBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // Counted with failed logins of the same account and IP: guessing codes costs the same budget as passwords.
      await throttle.assertAllowed(username, request.ip);
      assertAcceptablePassword(password);
      const login = await activateLogin(db, secret, request.body, request.ip);
      if (!login) {
        await throttle.recordFailure(username, request.ip);
        throw invalidActivation();
      }
      await throttle.clearAccount(username, request.ip);
      const result = await auth.api.signInUsername({
        body: { username, password },
        headers: fromNodeHeaders(request.headers),
        returnHeaders: true,
      });
      forwardCookies(reply, result.headers);
      // Session rotation, as at login: a session that came with this request does not survive.
      if (request.sessionId) await db.delete(session).where(eq(session.id, request.sessionId));
      return { user: await currentSessionUser(db, login.id, login.organisationId) };
    },
  );
};
