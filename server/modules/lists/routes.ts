import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listItem, listKindParams, listUpdateBody, organisationLists } from '#shared/lists';
import type { Deps } from '../../deps';
import { getLists, replaceList } from './service';

export const listRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/lists',
    { config: { policy: 'list.read' }, schema: { tags: ['lists'], response: { 200: organisationLists } } },
    async (request) => getLists(db, request.context()),
  );

  app.put(
    '/lists/:kind',
    {
      config: { policy: 'list.manage' },
      schema: {
        tags: ['lists'],
        params: listKindParams,
        body: listUpdateBody,
        response: { 200: z.object({ items: z.array(listItem) }) },
      },
    },
    async (request) => ({
      items: await replaceList(db, request.context(), request.params.kind, request.body),
    }),
  );
};
