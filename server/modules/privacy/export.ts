import { type ExportDocument, type ExportFormat, exportDocument } from '#shared/privacy';
import { todayIso } from '#shared/today';
import type { Db } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { forbidden } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { renderPdf } from '../iluo/pdf-render';
import { resolveAccess } from '../participants/access';
import { loadExport } from './export-load';
import { exportPdfDocument } from './export-pdf';

export interface ExportFile {
  body: Buffer;
  mediaType: 'application/json' | 'application/pdf';
  fileName: string;
}

/** "groeipad-export-de-smet-2026-03-01.json": ASCII only, so the header needs no encoding. */
export function exportFileName(lastName: string, format: ExportFormat, today = todayIso()) {
  const slug =
    lastName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'deelnemer';
  return `groeipad-export-${slug}-${today}.${format}`;
}

/**
 * GDPR access and portability: everything about one participant, as JSON or as a readable PDF. Whoever may export
 * (the admin, or one of the participant's coaches) gets the sensitive compartment too: the person has a right to all
 * of it, so the admin, who has no compartment access of their own, exports it under that legal duty and the audit
 * row says so. A coach of another caseload gets 404, as for the dossier.
 */
export async function exportParticipant(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: { format: ExportFormat; reason: string },
): Promise<ExportFile> {
  const document = await withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await resolveAccess(tx, ctx.actor, participantId);
    if (!can(ctx.actor, 'privacy.export', access.target)) throw forbidden();
    const loaded = await loadExport(tx, access.row, todayIso());
    const viaCaseload = access.target.coachIds?.includes(ctx.actor.id) ?? false;
    await recordAudit(tx, ctx, {
      action: 'privacy.exported',
      targetType: 'participant',
      targetId: participantId,
      reason: body.reason,
      details: {
        format: body.format,
        includesSensitive: true,
        // The admin reaches the compartment only because the law says the person gets all of it.
        sensitiveVia: viaCaseload ? 'caseload' : 'legal_duty',
      },
    });
    return loaded;
  });
  // The schema is strict: a field nobody chose to export fails here instead of leaving the building.
  const checked: ExportDocument = exportDocument.parse(document);
  const fileName = exportFileName(checked.participant.lastName, body.format);
  if (body.format === 'json') {
    return { body: Buffer.from(JSON.stringify(checked, null, 2)), mediaType: 'application/json', fileName };
  }
  // Rendering takes a while: outside the transaction, so the connection is free meanwhile.
  return { body: await renderPdf(exportPdfDocument(checked)), mediaType: 'application/pdf', fileName };
}
