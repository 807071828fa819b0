import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  frameworkDetail,
  frameworkInput,
  frameworkSaved,
  frameworkVersion,
  jobProfile,
  jobProfileInput,
  participantJobProfiles,
  participantJobProfilesInput,
} from '#shared/competencies';
import { frameworkList, frameworkListQuery, jobProfileList, jobProfileListQuery } from '#shared/competency-admin';
import type { Deps } from '../../deps';
import { exchangeRoutes } from './exchange-routes';
import {
  addDefaultTemplate,
  archiveFramework,
  createFramework,
  getDefaultVersion,
  getFramework,
  getFrameworks,
  getVersion,
  setDefaultFramework,
  unarchiveFramework,
} from './frameworks';
import { archiveJobProfile, createJobProfile, listJobProfiles, updateJobProfile } from './job-profiles';
import { getParticipantJobProfiles, setParticipantJobProfiles } from './participant-job-profiles';
import { saveFramework } from './save';

/**
 * Competency frameworks (with their versions), job profiles and a participant's job profiles. Frameworks hold
 * nothing personal: every role reads them (participants self-assess with them); only the admin changes them.
 */
export const competencyRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['competencies'];
  const detail = { 200: frameworkDetail };

  // Its own plugin: the text/csv body parser applies to the import route only.
  await app.register(exchangeRoutes, deps);

  app.get(
    '/competency-frameworks',
    {
      config: { policy: 'competency.read' },
      schema: { tags, querystring: frameworkListQuery, response: { 200: frameworkList } },
    },
    async (request) => ({ items: await getFrameworks(db, request.context(), request.query.archived) }),
  );

  app.post(
    '/competency-frameworks',
    {
      config: { policy: 'competency.manage' },
      schema: { tags, body: frameworkInput, response: { 201: frameworkDetail } },
    },
    async (request, reply) => reply.status(201).send(await createFramework(db, request.context(), request.body)),
  );

  app.get(
    '/competency-frameworks/default',
    {
      config: { policy: 'competency.read' },
      schema: {
        tags,
        summary: 'The current version of the default framework: what the observation forms use',
        response: { 200: frameworkVersion },
      },
    },
    async (request) => getDefaultVersion(db, request.context()),
  );

  app.post(
    '/competency-frameworks/default-template',
    {
      config: { policy: 'competency.manage' },
      schema: {
        tags,
        summary: 'Adds the shipped "11 kerncompetenties" with its job profiles',
        response: { 201: frameworkDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await addDefaultTemplate(db, request.context())),
  );

  app.get(
    '/competency-frameworks/:id',
    { config: { policy: 'competency.read' }, schema: { tags, params: idParams, response: detail } },
    async (request) => getFramework(db, request.context(), request.params.id),
  );

  app.put(
    '/competency-frameworks/:id',
    {
      config: { policy: 'competency.manage' },
      schema: {
        tags,
        summary:
          'Saves a change: in place while the current version has no ratings, as a new version otherwise; ' +
          'content equal to the current version (after trimming) creates no version',
        params: idParams,
        body: frameworkInput,
        response: { 200: frameworkSaved },
      },
    },
    async (request) => saveFramework(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/competency-frameworks/:id/default',
    { config: { policy: 'competency.manage' }, schema: { tags, params: idParams, response: detail } },
    async (request) => setDefaultFramework(db, request.context(), request.params.id),
  );

  app.post(
    '/competency-frameworks/:id/archive',
    { config: { policy: 'competency.manage' }, schema: { tags, params: idParams, response: detail } },
    async (request) => archiveFramework(db, request.context(), request.params.id),
  );

  app.post(
    '/competency-frameworks/:id/unarchive',
    { config: { policy: 'competency.manage' }, schema: { tags, params: idParams, response: detail } },
    async (request) => unarchiveFramework(db, request.context(), request.params.id),
  );

  app.get(
    '/competency-framework-versions/:id',
    {
      config: { policy: 'competency.read' },
      schema: { tags, params: idParams, response: { 200: frameworkVersion } },
    },
    async (request) => getVersion(db, request.context(), request.params.id),
  );

  app.get(
    '/job-profiles',
    {
      config: { policy: 'competency.read' },
      schema: { tags, querystring: jobProfileListQuery, response: { 200: jobProfileList } },
    },
    async (request) => listJobProfiles(db, request.context(), request.query),
  );

  app.post(
    '/job-profiles',
    {
      config: { policy: 'competency.manage' },
      schema: { tags, body: jobProfileInput, response: { 201: jobProfile } },
    },
    async (request, reply) => reply.status(201).send(await createJobProfile(db, request.context(), request.body)),
  );

  app.put(
    '/job-profiles/:id',
    {
      config: { policy: 'competency.manage' },
      schema: { tags, params: idParams, body: jobProfileInput, response: { 200: jobProfile } },
    },
    async (request) => updateJobProfile(db, request.context(), request.params.id, request.body),
  );

  app.post(
    '/job-profiles/:id/archive',
    { config: { policy: 'competency.manage' }, schema: { tags, params: idParams, response: { 200: jobProfile } } },
    async (request) => archiveJobProfile(db, request.context(), request.params.id),
  );

  app.get(
    '/participants/:id/job-profiles',
    {
      config: { policy: 'observation.read' },
      schema: { tags, params: idParams, response: { 200: participantJobProfiles } },
    },
    async (request) => getParticipantJobProfiles(db, request.context(), request.params.id),
  );

  app.put(
    '/participants/:id/job-profiles',
    {
      config: { policy: 'participant.jobProfile' },
      schema: { tags, params: idParams, body: participantJobProfilesInput, response: { 200: participantJobProfiles } },
    },
    async (request) => setParticipantJobProfiles(db, request.context(), request.params.id, request.body),
  );
};
