import { type Column, eq, getTableName, sql } from 'drizzle-orm';
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
 * A column with its table's name. Drizzle leaves columns unqualified in a select without joins, and inside these
 * subqueries "team_id" would then silently mean team_supervisors.team_id instead of the participant's.
 */
const col = (column: Column) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/**
 * Loads a dossier and the actor's relation to it (coaches, supervisors of its team, linked login) in one statement,
 * then asks the policy. A dossier the actor may not even read answers 404, so its existence is not revealed; the
 * role check of the route has already answered 403 to roles that may never do the action.
 */
export async function resolveAccess(tx: Tx, actor: Actor, id: string, lock = false): Promise<Access> {
  const query = tx
    .select({
      row: participants,
      coachIds: sql<string[]>`array(select ${col(participantCoaches.userId)} from ${participantCoaches}
        where ${col(participantCoaches.participantId)} = ${col(participants.id)})`,
      // A dossier without a team has no supervisors: team_id = null matches nothing.
      teamSupervisorIds: sql<string[]>`array(select ${col(teamSupervisors.userId)} from ${teamSupervisors}
        where ${col(teamSupervisors.teamId)} = ${col(participants.teamId)})`,
    })
    .from(participants)
    .where(eq(participants.id, id));
  // FOR UPDATE locks the participant row only: the subqueries are not part of FROM.
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw notFound('Participant');
  const { row, coachIds, teamSupervisorIds } = found;
  const target: Target = { userId: row.userId, coachIds, teamSupervisorIds };
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
