import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IluoPerson, MatrixCell, SkillLevelCreateBody, SkillLevelEntry, skillHistoryQuery } from '#shared/iluo';
import type { Db, Queryable, Tx } from '../../db/client';
import { careerEvents, participants, skillLevels, skillLevelsCurrent, teamSupervisors, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { fieldError, forbidden, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { assertCan, loadSkill, qualified } from './team-access';

type Subject = { participantId: string; userId?: undefined } | { userId: string; participantId?: undefined };

/**
 * A participant is in the team while it is their current team and they have not left (exited or archived). One who
 * is only registered is in the team too, but has no start yet, so every date is refused as before the start.
 */
const inTeamStatuses = new Set(['registered', 'active', 'paused']);

/**
 * The person a level is about, checked against the skill's team: a participant who is in the team now, or a
 * supervisor of the team. A dossier of another organisation is not found (404); someone outside the team is a
 * field error (400).
 */
async function resolvePerson(
  tx: Tx,
  teamId: string,
  subject: Subject,
  assessedOn?: string,
): Promise<IluoPerson & { subject: string }> {
  if (subject.participantId !== undefined) {
    const [p] = await tx
      .select({
        id: participants.id,
        firstName: participants.firstName,
        lastName: participants.lastName,
        teamId: participants.teamId,
        status: participants.status,
        archivedAt: participants.archivedAt,
        firstStart: sql<string | null>`(select min(${qualified(careerEvents.date)})::text from ${careerEvents}
          where ${qualified(careerEvents.participantId)} = ${qualified(participants.id)}
          and ${qualified(careerEvents.kind)} = 'start')`,
      })
      .from(participants)
      .where(eq(participants.id, subject.participantId));
    if (!p) throw notFound('Participant');
    const name = `${p.firstName} ${p.lastName}`;
    if (assessedOn !== undefined) {
      if (p.teamId !== teamId || p.archivedAt || !inTeamStatuses.has(p.status)) {
        throw fieldError('participantId', 'not_in_team');
      }
      if (!p.firstStart || assessedOn < p.firstStart) throw fieldError('assessedOn', 'before_start');
    }
    return { kind: 'participant', id: p.id, name, subject: p.id };
  }
  const [staff] = await tx
    .select({
      id: user.id,
      name: user.name,
      deactivatedAt: user.deactivatedAt,
      supervises: sql<boolean>`${teamSupervisors.userId} is not null`,
    })
    .from(user)
    .leftJoin(teamSupervisors, and(eq(teamSupervisors.userId, user.id), eq(teamSupervisors.teamId, teamId)))
    .where(eq(user.id, subject.userId));
  if (!staff) throw notFound('User');
  // The history of someone who left stays readable; a new level is only for a current supervisor of the team.
  if (assessedOn !== undefined && (!staff.supervises || staff.deactivatedAt)) throw fieldError('userId', 'not_in_team');
  return { kind: 'staff', id: staff.id, name: staff.name, subject: staff.id };
}

const subjectOf = (body: { participantId?: string; userId?: string }): Subject =>
  body.participantId !== undefined ? { participantId: body.participantId } : { userId: body.userId as string };

/** The skill_levels_current row that caches a level of the history. */
const currentRow = (row: typeof skillLevels.$inferSelect, subject: string) => ({
  organisationId: row.organisationId,
  skillId: row.skillId,
  subject,
  participantId: row.participantId,
  userId: row.userId,
  level: row.level,
  assessedOn: row.assessedOn,
  skillLevelId: row.id,
  levelCreatedAt: row.createdAt,
  assessorId: row.assessorId,
});

/**
 * Keeps skill_levels_current in step with the history: the latest level by assessed_on, then created_at.
 * A newer row replaces the cached one; an older one (a level entered afterwards for an earlier date) leaves it.
 * Exported for the test factories (test/support/factories-iluo.ts), so they keep the cache as the service does.
 */
export async function upsertCurrent(tx: Queryable, row: typeof skillLevels.$inferSelect, subject: string) {
  await tx
    .insert(skillLevelsCurrent)
    .values(currentRow(row, subject))
    .onConflictDoUpdate({
      target: [skillLevelsCurrent.skillId, skillLevelsCurrent.subject],
      set: {
        level: sql`excluded.level`,
        assessedOn: sql`excluded.assessed_on`,
        skillLevelId: sql`excluded.skill_level_id`,
        levelCreatedAt: sql`excluded.level_created_at`,
        assessorId: sql`excluded.assessor_id`,
      },
      setWhere: sql`(excluded.assessed_on, excluded.level_created_at) >= (${skillLevelsCurrent.assessedOn}, ${skillLevelsCurrent.levelCreatedAt})`,
    });
}

/** After a delete: the latest remaining level becomes the cached one (the delete cascaded to the cache row). */
async function recomputeCurrent(tx: Tx, skillId: string, subject: Subject) {
  const [latest] = await tx
    .select()
    .from(skillLevels)
    .where(
      and(
        eq(skillLevels.skillId, skillId),
        subject.participantId !== undefined
          ? eq(skillLevels.participantId, subject.participantId)
          : eq(skillLevels.userId, subject.userId),
      ),
    )
    .orderBy(desc(skillLevels.assessedOn), desc(skillLevels.createdAt), desc(skillLevels.id))
    .limit(1);
  if (!latest) return;
  await tx
    .insert(skillLevelsCurrent)
    .values(currentRow(latest, subject.participantId ?? subject.userId))
    .onConflictDoUpdate({
      target: [skillLevelsCurrent.skillId, skillLevelsCurrent.subject],
      set: {
        level: latest.level,
        assessedOn: latest.assessedOn,
        skillLevelId: latest.id,
        levelCreatedAt: latest.createdAt,
        assessorId: latest.assessorId,
      },
    });
}

const iso = (d: Date) => d.toISOString();

export function recordSkillLevel(db: Db, ctx: RequestContext, body: SkillLevelCreateBody) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx): Promise<SkillLevelEntry> => {
    // The skill row is locked so that writes of levels for one skill (and their cache updates) run one at a time.
    const { skill, target } = await loadSkill(tx, body.skillId, true);
    assertCan(actor, 'skill.assess', target);
    if (skill.archivedAt) throw fieldError('skillId', 'archived');
    const subject = subjectOf(body);
    const person = await resolvePerson(tx, skill.teamId, subject, body.assessedOn);
    const [row] = await tx
      .insert(skillLevels)
      .values({
        organisationId: actor.organisationId,
        skillId: skill.id,
        participantId: subject.participantId ?? null,
        userId: subject.userId ?? null,
        level: body.level,
        assessedOn: body.assessedOn,
        assessorId: actor.id,
        note: body.note ?? null,
      })
      .returning();
    if (!row) throw new Error('level not inserted');
    await upsertCurrent(tx, row, person.subject);
    // The level and the note say something about a person: the audit keeps who, what and when, not the values.
    await recordAudit(tx, ctx, {
      action: 'skill_level.recorded',
      targetType: person.kind === 'participant' ? 'participant' : 'user',
      targetId: person.id,
      details: { skillId: skill.id, teamId: skill.teamId, skillLevelId: row.id, assessedOn: row.assessedOn },
    });
    return {
      id: row.id,
      skillId: row.skillId,
      person: { kind: person.kind, id: person.id, name: person.name },
      level: row.level,
      assessedOn: row.assessedOn,
      assessor: { id: actor.id, name: actor.name },
      note: row.note,
      createdAt: iso(row.createdAt),
    };
  });
}

