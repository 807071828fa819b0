import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RetentionOverview } from '#shared/privacy';
import { todayIso } from '#shared/today';
import type { Db, Tx } from '../../db/client';
import { careerEvents, participants, privacySettings } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { assertConfirmName, eraseParticipant, openForErasure } from './anonymise';

/** POST /participants/:id/privacy/anonymise: the admin erases one participant, confirming their full name. */
export function anonymiseParticipant(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: { reason: string; confirmName: string },
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const row = await openForErasure(tx, participantId);
    assertConfirmName(row, body.confirmName);
    return eraseParticipant(tx, ctx, row, body.reason);
  });
}

async function monthsAfterExit(tx: Tx) {
  const [row] = await tx.select().from(privacySettings);
  return row?.retentionMonthsAfterExit ?? null;
}

/**
 * Exited participants whose latest exit lies at least `months` before `today`, not erased yet. The status must still
 * be exited: someone who came back after an exit is in a trajectory again.
 */
async function dueParticipants(tx: Tx, months: number, today: string) {
  const exitDate = sql<string>`(select max(${careerEvents.date}) from ${careerEvents}
    where ${careerEvents.participantId} = ${participants.id} and ${careerEvents.kind} = 'exit')`;
  const dueSince = sql<string>`(${exitDate} + make_interval(months => ${months}))::date`;
  const rows = await tx
    .select({
      participantId: participants.id,
      firstName: participants.firstName,
      lastName: participants.lastName,
      exitDate: sql<string>`${exitDate}::text`,
      dueSince: sql<string>`${dueSince}::text`,
    })
    .from(participants)
    .where(
      and(eq(participants.status, 'exited'), isNull(participants.anonymisedAt), sql`${dueSince} <= ${today}::date`),
    )
    .orderBy(sql`${exitDate}`, participants.id);
  return rows.map((r) => ({
    participantId: r.participantId,
    name: `${r.firstName} ${r.lastName}`,
    exitDate: r.exitDate,
    dueSince: r.dueSince,
  }));
}

async function overview(tx: Tx, today: string): Promise<RetentionOverview> {
  const months = await monthsAfterExit(tx);
  return {
    settings: { monthsAfterExit: months },
    due: months === null ? [] : await dueParticipants(tx, months, today),
  };
}

export function getRetention(db: Db, ctx: RequestContext, today = todayIso()) {
  return withTenant(db, ctx.actor.organisationId, (tx) => overview(tx, today));
}

export function setRetention(
  db: Db,
  ctx: RequestContext,
  body: { monthsAfterExit: number | null },
  today = todayIso(),
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await tx
      .insert(privacySettings)
      .values({ organisationId: ctx.actor.organisationId, retentionMonthsAfterExit: body.monthsAfterExit })
      .onConflictDoUpdate({
        target: privacySettings.organisationId,
        set: { retentionMonthsAfterExit: body.monthsAfterExit, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: 'privacy.retention_updated',
      targetType: 'organisation',
      targetId: ctx.actor.organisationId,
      details: { monthsAfterExit: body.monthsAfterExit },
    });
    return overview(tx, today);
  });
}

/**
 * Erases every participant whose retention period has passed, each in a transaction of its own: a run that stops
 * halfway has erased some completely and the rest not at all, and the next run picks the rest up.
 */
export async function runRetention(db: Db, ctx: RequestContext, reason: string, today = todayIso()) {
  const due = await withTenant(db, ctx.actor.organisationId, async (tx) => {
    const months = await monthsAfterExit(tx);
    return months === null ? [] : (await dueParticipants(tx, months, today)).map((d) => ({ ...d, months }));
  });
  let anonymised = 0;
  for (const item of due) {
    try {
      await withTenant(db, ctx.actor.organisationId, async (tx) => {
        const row = await openForErasure(tx, item.participantId);
        await eraseParticipant(tx, ctx, row, reason, {
          retention: { monthsAfterExit: item.months, exitDate: item.exitDate },
        });
      });
      anonymised += 1;
    } catch (err) {
      // Erased meanwhile by someone else, or back in a trajectory: not due any more, not an error.
      if (err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found')) continue;
      throw err;
    }
  }
  return { anonymised };
}
