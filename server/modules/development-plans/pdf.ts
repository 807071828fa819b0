import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { developmentPlanPresentations } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { renderPdf } from '../iluo/pdf-render';
import { planDocument } from './pdf-render';
import { loadVersions, openPlanForRead, versionWithEvidence } from './versions';

/**
 * GET /participants/:id/pop/versions/:number/pdf: an agreed or superseded version as it was agreed (frozen evidence),
 * with the dates it was presented. A draft has no PDF: it is not a plan yet (409). Audited like every dossier read.
 */
export async function exportPlanPdf(db: Db, ctx: RequestContext, participantId: string, number: number) {
  const input = await withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await openPlanForRead(tx, ctx, participantId);
    const [row] = await loadVersions(tx, participantId, { number });
    if (!row) throw notFound('Version');
    if (row.status === 'draft') throw new AppError('conflict', 'A draft has no PDF yet: agree it first.');
    const ps = developmentPlanPresentations;
    const presentations = await tx
      .select({ presentedOn: ps.presentedOn, occasion: ps.occasion })
      .from(ps)
      .where(and(eq(ps.participantId, participantId), eq(ps.versionNumber, number)))
      .orderBy(asc(ps.presentedOn));
    await recordAudit(tx, ctx, {
      action: 'pop.pdf',
      targetType: 'participant',
      targetId: participantId,
      details: { number },
    });
    return {
      participantName: `${access.row.firstName} ${access.row.lastName}`,
      version: await versionWithEvidence(tx, access, row),
      presentations,
    };
  });
  // Rendering takes a while: outside the transaction, so the connection is free meanwhile.
  const body = await renderPdf(planDocument(input));
  return { body, fileName: `pop-versie-${number}.pdf` };
}
