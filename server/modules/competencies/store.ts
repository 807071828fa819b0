import { and, eq, sql } from 'drizzle-orm';
import type { FrameworkExchange, FrameworkInput } from '#shared/competencies';
import type { Queryable } from '../../db/client';
import {
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  jobProfileExpectations,
  jobProfiles,
} from '../../db/schema';

/**
 * The writes every way of creating a framework shares (the form, the import, the default template, the setup
 * wizard). They take the organisation id explicitly because the setup wizard runs as the owner, before any tenant
 * transaction exists; inside withTenant row-level security checks the same id again.
 */

export type JobProfileContent = FrameworkExchange['jobProfiles'][number];

/** Version rows: the scale, and the competencies in the order given. */
export async function insertVersion(
  tx: Queryable,
  organisationId: string,
  frameworkId: string,
  number: number,
  input: Pick<FrameworkInput, 'scale' | 'competencies'>,
  actorId: string | null,
) {
  const [version] = await tx
    .insert(competencyFrameworkVersions)
    .values({ organisationId, frameworkId, number, scale: input.scale, createdBy: actorId })
    .returning();
  if (!version) throw new Error('version insert returned nothing');
  await tx.insert(competencies).values(
    input.competencies.map((c, position) => ({
      organisationId,
      versionId: version.id,
      key: c.key,
      position,
      name: c.name,
      description: c.description,
      indicators: c.indicators,
      escoUri: c.escoUri ?? null,
      escoLabel: c.escoLabel ?? null,
    })),
  );
  return version;
}

export async function insertJobProfile(
  tx: Queryable,
  organisationId: string,
  frameworkId: string,
  profile: JobProfileContent,
) {
  const [row] = await tx
    .insert(jobProfiles)
    .values({
      organisationId,
      frameworkId,
      name: profile.name,
      description: profile.description ?? null,
      ladderStep: profile.ladderStep,
      workMode: profile.workMode,
    })
    .returning();
  if (!row) throw new Error('job profile insert returned nothing');
  await insertExpectations(tx, organisationId, row.id, profile.expectations);
  return row;
}

export async function insertExpectations(
  tx: Queryable,
  organisationId: string,
  jobProfileId: string,
  expectations: JobProfileContent['expectations'],
) {
  if (!expectations.length) return;
  await tx
    .insert(jobProfileExpectations)
    .values(
      expectations.map((e) => ({ organisationId, jobProfileId, competencyKey: e.competencyKey, level: e.level })),
    );
}

/**
 * A new framework with version 1 and its job profiles. It becomes the default when the organisation has none
 * (the first framework of an organisation); the partial unique index keeps it at one default even when two race.
 */
export async function insertFramework(
  tx: Queryable,
  organisationId: string,
  input: FrameworkInput,
  profiles: readonly JobProfileContent[],
  options: { actorId: string | null },
) {
  const [existingDefault] = await tx
    .select({ id: competencyFrameworks.id })
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.organisationId, organisationId), eq(competencyFrameworks.isDefault, true)))
    .limit(1);
  const [framework] = await tx
    .insert(competencyFrameworks)
    .values({
      organisationId,
      name: input.name,
      description: input.description ?? null,
      isDefault: !existingDefault,
    })
    .returning();
  if (!framework) throw new Error('framework insert returned nothing');
  const version = await insertVersion(tx, organisationId, framework.id, 1, input, options.actorId);
  for (const profile of profiles) await insertJobProfile(tx, organisationId, framework.id, profile);
  return { framework, version };
}

/** The organisation's framework named `name`, archived or not, compared as the unique index does (lower()). */
export async function frameworkNamed(tx: Queryable, organisationId: string, name: string) {
  const [row] = await tx
    .select({ id: competencyFrameworks.id })
    .from(competencyFrameworks)
    .where(
      and(
        eq(competencyFrameworks.organisationId, organisationId),
        sql`lower(${competencyFrameworks.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  return row ?? null;
}
