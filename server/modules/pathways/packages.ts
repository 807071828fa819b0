import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { NextStep, WorkPackage, workPackageInput } from '#shared/pathways';
import { type Db, queryRows, type Tx } from '../../db/client';
import {
  jobProfiles,
  skills,
  teams,
  workPackageCompetencies,
  workPackageNextSteps,
  workPackageSkills,
  workPackages,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';
import type { CurrentFrameworkRow } from '../competency-profile/framework';
import { currentFrameworkJson } from '../competency-profile/framework';
import { uniqueViolation } from '../iluo/unique-violation';
import { loadList } from '../lists/service';

type PackageInput = z.infer<typeof workPackageInput>;
type PackageRow = typeof workPackages.$inferSelect;

/** The default framework's current version: names of its competencies and the number of levels of its scale. */
export async function currentFramework(tx: Tx): Promise<CurrentFrameworkRow | null> {
  const [row] = await queryRows<{ framework: CurrentFrameworkRow | null }>(
    tx,
    sql`select ${currentFrameworkJson} as framework`,
  );
  return row?.framework ?? null;
}

/**
 * The packages selected by `where`, whole: team, requirements with names, next steps with their labels.
 * A competency key that the framework's current version no longer has keeps its key as name.
 */
export async function loadPackages(tx: Tx, where: SQL | undefined): Promise<WorkPackage[]> {
  const rows = await tx
    .select({ pkg: workPackages, teamName: teams.name })
    .from(workPackages)
    .innerJoin(teams, eq(teams.id, workPackages.teamId))
    .where(where)
    .orderBy(sql`lower(${teams.name})`, asc(workPackages.step), sql`lower(${workPackages.name})`, asc(workPackages.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.pkg.id);
  const [competencyRows, skillRows, stepRows, framework, destinations] = [
    await tx
      .select()
      .from(workPackageCompetencies)
      .where(inArray(workPackageCompetencies.packageId, ids))
      .orderBy(asc(workPackageCompetencies.competencyKey)),
    await tx
      .select({
        packageId: workPackageSkills.packageId,
        skillId: workPackageSkills.skillId,
        level: workPackageSkills.level,
        name: skills.name,
        archivedAt: skills.archivedAt,
      })
      .from(workPackageSkills)
      .innerJoin(skills, eq(skills.id, workPackageSkills.skillId))
      .where(inArray(workPackageSkills.packageId, ids))
      .orderBy(sql`lower(${skills.name})`),
    await loadNextSteps(tx, ids),
    await currentFramework(tx),
    await loadList(tx, 'exit_destination'),
  ];
  const names = new Map(framework?.competencies.map((c) => [c.key, c.name]) ?? []);
  const labels = new Map(destinations.map((d) => [d.code, d.label]));
  return rows.map(({ pkg, teamName }) => ({
    id: pkg.id,
    team: { id: pkg.teamId, name: teamName },
    name: pkg.name,
    step: pkg.step,
    workMode: pkg.workMode,
    description: pkg.description,
    competencies: competencyRows
      .filter((c) => c.packageId === pkg.id)
      .map((c) => ({
        competencyKey: c.competencyKey,
        name: names.get(c.competencyKey) ?? c.competencyKey,
        level: c.level,
      })),
    skills: skillRows
      .filter((s) => s.packageId === pkg.id)
      .map((s) => ({ skillId: s.skillId, name: s.name, level: s.level, archived: s.archivedAt !== null })),
    nextSteps: stepRows.filter((s) => s.packageId === pkg.id).map((s) => toNextStep(s, labels)),
    archived: pkg.archivedAt !== null,
  }));
}

interface StepRow {
  packageId: string;
  kind: NextStep['kind'];
  toPackageId: string | null;
  toPackageName: string | null;
  toPackageStep: number | null;
  toPackageArchived: boolean | null;
  toJobProfileId: string | null;
  jobProfileName: string | null;
  jobProfileStep: number | null;
  jobProfileArchived: boolean | null;
  exitDestination: string | null;
}

function loadNextSteps(tx: Tx, packageIds: string[]): Promise<StepRow[]> {
  const target = alias(workPackages, 'target');
  return tx
    .select({
      packageId: workPackageNextSteps.packageId,
      kind: workPackageNextSteps.kind,
      toPackageId: workPackageNextSteps.toPackageId,
      toPackageName: target.name,
      toPackageStep: target.step,
      toPackageArchived: sql<boolean | null>`${target.archivedAt} is not null`,
      toJobProfileId: workPackageNextSteps.toJobProfileId,
      jobProfileName: jobProfiles.name,
      jobProfileStep: jobProfiles.ladderStep,
      jobProfileArchived: sql<boolean | null>`${jobProfiles.archivedAt} is not null`,
      exitDestination: workPackageNextSteps.exitDestination,
    })
    .from(workPackageNextSteps)
    .leftJoin(target, eq(target.id, workPackageNextSteps.toPackageId))
    .leftJoin(jobProfiles, eq(jobProfiles.id, workPackageNextSteps.toJobProfileId))
    .where(inArray(workPackageNextSteps.packageId, packageIds))
    .orderBy(asc(workPackageNextSteps.position));
}

function toNextStep(s: StepRow, labels: ReadonlyMap<string, string>): NextStep {
  if (s.kind === 'package') {
    return {
      kind: 'package',
      targetId: s.toPackageId as string,
      label: s.toPackageName ?? '',
      step: s.toPackageStep,
      archived: s.toPackageArchived === true,
    };
  }
  if (s.kind === 'job_profile') {
    return {
      kind: 'job_profile',
      targetId: s.toJobProfileId as string,
      label: s.jobProfileName ?? '',
      step: s.jobProfileStep,
      archived: s.jobProfileArchived === true,
    };
  }
  const code = s.exitDestination as string;
  return { kind: 'outflow', targetId: code, label: labels.get(code) ?? code, step: null, archived: false };
}

export function listPackages(
  db: Db,
  ctx: RequestContext,
  query: { teamId?: string | undefined; archived?: 'true' | 'false' | undefined },
) {
  return withTenant(db, ctx.actor.organisationId, (tx) =>
    loadPackages(
      tx,
      and(
        query.teamId ? eq(workPackages.teamId, query.teamId) : undefined,
        query.archived === 'true' ? undefined : isNull(workPackages.archivedAt),
      ),
    ),
  );
}

async function loadOne(tx: Tx, id: string): Promise<WorkPackage> {
  const [found] = await loadPackages(tx, eq(workPackages.id, id));
  if (!found) throw notFound('Work package');
  return found;
}

/**
 * Every reference of the body checked against the database, all problems at once (field errors by path):
 * the team, competency keys and levels against the default framework, skills, next-step targets.
 */
async function checkReferences(tx: Tx, body: PackageInput, selfId?: string) {
  const fields: Record<string, string> = {};
  const [team] = await tx
    .select({ id: teams.id, archivedAt: teams.archivedAt })
    .from(teams)
    .where(eq(teams.id, body.teamId));
  if (!team) fields.teamId = 'unknown_reference';
  else if (team.archivedAt) fields.teamId = 'archived';

  if (body.competencies.length) {
    const framework = await currentFramework(tx);
    const keys = new Set(framework?.competencies.map((c) => c.key) ?? []);
    const levels = framework?.scale.length ?? 0;
    body.competencies.forEach((c, i) => {
      if (!keys.has(c.competencyKey)) fields[`competencies.${i}.competencyKey`] = 'not_in_framework';
      else if (c.level > levels) fields[`competencies.${i}.level`] = 'level_out_of_scale';
    });
  }

  if (body.skills.length) {
    const found = await tx
      .select({ id: skills.id })
      .from(skills)
      .where(
        and(
          inArray(
            skills.id,
            body.skills.map((s) => s.skillId),
          ),
          isNull(skills.archivedAt),
        ),
      );
    const known = new Set(found.map((s) => s.id));
    body.skills.forEach((s, i) => {
      if (!known.has(s.skillId)) fields[`skills.${i}.skillId`] = 'unknown_skill';
    });
  }

  const packageIds = body.nextSteps.flatMap((s) => (s.kind === 'package' ? [s.packageId] : []));
  const profileIds = body.nextSteps.flatMap((s) => (s.kind === 'job_profile' ? [s.jobProfileId] : []));
  const packages = packageIds.length
    ? await tx
        .select({ id: workPackages.id, archivedAt: workPackages.archivedAt })
        .from(workPackages)
        .where(inArray(workPackages.id, packageIds))
    : [];
  const profiles = profileIds.length
    ? await tx
        .select({ id: jobProfiles.id, archivedAt: jobProfiles.archivedAt })
        .from(jobProfiles)
        .where(inArray(jobProfiles.id, profileIds))
    : [];
  const destinations = body.nextSteps.some((s) => s.kind === 'outflow') ? await loadList(tx, 'exit_destination') : [];
  body.nextSteps.forEach((s, i) => {
    if (s.kind === 'package') {
      const found = packages.find((p) => p.id === s.packageId);
      if (s.packageId === selfId) fields[`nextSteps.${i}.packageId`] = 'self_step';
      else if (!found) fields[`nextSteps.${i}.packageId`] = 'unknown_reference';
      else if (found.archivedAt) fields[`nextSteps.${i}.packageId`] = 'archived';
    } else if (s.kind === 'job_profile') {
      const found = profiles.find((p) => p.id === s.jobProfileId);
      if (!found) fields[`nextSteps.${i}.jobProfileId`] = 'unknown_reference';
      else if (found.archivedAt) fields[`nextSteps.${i}.jobProfileId`] = 'archived';
    } else if (!destinations.some((d) => d.code === s.exitDestination && d.active)) {
      fields[`nextSteps.${i}.exitDestination`] = 'not_in_list';
    }
  });

  if (Object.keys(fields).length) throw new AppError('validation_failed', 'Some fields are invalid', fields);
}

const nameTaken = () =>
  new AppError('conflict', 'This team already has a work package with this name', { name: 'already_in_use' });

async function assertFreeName(tx: Tx, teamId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: workPackages.id })
    .from(workPackages)
    .where(
      and(
        eq(workPackages.teamId, teamId),
        isNull(workPackages.archivedAt),
        sql`lower(${workPackages.name}) = lower(${name})`,
        exceptId ? ne(workPackages.id, exceptId) : undefined,
      ),
    );
  if (clash) throw nameTaken();
}

