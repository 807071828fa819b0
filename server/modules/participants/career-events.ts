import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { careerEventCreateBody } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { careerEvents, participants, teams } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { assertListCode } from '../lists/service';
import { openForWrite } from './access';
import { loadDossier } from './dossier';
import { checkTimeline, deriveState, problemMessages, type TimelineEvent } from './timeline';

async function timelineOf(tx: Tx, participantId: string): Promise<TimelineEvent[]> {
  return tx
    .select({ kind: careerEvents.kind, date: careerEvents.date, seq: careerEvents.seq, teamId: careerEvents.teamId })
    .from(careerEvents)
    .where(eq(careerEvents.participantId, participantId));
}

/**
 * Rewrites the cached columns (status, start_date, team_id) from the timeline. The only writer of those columns:
 * called in the same transaction as every career-event write, so the cache never disagrees with deriveState.
 */
export async function refreshDerived(tx: Tx, participantId: string) {
  const state = deriveState(await timelineOf(tx, participantId));
  const changes: Partial<typeof participants.$inferInsert> = { status: state.status, startDate: state.startDate };
  if (state.teamId !== undefined) changes.teamId = state.teamId;
  await tx.update(participants).set(changes).where(eq(participants.id, participantId));
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
      .returning({ id: careerEvents.id });
    const state = await refreshDerived(tx, id);
    // The latest team change moves the participant to the team's site too.
    const changes: Partial<typeof participants.$inferInsert> = { updatedAt: new Date() };
    if (team && state.teamId === team.id) changes.siteId = team.siteId;
    await tx.update(participants).set(changes).where(eq(participants.id, id));
    await recordAudit(tx, ctx, {
      action: 'participant.career_event_added',
      targetType: 'participant',
      targetId: id,
      details: { kind: body.kind, eventId: event?.id },
    });
    return loadDossier(tx, id, view);
  });
}
