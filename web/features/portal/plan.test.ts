import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActionOwner,
  type ActionStatus,
  actionOwners,
  actionStatuses,
  type PlanAction,
  type PlanOverview,
  proposalCreateBody,
} from '#shared/development-plans';
import { actionsOf, draftToAgree, isOverdue, liveStatus, openOwnActions, toggled } from './plan';
import { type ProposalDraft, proposalBody } from './proposal-body';

const key = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const action = (i: number, owner: ActionOwner, status: ActionStatus, dueDate = '2025-06-30'): PlanAction => ({
  key: key(i),
  what: `Actie ${i}`,
  owner,
  ownerName: '',
  dueDate,
  status,
  goalKey: null,
});

function overview(actions: PlanAction[], progress: { key: string; status: ActionStatus }[], canProgress = true) {
  return {
    current: { content: { actions } },
    draft: null,
    actionProgress: progress.map((p) => ({ ...p, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: null })),
    can: { progress: canProgress, agree: true },
  } as unknown as PlanOverview;
}

const arbAction = fc
  .tuple(
    fc.constantFrom(...actionOwners),
    fc.constantFrom(...actionStatuses),
    fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
  )
  .map(([owner, status, d]) => ({ owner, status, dueDate: d.toISOString().slice(0, 10) }));

describe('the portal reads the POP', () => {
  it('the ticked-off status stored beside the agreed version wins over the agreed one', () => {
    expect(liveStatus(action(1, 'participant', 'open'), [{ key: key(1), status: 'done' } as never])).toBe('done');
    expect(liveStatus(action(1, 'participant', 'busy'), [])).toBe('busy');
  });

  it('only the participant’s own actions can be ticked off, and only when the server allows it', () => {
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 20 }), fc.boolean(), (specs, canProgress) => {
        const actions = specs.map((s, i) => action(i, s.owner, s.status, s.dueDate));
        const { mine, others } = actionsOf(overview(actions, [], canProgress));
        expect(mine.length + others.length).toBe(actions.length);
        for (const a of mine) expect(a.owner).toBe('participant');
        for (const a of others) expect(a.canTick).toBe(false);
        for (const a of mine) expect(a.canTick).toBe(canProgress);
      }),
    );
  });

  it('"what do I do now" lists my open actions only, soonest first', () => {
    fc.assert(
      fc.property(
        fc.array(arbAction, { maxLength: 20 }),
        fc.array(fc.constantFrom(...actionStatuses), { maxLength: 20 }),
        (specs, progressed) => {
          const actions = specs.map((s, i) => action(i, s.owner, s.status, s.dueDate));
          const progress = progressed.slice(0, actions.length).map((status, i) => ({ key: key(i), status }));
          const open = openOwnActions(overview(actions, progress));
          for (const a of open) {
            expect(a.owner).toBe('participant');
            expect(a.live).not.toBe('done');
          }
          const expected = actions.filter(
            (a) => a.owner === 'participant' && (progress.find((p) => p.key === a.key)?.status ?? a.status) !== 'done',
          );
          expect(open).toHaveLength(expected.length);
          for (let i = 1; i < open.length; i++)
            expect((open[i - 1]?.dueDate ?? '') <= (open[i]?.dueDate ?? '')).toBe(true);
        },
      ),
    );
  });

  it('an action is late only when it is not done and its date is before today', () => {
    const today = '2026-06-10';
    expect(isOverdue({ live: 'open', dueDate: '2026-06-09' }, today)).toBe(true);
    expect(isOverdue({ live: 'busy', dueDate: '2025-01-01' }, today)).toBe(true);
    // The day itself is still on time, and a finished action is never late.
    expect(isOverdue({ live: 'open', dueDate: today }, today)).toBe(false);
    expect(isOverdue({ live: 'done', dueDate: '2026-06-09' }, today)).toBe(false);
  });

  it('ticking twice gives back open', () => {
    for (const status of actionStatuses) expect(toggled(toggled(status))).toBe(status === 'done' ? 'done' : 'open');
  });

  it('asks to agree only with a draft I may agree with and did not yet', () => {
    const base = overview([], []);
    const draft = { number: 2, revision: 3, participantAgreedAt: null } as never;
    expect(draftToAgree({ ...base, draft })).toBe(draft);
    expect(
      draftToAgree({
        ...base,
        draft: { ...(draft as object), participantAgreedAt: '2025-01-01T00:00:00.000Z' },
      } as never),
    ).toBeNull();
    expect(draftToAgree({ ...base, draft, can: { ...base.can, agree: false } })).toBeNull();
    expect(draftToAgree(base)).toBeNull();
  });
});

describe('a proposal from the form', () => {
  const arbDraft = fc.record({
    kind: fc.constantFrom('goal', 'action', 'text') as fc.Arbitrary<ProposalDraft['kind']>,
    what: fc.string({ maxLength: 40 }),
    why: fc.string({ maxLength: 40 }),
    dueDate: fc.constantFrom('', '2025-06-30', '2025-02-30', 'morgen'),
    goalKey: fc.constantFrom('', key(7)),
    section: fc.constantFrom('summary', 'jobTarget', 'dreams', 'workModeReason', 'support') as fc.Arbitrary<
      ProposalDraft['section']
    >,
    text: fc.string({ maxLength: 40 }),
    message: fc.string({ maxLength: 40 }),
  });

  it('sends only the chosen kind’s fields (the contract is strict), and the contract accepts every filled-in form', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        const body = proposalBody(draft);
        expect(body.kind).toBe(draft.kind);
        const checked = proposalCreateBody.safeParse(body);
        const filled =
          draft.kind === 'text' ? draft.text.trim() !== '' : draft.what.trim() !== '' && draft.dueDate === '2025-06-30';
        expect(checked.success).toBe(filled);
        if (!checked.success) {
          // Never an unknown key: what is wrong is always a field the form shows.
          expect(checked.error.issues.every((i) => i.code !== 'unrecognized_keys')).toBe(true);
        }
      }),
    );
  });
});
