import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { participantCoaches, participants, teamSupervisors } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Action, type Actor, can, type Target } from '../../policy';

export type ParticipantRow = typeof participants.$inferSelect;

export interface Access {
  row: ParticipantRow;
  target: Target;
  view: 'full' | 'summary';
}

/**
 * Loads a dossier and the actor's relation to it (coaches, supervisors of its team, linked login), then asks the
 * policy. A dossier the actor may not even read answers 404, so its existence is not revealed; the role check of
 * the route has already answered 403 to roles that may never do the action.
 */
export async function resolveAccess(tx: Tx, actor: Actor, id: string, lock = false): Promise<Access> {
  const query = tx.select().from(participants).where(eq(participants.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Participant');
  const coaches = await tx
    .select({ userId: participantCoaches.userId })
    .from(participantCoaches)
    .where(eq(participantCoaches.participantId, id));
  const supervisors = row.teamId
    ? await tx
        .select({ userId: teamSupervisors.userId })
        .from(teamSupervisors)
        .where(eq(teamSupervisors.teamId, row.teamId))
    : [];
  const target: Target = {
    userId: row.userId,
    coachIds: coaches.map((c) => c.userId),
    teamSupervisorIds: supervisors.map((s) => s.userId),
  };
  if (!can(actor, 'participant.read', target)) throw notFound('Participant');
  return { row, target, view: can(actor, 'participant.readConfidential', target) ? 'full' : 'summary' };
}

/**
 * For a write: the row is locked (FOR UPDATE) so concurrent writes to one dossier, such as two career events,
 * are validated one after the other. An archived dossier is read-only: 409.
 */
export async function openForWrite(
  tx: Tx,
  actor: Actor,
  id: string,
  action: Extract<
    Action,
    'participant.update' | 'participant.archive' | 'participant.unarchive' | 'participant.account'
  >,
): Promise<Access> {
  const access = await resolveAccess(tx, actor, id, true);
  if (!can(actor, action, access.target)) throw forbidden();
  if (access.row.archivedAt && action !== 'participant.unarchive') {
    throw new AppError('conflict', 'This dossier is archived and read-only');
  }
  return access;
}
