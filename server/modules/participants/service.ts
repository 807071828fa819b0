import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type consentCreateBody,
  type indicationsBody,
  type participantCoachesBody,
  type participantCreateBody,
  type participantUpdateBody,
  type stakeholdersBody,
  todayIso,
} from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import {
  careerEvents,
  consents,
  indications,
  participantCoaches,
  participants,
  stakeholders,
  teams,
  user,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';
import { assertListCode, loadList } from '../lists/service';
import { openForWrite, resolveAccess } from './access';
import { findTeam, refreshDerived } from './career-events';
import { loadDossier } from './dossier';

/** Coaches are active users with the coach role in this organisation (row-level security hides the rest). */
async function assertCoaches(tx: Tx, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(inArray(user.id, ids), eq(user.role, 'coach'), isNull(user.deactivatedAt)));
  if (found.length !== ids.length) throw fieldError(field, 'Every coach must be an active user with the coach role');
}

async function assertTeamAtSite(tx: Tx, teamId: string, siteId: string) {
  const team = await findTeam(tx, teamId);
  if (team.siteId !== siteId) throw fieldError('teamId', 'team_at_other_site');
}

/**
 * Indications are replaced as a whole, so the form sends back the ones already there: a type deactivated since
 * may stay on an indication that has it, but a new or changed one needs an active type.
 */
async function assertIndicationTypes(tx: Tx, participantId: string, items: z.infer<typeof indicationsBody>['items']) {
  if (!items.length) return;
  const list = await loadList(tx, 'indication_type');
  const stored = await tx
    .selectDistinct({ type: indications.type })
    .from(indications)
    .where(eq(indications.participantId, participantId));
  const kept = new Set(stored.map((s) => s.type));
  items.forEach((item, i) => {
    if (kept.has(item.type)) return;
    if (!list.some((entry) => entry.code === item.type && entry.active)) {
      throw fieldError(`items.${i}.type`, 'not_in_list');
    }
  });
}

export function registerParticipant(db: Db, ctx: RequestContext, body: z.infer<typeof participantCreateBody>) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const intakeDate = body.intakeDate ?? todayIso();
    if (body.startDate && body.startDate < intakeDate) throw fieldError('startDate', 'before_intake');
    await assertListCode(tx, 'programme_type', body.programmeType, 'programmeType');
    if (body.teamId) await assertTeamAtSite(tx, body.teamId, body.siteId);
    const coachIds = new Set(body.coachIds ?? []);
    // A coach who registers a participant has them in their caseload from the start.
    if (actor.role === 'coach') coachIds.add(actor.id);
    await assertCoaches(tx, [...coachIds], 'coachIds');

    const [row] = await tx
      .insert(participants)
      .values({
        organisationId: actor.organisationId,
        firstName: body.firstName,
        lastName: body.lastName,
        dateOfBirth: body.dateOfBirth,
        email: body.email ?? null,
        phone: body.phone ?? null,
        address: body.address ?? null,
        siteId: body.siteId,
        teamId: body.teamId ?? null,
        programmeType: body.programmeType,
        referrerId: body.referrerId ?? null,
        referrerContact: body.referrerContact ?? null,
      })
      .returning({ id: participants.id });
    if (!row) throw notFound('Participant');
    if (coachIds.size) {
      await tx
        .insert(participantCoaches)
        .values(
          [...coachIds].map((userId) => ({ organisationId: actor.organisationId, participantId: row.id, userId })),
        );
    }
    const event = { organisationId: actor.organisationId, participantId: row.id, recordedBy: actor.id };
    await tx.insert(careerEvents).values({ ...event, kind: 'intake', date: intakeDate, teamId: body.teamId ?? null });
    if (body.startDate) await tx.insert(careerEvents).values({ ...event, kind: 'start', date: body.startDate });
    await refreshDerived(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'participant.registered',
      targetType: 'participant',
      targetId: row.id,
      details: { fields: changedFields(body) },
    });
    const { view } = await resolveAccess(tx, actor, row.id);
    return loadDossier(tx, row.id, view);
  });
}

/** Every read of a dossier is recorded, in the same transaction as the read. */
export function getParticipant(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { view } = await resolveAccess(tx, ctx.actor, id);
    const dossier = await loadDossier(tx, id, view);
    // Audited last: the row then travels with the commit (db/prepared-client.ts).
    await recordAudit(tx, ctx, {
      action: 'participant.read',
      targetType: 'participant',
      targetId: id,
      details: { view },
    });
    return dossier;
  });
}

