import type { MyFeedback } from '#shared/feedback';

type Facts = Pick<MyFeedback, 'nextDueOn' | 'conversations' | 'lastSelfAssessment'>;

/**
 * Did the participant fill in a self-assessment since their last feedback conversation? Dates have no time, so one
 * dated on the day of the last conversation counts unless it was talked through in that conversation (then it was
 * filled in for it). Without any conversation yet, any self-assessment counts: it is for the first one.
 */
export function selfAssessedSinceLastTalk(feedback: Omit<Facts, 'nextDueOn'>): boolean {
  const self = feedback.lastSelfAssessment;
  if (!self) return false;
  const lastHeldOn = feedback.conversations.reduce<string | null>(
    (newest, c) => (newest === null || c.heldOn > newest ? c.heldOn : newest),
    null,
  );
  if (lastHeldOn === null) return true;
  if (self.observedOn !== lastHeldOn) return self.observedOn > lastHeldOn;
  return !feedback.conversations.some(
    (c) => c.heldOn === lastHeldOn && c.reviewedObservations.some((o) => o.id === self.id),
  );
}

/** The portal asks for a self-assessment only for a planned conversation, and only when none was filled in since the last one. */
export const selfAssessmentDue = (feedback: Facts): boolean =>
  feedback.nextDueOn !== null && !selfAssessedSinceLastTalk(feedback);
