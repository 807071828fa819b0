import { asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FrameworkDetail, FrameworkSummary, FrameworkVersion } from '#shared/competencies';
import type { Queryable } from '../../db/client';
import { competencies, competencyFrameworks, competencyFrameworkVersions, ratings } from '../../db/schema';
import { notFound } from '../../lib/errors';

/** Reads of frameworks and their versions, shaped as the contracts of shared/competencies.ts. */

type FrameworkRow = typeof competencyFrameworks.$inferSelect;
export type VersionRow = typeof competencyFrameworkVersions.$inferSelect;

/** The highest-numbered version of each framework: its current content. */
export async function currentVersions(tx: Queryable, frameworkIds: readonly string[]) {
  if (!frameworkIds.length) return new Map<string, VersionRow>();
  const rows = await tx
    .selectDistinctOn([competencyFrameworkVersions.frameworkId])
    .from(competencyFrameworkVersions)
    .where(inArray(competencyFrameworkVersions.frameworkId, [...frameworkIds]))
    .orderBy(competencyFrameworkVersions.frameworkId, desc(competencyFrameworkVersions.number));
  return new Map(rows.map((r) => [r.frameworkId, r]));
}

export async function currentVersion(tx: Queryable, frameworkId: string): Promise<VersionRow> {
  const version = (await currentVersions(tx, [frameworkId])).get(frameworkId);
  if (!version) throw new Error(`framework ${frameworkId} has no version`);
  return version;
}

async function competencyCounts(tx: Queryable, versionIds: readonly string[]) {
  if (!versionIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ versionId: competencies.versionId, n: count() })
    .from(competencies)
    .where(inArray(competencies.versionId, [...versionIds]))
    .groupBy(competencies.versionId);
  return new Map(rows.map((r) => [r.versionId, Number(r.n)]));
}

/** Ratings given in each version: a version with ratings is never changed again. */
export async function ratingCounts(tx: Queryable, versionIds: readonly string[]) {
  if (!versionIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ versionId: ratings.frameworkVersionId, n: count() })
    .from(ratings)
    .where(inArray(ratings.frameworkVersionId, [...versionIds]))
    .groupBy(ratings.frameworkVersionId);
  return new Map(rows.map((r) => [r.versionId, Number(r.n)]));
}

export async function hasRatings(tx: Queryable, versionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ versionId: ratings.frameworkVersionId })
    .from(ratings)
    .where(eq(ratings.frameworkVersionId, versionId))
    .limit(1);
  return row !== undefined;
}

const summaryOf = (f: FrameworkRow, version: VersionRow, competencyCount: number): FrameworkSummary => ({
  id: f.id,
  name: f.name,
  description: f.description,
  isDefault: f.isDefault,
  archived: f.archivedAt !== null,
  currentVersion: version.number,
  competencyCount,
});

export async function listFrameworks(tx: Queryable, includeArchived: boolean): Promise<FrameworkSummary[]> {
  const rows = await tx
    .select()
    .from(competencyFrameworks)
    .where(includeArchived ? undefined : isNull(competencyFrameworks.archivedAt))
    .orderBy(desc(competencyFrameworks.isDefault), asc(competencyFrameworks.name));
  const versions = await currentVersions(
    tx,
    rows.map((r) => r.id),
  );
  const counts = await competencyCounts(
    tx,
    [...versions.values()].map((v) => v.id),
  );
  return rows.flatMap((f) => {
    const version = versions.get(f.id);
    return version ? [summaryOf(f, version, counts.get(version.id) ?? 0)] : [];
  });
}

export async function frameworkRow(tx: Queryable, id: string, lock = false): Promise<FrameworkRow> {
  const query = tx.select().from(competencyFrameworks).where(eq(competencyFrameworks.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Framework');
  return row;
}

/** One version, complete: scale and competencies in their order. */
export async function loadVersion(
  tx: Queryable,
  version: VersionRow,
  frameworkName: string,
): Promise<FrameworkVersion> {
  const rows = await tx
    .select()
    .from(competencies)
    .where(eq(competencies.versionId, version.id))
    .orderBy(asc(competencies.position));
  return {
    id: version.id,
    frameworkId: version.frameworkId,
    frameworkName,
    number: version.number,
    scale: version.scale,
    competencies: rows.map((c) => ({
      id: c.id,
      key: c.key,
      position: c.position,
      name: c.name,
      description: c.description,
      indicators: c.indicators,
      escoUri: c.escoUri,
      escoLabel: c.escoLabel,
    })),
    createdAt: version.createdAt.toISOString(),
  };
}

export async function loadVersionById(tx: Queryable, versionId: string): Promise<FrameworkVersion> {
  const [found] = await tx
    .select({ version: competencyFrameworkVersions, frameworkName: competencyFrameworks.name })
    .from(competencyFrameworkVersions)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyFrameworkVersions.frameworkId))
    .where(eq(competencyFrameworkVersions.id, versionId));
  if (!found) throw notFound('Framework version');
  return loadVersion(tx, found.version, found.frameworkName);
}

/** The current version of the organisation's default framework: what the observation forms use. */
export async function loadDefaultVersion(tx: Queryable): Promise<FrameworkVersion> {
  const [framework] = await tx.select().from(competencyFrameworks).where(eq(competencyFrameworks.isDefault, true));
  if (!framework) throw notFound('Default framework');
  return loadVersion(tx, await currentVersion(tx, framework.id), framework.name);
}

export async function loadDetail(tx: Queryable, id: string): Promise<FrameworkDetail> {
  const framework = await frameworkRow(tx, id);
  const versions = await tx
    .select()
    .from(competencyFrameworkVersions)
    .where(eq(competencyFrameworkVersions.frameworkId, id))
    .orderBy(desc(competencyFrameworkVersions.number));
  const current = versions[0];
  if (!current) throw new Error(`framework ${id} has no version`);
  const rated = await ratingCounts(
    tx,
    versions.map((v) => v.id),
  );
  const content = await loadVersion(tx, current, framework.name);
  return {
    ...summaryOf(framework, current, content.competencies.length),
    current: content,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      createdAt: v.createdAt.toISOString(),
      ratingCount: rated.get(v.id) ?? 0,
    })),
  };
}