export function updateParticipant(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof participantUpdateBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row, view } = await openForWrite(tx, ctx.actor, id, 'participant.update');
    if (body.programmeType) {
      await assertListCode(tx, 'programme_type', body.programmeType, 'programmeType', row.programmeType);
    }
    if (body.siteId && body.siteId !== row.siteId && row.teamId) {
      // The participant's team stays: the site must be the team's (a move to another site is a team_change).
      const [team] = await tx.select({ siteId: teams.siteId }).from(teams).where(eq(teams.id, row.teamId));
      if (team?.siteId !== body.siteId) throw fieldError('siteId', 'team_at_other_site');
    }
    await tx
      .update(participants)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(participants.id, id));
    await recordAudit(tx, ctx, {
      action: 'participant.updated',
      targetType: 'participant',
      targetId: id,
      details: { fields: changedFields(body) },
    });
    return loadDossier(tx, id, view);
  });
}

export function setParticipantCoaches(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof participantCoachesBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await openForWrite(tx, ctx.actor, id, 'participant.update');
    const wanted = [...new Set(body.userIds)];
    await assertCoaches(tx, wanted, 'userIds');
    await tx.delete(participantCoaches).where(eq(participantCoaches.participantId, id));
    await tx
      .insert(participantCoaches)
      .values(wanted.map((userId) => ({ organisationId: ctx.actor.organisationId, participantId: id, userId })));
    await recordAudit(tx, ctx, {
      action: 'participant.coaches_set',
      targetType: 'participant',
      targetId: id,
      details: { userIds: wanted },
    });
    // A coach who removed themselves no longer reaches the dossier: answer with what they may still see.
    const after = await resolveAccess(tx, ctx.actor, id).catch(() => undefined);
    return loadDossier(tx, id, after?.view ?? 'summary');
  });
}

export function setIndications(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof indicationsBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { view } = await openForWrite(tx, ctx.actor, id, 'participant.update');
    await assertIndicationTypes(tx, id, body.items);
    await tx.delete(indications).where(eq(indications.participantId, id));
    if (body.items.length) {
      await tx.insert(indications).values(
        body.items.map((i) => ({
          organisationId: ctx.actor.organisationId,
          participantId: id,
          type: i.type,
          supportLevel: i.supportLevel,
          validFrom: i.validFrom,
          validUntil: i.validUntil ?? null,
          note: i.note ?? null,
        })),
      );
    }
    // Indication details are sensitive: the log keeps how many, not what.
    await recordAudit(tx, ctx, {
      action: 'participant.indications_set',
      targetType: 'participant',
      targetId: id,
      details: { count: body.items.length },
    });
    return loadDossier(tx, id, view);
  });
}

export function setStakeholders(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof stakeholdersBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { view } = await openForWrite(tx, ctx.actor, id, 'participant.update');
    await tx.delete(stakeholders).where(eq(stakeholders.participantId, id));
    if (body.items.length) {
      await tx.insert(stakeholders).values(
        body.items.map((s) => ({
          organisationId: ctx.actor.organisationId,
          participantId: id,
          name: s.name,
          relation: s.relation,
          contact: s.contact ?? null,
          mayBeInvolved: s.mayBeInvolved,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'participant.stakeholders_set',
      targetType: 'participant',
      targetId: id,
      details: { count: body.items.length },
    });
    return loadDossier(tx, id, view);
  });
}

export function recordConsent(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof consentCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { view } = await openForWrite(tx, ctx.actor, id, 'participant.update');
    await assertListCode(tx, 'consent_kind', body.kind, 'kind');
    const [row] = await tx
      .insert(consents)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId: id,
        kind: body.kind,
        granted: body.granted,
        recordedOn: body.recordedOn ?? todayIso(),
        recordedBy: ctx.actor.id,
      })
      .returning({ id: consents.id });
    await recordAudit(tx, ctx, {
      action: 'participant.consent_recorded',
      targetType: 'participant',
      targetId: id,
      details: { kind: body.kind, consentId: row?.id },
    });
    return loadDossier(tx, id, view);
  });
}

/** Only a dossier whose participant has left (status exited) is archived; it is then read-only and hidden. */
export function archiveParticipant(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row, view } = await openForWrite(tx, ctx.actor, id, 'participant.archive');
    if (row.status !== 'exited') throw new AppError('conflict', 'Only a dossier after an exit can be archived');
    await tx.update(participants).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(participants.id, id));
    await recordAudit(tx, ctx, { action: 'participant.archived', targetType: 'participant', targetId: id });
    return loadDossier(tx, id, view);
  });
}

export function unarchiveParticipant(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { view } = await openForWrite(tx, ctx.actor, id, 'participant.unarchive');
    await tx.update(participants).set({ archivedAt: null, updatedAt: new Date() }).where(eq(participants.id, id));
    await recordAudit(tx, ctx, { action: 'participant.unarchived', targetType: 'participant', targetId: id });
    return loadDossier(tx, id, view);
  });
}
