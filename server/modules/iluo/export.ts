import type { PdfSize } from '#shared/iluo';
import { todayIso } from '#shared/participants';
import type { Db } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { type RequestContext, recordAudit } from '../audit/record';
import { getMatrix } from './matrix';
import { renderPdf } from './pdf-render';
import { wallChartDocument } from './wall-chart';

/** A file name without spaces or accents: "Groen & Co" → "groen-co". */
const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'ploeg';

/**
 * The wall chart as a PDF. The export is audited once the file is made, in its own short transaction, so the
 * database is not held while the PDF is drawn.
 */
export async function exportMatrixPdf(db: Db, ctx: RequestContext, teamId: string, size: PdfSize) {
  const matrix = await getMatrix(db, ctx, teamId);
  const today = todayIso();
  const body = await renderPdf(wallChartDocument(matrix, size, today));
  await withTenant(db, ctx.actor.organisationId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'iluo.matrix_exported',
      targetType: 'team',
      targetId: teamId,
      details: {
        format: 'pdf',
        size,
        people: matrix.people.length,
        skills: matrix.groups.reduce((n, g) => n + g.skills.length, 0),
      },
    }),
  );
  return { fileName: `iluo-matrix-${slug(matrix.team.name)}-${today}.pdf`, body };
}
