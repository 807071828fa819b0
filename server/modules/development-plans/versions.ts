import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  type agreeBody,
  type draftSaveBody,
  type PlanContent,
  type PlanEvidence,
  type PlanVersion,
  planContent,
} from '#shared/development-plans';
import { type Db, queryRows, type Tx } from '../../db/client';
import { developmentPlanActionProgress, developmentPlanVersions, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Action, can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { defaultFrameworkId } from '../competency-profile/framework';
import { type Access, resolveAccess } from '../participants/access';
import { liveEvidence, referencedBy } from './evidence';
import { planOverviewIn } from './overview';

/**
 * POP versions: one draft at a time, edited by the participant and their coaches with a revision check (a save
 * based on an older revision is refused with the draft as it is now); agreed once both confirmed the same revision,
 * which freezes the evidence and supersedes the previous agreed version. Agreed and superseded versions never change.
 */

const createdByUser = alias(user, 'pop_created_by');
const updatedByUser = alias(user, 'pop_updated_by');
const coachUser = alias(user, 'pop_coach_agreed_by');
const v = developmentPlanVersions;

export interface StoredVersion {
  id: string;
  number: number;
  status: PlanVersion['status'];
  revision: number;
  /** Null when the list was read without the contents of superseded versions. */
  content: PlanContent | null;
  evidence: PlanEvidence | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
  participantAgreedAt: Date | null;
  coachAgreedAt: Date | null;
  coachAgreedBy: { id: string; name: string } | null;
  agreedAt: Date | null;
}

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/**
 * The versions of one participant, newest first (or one of them). Contents and evidence of superseded versions are
 * only read when asked for: the overview needs the draft and the agreed version in force, not the history.
 */
export async function loadVersions(
  tx: Tx,
  participantId: string,
  options: { number?: number; history?: boolean; lock?: boolean } = {},
): Promise<StoredVersion[]> {
  const withContent = options.history || options.number !== undefined;
  const query = tx
    .select({
      id: v.id,
      number: v.number,
      status: v.status,
      revision: v.revision,
      content: withContent
        ? v.content
        : sql<PlanContent | null>`case when ${v.status} <> 'superseded' then ${v.content} end`,
      evidence: withContent
        ? v.evidence
        : sql<PlanEvidence | null>`case when ${v.status} <> 'superseded' then ${v.evidence} end`,
      createdAt: v.createdAt,
      createdById: v.createdBy,
      createdByName: createdByUser.name,
      updatedAt: v.updatedAt,
      updatedById: v.updatedBy,
      updatedByName: updatedByUser.name,
      participantAgreedAt: v.participantAgreedAt,
      coachAgreedAt: v.coachAgreedAt,
      coachAgreedById: v.coachAgreedBy,
      coachAgreedByName: coachUser.name,
      agreedAt: v.agreedAt,
    })
    .from(v)
    .leftJoin(createdByUser, eq(createdByUser.id, v.createdBy))
    .leftJoin(updatedByUser, eq(updatedByUser.id, v.updatedBy))
    .leftJoin(coachUser, eq(coachUser.id, v.coachAgreedBy))
    .where(
      options.number === undefined
        ? eq(v.participantId, participantId)
        : and(eq(v.participantId, participantId), eq(v.number, options.number)),
    )
    .orderBy(desc(v.number));
  const rows = options.lock ? await query.for('update', { of: v }) : await query;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    revision: r.revision,
    content: r.content,
    evidence: r.evidence,
    createdAt: r.createdAt,
    createdBy: named(r.createdById, r.createdByName),
    updatedAt: r.updatedAt,
    updatedBy: named(r.updatedById, r.updatedByName),
    participantAgreedAt: r.participantAgreedAt,
    coachAgreedAt: r.coachAgreedAt,
    coachAgreedBy: named(r.coachAgreedById, r.coachAgreedByName),
    agreedAt: r.agreedAt,
  }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Stored content, read through the contract: older rows get the defaults of fields added later. */
export const contentOf = (stored: PlanContent | null): PlanContent => planContent.parse(stored ?? {});

export function toPlanVersion(row: StoredVersion, evidence: PlanEvidence): PlanVersion {
  return {
    number: row.number,
    status: row.status,
    revision: row.revision,
    content: contentOf(row.content),
    evidence,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    participantAgreedAt: iso(row.participantAgreedAt),
    coachAgreedAt: iso(row.coachAgreedAt),
    coachAgreedBy: row.coachAgreedBy,
    agreedAt: iso(row.agreedAt),
  };
}

/** A version as the contract shows it: frozen evidence once agreed, live evidence for a draft. */
export async function versionWithEvidence(tx: Tx, access: Access, row: StoredVersion): Promise<PlanVersion> {
  const evidence =
    row.status !== 'draft' && row.evidence
      ? row.evidence
      : await liveEvidence(tx, { id: access.row.id, teamId: access.row.teamId }, contentOf(row.content));
  return toPlanVersion(row, evidence);
}

/** The empty plan: every field at its default. */
export const emptyContent = (): PlanContent => planContent.parse({});

/** The agreed content with the statuses of its actions as they were followed up since. */
export function withProgress(content: PlanContent, progress: readonly { actionKey: string; status: string }[]) {
  const statusOf = new Map(progress.map((p) => [p.actionKey, p.status]));
  return {
    ...content,
    actions: content.actions.map((a) => {
      const status = statusOf.get(a.key);
      return status ? { ...a, status: status as typeof a.status } : a;
    }),
  };
}

/**
 * The open draft of a participant, or a new one: a copy of the agreed version with the live action statuses, or the
 * empty plan. Audited when started. The caller has resolved access (with the participant row locked) and checked
 * the actor may write.
 */
export async function ensureDraft(
  tx: Tx,
  ctx: RequestContext,
  participantId: string,
): Promise<{ number: number; revision: number; content: PlanContent }> {
  const rows = await queryRows<{ number: number; status: string; revision: number; content: PlanContent | null }>(
    tx,
    sql`select number, status, revision, case when status <> 'superseded' then content end as content
        from development_plan_versions where participant_id = ${participantId} order by number desc`,
  );
  const draft = rows.find((r) => r.status === 'draft');
  if (draft) return { number: draft.number, revision: draft.revision, content: contentOf(draft.content) };
  const agreed = rows.find((r) => r.status === 'agreed');
  const number = (rows[0]?.number ?? 0) + 1;
  let content = emptyContent();
  if (agreed) {
    const progress = await tx
      .select({ actionKey: developmentPlanActionProgress.actionKey, status: developmentPlanActionProgress.status })
      .from(developmentPlanActionProgress)
      .where(eq(developmentPlanActionProgress.participantId, participantId));
    content = withProgress(contentOf(agreed.content), progress);
  }
  await tx.insert(v).values({
    organisationId: ctx.actor.organisationId,
    participantId,
    number,
    status: 'draft',
    revision: 0,
    content,
    createdBy: ctx.actor.id,
    updatedBy: ctx.actor.id,
  });
  await recordAudit(tx, ctx, {
    action: 'pop.draft_started',
    targetType: 'participant',
    targetId: participantId,
    details: { number, basedOn: agreed?.number ?? null },
  });
  return { number, revision: 0, content };
}

/**
 * Locks the dossier for a POP write: out of reach 404 (resolveAccess), a reader who may not do this 403, an archived
 * dossier 409 (read-only).
 */
export async function openPlanForWrite(
  tx: Tx,
  ctx: RequestContext,
  participantId: string,
  action: Extract<Action, 'pop.edit' | 'pop.agree'>,
) {
  const access = await resolveAccess(tx, ctx.actor, participantId, true);
  if (!can(ctx.actor, 'pop.read', access.target)) throw notFound('Participant');
  if (!can(ctx.actor, action, access.target)) throw forbidden();
  if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
  return access;
}

/** A dossier-level read of the POP: out of reach 404. */
export async function openPlanForRead(tx: Tx, ctx: RequestContext, participantId: string) {
  const access = await resolveAccess(tx, ctx.actor, participantId);
  if (!can(ctx.actor, 'pop.read', access.target)) throw notFound('Participant');
  return access;
}

async function lockedVersion(tx: Tx, participantId: string, number: number) {
  const [row] = await loadVersions(tx, participantId, { number, lock: true });
  if (!row) throw notFound('Version');
  return row;
}

/** New content in a draft: the next revision, and both confirmations void (they were given to the old content). */
export function writeDraftContent(
  tx: Tx,
  ctx: RequestContext,
  participantId: string,
  draft: { number: number; revision: number },
  content: PlanContent,
) {
  return tx
    .update(v)
    .set({
      content,
      revision: draft.revision + 1,
      updatedBy: ctx.actor.id,
      updatedAt: sql`now()`,
      participantAgreedAt: null,
      coachAgreedAt: null,
      coachAgreedBy: null,
    })
    .where(and(eq(v.participantId, participantId), eq(v.number, draft.number), eq(v.status, 'draft')));
}

/** Only a draft is ever changed. */
function assertDraft(row: StoredVersion) {
  if (row.status !== 'draft') {
    throw new AppError('version_agreed', 'This version is agreed and cannot be changed. Start a new draft.');
  }
}

/** A save or agreement based on an older revision: 409 with the draft as it is now, so nothing is lost silently. */
async function assertRevision(tx: Tx, access: Access, row: StoredVersion, revision: number) {
  if (revision === row.revision) return;
  const draft = await versionWithEvidence(tx, access, row);
  throw new AppError(
    'conflict',
    'Someone else changed this draft meanwhile. Look at their changes and save again.',
    { revision: 'stale' },
    { draft },
  );
}

/**
 * The competency keys must be in the current version of the organisation's default framework and the skills must
 * exist and be active: every wrong one is named by its field.
 */
export async function checkReferences(tx: Tx, content: PlanContent) {
  const { skillIds } = referencedBy(content);
  const [row] = await queryRows<{ keys: string[] | null; skills: string[] | null }>(
    tx,
    sql`select
      (select json_agg(c.key) from competencies c where c.version_id = (
         select cv.id from competency_framework_versions cv where cv.framework_id = ${defaultFrameworkId}
         order by cv.number desc limit 1)) as keys,
      ${
        skillIds.length
          ? sql`(select json_agg(s.id) from skills s where s.archived_at is null and s.id in (${sql.join(
              skillIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}))`
          : sql`null`
      } as skills`,
  );
  const keys = new Set(row?.keys ?? []);
  const skills = new Set(row?.skills ?? []);
  const fields: Record<string, string> = {};
  const checkKeys = (list: readonly string[], path: string) =>
    list.forEach((key, i) => {
      if (!keys.has(key)) fields[`content.${path}.${i}`] = 'not_in_framework';
    });
  const checkSkills = (list: readonly string[], path: string) =>
    list.forEach((id, i) => {
      if (!skills.has(id)) fields[`content.${path}.${i}`] = 'unknown_skill';
    });
  const c = content.competencies;
  checkKeys(c.genericCurrent, 'competencies.genericCurrent');
  checkKeys(c.genericFuture, 'competencies.genericFuture');
  checkSkills(c.technicalCurrent, 'competencies.technicalCurrent');
  checkSkills(c.technicalFuture, 'competencies.technicalFuture');
  content.goals.forEach((g, i) => {
    checkKeys(g.competencyKeys, `goals.${i}.competencyKeys`);
    checkSkills(g.skillIds, `goals.${i}.skillIds`);
  });
  if (Object.keys(fields).length) throw new AppError('validation_failed', 'Some fields are invalid', fields);
}

/** The parts of the plan a save changed: names only, never the words (they are the participant's). */
export function changedSections(before: PlanContent, after: PlanContent): string[] {
  return (Object.keys(after) as (keyof PlanContent)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

/** POST /participants/:id/pop/versions: a new draft; 409 draft_exists while one is open. */
export function startDraft(db: Db, ctx: RequestContext, participantId: string): Promise<PlanVersion> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPlanForWrite(tx, ctx, participantId, 'pop.edit');
    const [open] = await tx
      .select({ number: v.number })
      .from(v)
      .where(and(eq(v.participantId, participantId), eq(v.status, 'draft')));
    if (open) throw new AppError('draft_exists', `Draft ${open.number} is already open: continue that one.`);
    const { number } = await ensureDraft(tx, ctx, participantId);
    return versionWithEvidence(tx, access, await lockedVersion(tx, participantId, number));
  });
}

/** PUT /participants/:id/pop/versions/:number: the whole content, based on the revision the editor started from. */
export function saveDraft(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  number: number,
  body: z.infer<typeof draftSaveBody>,
): Promise<PlanVersion> {
  // The evidence statement's plan does not depend on the participant; planned anew it cost as much as it ran.
  return withTenant(
    db,
    ctx.actor.organisationId,
    async (tx) => {
      const access = await openPlanForWrite(tx, ctx, participantId, 'pop.edit');
      const row = await lockedVersion(tx, participantId, number);
      assertDraft(row);
      await assertRevision(tx, access, row, body.revision);
      await checkReferences(tx, body.content);
      await writeDraftContent(tx, ctx, participantId, row, body.content);
      const saved = await versionWithEvidence(tx, access, await lockedVersion(tx, participantId, number));
      await recordAudit(tx, ctx, {
        action: 'pop.draft_saved',
        targetType: 'participant',
        targetId: participantId,
        details: {
          number,
          revision: row.revision + 1,
          fields: changedSections(contentOf(row.content), body.content),
        },
      });
      return saved;
    },
    { genericPlans: true },
  );
}

/** DELETE /participants/:id/pop/versions/:number: throws a draft away. */
export function discardDraft(db: Db, ctx: RequestContext, participantId: string, number: number): Promise<void> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await openPlanForWrite(tx, ctx, participantId, 'pop.edit');
    const row = await lockedVersion(tx, participantId, number);
    assertDraft(row);
    await tx.delete(v).where(eq(v.id, row.id));
    await recordAudit(tx, ctx, {
      action: 'pop.draft_discarded',
      targetType: 'participant',
      targetId: participantId,
      details: { number, revision: row.revision },
    });
  });
}

