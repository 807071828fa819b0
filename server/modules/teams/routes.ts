import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import { team, teamCreateBody, teamSupervisorsBody, teamUpdateBody } from '#shared/organisation';
import type { Deps } from '../../deps';
import { createTeam, listTeams, setTeamSupervisors, updateTeam } from './service';

export const teamRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/teams',
    {
      config: { policy: 'team.read' },
      schema: {
        tags: ['teams'],
        querystring: z.strictObject({ archived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(team) }) },
      },
    },
    async (request) => ({ items: await listTeams(db, request.context(), request.query.archived === 'true') }),
  );

  app.post(
    '/teams',
    { config: { policy: 'team.manage' }, schema: { tags: ['teams'], body: teamCreateBody, response: { 201: team } } },
    async (request, reply) => reply.status(201).send(await createTeam(db, request.context(), request.body)),
  );

  app.patch(
    '/teams/:id',
    {
      config: { policy: 'team.manage' },
      schema: { tags: ['teams'], params: idParams, body: teamUpdateBody, response: { 200: team } },
    },
    async (request) => updateTeam(db, request.context(), request.params.id, request.body),
  );

  app.put(
    '/teams/:id/supervisors',
    {
      config: { policy: 'team.manage' },
      schema: { tags: ['teams'], params: idParams, body: teamSupervisorsBody, response: { 200: team } },
    },
    async (request) => setTeamSupervisors(db, request.context(), request.params.id, request.body),
  );
};