/** The cached level of one person for one skill, with the assessor's name, as the matrix shows it. */
async function currentCell(tx: Tx, skillId: string, subject: string): Promise<MatrixCell | null> {
  const [cell] = await tx
    .select({
      skillId: skillLevelsCurrent.skillId,
      personId: skillLevelsCurrent.subject,
      level: skillLevelsCurrent.level,
      assessedOn: skillLevelsCurrent.assessedOn,
      assessorName: user.name,
    })
    .from(skillLevelsCurrent)
    .innerJoin(skillLevels, eq(skillLevels.id, skillLevelsCurrent.skillLevelId))
    .innerJoin(user, eq(user.id, skillLevels.assessorId))
    .where(and(eq(skillLevelsCurrent.skillId, skillId), eq(skillLevelsCurrent.subject, subject)));
  return cell ?? null;
}

/** Taking a level back: by the person who gave it, or by the admin. The matrix then shows the one before it. */
export function deleteSkillLevel(db: Db, ctx: RequestContext, id: string) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const [found] = await tx.select().from(skillLevels).where(eq(skillLevels.id, id));
    if (!found) throw notFound('Skill level');
    if (actor.role !== 'admin' && found.assessorId !== actor.id) throw forbidden();
    // Like a new level, a delete locks the skill first: the recomputed current level must see every other write.
    await loadSkill(tx, found.skillId, true);
    const [row] = await tx.delete(skillLevels).where(eq(skillLevels.id, id)).returning();
    if (!row) throw notFound('Skill level');
    const subject: Subject =
      row.participantId !== null ? { participantId: row.participantId } : { userId: row.userId as string };
    await recomputeCurrent(tx, row.skillId, subject);
    await recordAudit(tx, ctx, {
      action: 'skill_level.deleted',
      targetType: row.participantId !== null ? 'participant' : 'user',
      targetId: row.participantId ?? row.userId ?? undefined,
      details: { skillId: row.skillId, skillLevelId: id },
    });
    return { current: await currentCell(tx, row.skillId, subject.participantId ?? subject.userId) };
  });
}

/** Every level one person got for one skill, newest first. Reading a participant's history is audited. */
export function skillHistory(db: Db, ctx: RequestContext, skillId: string, query: z.infer<typeof skillHistoryQuery>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { skill } = await loadSkill(tx, skillId);
    const subject = subjectOf(query);
    const person = await resolvePerson(tx, skill.teamId, subject);
    const rows = await tx
      .select({ level: skillLevels, assessorName: user.name })
      .from(skillLevels)
      .innerJoin(user, eq(user.id, skillLevels.assessorId))
      .where(
        and(
          eq(skillLevels.skillId, skillId),
          subject.participantId !== undefined
            ? eq(skillLevels.participantId, subject.participantId)
            : eq(skillLevels.userId, subject.userId),
        ),
      )
      .orderBy(desc(skillLevels.assessedOn), desc(skillLevels.createdAt), desc(skillLevels.id));
    if (person.kind === 'participant') {
      await recordAudit(tx, ctx, {
        action: 'skill_level.history_read',
        targetType: 'participant',
        targetId: person.id,
        details: { skillId },
      });
    }
    const who = { kind: person.kind, id: person.id, name: person.name };
    return rows.map(
      ({ level, assessorName }): SkillLevelEntry => ({
        id: level.id,
        skillId: level.skillId,
        person: who,
        level: level.level,
        assessedOn: level.assessedOn,
        assessor: { id: level.assessorId, name: assessorName },
        note: level.note,
        createdAt: iso(level.createdAt),
      }),
    );
  });
}
