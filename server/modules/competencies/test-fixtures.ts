import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { FrameworkInput } from '#shared/competencies';
import { fourLevelScale } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import {
  auditLog,
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  jobProfileExpectations,
  jobProfiles,
} from '../../db/schema';

/** Requests and fixtures the competency tests share. */

export const api = (app: FastifyInstance, cookie: string) => ({
  get: (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } }),
  post: (url: string, payload?: unknown) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
  put: (url: string, payload: unknown) =>
    app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: { cookie }, payload: payload as object }),
  upload: (url: string, body: string | Buffer, contentType: string) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, 'content-type': contentType }, body }),
});

let counter = 0;

/** A small valid framework: three competencies on the four-level scale of the factories. */
export function frameworkBody(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  const scale = overrides.scale ?? fourLevelScale;
  const keys = ['samenwerken', 'stiptheid', 'zorgvuldigheid'];
  return {
    name: `Kader ${Date.now().toString(36)}${(++counter).toString(36)}`,
    description: 'Een kader voor de test.',
    scale,
    competencies: keys.map((key) => ({
      key,
      name: key,
      description: `Uitleg bij ${key}.`,
      indicators: scale.map((l) => `${key} op niveau ${l.value}.`),
      escoUri: null,
      escoLabel: null,
    })),
    ...overrides,
  };
}

/** Row counts of everything a framework write touches, for "nothing was stored" checks. */
export async function frameworkRowCounts(db: Db, organisationId: string) {
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  return {
    frameworks: await n(
      db
        .select({ n: count() })
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.organisationId, organisationId)),
    ),
    versions: await n(
      db
        .select({ n: count() })
        .from(competencyFrameworkVersions)
        .where(eq(competencyFrameworkVersions.organisationId, organisationId)),
    ),
    competencies: await n(
      db.select({ n: count() }).from(competencies).where(eq(competencies.organisationId, organisationId)),
    ),
    jobProfiles: await n(
      db.select({ n: count() }).from(jobProfiles).where(eq(jobProfiles.organisationId, organisationId)),
    ),
    expectations: await n(
      db
        .select({ n: count() })
        .from(jobProfileExpectations)
        .where(eq(jobProfileExpectations.organisationId, organisationId)),
    ),
    audit: await n(db.select({ n: count() }).from(auditLog).where(eq(auditLog.organisationId, organisationId))),
  };
}
