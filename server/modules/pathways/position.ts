import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParticipantPathway, Placement, placementCreateBody, WorkPackage } from '#shared/pathways';
import type { Db, Tx } from '../../db/client';
import {
  careerEvents,
  jobProfileExpectations,
  latestRatings,
  participants,
  skillLevelsCurrent,
  workPackagePlacements,
  workPackages,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors';
import { type Actor, can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { type Access, resolveAccess } from '../participants/access';
import { checkTimeline, problemMessages, type TimelineEvent } from '../participants/timeline';
import { currentFramework, loadPackages } from './packages';
import { type CurrentLevels, type Requirement, readinessFor } from './readiness';

/**
 * A participant's position on the pathway map: placements (history), the map around them and readiness for each
 * next step of their current package. Reading it is a dossier read (audited); a participant out of reach is 404.
 */

async function openPosition(tx: Tx, actor: Actor, participantId: string, lock = false): Promise<Access> {
  const access = await resolveAccess(tx, actor, participantId, lock);
  if (!can(actor, 'pathway.readPosition', access.target)) throw notFound('Participant');
  return access;
}

async function placementsOf(tx: Tx, participantId: string): Promise<Placement[]> {
  const rows = await tx
    .select({ placement: workPackagePlacements, pkg: workPackages })
    .from(workPackagePlacements)
    .innerJoin(workPackages, eq(workPackages.id, workPackagePlacements.packageId))
    .where(eq(workPackagePlacements.participantId, participantId))
    .orderBy(
      desc(sql`${workPackagePlacements.toDate} is null`),
      desc(workPackagePlacements.fromDate),
      desc(workPackagePlacements.createdAt),
    );
  return rows.map(({ placement, pkg }) => ({
    id: placement.id,
    package: { id: pkg.id, name: pkg.name, step: pkg.step, archived: pkg.archivedAt !== null },
    fromDate: placement.fromDate,
    toDate: placement.toDate,
  }));
}

/** Latest supervisor and coach scores per competency key, and current ILUO levels: what readiness compares with. */
async function currentLevels(tx: Tx, participantId: string): Promise<CurrentLevels> {
  const ratings = await tx
    .select({ key: latestRatings.competencyKey, kind: latestRatings.raterKind, score: latestRatings.score })
    .from(latestRatings)
    .where(
      and(eq(latestRatings.participantId, participantId), inArray(latestRatings.raterKind, ['supervisor', 'coach'])),
    );
  const competencies = new Map<string, { supervisor?: number; coach?: number }>();
  for (const r of ratings) {
    const entry = competencies.get(r.key) ?? {};
    if (r.kind === 'supervisor') entry.supervisor = r.score;
    if (r.kind === 'coach') entry.coach = r.score;
    competencies.set(r.key, entry);
  }
  const levels = await tx
    .select({ skillId: skillLevelsCurrent.skillId, level: skillLevelsCurrent.level })
    .from(skillLevelsCurrent)
    .where(eq(skillLevelsCurrent.participantId, participantId));
  return { competencies, skills: new Map(levels.map((l) => [l.skillId, l.level])) };
}

const packageRequirements = (pkg: WorkPackage): Requirement[] => [
  ...pkg.competencies.map((c) => ({ kind: 'competency' as const, key: c.competencyKey, name: c.name, level: c.level })),
  ...pkg.skills.map((s) => ({ kind: 'skill' as const, key: s.skillId, name: s.name, level: s.level })),
];

async function buildPathway(tx: Tx, actor: Actor, access: Access): Promise<ParticipantPathway> {
  const participantId = access.row.id;
  const history = await placementsOf(tx, participantId);
  const current = history.find((p) => p.toDate === null) ?? null;
  const visited = [...new Set(history.map((p) => p.package.id))];
  const [currentPackage] = current ? await loadPackages(tx, eq(workPackages.id, current.package.id)) : [];
  const mapTeam = currentPackage?.team.id ?? access.row.teamId;
  const targets = currentPackage?.nextSteps.filter((s) => s.kind === 'package').map((s) => s.targetId) ?? [];
  const shown = [...new Set([...visited, ...targets])];
  const packages = await loadPackages(
    tx,
    or(
      mapTeam ? and(eq(workPackages.teamId, mapTeam), isNull(workPackages.archivedAt)) : undefined,
      shown.length ? inArray(workPackages.id, shown) : undefined,
    ) ?? sql`false`,
  );

  const steps = currentPackage?.nextSteps ?? [];
  const levels = steps.length ? await currentLevels(tx, participantId) : { competencies: new Map(), skills: new Map() };
  const profileIds = steps.filter((s) => s.kind === 'job_profile').map((s) => s.targetId);
  const expectations = profileIds.length
    ? await tx.select().from(jobProfileExpectations).where(inArray(jobProfileExpectations.jobProfileId, profileIds))
    : [];
  const framework = profileIds.length ? await currentFramework(tx) : null;
  const names = new Map(framework?.competencies.map((c) => [c.key, c.name]) ?? []);
  const nextSteps = steps.map((step) => {
    let requirements: Requirement[] = [];
    if (step.kind === 'package') {
      const target = packages.find((p) => p.id === step.targetId);
      requirements = target ? packageRequirements(target) : [];
    } else if (step.kind === 'job_profile') {
      requirements = expectations
        .filter((e) => e.jobProfileId === step.targetId)
        .map((e) => ({
          kind: 'competency' as const,
          key: e.competencyKey,
          name: names.get(e.competencyKey) ?? e.competencyKey,
          level: e.level,
        }));
    }
    return { ...step, readiness: readinessFor(requirements, levels) };
  });

  return {
    participant: { id: participantId, name: `${access.row.firstName} ${access.row.lastName}` },
    current,
    history,
    packages,
    nextSteps,
    canPlace: can(actor, 'pathway.place', access.target) && access.row.archivedAt === null,
  };
}

export function readPathway(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPosition(tx, ctx.actor, participantId);
    const pathway = await buildPathway(tx, ctx.actor, access);
    await recordAudit(tx, ctx, { action: 'pathway.read', targetType: 'participant', targetId: participantId });
    return pathway;
  });
}

