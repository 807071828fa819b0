import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AccessGrant, SensitiveAccess } from '#shared/sensitive';
import type { Db, Tx } from '../../db/client';
import { sensitiveAccessGrants, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { notFound } from '../../lib/errors';
import { type Actor, can } from '../../policy';
import type { RequestContext } from '../audit/record';
import { type Compartment, canBreakGlass, loadCompartment } from './access';

/**
 * What the actor may do with one participant's compartment: the question the compartment page asks first. The
 * grants (who else has access, why, until when) are shown only to those who read the compartment.
 */

const grantee = alias(user, 'grantee');
const grantor = alias(user, 'grantor');

/** The access history of one participant, newest first: active, expired and revoked grants alike. */
async function grantsOf(tx: Tx, participantId: string): Promise<AccessGrant[]> {
  const rows = await tx
    .select({
      grant: sensitiveAccessGrants,
      userName: grantee.name,
      grantedByName: grantor.name,
      active: sql<boolean>`${sensitiveAccessGrants.revokedAt} is null
        and ${sensitiveAccessGrants.startsAt} <= now() and ${sensitiveAccessGrants.expiresAt} > now()`,
    })
    .from(sensitiveAccessGrants)
    .innerJoin(grantee, eq(grantee.id, sensitiveAccessGrants.userId))
    .leftJoin(grantor, eq(grantor.id, sensitiveAccessGrants.grantedBy))
    .where(eq(sensitiveAccessGrants.participantId, participantId))
    .orderBy(desc(sensitiveAccessGrants.startsAt), desc(sensitiveAccessGrants.id))
    .limit(200);
  return rows.map(({ grant: g, userName, grantedByName, active }) => ({
    id: g.id,
    userId: g.userId,
    userName,
    kind: g.kind,
    reason: g.reason,
    grantedByName,
    startsAt: g.startsAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    active,
  }));
}

export async function accessStateOf(tx: Tx, actor: Actor, compartment: Compartment): Promise<SensitiveAccess> {
  const canRead = compartment.via !== null;
  const throughGrant = compartment.via === 'granted' || compartment.via === 'break_glass';
  return {
    participantId: compartment.participant.id,
    canRead,
    // An archived dossier is read-only, its compartment too.
    canWrite: canRead && compartment.participant.archivedAt === null && can(actor, 'pap.write', compartment.target),
    via: compartment.via,
    expiresAt: throughGrant && compartment.grant ? compartment.grant.expiresAt.toISOString() : null,
    canBreakGlass: !canRead && canBreakGlass(actor),
    canGrant: can(actor, 'sensitive.grant', compartment.target),
    grants: canRead ? await grantsOf(tx, compartment.participant.id) : [],
  };
}

/** The compartment of a participant who still has one: an anonymised participant's was erased (404). */
export async function liveCompartment(tx: Tx, actor: Actor, participantId: string, lock = false) {
  const compartment = await loadCompartment(tx, actor, participantId, lock);
  if (compartment.participant.anonymisedAt) throw notFound('Participant');
  return compartment;
}

export function readAccess(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) =>
    accessStateOf(tx, ctx.actor, await liveCompartment(tx, ctx.actor, participantId)),
  );
}
