import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import {
  mentorInvitation,
  mentorInvitationInput,
  mentorInvitationList,
  mentorInvitationWithLink,
  mentorLinkView,
  mentorObservationInput,
  mentorObservationSaved,
  mentorTokenParams,
  observation,
  observationInput,
  observationListQuery,
  observationPage,
  rateableParticipantList,
  selfAssessmentInput,
} from '#shared/observations';
import type { Deps } from '../../deps';
import { notFound } from '../../lib/errors';
import {
  inviteMentor,
  listMentorInvitations,
  resendMentorInvitation,
  revokeMentorInvitation,
} from './mentor-invitations';
import { findMentorLink, submitMentorObservation, viewMentorLink } from './mentor-links';
import { listRateableParticipants } from './rateable';
import { createObservation, createSelfAssessment, deleteObservation, listObservations } from './service';

/**
 * Observations (supervisor, coach), self-assessments (participant) and external mentor links. The route's policy
 * answers 403 to a role that may never do the action; the services resolve the relation to the participant and
 * answer 404 when the actor may not reach them.
 */
export const observationRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config, mailer, throttle }) => {
  const tags = ['observations'];
  const saved = { 200: observation, 201: observation };
  const mentorLinks = { secret: config.AUTH_SECRET, publicUrl: config.PUBLIC_URL, mailer };

  app.post(
    '/observations',
    { config: { policy: 'observation.create' }, schema: { tags, body: observationInput, response: saved } },
    async (request, reply) => {
      const result = await createObservation(db, request.context(), request.body);
      return reply.status(result.created ? 201 : 200).send(result.observation);
    },
  );

  app.get(
    '/observations/participants',
    { config: { policy: 'observation.create' }, schema: { tags, response: { 200: rateableParticipantList } } },
    async (request) => ({ items: await listRateableParticipants(db, request.context()) }),
  );

  app.get(
    '/participants/:id/observations',
    {
      config: { policy: 'observation.read' },
      schema: { tags, params: idParams, querystring: observationListQuery, response: { 200: observationPage } },
    },
    async (request) => listObservations(db, request.context(), request.params.id, request.query),
  );

  app.delete(
    '/observations/:id',
    { config: { policy: 'observation.delete' }, schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteObservation(db, request.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/self-assessments',
    { config: { policy: 'observation.self' }, schema: { tags, body: selfAssessmentInput, response: saved } },
    async (request, reply) => {
      const result = await createSelfAssessment(db, request.context(), request.body);
      return reply.status(result.created ? 201 : 200).send(result.observation);
    },
  );

  app.post(
    '/participants/:id/mentor-invitations',
    {
      config: { policy: 'mentor.invite' },
      schema: { tags, params: idParams, body: mentorInvitationInput, response: { 201: mentorInvitationWithLink } },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteMentor(db, mentorLinks, request.context(), request.params.id, request.body)),
  );

  app.get(
    '/participants/:id/mentor-invitations',
    {
      config: { policy: 'mentor.invite' },
      schema: { tags, params: idParams, response: { 200: mentorInvitationList } },
    },
    async (request) => ({ items: await listMentorInvitations(db, request.context(), request.params.id) }),
  );

  app.post(
    '/mentor-invitations/:id/revoke',
    { config: { policy: 'mentor.invite' }, schema: { tags, params: idParams, response: { 200: mentorInvitation } } },
    async (request) => revokeMentorInvitation(db, request.context(), request.params.id),
  );

  app.post(
    '/mentor-invitations/:id/resend',
    {
      config: { policy: 'mentor.invite' },
      schema: { tags, params: idParams, response: { 200: mentorInvitationWithLink } },
    },
    async (request) => resendMentorInvitation(db, mentorLinks, request.context(), request.params.id),
  );

  // ---- public: the mentor's link (no session; the token is the key) ----

  /**
   * Failed lookups count against the IP's budget, with failed logins (the same throttle): an address that keeps
   * guessing gets 429 before any lookup. A known token, even a revoked or expired one, is not a guess.
   */
  async function linkOf(token: string, ip: string) {
    const guesser = `mentor-link@${ip}`;
    await throttle.assertAllowed(guesser, ip);
    const link = await findMentorLink(db, config.AUTH_SECRET, token);
    if (!link) {
      await throttle.recordFailure(guesser, ip);
      throw notFound('Link');
    }
    return link;
  }

  app.get(
    '/mentor-links/:token',
    {
      config: { policy: 'public' },
      schema: { tags, params: mentorTokenParams, response: { 200: mentorLinkView } },
    },
    async (request) => viewMentorLink(db, await linkOf(request.params.token, request.ip), request.ip),
  );

  app.post(
    '/mentor-links/:token/observations',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        params: mentorTokenParams,
        body: mentorObservationInput,
        response: { 200: mentorObservationSaved, 201: mentorObservationSaved },
      },
    },
    async (request, reply) => {
      const link = await linkOf(request.params.token, request.ip);
      const result = await submitMentorObservation(db, link, request.ip, request.body);
      return reply.status(result.created ? 201 : 200).send(result.saved);
    },
  );
};
