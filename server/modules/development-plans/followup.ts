import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type actionStatusBody,
  type goalNoteBody,
  type PlanContent,
  type PlanOverview,
  type ProposalCreateBody,
  planContent,
  type presentationCreateBody,
  type proposalResolveBody,
} from '#shared/development-plans';
import { todayIso } from '#shared/participants';
import { type Db, queryRows, type Tx } from '../../db/client';
import {
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanVersions,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors';
import { type Action, can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { resolveAccess } from '../participants/access';
import { planOverviewIn } from './overview';
import { changedSections, contentOf, ensureDraft, writeDraftContent } from './versions';

/**
 * Following the agreed POP up: statuses of its actions, notes on its goals, the participant's proposals (which the
 * coach accepts into the draft or answers), the dates it was presented. None of these changes an agreed version.
 * Every write locks the dossier, is audited in its transaction and answers the POP overview.
 */

type FollowUpAction = Extract<Action, 'pop.progress' | 'pop.propose' | 'pop.resolveProposal' | 'pop.present'>;

/** Out of reach 404; in reach but not allowed 403; an archived dossier is read-only (409). The dossier row is locked. */
async function openFollowUp(tx: Tx, ctx: RequestContext, participantId: string, action: FollowUpAction) {
  const access = await resolveAccess(tx, ctx.actor, participantId, true);
  if (!can(ctx.actor, 'pop.read', access.target)) throw notFound('Participant');
  if (!can(ctx.actor, action, access.target)) throw forbidden();
  if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
  return access;
}

interface PlanRow {
  number: number;
  status: 'draft' | 'agreed';
  revision: number;
  content: PlanContent;
}

/** The agreed version in force and the open draft (contents of those two only; never the history). */
async function loadOpenVersions(tx: Tx, participantId: string) {
  const rows = await queryRows<PlanRow>(
    tx,
    sql`select number, status, revision, content from ${developmentPlanVersions}
        where participant_id = ${participantId} and status in ('draft', 'agreed')`,
  );
  const pick = (status: PlanRow['status']) => {
    const row = rows.find((r) => r.status === status);
    return row ? { ...row, content: contentOf(row.content) } : null;
  };
  return { agreed: pick('agreed'), draft: pick('draft') };
}

async function agreedVersion(tx: Tx, participantId: string, missing: () => AppError) {
  const { agreed } = await loadOpenVersions(tx, participantId);
  if (!agreed) throw missing();
  return agreed;
}

const target = (participantId: string) => ({ targetType: 'participant', targetId: participantId });

/**
 * PUT /participants/:id/pop/actions/:key: the status of an action of the agreed version in force. A participant
 * ticks off only their own actions (owner participant); their coaches and the team's supervisor any.
 */
export function setActionStatus(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  key: string,
  body: z.infer<typeof actionStatusBody>,
): Promise<PlanOverview> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openFollowUp(tx, ctx, participantId, 'pop.progress');
    const agreed = await agreedVersion(tx, participantId, () => notFound('Action'));
    const action = agreed.content.actions.find((a) => a.key === key);
    if (!action) throw notFound('Action');
    if (ctx.actor.role === 'participant' && action.owner !== 'participant') {
      throw new AppError('forbidden', 'You can only tick off your own actions', { key: 'not_own_action' });
    }
    const ap = developmentPlanActionProgress;
    const [before] = await tx
      .select({ status: ap.status })
      .from(ap)
      .where(and(eq(ap.participantId, participantId), eq(ap.actionKey, key)));
    await tx
      .insert(ap)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        actionKey: key,
        status: body.status,
        updatedBy: ctx.actor.id,
      })
      .onConflictDoUpdate({
        target: [ap.organisationId, ap.participantId, ap.actionKey],
        set: { status: body.status, updatedBy: ctx.actor.id, updatedAt: sql`now()` },
      });
    await recordAudit(tx, ctx, {
      action: 'pop.action_status',
      ...target(participantId),
      details: { version: agreed.number, key, from: before?.status ?? action.status, to: body.status },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

/** POST /participants/:id/pop/goals/:key/notes: a note on a goal of the agreed version in force. */
export function addGoalNote(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  key: string,
  body: z.infer<typeof goalNoteBody>,
): Promise<PlanOverview> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openFollowUp(tx, ctx, participantId, 'pop.progress');
    const agreed = await agreedVersion(tx, participantId, () => notFound('Goal'));
    if (!agreed.content.goals.some((g) => g.key === key)) throw notFound('Goal');
    const [note] = await tx
      .insert(developmentPlanGoalNotes)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        goalKey: key,
        text: body.text,
        authorId: ctx.actor.id,
      })
      .returning({ id: developmentPlanGoalNotes.id });
    // The words stay out of the log: they are the participant's.
    await recordAudit(tx, ctx, {
      action: 'pop.goal_note',
      ...target(participantId),
      details: { version: agreed.number, goalKey: key, noteId: note?.id },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

/**
 * POST /participants/:id/pop/proposals: the participant proposes a new goal, a new action (maybe for one of the
 * goals of the agreed plan or the draft) or new words for one part of the plan. Stored open, for the coach.
 */
export function createProposal(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: ProposalCreateBody,
): Promise<PlanOverview> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openFollowUp(tx, ctx, participantId, 'pop.propose');
    const { kind, message, ...payload } = body;
    if (body.kind === 'action' && body.goalKey) {
      const { agreed, draft } = await loadOpenVersions(tx, participantId);
      const goals = [...(agreed?.content.goals ?? []), ...(draft?.content.goals ?? [])];
      if (!goals.some((g) => g.key === body.goalKey)) throw fieldError('goalKey', 'unknown_goal');
    }
    const [created] = await tx
      .insert(developmentPlanProposals)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        kind,
        payload,
        message,
        createdBy: ctx.actor.id,
      })
      .returning({ id: developmentPlanProposals.id });
    await recordAudit(tx, ctx, {
      action: 'pop.proposal_created',
      ...target(participantId),
      details: { proposalId: created?.id, kind, ...(body.kind === 'text' ? { section: body.section } : {}) },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

interface StoredProposal {
  id: string;
  kind: ProposalCreateBody['kind'];
  payload: Record<string, unknown>;
  status: 'open' | 'accepted' | 'discussed';
}

/** The plan with the proposal applied: a new goal, a new action of the participant, or new words for one section. */
function applyProposal(content: PlanContent, p: StoredProposal): PlanContent {
  const payload = p.payload as Partial<{
    what: string;
    why: string;
    dueDate: string;
    goalKey: string | null;
    section: 'summary' | 'jobTarget' | 'dreams' | 'workModeReason' | 'support';
    text: string;
  }>;
  if (p.kind === 'goal') {
    const goal = {
      key: randomUUID(),
      what: payload.what ?? '',
      evidence: '',
      why: payload.why ?? '',
      dueDate: payload.dueDate ?? '',
      competencyKeys: [],
      skillIds: [],
    };
    return { ...content, goals: [...content.goals, goal] };
  }
  if (p.kind === 'action') {
    // The goal may have left the draft since the proposal: the action then stands on its own.
    const goalKey = payload.goalKey && content.goals.some((g) => g.key === payload.goalKey) ? payload.goalKey : null;
    const action = {
      key: randomUUID(),
      what: payload.what ?? '',
      owner: 'participant' as const,
      ownerName: '',
      dueDate: payload.dueDate ?? '',
      status: 'open' as const,
      goalKey,
    };
    return { ...content, actions: [...content.actions, action] };
  }
  if (!payload.section) return content;
  return { ...content, [payload.section]: payload.text ?? '' };
}

/**
 * POST /participants/:id/pop/proposals/:proposalId/resolve: a coach of the caseload accepts an open proposal (it goes
 * into the draft, started if none is open, as a save: revision + 1 and both confirmations cleared) or answers that
 * it needs a conversation first. A proposal already resolved: 409.
 */
export function resolveProposal(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  proposalId: string,
  body: z.infer<typeof proposalResolveBody>,
): Promise<PlanOverview> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openFollowUp(tx, ctx, participantId, 'pop.resolveProposal');
    const pr = developmentPlanProposals;
    const [proposal] = await tx
      .select({ id: pr.id, kind: pr.kind, payload: pr.payload, status: pr.status })
      .from(pr)
      .where(and(eq(pr.id, proposalId), eq(pr.participantId, participantId)))
      .for('update');
    if (!proposal) throw notFound('Proposal');
    if (proposal.status !== 'open') throw new AppError('conflict', 'This proposal has already been answered');

    let draftNumber: number | null = null;
    if (body.decision === 'accept') {
      const draft = await ensureDraft(tx, ctx, participantId);
      const parsed = planContent.safeParse(applyProposal(draft.content, proposal));
      if (!parsed.success) {
        throw new AppError('conflict', 'The draft cannot take this proposal (it is full). Talk about it first.');
      }
      await writeDraftContent(tx, ctx, participantId, draft, parsed.data);
      await recordAudit(tx, ctx, {
        action: 'pop.draft_saved',
        ...target(participantId),
        details: {
          number: draft.number,
          revision: draft.revision + 1,
          fields: changedSections(draft.content, parsed.data),
          proposalId,
        },
      });
      draftNumber = draft.number;
    }
    await tx
      .update(pr)
      .set({
        status: body.decision === 'accept' ? 'accepted' : 'discussed',
        reply: body.reply || null,
        resolvedBy: ctx.actor.id,
        resolvedAt: sql`now()`,
      })
      .where(eq(pr.id, proposalId));
    await recordAudit(tx, ctx, {
      action: 'pop.proposal_resolved',
      ...target(participantId),
      details: { proposalId, kind: proposal.kind, decision: body.decision, draft: draftNumber },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

/**
 * POST /participants/:id/pop/presentations: the participant presented the agreed version in force at a team
 * meeting or the closing event, on a day not in the future. Without an agreed version: 409.
 */
export function addPresentation(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof presentationCreateBody>,
  today = todayIso(),
): Promise<PlanOverview> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openFollowUp(tx, ctx, participantId, 'pop.present');
    if (body.presentedOn > today) throw fieldError('presentedOn', 'Cannot be in the future');
    const agreed = await agreedVersion(
      tx,
      participantId,
      () => new AppError('conflict', 'There is no agreed POP yet to present'),
    );
    const [created] = await tx
      .insert(developmentPlanPresentations)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        versionNumber: agreed.number,
        presentedOn: body.presentedOn,
        occasion: body.occasion,
        createdBy: ctx.actor.id,
      })
      .returning({ id: developmentPlanPresentations.id });
    await recordAudit(tx, ctx, {
      action: 'pop.presentation_added',
      ...target(participantId),
      details: { presentationId: created?.id, version: agreed.number, ...body },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

/** DELETE /participants/:id/pop/presentations/:presentationId. */
export function removePresentation(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  presentationId: string,
): Promise<void> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await openFollowUp(tx, ctx, participantId, 'pop.present');
    const ps = developmentPlanPresentations;
    const [removed] = await tx
      .delete(ps)
      .where(and(eq(ps.id, presentationId), eq(ps.participantId, participantId)))
      .returning({ version: ps.versionNumber, presentedOn: ps.presentedOn, occasion: ps.occasion });
    if (!removed) throw notFound('Presentation');
    await recordAudit(tx, ctx, {
      action: 'pop.presentation_removed',
      ...target(participantId),
      details: { presentationId, ...removed },
    });
  });
}
