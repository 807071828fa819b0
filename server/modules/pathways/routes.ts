import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  participantPathway,
  placementCreateBody,
  workPackage,
  workPackageInput,
  workPackageList,
  workPackageListQuery,
} from '#shared/pathways';
import type { Deps } from '../../deps';
import { createPackage, listPackages, setPackageArchived, updatePackage } from './packages';
import { placeParticipant, readOwnPathway, readPathway } from './position';

/**
 * The pathway map (pakkettenschema). Staff read the packages (pathway.read), the admin defines them
 * (pathway.manage); a participant's position is a dossier read (pathway.readPosition), moving them is for one of
 * their coaches or the admin (pathway.place).
 */
export const pathwayRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['pathways'];

  app.get(
    '/work-packages',
    {
      config: { policy: 'pathway.read' },
      schema: { tags, querystring: workPackageListQuery, response: { 200: workPackageList } },
    },
    async (request) => ({ items: await listPackages(db, request.context(), request.query) }),
  );

  app.post(
    '/work-packages',
    {
      config: { policy: 'pathway.manage' },
      schema: { tags, body: workPackageInput, response: { 201: workPackage } },
    },
    async (request, reply) => reply.status(201).send(await createPackage(db, request.context(), request.body)),
  );

  app.put(
    '/work-packages/:id',
    {
      config: { policy: 'pathway.manage' },
      schema: { tags, params: idParams, body: workPackageInput, response: { 200: workPackage } },
    },
    async (request) => updatePackage(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/work-packages/:id/archive',
    { config: { policy: 'pathway.manage' }, schema: { tags, params: idParams, response: { 200: workPackage } } },
    async (request) => setPackageArchived(db, request.context(), request.params.id, true),
  );

  app.post(
    '/work-packages/:id/unarchive',
    { config: { policy: 'pathway.manage' }, schema: { tags, params: idParams, response: { 200: workPackage } } },
    async (request) => setPackageArchived(db, request.context(), request.params.id, false),
  );

  app.get(
    '/participants/me/pathway',
    { config: { policy: 'pathway.readOwn' }, schema: { tags, response: { 200: participantPathway } } },
    async (request) => readOwnPathway(db, request.context()),
  );

  app.get(
    '/participants/:id/pathway',
    {
      config: { policy: 'pathway.readPosition' },
      schema: { tags, params: idParams, response: { 200: participantPathway } },
    },
    async (request) => readPathway(db, request.context(), request.params.id),
  );

  app.post(
    '/participants/:id/placements',
    {
      config: { policy: 'pathway.place' },
      schema: { tags, params: idParams, body: placementCreateBody, response: { 201: participantPathway } },
    },
    async (request, reply) =>
      reply.status(201).send(await placeParticipant(db, request.context(), request.params.id, request.body)),
  );
};
