import type { PlanOverview } from '#shared/development-plans';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import type { Access } from '../participants/access';
import { complianceOf } from './compliance';
import { candidatesOf, evidenceFor, loadEvidencePool, referencedBy } from './evidence';
import { loadFollowUp } from './followup-read';
import { contentOf, loadVersions, openPlanForRead, toPlanVersion } from './versions';

/**
 * Everything one participant's POP screen needs, in one read and a handful of statements: the versions (contents of
 * the draft and the agreed one only), one evidence statement for the candidates and the draft, the follow-up, the
 * settings for the compliance check.
 */

const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
const dayOf = (d: Date) => brusselsDay.format(d);

/** The overview inside a transaction, for a dossier already resolved (follow-up writes answer with it). Not audited. */
export async function planOverviewIn(tx: Tx, ctx: RequestContext, access: Access): Promise<PlanOverview> {
  const { row, target } = access;
  const versions = await loadVersions(tx, row.id);
  const draftRow = versions.find((v) => v.status === 'draft') ?? null;
  const currentRow = versions.find((v) => v.status === 'agreed') ?? null;
  const draftContent = draftRow ? contentOf(draftRow.content) : null;
  const pool = await loadEvidencePool(
    tx,
    { id: row.id, teamId: row.teamId },
    draftContent ? referencedBy(draftContent).skillIds : [],
  );
  const { followUp, settings } = await loadFollowUp(tx, row.id);

  const current = currentRow ? toPlanVersion(currentRow, currentRow.evidence ?? noEvidence(currentRow.agreedAt)) : null;
  const draft = draftRow && draftContent ? toPlanVersion(draftRow, evidenceFor(pool, draftContent)) : null;
  const agreedDates = versions.flatMap((v) => (v.agreedAt ? [v.agreedAt] : []));
  const first = agreedDates.reduce<Date | null>((a, b) => (a && a <= b ? a : b), null);
  const compliance = complianceOf(
    {
      status: row.status,
      archived: row.archivedAt !== null,
      startDate: row.startDate,
      firstAgreedOn: first ? dayOf(first) : null,
      latest:
        current && currentRow?.agreedAt ? { agreedOn: dayOf(currentRow.agreedAt), content: current.content } : null,
    },
    settings,
    todayIso(),
  );
  const open = row.archivedAt === null;
  const { actor } = ctx;
  return {
    participant: { id: row.id, name: `${row.firstName} ${row.lastName}` },
    current,
    draft,
    versions: versions.map((v) => ({
      number: v.number,
      status: v.status,
      agreedAt: v.agreedAt?.toISOString() ?? null,
      updatedAt: v.updatedAt.toISOString(),
    })),
    ...followUp,
    compliance,
    candidates: candidatesOf(pool),
    can: {
      edit: open && can(actor, 'pop.edit', target),
      agree: open && can(actor, 'pop.agree', target),
      progress: open && can(actor, 'pop.progress', target),
      propose: open && can(actor, 'pop.propose', target),
      resolveProposals: open && can(actor, 'pop.resolveProposal', target),
      present: open && can(actor, 'pop.present', target),
    },
  };
}

/** An agreed version always has its evidence (a check constraint); this only keeps the types honest. */
const noEvidence = (at: Date | null) => ({ competencies: [], skills: [], asOf: (at ?? new Date()).toISOString() });

/** GET /participants/:id/pop: a dossier read, audited. A participant reads their own; out of reach 404. */
export function getPlanOverview(db: Db, ctx: RequestContext, participantId: string): Promise<PlanOverview> {
  return withTenant(
    db,
    ctx.actor.organisationId,
    async (tx) => {
      const access = await openPlanForRead(tx, ctx, participantId);
      const overview = await planOverviewIn(tx, ctx, access);
      // Audited last: the row then travels with the commit (db/prepared-client.ts).
      await recordAudit(tx, ctx, { action: 'pop.read', targetType: 'participant', targetId: participantId });
      return overview;
    },
    { genericPlans: true },
  );
}
