import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  participantAccountBody,
  staffCreateBody,
  user,
  userCreatedResponse,
  userListQuery,
  userPage,
  userPasswordBody,
  userUpdateBody,
} from '#shared/users';
import type { Deps } from '../../deps';
import { sendInvitation } from '../auth/invitations';
import {
  createParticipantAccount,
  createStaff,
  listUsers,
  setUserActive,
  setUserPassword,
  updateUser,
} from './service';

export const userRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, auth }) => {
  app.get(
    '/users',
    {
      config: { policy: 'user.read' },
      schema: { tags: ['users'], querystring: userListQuery, response: { 200: userPage } },
    },
    async (request) => listUsers(db, request.context(), request.query),
  );

  app.post(
    '/users',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['users'], body: staffCreateBody, response: { 201: userCreatedResponse } },
    },
    async (request, reply) => {
      const created = await createStaff(db, request.context(), request.body);
      const invited = !request.body.password;
      // The invitation is a password-reset link: the new colleague chooses their own password.
      if (invited) await sendInvitation(auth, request.body.email);
      return reply.status(201).send({ user: created, invited });
    },
  );

  app.post(
    '/users/participants',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['users'], body: participantAccountBody, response: { 201: userCreatedResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ user: await createParticipantAccount(db, request.context(), request.body), invited: false }),
  );

  app.patch(
    '/users/:id',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['users'], params: idParams, body: userUpdateBody, response: { 200: user } },
    },
    async (request) => updateUser(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/users/:id/deactivate',
    { config: { policy: 'user.manage' }, schema: { tags: ['users'], params: idParams, response: { 200: user } } },
    async (request) => setUserActive(db, request.context(), request.params.id, false),
  );

  app.post(
    '/users/:id/reactivate',
    { config: { policy: 'user.manage' }, schema: { tags: ['users'], params: idParams, response: { 200: user } } },
    async (request) => setUserActive(db, request.context(), request.params.id, true),
  );

  app.put(
    '/users/:id/password',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['users'], params: idParams, body: userPasswordBody, response: { 200: user } },
    },
    async (request) => setUserPassword(db, request.context(), request.params.id, request.body.password),
  );
};
