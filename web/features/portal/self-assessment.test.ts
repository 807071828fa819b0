import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackConversation, MyFeedback } from '#shared/feedback';
import { selfAssessedSinceLastTalk, selfAssessmentDue } from './self-assessment';

const SELF = '00000000-0000-4000-8000-000000000001';

const talk = (heldOn: string, reviewed: string[] = []): FeedbackConversation =>
  ({
    heldOn,
    reviewedObservations: reviewed.map((id) => ({ id, observedOn: heldOn, raterKind: 'self' })),
  }) as unknown as FeedbackConversation;

const feedback = (
  conversations: FeedbackConversation[],
  lastSelf: string | null,
  nextDueOn: string | null = '2026-07-01',
): Pick<MyFeedback, 'nextDueOn' | 'conversations' | 'lastSelfAssessment'> => ({
  nextDueOn,
  conversations,
  lastSelfAssessment: lastSelf ? { id: SELF, observedOn: lastSelf } : null,
});

describe('selfAssessmentDue', () => {
  it('asks nothing without a next conversation, whatever was filled in', () => {
    expect(selfAssessmentDue(feedback([], null, null))).toBe(false);
    expect(selfAssessmentDue(feedback([talk('2026-05-01')], '2026-04-01', null))).toBe(false);
  });

  it('asks when there was never a self-assessment', () => {
    expect(selfAssessmentDue(feedback([], null))).toBe(true);
    expect(selfAssessmentDue(feedback([talk('2026-05-01')], null))).toBe(true);
  });

  it('stops asking once one is filled in before the first conversation', () => {
    expect(selfAssessmentDue(feedback([], '2026-05-20'))).toBe(false);
  });

  it('asks again after a conversation, until a newer one is filled in', () => {
    const talks = [talk('2026-06-03'), talk('2026-05-06')];
    expect(selfAssessmentDue(feedback(talks, '2026-06-01'))).toBe(true);
    expect(selfAssessmentDue(feedback(talks, '2026-06-04'))).toBe(false);
  });

  it('on the day of the last conversation: done unless it was talked through in it', () => {
    expect(selfAssessmentDue(feedback([talk('2026-06-03')], '2026-06-03'))).toBe(false);
    expect(selfAssessmentDue(feedback([talk('2026-06-03', [SELF])], '2026-06-03'))).toBe(true);
  });

  it('looks at the newest conversation, in whatever order they come', () => {
    const talks = [talk('2026-04-01'), talk('2026-06-03'), talk('2026-05-06')];
    expect(selfAssessmentDue(feedback(talks, '2026-05-10'))).toBe(true);
    expect(selfAssessmentDue(feedback(talks, '2026-06-10'))).toBe(false);
  });

  it('knows a self-assessment since the last conversation without a next date too (the thanks on Mijn feedback)', () => {
    expect(selfAssessedSinceLastTalk(feedback([talk('2026-06-03')], '2026-06-05', null))).toBe(true);
    expect(selfAssessedSinceLastTalk(feedback([talk('2026-06-03')], '2026-05-05', null))).toBe(false);
    expect(selfAssessedSinceLastTalk(feedback([], null, null))).toBe(false);
  });

  it('property: due exactly when the self-assessment is missing or older than the newest conversation', () => {
    const day = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 6 }), fc.option(day, { nil: null }), (held, self) => {
        const due = selfAssessmentDue(
          feedback(
            held.map((h) => talk(h)),
            self,
          ),
        );
        const newest = [...held].sort().at(-1) ?? null;
        const expected = self === null || (newest !== null && self < newest);
        expect(due).toBe(expected);
      }),
    );
  });
});