/**
 * POST /participants/:id/pop/versions/:number/agree: the participant confirms for themselves, a coach of the caseload
 * for the coaches. When both confirmed this revision the draft becomes the agreed plan: evidence frozen now, the
 * previous agreed version superseded, in this one transaction. Answers the overview.
 */
export function agreeDraft(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  number: number,
  body: z.infer<typeof agreeBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPlanForWrite(tx, ctx, participantId, 'pop.agree');
    const row = await lockedVersion(tx, participantId, number);
    assertDraft(row);
    await assertRevision(tx, access, row, body.revision);
    const by = ctx.actor.role === 'participant' ? 'participant' : 'coach';
    const now = new Date();
    const participantAgreedAt = by === 'participant' ? (row.participantAgreedAt ?? now) : row.participantAgreedAt;
    const coachAgreedAt = by === 'coach' ? (row.coachAgreedAt ?? now) : row.coachAgreedAt;
    const coachAgreedBy = by === 'coach' ? (row.coachAgreedBy?.id ?? ctx.actor.id) : (row.coachAgreedBy?.id ?? null);
    const agreed = participantAgreedAt !== null && coachAgreedAt !== null;
    let superseded: number | null = null;
    if (agreed) {
      const content = contentOf(row.content);
      const evidence = await liveEvidence(tx, { id: participantId, teamId: access.row.teamId }, content);
      const previous = await tx
        .update(v)
        .set({ status: 'superseded' })
        .where(and(eq(v.participantId, participantId), eq(v.status, 'agreed')))
        .returning({ number: v.number });
      superseded = previous[0]?.number ?? null;
      await tx
        .update(v)
        .set({ status: 'agreed', agreedAt: now, evidence, participantAgreedAt, coachAgreedAt, coachAgreedBy })
        .where(eq(v.id, row.id));
    } else {
      await tx.update(v).set({ participantAgreedAt, coachAgreedAt, coachAgreedBy }).where(eq(v.id, row.id));
    }
    await recordAudit(tx, ctx, {
      action: agreed ? 'pop.agreed' : 'pop.confirmed',
      targetType: 'participant',
      targetId: participantId,
      details: { number, revision: row.revision, by, superseded },
    });
    return planOverviewIn(tx, ctx, access);
  });
}

/** GET /participants/:id/pop/versions/:number: audited like every dossier read. */
export function getVersion(db: Db, ctx: RequestContext, participantId: string, number: number): Promise<PlanVersion> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPlanForRead(tx, ctx, participantId);
    const [row] = await loadVersions(tx, participantId, { number });
    if (!row) throw notFound('Version');
    await recordAudit(tx, ctx, {
      action: 'pop.version_read',
      targetType: 'participant',
      targetId: participantId,
      details: { number },
    });
    return versionWithEvidence(tx, access, row);
  });
}