const mapNameClash = (err: unknown): never => {
  if (uniqueViolation(err, 'work_packages_team_name_unique')) throw nameTaken();
  throw err;
};

/** Requirements and next steps are stored as a whole: the old rows go, the body's rows come. */
async function writeParts(tx: Tx, organisationId: string, packageId: string, body: PackageInput) {
  await tx.delete(workPackageCompetencies).where(eq(workPackageCompetencies.packageId, packageId));
  await tx.delete(workPackageSkills).where(eq(workPackageSkills.packageId, packageId));
  await tx.delete(workPackageNextSteps).where(eq(workPackageNextSteps.packageId, packageId));
  if (body.competencies.length) {
    await tx
      .insert(workPackageCompetencies)
      .values(
        body.competencies.map((c) => ({ organisationId, packageId, competencyKey: c.competencyKey, level: c.level })),
      );
  }
  if (body.skills.length) {
    await tx
      .insert(workPackageSkills)
      .values(body.skills.map((s) => ({ organisationId, packageId, skillId: s.skillId, level: s.level })));
  }
  if (body.nextSteps.length) {
    await tx.insert(workPackageNextSteps).values(
      body.nextSteps.map((s, position) => ({
        organisationId,
        packageId,
        kind: s.kind,
        toPackageId: s.kind === 'package' ? s.packageId : null,
        toJobProfileId: s.kind === 'job_profile' ? s.jobProfileId : null,
        exitDestination: s.kind === 'outflow' ? s.exitDestination : null,
        position,
      })),
    );
  }
}

