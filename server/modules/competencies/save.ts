import { and, eq, gt, inArray, notInArray } from 'drizzle-orm';
import { type FrameworkInput, sameVersionContent } from '#shared/competencies';
import type { Db, Tx } from '../../db/client';
import {
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  jobProfileExpectations,
  jobProfiles,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { assertNameFree, auditFramework } from './frameworks';
import { currentVersion, frameworkRow, hasRatings, loadDetail, loadVersion, type VersionRow } from './read';
import { insertVersion } from './store';

/**
 * Saving a framework. A version that has ratings is never changed: the change becomes version n+1 (new
 * competency rows with the same keys) and old ratings keep pointing at the version they were given in. A version
 * without ratings is changed in place, keeping the ids of competencies whose key stays, so an observation form
 * that is open somewhere still sends valid ids. A save whose content equals the current version's (see
 * sameVersionContent) touches no version at all, rated or not.
 */

/** Job profiles of this framework that expect more than the new scale offers: they would become unreachable. */
async function assertExpectationsFit(tx: Tx, frameworkId: string, levels: number) {
  const above = await tx
    .select({
      profile: jobProfiles.name,
      competencyKey: jobProfileExpectations.competencyKey,
      level: jobProfileExpectations.level,
    })
    .from(jobProfileExpectations)
    .innerJoin(jobProfiles, eq(jobProfiles.id, jobProfileExpectations.jobProfileId))
    .where(and(eq(jobProfiles.frameworkId, frameworkId), gt(jobProfileExpectations.level, levels)));
  if (!above.length) return;
  const list = above.map((a) => `${a.profile} (${a.competencyKey}: ${a.level})`).join(', ');
  throw new AppError(
    'validation_failed',
    `The scale has ${levels} levels, but job profiles expect more: ${list}. Lower those expectations first`,
    { scale: 'below_job_profile_expectations' },
  );
}

/** In place: same version id, competencies matched by key (updated, added, removed), scale replaced. */
async function updateInPlace(tx: Tx, organisationId: string, version: VersionRow, input: FrameworkInput) {
  await tx
    .update(competencyFrameworkVersions)
    .set({ scale: input.scale })
    .where(eq(competencyFrameworkVersions.id, version.id));
  const keys = input.competencies.map((c) => c.key);
  await tx.delete(competencies).where(and(eq(competencies.versionId, version.id), notInArray(competencies.key, keys)));
  const existing = await tx
    .select({ id: competencies.id, key: competencies.key })
    .from(competencies)
    .where(and(eq(competencies.versionId, version.id), inArray(competencies.key, keys)));
  const idOf = new Map(existing.map((c) => [c.key, c.id]));
  for (const [position, c] of input.competencies.entries()) {
    const values = {
      position,
      name: c.name,
      description: c.description,
      indicators: c.indicators,
      escoUri: c.escoUri ?? null,
      escoLabel: c.escoLabel ?? null,
    };
    const id = idOf.get(c.key);
    if (id) await tx.update(competencies).set(values).where(eq(competencies.id, id));
    else await tx.insert(competencies).values({ ...values, organisationId, versionId: version.id, key: c.key });
  }
}

/** Expectations follow competencies by key: a competency that is gone takes its expectations with it. */
async function dropExpectationsOfRemoved(tx: Tx, frameworkId: string, input: FrameworkInput) {
  const profileIds = tx
    .select({ id: jobProfiles.id })
    .from(jobProfiles)
    .where(eq(jobProfiles.frameworkId, frameworkId));
  const dropped = await tx
    .delete(jobProfileExpectations)
    .where(
      and(
        inArray(jobProfileExpectations.jobProfileId, profileIds),
        notInArray(
          jobProfileExpectations.competencyKey,
          input.competencies.map((c) => c.key),
        ),
      ),
    )
    .returning({ key: jobProfileExpectations.competencyKey });
  return dropped.length;
}

export function saveFramework(db: Db, ctx: RequestContext, id: string, input: FrameworkInput) {
  const organisationId = ctx.actor.organisationId;
  return withTenant(db, organisationId, async (tx) => {
    // Two saves of one framework run one after the other: the second sees the first one's version.
    const framework = await frameworkRow(tx, id, true);
    if (framework.archivedAt) throw new AppError('conflict', 'This framework is archived. Unarchive it first');
    await assertNameFree(tx, organisationId, input.name, id);
    const current = await currentVersion(tx, id);
    const description = input.description ?? null;
    // An empty description and none are the same to a reader.
    const frameworkChanged = input.name !== framework.name || (description ?? '') !== (framework.description ?? '');
    // The form sent again unchanged, or with text that differs only in surrounding spaces, is no change: a rated
    // version would otherwise gain an identical successor on every press of the button.
    const contentChanged = !sameVersionContent(await loadVersion(tx, current, framework.name), input);
    if (!frameworkChanged && !contentChanged) {
      return { framework: await loadDetail(tx, id), newVersion: false, outcome: 'unchanged' as const };
    }

    let newVersion = false;
    let droppedExpectations = 0;
    if (contentChanged) {
      // FOR UPDATE on the version waits for observations being saved in it (their foreign key holds a KEY SHARE
      // lock on this row) and keeps new ones out until this save is done, so the ratings check below stays true.
      await tx
        .select({ id: competencyFrameworkVersions.id })
        .from(competencyFrameworkVersions)
        .where(eq(competencyFrameworkVersions.id, current.id))
        .for('update');
      await assertExpectationsFit(tx, id, input.scale.length);
      newVersion = await hasRatings(tx, current.id);
      if (newVersion) await insertVersion(tx, organisationId, id, current.number + 1, input, ctx.actor.id);
      else await updateInPlace(tx, organisationId, current, input);
      droppedExpectations = await dropExpectationsOfRemoved(tx, id, input);
    }
    if (frameworkChanged) {
      await tx
        .update(competencyFrameworks)
        .set({ name: input.name, description })
        .where(eq(competencyFrameworks.id, id));
    }

    await auditFramework(tx, ctx, newVersion ? 'version_created' : 'updated', id, {
      version: newVersion ? current.number + 1 : current.number,
      contentChanged,
      competencies: input.competencies.length,
      scaleLevels: input.scale.length,
      droppedExpectations,
    });
    const outcome = newVersion ? ('version_created' as const) : ('updated' as const);
    return { framework: await loadDetail(tx, id), newVersion, outcome };
  });
}
