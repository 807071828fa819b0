import type { ActionStatus, PlanAction, PlanOverview, PlanVersion } from '#shared/development-plans';

/**
 * What the portal shows of a POP, worked out from the overview (pure, tested in plan.test.ts).
 * An agreed version never changes: ticking off an action is stored beside it (actionProgress), and wins.
 */
export function liveStatus(action: PlanAction, progress: PlanOverview['actionProgress']): ActionStatus {
  return progress.find((p) => p.key === action.key)?.status ?? action.status;
}

export interface PortalAction extends PlanAction {
  /** The status as it is now. */
  live: ActionStatus;
  /** Only the participant's own actions can be ticked off, and only when the server says they may. */
  canTick: boolean;
}

export function actionsOf(overview: PlanOverview): { mine: PortalAction[]; others: PortalAction[] } {
  const actions = overview.current?.content.actions ?? [];
  const withStatus = actions.map((a) => ({
    ...a,
    live: liveStatus(a, overview.actionProgress),
    canTick: a.owner === 'participant' && overview.can.progress,
  }));
  return {
    mine: withStatus.filter((a) => a.owner === 'participant'),
    others: withStatus.filter((a) => a.owner !== 'participant'),
  };
}

/** My actions that are not done yet, soonest first: "what do I do now" on Mijn pad. */
export function openOwnActions(overview: PlanOverview): PortalAction[] {
  return actionsOf(overview)
    .mine.filter((a) => a.live !== 'done')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.what.localeCompare(b.what));
}

/** A draft that waits for my "ik ga akkoord": there is one, I may agree, and I did not yet for this draft. */
export function draftToAgree(overview: PlanOverview): PlanVersion | null {
  const draft = overview.draft;
  if (!draft || !overview.can.agree || draft.participantAgreedAt) return null;
  return draft;
}

/** An action of mine that is not done and whose date has passed (today itself is still on time). */
export const isOverdue = (action: Pick<PortalAction, 'live' | 'dueDate'>, today: string): boolean =>
  action.live !== 'done' && action.dueDate < today;

/** The next status when the participant ticks the box: done, or back to open when they untick it. */
export const toggled = (status: ActionStatus): ActionStatus => (status === 'done' ? 'open' : 'done');
