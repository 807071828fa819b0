import type { WorkMode } from '#shared/competencies';
import type { Db } from '../../server/db/client';
import {
  workPackageCompetencies,
  workPackageNextSteps,
  workPackagePlacements,
  workPackageSkills,
  workPackages,
} from '../../server/db/schema';
import { buildTeam } from './factories';

/**
 * Work packages and placements written straight to the database as the owner (like ./factories.ts). The pathway
 * service is the only production writer; these rows satisfy the same constraints.
 */

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export async function buildWorkPackage(
  db: Db,
  input: {
    organisationId: string;
    teamId?: string;
    name?: string;
    step?: number;
    workMode?: WorkMode;
    archived?: boolean;
    competencies?: { competencyKey: string; level: number }[];
    skills?: { skillId: string; level: number }[];
    nextPackageIds?: string[];
  },
) {
  const teamId = input.teamId ?? (await buildTeam(db, { organisationId: input.organisationId })).id;
  const [row] = await db
    .insert(workPackages)
    .values({
      organisationId: input.organisationId,
      teamId,
      name: input.name ?? `Pakket ${next()}`,
      step: input.step ?? 1,
      workMode: input.workMode ?? 'uitvoerend',
      description: 'Eenvoudige opdrachten.',
      archivedAt: input.archived ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('no work package');
  const base = { organisationId: input.organisationId, packageId: row.id };
  if (input.competencies?.length) {
    await db.insert(workPackageCompetencies).values(input.competencies.map((c) => ({ ...base, ...c })));
  }
  if (input.skills?.length) await db.insert(workPackageSkills).values(input.skills.map((s) => ({ ...base, ...s })));
  if (input.nextPackageIds?.length) {
    await db.insert(workPackageNextSteps).values(
      input.nextPackageIds.map((toPackageId, position) => ({
        ...base,
        kind: 'package' as const,
        toPackageId,
        position,
      })),
    );
  }
  return row;
}

/** A current placement (no to_date) of a participant in a package. */
export async function buildPlacement(
  db: Db,
  input: { organisationId: string; participantId: string; packageId: string; fromDate?: string; toDate?: string },
) {
  const [row] = await db
    .insert(workPackagePlacements)
    .values({
      organisationId: input.organisationId,
      participantId: input.participantId,
      packageId: input.packageId,
      fromDate: input.fromDate ?? '2024-02-01',
      toDate: input.toDate ?? null,
    })
    .returning();
  if (!row) throw new Error('no placement');
  return row;
}
