import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  careerEventCreateBody,
  consentCreateBody,
  indicationsBody,
  participantCoachesBody,
  participantCreateBody,
  participantDossier,
  participantListQuery,
  participantPage,
  participantUpdateBody,
  stakeholdersBody,
} from '#shared/participants';
import type { Deps } from '../../deps';
import { addCareerEvent } from './career-events';
import { listParticipants } from './caseload';
import {
  archiveParticipant,
  getParticipant,
  recordConsent,
  registerParticipant,
  setIndications,
  setParticipantCoaches,
  setStakeholders,
  unarchiveParticipant,
  updateParticipant,
} from './service';

/**
 * Dossiers. The route's policy answers 403 to a role that may never do the action; the service then resolves the
 * actor's relation to the dossier and answers 404 when it may not reach it (existence is not revealed).
 */
export const participantRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['participants'];
  const dossier = { 200: participantDossier };

  app.get(
    '/participants',
    {
      config: { policy: 'participant.list' },
      schema: { tags, querystring: participantListQuery, response: { 200: participantPage } },
    },
    async (request) => listParticipants(db, request.context(), request.query),
  );

  app.post(
    '/participants',
    {
      config: { policy: 'participant.register' },
      schema: { tags, body: participantCreateBody, response: { 201: participantDossier } },
    },
    async (request, reply) => reply.status(201).send(await registerParticipant(db, request.context(), request.body)),
  );

  app.get(
    '/participants/:id',
    { config: { policy: 'participant.read' }, schema: { tags, params: idParams, response: dossier } },
    async (request) => getParticipant(db, request.context(), request.params.id),
  );

  app.patch(
    '/participants/:id',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: participantUpdateBody, response: dossier },
    },
    async (request) => updateParticipant(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/participants/:id/career-events',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: careerEventCreateBody, response: { 201: participantDossier } },
    },
    async (request, reply) =>
      reply.status(201).send(await addCareerEvent(db, request.context(), request.params.id, request.body)),
  );

  app.post(
    '/participants/:id/archive',
    { config: { policy: 'participant.archive' }, schema: { tags, params: idParams, response: dossier } },
    async (request) => archiveParticipant(db, request.context(), request.params.id),
  );

  app.post(
    '/participants/:id/unarchive',
    { config: { policy: 'participant.unarchive' }, schema: { tags, params: idParams, response: dossier } },
    async (request) => unarchiveParticipant(db, request.context(), request.params.id),
  );

  app.put(
    '/participants/:id/coaches',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: participantCoachesBody, response: dossier },
    },
    async (request) => setParticipantCoaches(db, request.context(), request.params.id, request.body),
  );

  app.put(
    '/participants/:id/indications',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: indicationsBody, response: dossier },
    },
    async (request) => setIndications(db, request.context(), request.params.id, request.body),
  );

  app.put(
    '/participants/:id/stakeholders',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: stakeholdersBody, response: dossier },
    },
    async (request) => setStakeholders(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/participants/:id/consents',
    {
      config: { policy: 'participant.update' },
      schema: { tags, params: idParams, body: consentCreateBody, response: { 201: participantDossier } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent(db, request.context(), request.params.id, request.body)),
  );
};
