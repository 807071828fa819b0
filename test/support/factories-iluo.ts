import type { Db } from '../../server/db/client';
import { skillLevels, skills } from '../../server/db/schema';
import { upsertCurrent } from '../../server/modules/iluo/levels';
import { buildTeam, buildUser } from './factories';

/**
 * ILUO skills and levels written straight to the database as the owner (like ./factories.ts). The ILUO service is
 * the only production writer of levels; buildSkillLevel keeps the current-level cache with the service's own code.
 */

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export async function buildSkill(
  db: Db,
  overrides: {
    organisationId?: string;
    teamId?: string;
    name?: string;
    groupName?: string;
    critical?: boolean;
    position?: number;
    archived?: boolean;
  } = {},
) {
  const team = overrides.teamId
    ? { id: overrides.teamId, organisationId: overrides.organisationId as string }
    : await buildTeam(db, { organisationId: overrides.organisationId });
  const [row] = await db
    .insert(skills)
    .values({
      organisationId: team.organisationId,
      teamId: team.id,
      name: overrides.name ?? `Taak ${next()}`,
      groupName: overrides.groupName ?? '',
      critical: overrides.critical ?? false,
      position: overrides.position ?? counter,
      archivedAt: overrides.archived ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('no skill');
  return row;
}

/**
 * One level in the history, and the cache updated when it is the newest. Names exactly one of participantId and
 * userId; creates an assessor (a supervisor) unless one is given.
 */
export async function buildSkillLevel(
  db: Db,
  input: {
    organisationId: string;
    skillId: string;
    participantId?: string;
    userId?: string;
    level: number;
    assessedOn?: string;
    assessorId?: string;
    note?: string | null;
  },
) {
  if ((input.participantId === undefined) === (input.userId === undefined)) {
    throw new Error('buildSkillLevel needs exactly one of participantId and userId');
  }
  const assessorId =
    input.assessorId ?? (await buildUser(db, { organisationId: input.organisationId, role: 'supervisor' })).id;
  const [row] = await db
    .insert(skillLevels)
    .values({
      organisationId: input.organisationId,
      skillId: input.skillId,
      participantId: input.participantId ?? null,
      userId: input.userId ?? null,
      level: input.level,
      assessedOn: input.assessedOn ?? '2025-03-10',
      assessorId,
      note: input.note ?? null,
    })
    .returning();
  if (!row) throw new Error('no skill level');
  await upsertCurrent(db, row, (row.participantId ?? row.userId) as string);
  return row;
}
