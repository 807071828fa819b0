import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  competencyEvolution,
  competencyEvolutionQuery,
  competencyHeatmap,
  competencyHeatmapQuery,
  competencyProfile,
} from '#shared/competency-profile';
import type { Deps } from '../../deps';
import { getCompetencyEvolution } from './evolution';
import { getCompetencyHeatmap } from './heatmap';
import { getCompetencyProfile } from './profile';

/** The pictures: a participant's radar and evolution (read like the dossier) and a team's heat map. */
export const competencyProfileRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['competencies'];

  app.get(
    '/participants/:id/competency-profile',
    {
      config: { policy: 'observation.read' },
      schema: { tags, params: idParams, response: { 200: competencyProfile } },
    },
    async (request) => getCompetencyProfile(db, request.context(), request.params.id),
  );

  app.get(
    '/participants/:id/competency-evolution',
    {
      config: { policy: 'observation.read' },
      schema: { tags, params: idParams, querystring: competencyEvolutionQuery, response: { 200: competencyEvolution } },
    },
    async (request) => getCompetencyEvolution(db, request.context(), request.params.id, request.query),
  );

  app.get(
    '/teams/:id/competency-heatmap',
    {
      config: { policy: 'competency.teamView' },
      schema: { tags, params: idParams, querystring: competencyHeatmapQuery, response: { 200: competencyHeatmap } },
    },
    async (request) => getCompetencyHeatmap(db, request.context(), request.params.id, request.query),
  );
};