const auditDetails = (body: PackageInput) => ({
  teamId: body.teamId,
  step: body.step,
  competencies: body.competencies.length,
  skills: body.skills.length,
  nextSteps: body.nextSteps.length,
});

export function createPackage(db: Db, ctx: RequestContext, body: PackageInput) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await checkReferences(tx, body);
    await assertFreeName(tx, body.teamId, body.name);
    const [row] = await tx
      .insert(workPackages)
      .values({
        organisationId: ctx.actor.organisationId,
        teamId: body.teamId,
        name: body.name,
        step: body.step,
        workMode: body.workMode,
        description: body.description,
      })
      .returning({ id: workPackages.id });
    if (!row) throw new Error('work package not inserted');
    await writeParts(tx, ctx.actor.organisationId, row.id, body);
    await recordAudit(tx, ctx, {
      action: 'work_package.created',
      targetType: 'work_package',
      targetId: row.id,
      details: auditDetails(body),
    });
    return loadOne(tx, row.id);
  }).catch(mapNameClash);
}

async function lockPackage(tx: Tx, id: string): Promise<PackageRow> {
  const [row] = await tx.select().from(workPackages).where(eq(workPackages.id, id)).for('update');
  if (!row) throw notFound('Work package');
  return row;
}

export function updatePackage(db: Db, ctx: RequestContext, id: string, body: PackageInput) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const current = await lockPackage(tx, id);
    if (current.archivedAt) throw new AppError('conflict', 'This work package is archived');
    await checkReferences(tx, body, id);
    await assertFreeName(tx, body.teamId, body.name, id);
    await tx
      .update(workPackages)
      .set({
        teamId: body.teamId,
        name: body.name,
        step: body.step,
        workMode: body.workMode,
        description: body.description,
        updatedAt: new Date(),
      })
      .where(eq(workPackages.id, id));
    await writeParts(tx, ctx.actor.organisationId, id, body);
    await recordAudit(tx, ctx, {
      action: 'work_package.updated',
      targetType: 'work_package',
      targetId: id,
      details: { ...auditDetails(body), fields: changedFields(body) },
    });
    return loadOne(tx, id);
  }).catch(mapNameClash);
}

/**
 * Archived packages leave the map and can no longer be chosen as a placement or a next step; placements and
 * next steps that name them stay, so the history reads as it was. Archiving twice changes nothing.
 */
export function setPackageArchived(db: Db, ctx: RequestContext, id: string, archived: boolean) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const current = await lockPackage(tx, id);
    if ((current.archivedAt !== null) === archived) return loadOne(tx, id);
    if (!archived) await assertFreeName(tx, current.teamId, current.name, id);
    await tx
      .update(workPackages)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(workPackages.id, id));
    await recordAudit(tx, ctx, {
      action: archived ? 'work_package.archived' : 'work_package.unarchived',
      targetType: 'work_package',
      targetId: id,
      details: { teamId: current.teamId },
    });
    return loadOne(tx, id);
  }).catch(mapNameClash);
}
