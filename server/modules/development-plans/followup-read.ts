import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { actionProgress, goalNote, PlanTextSection, Proposal, presentation } from '#shared/development-plans';
import type { Tx } from '../../db/client';
import {
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  user,
} from '../../db/schema';

/**
 * The follow-up of a participant's POP, stored beside the agreed version: the statuses of actions, the notes on
 * goals, the proposals and the dates it was presented. Names of the people involved are resolved here. Who may read
 * it is decided by the caller (the overview); this file knows the rows.
 */

export interface FollowUp {
  actionProgress: z.infer<typeof actionProgress>[];
  goalNotes: z.infer<typeof goalNote>[];
  proposals: Proposal[];
  presentations: z.infer<typeof presentation>[];
}

type Named = { id: string; name: string } | null;
const named = (id: string | null, name: string | null): Named => (id && name !== null ? { id, name } : null);

const updater = aliasedTable(user, 'updater');
const author = aliasedTable(user, 'author');
const proposer = aliasedTable(user, 'proposer');
const resolver = aliasedTable(user, 'resolver');

interface ProposalPayload {
  what?: string;
  why?: string;
  dueDate?: string;
  goalKey?: string | null;
  section?: PlanTextSection;
  text?: string;
}

export async function loadFollowUp(tx: Tx, participantId: string): Promise<FollowUp> {
  const ap = developmentPlanActionProgress;
  const gn = developmentPlanGoalNotes;
  const pr = developmentPlanProposals;
  const ps = developmentPlanPresentations;
  // Four small index range reads; sequential on purpose (one connection per transaction).
  const progressRows = await tx
    .select({
      key: ap.actionKey,
      status: ap.status,
      updatedAt: ap.updatedAt,
      updatedById: ap.updatedBy,
      updatedByName: updater.name,
    })
    .from(ap)
    .leftJoin(updater, and(eq(updater.id, ap.updatedBy), eq(updater.organisationId, ap.organisationId)))
    .where(eq(ap.participantId, participantId))
    .orderBy(ap.actionKey);
  const noteRows = await tx
    .select({
      id: gn.id,
      goalKey: gn.goalKey,
      text: gn.text,
      createdAt: gn.createdAt,
      authorId: gn.authorId,
      authorName: author.name,
    })
    .from(gn)
    .leftJoin(author, and(eq(author.id, gn.authorId), eq(author.organisationId, gn.organisationId)))
    .where(eq(gn.participantId, participantId))
    .orderBy(desc(gn.createdAt), desc(gn.id));
  const proposalRows = await tx
    .select({
      id: pr.id,
      kind: pr.kind,
      payload: pr.payload,
      message: pr.message,
      status: pr.status,
      reply: pr.reply,
      createdAt: pr.createdAt,
      createdById: pr.createdBy,
      createdByName: proposer.name,
      resolvedAt: pr.resolvedAt,
      resolvedById: pr.resolvedBy,
      resolvedByName: resolver.name,
    })
    .from(pr)
    .leftJoin(proposer, and(eq(proposer.id, pr.createdBy), eq(proposer.organisationId, pr.organisationId)))
    .leftJoin(resolver, and(eq(resolver.id, pr.resolvedBy), eq(resolver.organisationId, pr.organisationId)))
    .where(eq(pr.participantId, participantId))
    .orderBy(desc(pr.createdAt), desc(pr.id));
  const presentationRows = await tx
    .select({ id: ps.id, presentedOn: ps.presentedOn, occasion: ps.occasion, versionNumber: ps.versionNumber })
    .from(ps)
    .where(eq(ps.participantId, participantId))
    .orderBy(desc(ps.presentedOn), desc(ps.createdAt), desc(ps.id));

  return {
    actionProgress: progressRows.map((r) => ({
      key: r.key,
      status: r.status,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: named(r.updatedById, r.updatedByName),
    })),
    goalNotes: noteRows.map((r) => ({
      id: r.id,
      goalKey: r.goalKey,
      text: r.text,
      createdAt: r.createdAt.toISOString(),
      author: named(r.authorId, r.authorName),
    })),
    proposals: proposalRows.map((r) => {
      const p = r.payload as ProposalPayload;
      return {
        id: r.id,
        kind: r.kind,
        what: p.what ?? null,
        why: p.why ?? null,
        dueDate: p.dueDate ?? null,
        goalKey: p.goalKey ?? null,
        section: p.section ?? null,
        text: p.text ?? null,
        message: r.message,
        status: r.status,
        reply: r.reply,
        createdAt: r.createdAt.toISOString(),
        createdBy: named(r.createdById, r.createdByName),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        resolvedBy: named(r.resolvedById, r.resolvedByName),
      };
    }),
    presentations: presentationRows,
  };
}
