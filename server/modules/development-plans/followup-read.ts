import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ActionStatus,
  actionProgress,
  ComplianceSettings,
  goalNote,
  PlanTextSection,
  Proposal,
  presentation,
} from '#shared/development-plans';
import { queryRows, type Tx } from '../../db/client';
import {
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanSettings,
  user,
} from '../../db/schema';
import { DEFAULT_COMPLIANCE_SETTINGS } from './settings';

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
const iso = (at: string) => new Date(at).toISOString();
const isoOrNull = (at: string | null) => (at ? iso(at) : null);

interface ProposalPayload {
  what?: string;
  why?: string;
  dueDate?: string;
  goalKey?: string | null;
  section?: PlanTextSection;
  text?: string;
}

/** Timestamps arrive as JSON text (with the offset); the contract wants them in UTC. */
interface FollowUpRow {
  progress: {
    key: string;
    status: ActionStatus;
    updatedAt: string;
    updatedById: string | null;
    updatedByName: string | null;
  }[];
  notes: {
    id: string;
    goalKey: string;
    text: string;
    createdAt: string;
    authorId: string | null;
    authorName: string | null;
  }[];
  proposals: {
    id: string;
    kind: Proposal['kind'];
    payload: ProposalPayload;
    message: string;
    status: Proposal['status'];
    reply: string | null;
    createdAt: string;
    createdById: string | null;
    createdByName: string | null;
    resolvedAt: string | null;
    resolvedById: string | null;
    resolvedByName: string | null;
  }[];
  presentations: z.infer<typeof presentation>[];
  settings: ComplianceSettings | null;
}

/**
 * Four small index range reads in one statement: a POP read is a handful of round trips, and each one costs more
 * than these reads. The people's names come from the same organisation only. The organisation's compliance settings
 * (row-level security leaves its row, if it has one) ride along for the overview's compliance check.
 */
const followUpStatement = (participantId: string) => sql`
  select
    coalesce((select json_agg(json_build_object('key', ap.action_key, 'status', ap.status,
        'updatedAt', ap.updated_at, 'updatedById', ap.updated_by, 'updatedByName', u.name) order by ap.action_key)
      from ${developmentPlanActionProgress} ap
      left join ${user} u on u.id = ap.updated_by and u.organisation_id = ap.organisation_id
      where ap.participant_id = ${participantId}), '[]'::json) as progress,
    coalesce((select json_agg(json_build_object('id', gn.id, 'goalKey', gn.goal_key, 'text', gn.text,
        'createdAt', gn.created_at, 'authorId', gn.author_id, 'authorName', u.name)
        order by gn.created_at desc, gn.id desc)
      from ${developmentPlanGoalNotes} gn
      left join ${user} u on u.id = gn.author_id and u.organisation_id = gn.organisation_id
      where gn.participant_id = ${participantId}), '[]'::json) as notes,
    coalesce((select json_agg(json_build_object('id', pr.id, 'kind', pr.kind, 'payload', pr.payload,
        'message', pr.message, 'status', pr.status, 'reply', pr.reply, 'createdAt', pr.created_at,
        'createdById', pr.created_by, 'createdByName', c.name, 'resolvedAt', pr.resolved_at,
        'resolvedById', pr.resolved_by, 'resolvedByName', r.name) order by pr.created_at desc, pr.id desc)
      from ${developmentPlanProposals} pr
      left join ${user} c on c.id = pr.created_by and c.organisation_id = pr.organisation_id
      left join ${user} r on r.id = pr.resolved_by and r.organisation_id = pr.organisation_id
      where pr.participant_id = ${participantId}), '[]'::json) as proposals,
    coalesce((select json_agg(json_build_object('id', ps.id, 'presentedOn', ps.presented_on,
        'occasion', ps.occasion, 'versionNumber', ps.version_number)
        order by ps.presented_on desc, ps.created_at desc, ps.id desc)
      from ${developmentPlanPresentations} ps
      where ps.participant_id = ${participantId}), '[]'::json) as presentations,
    (select json_build_object('regime', s.regime, 'daysBeforeEvaluation', s.days_before_evaluation)
      from ${developmentPlanSettings} s limit 1) as settings`;

/** The follow-up, and the organisation's compliance settings (the defaults without a row of its own). */
export async function loadFollowUp(
  tx: Tx,
  participantId: string,
): Promise<{ followUp: FollowUp; settings: ComplianceSettings }> {
  const [row] = await queryRows<FollowUpRow>(tx, followUpStatement(participantId));
  if (!row) throw new Error('the follow-up statement answers one row');
  return { followUp: followUpOf(row), settings: row.settings ?? { ...DEFAULT_COMPLIANCE_SETTINGS } };
}

function followUpOf(row: FollowUpRow): FollowUp {
  return {
    actionProgress: row.progress.map((r) => ({
      key: r.key,
      status: r.status,
      updatedAt: iso(r.updatedAt),
      updatedBy: named(r.updatedById, r.updatedByName),
    })),
    goalNotes: row.notes.map((r) => ({
      id: r.id,
      goalKey: r.goalKey,
      text: r.text,
      createdAt: iso(r.createdAt),
      author: named(r.authorId, r.authorName),
    })),
    proposals: row.proposals.map((r) => {
      const p = r.payload;
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
        createdAt: iso(r.createdAt),
        createdBy: named(r.createdById, r.createdByName),
        resolvedAt: isoOrNull(r.resolvedAt),
        resolvedBy: named(r.resolvedById, r.resolvedByName),
      };
    }),
    presentations: row.presentations,
  };
}
