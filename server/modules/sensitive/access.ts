import { and, type Column, eq, getTableName, gt, isNull, sql } from 'drizzle-orm';
import type { GrantKind, SensitiveVia } from '#shared/sensitive';
import type { Tx } from '../../db/client';
import { participantCoaches, participants, sensitiveAccessGrants } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Action, type Actor, can, rules, type Target } from '../../policy';
import { type AuditEvent, type RequestContext, recordAudit } from '../audit/record';
import type { ParticipantRow } from '../participants/access';

/**
 * The one door to a participant's sensitive compartment (shared/sensitive.ts). Every service of the PAP and the
 * instruments opens the compartment here, and records what it read or wrote with auditSensitive, so the audit log
 * keeps why each access was allowed.
 */

export type CompartmentAction = Extract<Action, 'pap.read' | 'pap.write' | 'instrument.read' | 'instrument.write'>;

/** The actor's active grant to this participant, if any (the latest-ending one). */
export interface ActiveGrant {
  id: string;
  kind: GrantKind;
  reason: string;
  expiresAt: Date;
}

export interface Compartment {
  participant: ParticipantRow;
  /** Relations for the policy, with sensitivity 'sensitive'. */
  target: Target;
  coachIds: string[];
  grant: ActiveGrant | null;
  /** How the actor reaches it; null when they do not. */
  via: SensitiveVia | null;
}

const col = (column: Column) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/**
 * Loads the participant, their coaches and the actor's active grant, without asking the dossier policy: a coach of
 * another caseload or an admin may reach the compartment through a grant without reaching the whole dossier.
 */
export async function loadCompartment(tx: Tx, actor: Actor, participantId: string, lock = false): Promise<Compartment> {
  const query = tx
    .select({
      row: participants,
      coachIds: sql<string[]>`array(select ${col(participantCoaches.userId)} from ${participantCoaches}
        where ${col(participantCoaches.participantId)} = ${col(participants.id)})`,
    })
    .from(participants)
    .where(eq(participants.id, participantId));
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw notFound('Participant');
  const [grant] = await tx
    .select({
      id: sensitiveAccessGrants.id,
      kind: sensitiveAccessGrants.kind,
      reason: sensitiveAccessGrants.reason,
      expiresAt: sensitiveAccessGrants.expiresAt,
    })
    .from(sensitiveAccessGrants)
    .where(
      and(
        eq(sensitiveAccessGrants.participantId, participantId),
        eq(sensitiveAccessGrants.userId, actor.id),
        isNull(sensitiveAccessGrants.revokedAt),
        gt(sensitiveAccessGrants.expiresAt, sql`now()`),
        sql`${sensitiveAccessGrants.startsAt} <= now()`,
      ),
    )
    .orderBy(sql`${sensitiveAccessGrants.expiresAt} desc`)
    .limit(1);
  const target: Target = {
    userId: found.row.userId,
    coachIds: found.coachIds,
    grantedUserIds: grant ? [actor.id] : [],
    sensitivity: 'sensitive',
  };
  return {
    participant: found.row,
    target,
    coachIds: found.coachIds,
    grant: grant ?? null,
    via: viaOf(actor, target, grant),
  };
}

function viaOf(actor: Actor, target: Target, grant: ActiveGrant | undefined): SensitiveVia | null {
  if (!can(actor, 'pap.read', target) && !(actor.role === 'participant' && target.userId === actor.id)) return null;
  if (target.userId === actor.id) return 'self';
  if (target.coachIds?.includes(actor.id)) return 'caseload';
  if (grant) return grant.kind === 'break_glass' ? 'break_glass' : 'granted';
  return null;
}

/** Roles that may ask for break-the-glass access (and so get break_glass_required instead of forbidden). */
export const canBreakGlass = (actor: Actor) =>
  (rules['sensitive.breakGlass'].roles as readonly string[]).includes(actor.role);

/**
 * Opens the compartment for a staff action or refuses it: 404 when the participant does not exist, 403
 * break_glass_required for a coach or admin without access (they may state a reason), 403 forbidden for the rest.
 * An anonymised participant has no compartment left: 404.
 */
export async function openCompartment(
  tx: Tx,
  actor: Actor,
  participantId: string,
  action: CompartmentAction,
  lock = false,
): Promise<Compartment> {
  const compartment = await loadCompartment(tx, actor, participantId, lock);
  if (compartment.participant.anonymisedAt) throw notFound('Participant');
  if (!can(actor, action, compartment.target)) {
    if (canBreakGlass(actor) && actor.role !== 'participant') {
      throw new AppError(
        'break_glass_required',
        'This is the sensitive compartment: you need a grant, or state a reason to open it (break the glass)',
      );
    }
    throw forbidden();
  }
  return compartment;
}

/** Why an access was allowed, as the audit log keeps it: the grant's reason, or the relation. */
export function reasonOf(compartment: Compartment): string | undefined {
  return compartment.grant && compartment.via !== 'caseload' ? compartment.grant.reason : undefined;
}

/**
 * Records a read or write of the compartment: the action, what it concerned, how the actor reached it and why.
 * details must never hold a sensitive value (field names, counts and ids only).
 */
export function auditSensitive(tx: Tx, ctx: RequestContext, compartment: Compartment, event: AuditEvent) {
  return recordAudit(tx, ctx, {
    ...event,
    reason: event.reason ?? reasonOf(compartment),
    details: { ...event.details, participantId: compartment.participant.id, via: compartment.via },
  });
}
