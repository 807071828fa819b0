import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { JobProfile, JobProfileInput } from '#shared/competencies';
import type { Db, Queryable, Tx } from '../../db/client';
import { competencies, competencyFrameworks, jobProfileExpectations, jobProfiles } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { currentVersion } from './read';
import { insertExpectations, insertJobProfile } from './store';

/** Job profiles on the career ladder, each with an expected level per competency key of its framework. */

type ProfileRow = typeof jobProfiles.$inferSelect;

export async function toJobProfiles(tx: Queryable, rows: readonly ProfileRow[]): Promise<JobProfile[]> {
  if (!rows.length) return [];
  const expectations = await tx
    .select()
    .from(jobProfileExpectations)
    .where(
      inArray(
        jobProfileExpectations.jobProfileId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(jobProfileExpectations.competencyKey));
  return rows.map((r) => ({
    id: r.id,
    frameworkId: r.frameworkId,
    name: r.name,
    description: r.description,
    ladderStep: r.ladderStep,
    workMode: r.workMode,
    expectations: expectations
      .filter((e) => e.jobProfileId === r.id)
      .map((e) => ({ competencyKey: e.competencyKey, level: e.level })),
    archived: r.archivedAt !== null,
  }));
}

export function listJobProfiles(
  db: Db,
  ctx: RequestContext,
  query: { frameworkId?: string | undefined; archived: boolean },
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const rows = await tx
      .select()
      .from(jobProfiles)
      .where(
        and(
          query.frameworkId ? eq(jobProfiles.frameworkId, query.frameworkId) : undefined,
          query.archived ? undefined : isNull(jobProfiles.archivedAt),
        ),
      )
      .orderBy(asc(jobProfiles.ladderStep), asc(jobProfiles.name));
    return { items: await toJobProfiles(tx, rows) };
  });
}

async function profileRow(tx: Tx, id: string, lock = false) {
  const query = tx.select().from(jobProfiles).where(eq(jobProfiles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Job profile');
  return row;
}

/**
 * Expectations name competency keys of the framework's current version, at levels its scale has. The framework
 * row is share-locked: a framework save (FOR UPDATE) that changes the scale waits, and the other way round.
 */
async function assertExpectationsValid(tx: Tx, input: JobProfileInput) {
  const [framework] = await tx
    .select()
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.id, input.frameworkId))
    .for('share');
  if (!framework) throw new AppError('validation_failed', 'Unknown framework', { frameworkId: 'unknown_reference' });
  if (framework.archivedAt) {
    throw new AppError('validation_failed', 'This framework is archived', { frameworkId: 'archived' });
  }
  const version = await currentVersion(tx, framework.id);
  const keys = new Set(
    (await tx.select({ key: competencies.key }).from(competencies).where(eq(competencies.versionId, version.id))).map(
      (c) => c.key,
    ),
  );
  const fields: Record<string, string> = {};
  input.expectations.forEach((e, i) => {
    if (!keys.has(e.competencyKey)) fields[`expectations.${i}.competencyKey`] = 'not_in_framework';
    if (e.level > version.scale.length) fields[`expectations.${i}.level`] = `above_scale_max_${version.scale.length}`;
  });
  if (Object.keys(fields).length) {
    throw new AppError('validation_failed', 'Some expectations do not fit the framework', fields);
  }
}

/** Profile names are unique per framework (case-insensitive), archived ones included. */
async function assertNameFree(tx: Tx, frameworkId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: jobProfiles.id })
    .from(jobProfiles)
    .where(and(eq(jobProfiles.frameworkId, frameworkId), sql`lower(${jobProfiles.name}) = lower(${name})`));
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', 'A job profile with this name already exists', { name: 'already_in_use' });
  }
}

const auditProfile = (tx: Tx, ctx: RequestContext, action: string, id: string, details?: Record<string, unknown>) =>
  recordAudit(tx, ctx, { action: `jobProfile.${action}`, targetType: 'job_profile', targetId: id, details });

export function createJobProfile(db: Db, ctx: RequestContext, input: JobProfileInput) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await assertExpectationsValid(tx, input);
    await assertNameFree(tx, input.frameworkId, input.name);
    const row = await insertJobProfile(tx, ctx.actor.organisationId, input.frameworkId, input);
    await auditProfile(tx, ctx, 'created', row.id, { expectations: input.expectations.length });
    const [profile] = await toJobProfiles(tx, [row]);
    return profile as JobProfile;
  });
}

export function updateJobProfile(db: Db, ctx: RequestContext, id: string, input: JobProfileInput) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const existing = await profileRow(tx, id, true);
    if (existing.frameworkId !== input.frameworkId) {
      throw new AppError('validation_failed', 'A job profile stays with its framework', {
        frameworkId: 'cannot_change',
      });
    }
    if (existing.archivedAt) throw new AppError('conflict', 'This job profile is archived');
    await assertExpectationsValid(tx, input);
    await assertNameFree(tx, input.frameworkId, input.name, id);
    const [row] = await tx
      .update(jobProfiles)
      .set({
        name: input.name,
        description: input.description ?? null,
        ladderStep: input.ladderStep,
        workMode: input.workMode,
      })
      .where(eq(jobProfiles.id, id))
      .returning();
    await tx.delete(jobProfileExpectations).where(eq(jobProfileExpectations.jobProfileId, id));
    await insertExpectations(tx, ctx.actor.organisationId, id, input.expectations);
    await auditProfile(tx, ctx, 'updated', id, { expectations: input.expectations.length });
    const [profile] = await toJobProfiles(tx, [row as ProfileRow]);
    return profile as JobProfile;
  });
}

/** Archived profiles stay on the dossiers that have them, but cannot be chosen any more. */
export function archiveJobProfile(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    let row = await profileRow(tx, id, true);
    if (!row.archivedAt) {
      const [updated] = await tx
        .update(jobProfiles)
        .set({ archivedAt: new Date() })
        .where(eq(jobProfiles.id, id))
        .returning();
      row = updated as ProfileRow;
      await auditProfile(tx, ctx, 'archived', id);
    }
    const [profile] = await toJobProfiles(tx, [row]);
    return profile as JobProfile;
  });
}