/** The participant's own map: the dossier linked to their login (404 when there is none). */
export function readOwnPathway(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [own] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, ctx.actor.id));
    if (!own) throw notFound('Participant');
    const access = await openPosition(tx, ctx.actor, own.id);
    const pathway = await buildPathway(tx, ctx.actor, access);
    await recordAudit(tx, ctx, { action: 'pathway.read', targetType: 'participant', targetId: own.id });
    return pathway;
  });
}

/**
 * Moves the participant to a package from a date: the current placement ends that day, the new one starts, and a
 * career event package_change lands in the dossier timeline, all in one transaction. The dossier row is locked,
 * so two moves of one participant are checked one after the other.
 */
export function placeParticipant(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof placementCreateBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPosition(tx, ctx.actor, participantId, true);
    if (!can(ctx.actor, 'pathway.place', access.target)) throw forbidden();
    if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');

    const [pkg] = await tx.select().from(workPackages).where(eq(workPackages.id, body.packageId));
    if (!pkg) throw fieldError('packageId', 'unknown_reference');
    if (pkg.archivedAt) throw fieldError('packageId', 'archived');
    const [current] = await tx
      .select()
      .from(workPackagePlacements)
      .where(and(eq(workPackagePlacements.participantId, participantId), isNull(workPackagePlacements.toDate)));
    if (current?.packageId === pkg.id) throw fieldError('packageId', 'already_placed');
    if (current && body.fromDate < current.fromDate) throw fieldError('fromDate', 'before_current');

    const existing: TimelineEvent[] = await tx
      .select({ kind: careerEvents.kind, date: careerEvents.date, seq: careerEvents.seq })
      .from(careerEvents)
      .where(eq(careerEvents.participantId, participantId));
    const problem = checkTimeline([
      ...existing,
      { kind: 'package_change', date: body.fromDate, seq: Number.MAX_SAFE_INTEGER },
    ]);
    if (problem) {
      throw new AppError('validation_failed', problemMessages[problem.reason], { fromDate: problem.reason });
    }

    if (current) {
      await tx
        .update(workPackagePlacements)
        .set({ toDate: body.fromDate })
        .where(eq(workPackagePlacements.id, current.id));
    }
    const [placed] = await tx
      .insert(workPackagePlacements)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        packageId: pkg.id,
        fromDate: body.fromDate,
        placedBy: ctx.actor.id,
      })
      .returning({ id: workPackagePlacements.id });
    const [event] = await tx
      .insert(careerEvents)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        kind: 'package_change',
        date: body.fromDate,
        toRole: pkg.name,
        note: body.note || null,
        recordedBy: ctx.actor.id,
      })
      .returning({ id: careerEvents.id });
    await tx.update(participants).set({ updatedAt: new Date() }).where(eq(participants.id, participantId));
    await recordAudit(tx, ctx, {
      action: 'participant.placed',
      targetType: 'participant',
      targetId: participantId,
      details: {
        packageId: pkg.id,
        placementId: placed?.id,
        eventId: event?.id,
        fromPackageId: current?.packageId ?? null,
      },
    });
    return buildPathway(tx, ctx.actor, access);
  });
}
