import { and, eq, ne } from 'drizzle-orm';
import type { FrameworkDetail, FrameworkInput } from '#shared/competencies';
import type { Db, Queryable, Tx } from '../../db/client';
import { competencyFrameworks } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { createDefaultFramework, defaultFramework } from './default-framework';
import { frameworkRow, listFrameworks, loadDefaultVersion, loadDetail, loadVersionById } from './read';
import { frameworkNamed, insertFramework, type JobProfileContent } from './store';

/** Frameworks as a whole: list, create, default, archive. Saving a change (versioning) is in save.ts. */

export const nameTaken = () =>
  new AppError('conflict', 'A framework with this name already exists', { name: 'already_in_use' });

export async function assertNameFree(tx: Queryable, organisationId: string, name: string, exceptId?: string) {
  const clash = await frameworkNamed(tx, organisationId, name);
  if (clash && clash.id !== exceptId) throw nameTaken();
}

export const auditFramework = (tx: Queryable, ctx: RequestContext, action: string, id: string, details?: object) =>
  recordAudit(tx, ctx, {
    action: `competencyFramework.${action}`,
    targetType: 'competency_framework',
    targetId: id,
    details: details as Record<string, unknown> | undefined,
  });

export function getFrameworks(db: Db, ctx: RequestContext, includeArchived: boolean) {
  return withTenant(db, ctx.actor.organisationId, (tx) => listFrameworks(tx, includeArchived));
}

export function getFramework(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, (tx) => loadDetail(tx, id));
}

export function getVersion(db: Db, ctx: RequestContext, versionId: string) {
  return withTenant(db, ctx.actor.organisationId, (tx) => loadVersionById(tx, versionId));
}

export function getDefaultVersion(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, loadDefaultVersion);
}

/** Inside a tenant transaction: a new framework with its job profiles; the first of an organisation is the default. */
export async function storeNewFramework(
  tx: Tx,
  ctx: RequestContext,
  input: FrameworkInput,
  profiles: readonly JobProfileContent[],
  action: 'created' | 'imported',
): Promise<FrameworkDetail> {
  await assertNameFree(tx, ctx.actor.organisationId, input.name);
  const { framework } = await insertFramework(tx, ctx.actor.organisationId, input, profiles, {
    actorId: ctx.actor.id,
  });
  await auditFramework(tx, ctx, action, framework.id, {
    competencies: input.competencies.length,
    scaleLevels: input.scale.length,
    jobProfiles: profiles.length,
    isDefault: framework.isDefault,
  });
  return loadDetail(tx, framework.id);
}

export function createFramework(db: Db, ctx: RequestContext, input: FrameworkInput) {
  return withTenant(db, ctx.actor.organisationId, (tx) => storeNewFramework(tx, ctx, input, [], 'created'));
}

/**
 * "11 kerncompetenties" for an organisation set up before Groeipad shipped it. It becomes the default only when
 * the organisation has none.
 */
export function addDefaultTemplate(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await assertNameFree(tx, ctx.actor.organisationId, defaultFramework.name);
    const { framework } = await createDefaultFramework(tx, ctx.actor.organisationId, ctx.actor.id);
    await auditFramework(tx, ctx, 'created', framework.id, { template: 'default', isDefault: framework.isDefault });
    return loadDetail(tx, framework.id);
  });
}

export function setDefaultFramework(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const framework = await frameworkRow(tx, id, true);
    if (framework.archivedAt) throw new AppError('conflict', 'An archived framework cannot be the default');
    if (!framework.isDefault) {
      // The old default first: the partial unique index allows one default at any moment, also within a statement.
      const previous = await tx
        .update(competencyFrameworks)
        .set({ isDefault: false })
        .where(and(eq(competencyFrameworks.isDefault, true), ne(competencyFrameworks.id, id)))
        .returning({ id: competencyFrameworks.id });
      await tx.update(competencyFrameworks).set({ isDefault: true }).where(eq(competencyFrameworks.id, id));
      await auditFramework(tx, ctx, 'default_set', id, { previous: previous[0]?.id ?? null });
    }
    return loadDetail(tx, id);
  });
}

export function archiveFramework(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const framework = await frameworkRow(tx, id, true);
    if (framework.isDefault) {
      throw new AppError('conflict', 'The default framework cannot be archived. Make another one the default first');
    }
    if (!framework.archivedAt) {
      await tx.update(competencyFrameworks).set({ archivedAt: new Date() }).where(eq(competencyFrameworks.id, id));
      await auditFramework(tx, ctx, 'archived', id);
    }
    return loadDetail(tx, id);
  });
}

export function unarchiveFramework(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const framework = await frameworkRow(tx, id, true);
    if (framework.archivedAt) {
      await tx.update(competencyFrameworks).set({ archivedAt: null }).where(eq(competencyFrameworks.id, id));
      await auditFramework(tx, ctx, 'unarchived', id);
    }
    return loadDetail(tx, id);
  });
}
