import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { todayIso } from '#shared/participants';
import { type breakGlassBody, GRANT_MAX_DAYS, type grantCreateBody } from '#shared/sensitive';
import type { Db, Tx } from '../../db/client';
import { sensitiveAccessGrants, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import type { Mailer } from '../mail/mailer';
import type { Compartment } from './access';
import { breakGlassMail } from './break-glass-mail';
import { accessStateOf, liveCompartment } from './state';

/**
 * Access beyond the caseload. Break-the-glass: a coach of another caseload or an admin states a reason and reads the
 * compartment for a few hours; the participant's coaches get a mail. An explicit grant: one of the participant's
 * coaches names a coach or admin and a last day. Grants are never deleted: revoking ends one at once.
 */

export interface BreakGlassSettings {
  publicUrl: string;
  mailer: Mailer;
}

const eligibleRoles = ['admin', 'coach'] as const;

/** The audit row of an access change: found by the access log through details.participantId like every other. */
const accessEvent = (
  compartment: Compartment,
  event: { action: string; reason?: string; details: Record<string, unknown> },
) => ({
  ...event,
  targetType: 'participant',
  targetId: compartment.participant.id,
  details: { ...event.details, participantId: compartment.participant.id, via: compartment.via },
});

/** The participant's active coaches with an address: who hears that the glass was broken. */
function coachesToTell(tx: Tx, coachIds: readonly string[]) {
  if (!coachIds.length) return Promise.resolve([]);
  return tx
    .select({ name: user.name, email: user.email })
    .from(user)
    .where(and(inArray(user.id, [...coachIds]), isNull(user.deactivatedAt)))
    .orderBy(asc(user.name));
}

export async function breakGlass(
  db: Db,
  settings: BreakGlassSettings,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof breakGlassBody>,
) {
  const { actor } = ctx;
  const { state, mails } = await withTenant(db, actor.organisationId, async (tx) => {
    const before = await liveCompartment(tx, actor, participantId, true);
    if (before.via !== null) throw new AppError('conflict', 'You already have access to this compartment');
    const [grant] = await tx
      .insert(sensitiveAccessGrants)
      .values({
        organisationId: actor.organisationId,
        participantId,
        userId: actor.id,
        kind: 'break_glass',
        reason: body.reason,
        expiresAt: sql`now() + make_interval(hours => ${body.hours})`,
      })
      .returning();
    if (!grant) throw new Error('grant not stored');
    const after = await liveCompartment(tx, actor, participantId);
    await recordAudit(
      tx,
      ctx,
      accessEvent(after, {
        action: 'sensitive.break_glass',
        reason: body.reason,
        details: { grantId: grant.id, hours: body.hours },
      }),
    );
    const coaches = await coachesToTell(tx, after.coachIds);
    const link = `${settings.publicUrl}/deelnemers/${participantId}/actieplan`;
    return {
      state: await accessStateOf(tx, actor, after),
      mails: coaches.map((coach) => ({
        to: coach.email,
        ...breakGlassMail({
          coachName: coach.name,
          actorName: actor.name,
          participantFirstName: after.participant.firstName,
          at: grant.startsAt,
          until: grant.expiresAt,
          reason: body.reason,
          link,
        }),
      })),
    };
  });
  // After the commit: the mailer writes the outbox in a transaction of its own (on PGlite there is one connection).
  for (const mail of mails) await settings.mailer.send({ organisationId: actor.organisationId, ...mail });
  return state;
}

/** Granting and revoking is for the participant's own coaches, never for someone who reached it by a grant. */
async function compartmentToGrant(tx: Tx, actor: Actor, participantId: string) {
  const compartment = await liveCompartment(tx, actor, participantId, true);
  if (!can(actor, 'sensitive.grant', compartment.target)) throw forbidden();
  return compartment;
}

const dayAfter = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function untilProblem(until: string) {
  const today = todayIso();
  if (until < today) return 'in_the_past';
  if (until > dayAfter(today, GRANT_MAX_DAYS)) return 'too_far';
  return undefined;
}

/** Active coaches and admins of the organisation who are not on the caseload. */
function candidatesWhere(compartment: Compartment) {
  return and(
    inArray(user.role, [...eligibleRoles]),
    isNull(user.deactivatedAt),
    compartment.coachIds.length ? notInArray(user.id, [...compartment.coachIds]) : undefined,
  );
}

export function grantCandidates(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await compartmentToGrant(tx, ctx.actor, participantId);
    const items = await tx
      .select({ id: user.id, name: user.name, role: user.role })
      .from(user)
      .where(candidatesWhere(compartment))
      .orderBy(asc(user.name), asc(user.id));
    return { items: items.map((u) => ({ ...u, role: u.role as (typeof eligibleRoles)[number] })) };
  });
}

export function createGrant(db: Db, ctx: RequestContext, participantId: string, body: z.infer<typeof grantCreateBody>) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const compartment = await compartmentToGrant(tx, actor, participantId);
    const [grantee] = await tx
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.id, body.userId), candidatesWhere(compartment)));
    const fields: Record<string, string> = {};
    if (!grantee) fields.userId = 'not_eligible';
    const until = untilProblem(body.until);
    if (until) fields.until = until;
    if (!grantee || until) throw new AppError('validation_failed', 'Some fields are invalid', fields);
    const [grant] = await tx
      .insert(sensitiveAccessGrants)
      .values({
        organisationId: actor.organisationId,
        participantId,
        userId: grantee.id,
        kind: 'granted',
        reason: body.reason,
        grantedBy: actor.id,
        // Inclusive: the grant ends when the last day ends in Belgium.
        expiresAt: sql`((${body.until}::date + 1)::timestamp at time zone 'Europe/Brussels')`,
      })
      .returning({ id: sensitiveAccessGrants.id });
    if (!grant) throw new Error('grant not stored');
    await recordAudit(
      tx,
      ctx,
      accessEvent(compartment, {
        action: 'sensitive.granted',
        reason: body.reason,
        details: { grantId: grant.id, userId: grantee.id, until: body.until },
      }),
    );
    return accessStateOf(tx, actor, compartment);
  });
}

/** Ends a grant (explicit or break-the-glass) at once; one that already ended answers 409. */
export function revokeGrant(db: Db, ctx: RequestContext, participantId: string, grantId: string) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const compartment = await compartmentToGrant(tx, actor, participantId);
    const [grant] = await tx
      .select()
      .from(sensitiveAccessGrants)
      .where(and(eq(sensitiveAccessGrants.id, grantId), eq(sensitiveAccessGrants.participantId, participantId)))
      .for('update');
    if (!grant) throw notFound('Grant');
    const [ended] = await tx
      .update(sensitiveAccessGrants)
      .set({ revokedAt: sql`now()`, revokedBy: actor.id })
      .where(
        and(
          eq(sensitiveAccessGrants.id, grantId),
          isNull(sensitiveAccessGrants.revokedAt),
          sql`${sensitiveAccessGrants.expiresAt} > now()`,
        ),
      )
      .returning({ id: sensitiveAccessGrants.id });
    if (!ended) throw new AppError('conflict', 'This access has already ended');
    await recordAudit(
      tx,
      ctx,
      accessEvent(compartment, {
        action: 'sensitive.grant_revoked',
        details: { grantId, userId: grant.userId, kind: grant.kind },
      }),
    );
    return accessStateOf(tx, actor, compartment);
  });
}
