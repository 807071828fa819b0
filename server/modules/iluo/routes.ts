import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  iluoLabels,
  iluoLabelsBody,
  iluoMatrix,
  matrixPdfQuery,
  skill,
  skillCreateBody,
  skillHistoryQuery,
  skillHistory as skillHistoryResponse,
  skillLevelCreateBody,
  skillLevelDeleted,
  skillLevelEntry,
  skillList,
  skillListQuery,
  skillOrderBody,
  skillUpdateBody,
} from '#shared/iluo';
import type { Deps } from '../../deps';
import { exportMatrixPdf } from './export';
import { getLabels, replaceLabels } from './labels';
import { deleteSkillLevel, recordSkillLevel, skillHistory } from './levels';
import { getMatrix } from './matrix';
import { archiveSkill, createSkill, listSkills, reorderSkills, updateSkill } from './skills';

/**
 * The ILUO matrix. Reading is for every staff member (skill.read); defining skills and setting levels is for the
 * admin or a supervisor of the team (skill.manage, skill.assess): the route answers 403 to other roles, the service
 * 403 to a supervisor of another team (teams are not secret).
 */
export const iluoRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['iluo'];

  app.get(
    '/teams/:id/skills',
    {
      config: { policy: 'skill.read' },
      schema: { tags, params: idParams, querystring: skillListQuery, response: { 200: skillList } },
    },
    async (request) => ({
      items: await listSkills(db, request.context(), request.params.id, request.query.archived === 'true'),
    }),
  );

  app.post(
    '/teams/:id/skills',
    {
      config: { policy: 'skill.manage' },
      schema: { tags, params: idParams, body: skillCreateBody, response: { 201: skill } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSkill(db, request.context(), request.params.id, request.body)),
  );

  app.put(
    '/teams/:id/skills/order',
    {
      config: { policy: 'skill.manage' },
      schema: { tags, params: idParams, body: skillOrderBody, response: { 200: skillList } },
    },
    async (request) => ({ items: await reorderSkills(db, request.context(), request.params.id, request.body) }),
  );

  app.patch(
    '/skills/:id',
    {
      config: { policy: 'skill.manage' },
      schema: { tags, params: idParams, body: skillUpdateBody, response: { 200: skill } },
    },
    async (request) => updateSkill(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/skills/:id/archive',
    { config: { policy: 'skill.manage' }, schema: { tags, params: idParams, response: { 200: skill } } },
    async (request) => archiveSkill(db, request.context(), request.params.id),
  );

  app.get(
    '/skills/:id/history',
    {
      config: { policy: 'skill.read' },
      schema: { tags, params: idParams, querystring: skillHistoryQuery, response: { 200: skillHistoryResponse } },
    },
    async (request) => ({ items: await skillHistory(db, request.context(), request.params.id, request.query) }),
  );

  app.post(
    '/skill-levels',
    {
      config: { policy: 'skill.assess' },
      schema: { tags, body: skillLevelCreateBody, response: { 201: skillLevelEntry } },
    },
    async (request, reply) => reply.status(201).send(await recordSkillLevel(db, request.context(), request.body)),
  );

  app.delete(
    '/skill-levels/:id',
    {
      config: { policy: 'skill.assess' },
      schema: { tags, params: idParams, response: { 200: skillLevelDeleted } },
    },
    async (request) => deleteSkillLevel(db, request.context(), request.params.id),
  );

  app.get(
    '/teams/:id/iluo-matrix',
    { config: { policy: 'skill.read' }, schema: { tags, params: idParams, response: { 200: iluoMatrix } } },
    async (request) => getMatrix(db, request.context(), request.params.id),
  );

  app.get(
    '/teams/:id/iluo-matrix.pdf',
    {
      config: { policy: 'skill.read' },
      schema: {
        tags,
        summary: 'The ILUO wall chart of a team as a PDF (landscape A4 or A3)',
        params: idParams,
        querystring: matrixPdfQuery,
      },
    },
    async (request, reply) => {
      const file = await exportMatrixPdf(db, request.context(), request.params.id, request.query.size);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type('application/pdf')
        .send(file.body);
    },
  );

  app.get(
    '/iluo-labels',
    { config: { policy: 'skill.read' }, schema: { tags, response: { 200: iluoLabels } } },
    async (request) => ({ items: await getLabels(db, request.context()) }),
  );

  app.put(
    '/iluo-labels',
    { config: { policy: 'skill.configure' }, schema: { tags, body: iluoLabelsBody, response: { 200: iluoLabels } } },
    async (request) => ({ items: await replaceLabels(db, request.context(), request.body) }),
  );
};
