import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { careerEventCreateBody } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { careerEvents, participants, teams } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { assertListCode } from '../lists/service';
import { openForWrite } from './access';
import { loadDossier } from './dossier';
import { checkTimeline, type DerivedState, deriveState, problemMessages, type TimelineEvent } from './timeline';

async function timelineOf(tx: Tx, participantId: string): Promise<TimelineEvent[]> {
  return tx
    .select({ kind: careerEvents.kind, date: careerEvents.date, seq: careerEvents.seq, teamId: careerEvents.teamId })
    .from(careerEvents)
    .where(eq(careerEvents.participantId, participantId));
}

/** The cached columns (status, start_date, team_id) as deriveState gives them; team_id only when an event sets it. */
function derivedColumns(state: DerivedState): Partial<typeof participants.$inferInsert> {
  const changes: Partial<typeof participants.$inferInsert> = { status: state.status, startDate: state.startDate };
  if (state.teamId !== undefined) changes.teamId = state.teamId;
  return changes;
}

/**
 * Rewrites the cached columns from the stored timeline. With addCareerEvent, which derives them from the timeline
 * it has just checked, the only writers of those columns: both run in the transaction of the career-event write,
 * so the cache never disagrees with deriveState.
 */
export async function refreshDerived(tx: Tx, participantId: string) {
  const state = deriveState(await timelineOf(tx, participantId));
  await tx.update(participants).set(derivedColumns(state)).where(eq(participants.id, participantId));
  return state;
}

/** An active team of this organisation (row-level security hides every other), or a field error. */
export async function findTeam(tx: Tx, teamId: string, field = 'teamId') {
  const [team] = await tx
    .select({ id: teams.id, siteId: teams.siteId, archivedAt: teams.archivedAt })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw fieldError(field, 'unknown_reference');
  if (team.archivedAt) throw fieldError(field, 'archived');
  return team;
}

export function addCareerEvent(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof careerEventCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row, view } = await openForWrite(tx, ctx.actor, id, 'participant.update');
    const team = body.kind === 'team_change' && body.teamId ? await findTeam(tx, body.teamId) : undefined;
    if (team && team.id === row.teamId) throw fieldError('teamId', 'already_in_team');
    if (body.exitDestination) await assertListCode(tx, 'exit_destination', body.exitDestination, 'exitDestination');

    const existing = await timelineOf(tx, id);
    // Not stored yet: it sorts after every event already recorded on its day.
    const candidate: TimelineEvent = { kind: body.kind, date: body.date, seq: Number.MAX_SAFE_INTEGER };
    const problem = checkTimeline([...existing, candidate]);
    if (problem) {
      // Blame the date when the same event would be fine dated after everything else, else the kind.
      const last = [body.date, ...existing.map((e) => e.date)].sort().at(-1) ?? body.date;
      const fineAtEnd = last > body.date && !checkTimeline([...existing, { ...candidate, date: last }]);
      const field = problem.reason === 'before_intake' || problem.event !== candidate || fineAtEnd ? 'date' : 'kind';
      throw new AppError('validation_failed', problemMessages[problem.reason], { [field]: problem.reason });
    }

    const [event] = await tx
      .insert(careerEvents)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId: id,
        kind: body.kind,
        date: body.date,
        teamId: team?.id ?? null,
        toRole: body.toRole ?? null,
        exitDestination: body.exitDestination ?? null,
        note: body.note ?? null,
        recordedBy: ctx.actor.id,
      })
      .returning({ id: careerEvents.id, seq: careerEvents.seq });
    if (!event) throw notFound('Participant');
    // The timeline read above (under the row lock) plus the event just stored, with its real seq, is the whole
    // timeline: what refreshDerived would read back, without reading it back.
    const state = deriveState([
      ...existing,
      { kind: body.kind, date: body.date, seq: event.seq, teamId: team?.id ?? null },
    ]);
    const changes = derivedColumns(state);
    // The latest team change moves the participant to the team's site too.
    if (team && state.teamId === team.id) changes.siteId = team.siteId;
    await tx
      .update(participants)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(participants.id, id));
    const dossier = await loadDossier(tx, id, view);
    await recordAudit(tx, ctx, {
      action: 'participant.career_event_added',
      targetType: 'participant',
      targetId: id,
      details: { kind: body.kind, eventId: event?.id },
    });
    return dossier;
  });
}
