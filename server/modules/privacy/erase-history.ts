import { and, type Column, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  account,
  careerEvents,
  consents,
  developmentPlanGoalNotes,
  indications,
  observations,
  ratings,
  skillLevels,
} from '../../db/schema';

/**
 * The part of an erasure that touches history: career events, indications, observations and ratings, skill levels,
 * goal notes and consents are otherwise insert-only for the app. Migration 0020 grants the app role exactly this:
 * clearing their note column and deleting consents, goal notes and the login's account row, so erasure still runs
 * as the tenant role under row-level security like every other request.
 */
export async function eraseHistoryText(
  tx: Tx,
  organisationId: string,
  participantId: string,
  loginId: string | null,
): Promise<void> {
  const of = (table: { organisationId: Column; participantId: Column }) =>
    and(eq(table.organisationId, organisationId), eq(table.participantId, participantId));
  // Free text only: dates, kinds, scores and levels stay for the statistics.
  await tx.update(careerEvents).set({ note: null }).where(of(careerEvents));
  await tx.update(indications).set({ note: null }).where(of(indications));
  await tx.update(observations).set({ note: null }).where(of(observations));
  await tx.update(ratings).set({ note: null }).where(of(ratings));
  await tx.update(skillLevels).set({ note: null }).where(of(skillLevels));
  await tx.delete(developmentPlanGoalNotes).where(of(developmentPlanGoalNotes));
  await tx.delete(consents).where(of(consents));
  if (loginId) {
    await tx.delete(account).where(and(eq(account.organisationId, organisationId), eq(account.userId, loginId)));
  }
}
