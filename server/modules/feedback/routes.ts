import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import {
  dueList,
  dueListQuery,
  feedbackConversation,
  feedbackCreateBody,
  feedbackRules,
  feedbackRulesBody,
  feedbackUpdateBody,
  myFeedback,
  participantFeedback,
} from '#shared/feedback';
import type { Deps } from '../../deps';
import { listDue } from './due-list';
import { getFeedbackRules, replaceFeedbackRules } from './rules';
import { deleteFeedback, getMyFeedback, getParticipantFeedback, recordFeedback, updateFeedback } from './service';

/** Feedback conversations (feedbackgesprekken), the due lists and the cadence rules. */
export const feedbackRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['feedback'];

  app.post(
    '/participants/:id/feedback',
    {
      config: { policy: 'feedback.record' },
      schema: { tags, params: idParams, body: feedbackCreateBody, response: { 201: feedbackConversation } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordFeedback(db, request.context(), request.params.id, request.body)),
  );

  app.get(
    '/participants/:id/feedback',
    { config: { policy: 'feedback.read' }, schema: { tags, params: idParams, response: { 200: participantFeedback } } },
    async (request) => getParticipantFeedback(db, request.context(), request.params.id),
  );

  app.patch(
    '/feedback/:id',
    {
      config: { policy: 'feedback.record' },
      schema: { tags, params: idParams, body: feedbackUpdateBody, response: { 200: feedbackConversation } },
    },
    async (request) => updateFeedback(db, request.context(), request.params.id, request.body),
  );

  app.delete(
    '/feedback/:id',
    { config: { policy: 'feedback.delete' }, schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteFeedback(db, request.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/feedback/due',
    { config: { policy: 'feedback.dueList' }, schema: { tags, querystring: dueListQuery, response: { 200: dueList } } },
    async (request) => listDue(db, request.context(), request.query),
  );

  app.get(
    '/me/feedback',
    { config: { policy: 'participant.readOwn' }, schema: { tags, response: { 200: myFeedback } } },
    async (request) => getMyFeedback(db, request.context()),
  );

  app.get(
    '/feedback-rules',
    { config: { policy: 'feedbackRule.read' }, schema: { tags, response: { 200: feedbackRules } } },
    async (request) => getFeedbackRules(db, request.context()),
  );

  app.put(
    '/feedback-rules',
    {
      config: { policy: 'feedbackRule.manage' },
      schema: { tags, body: feedbackRulesBody, response: { 200: feedbackRules } },
    },
    async (request) => replaceFeedbackRules(db, request.context(), request.body),
  );
};
