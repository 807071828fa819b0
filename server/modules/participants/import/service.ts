import { IMPORT_MAX_LISTED_ERRORS, type ImportReport, type importModes } from '#shared/participant-import';
import { todayIso } from '#shared/participants';
import type { Db } from '../../../db/client';
import { refreshStatistics } from '../../../db/migrate';
import { withTenant } from '../../../db/tenant';
import { type RequestContext, recordAudit } from '../../audit/record';
import { readCsv } from './csv-read';
import { parseImportDate } from './dates';
import { loadLookups } from './lookups';
import { checkRows } from './rows';
import { writeRows } from './write';

export type ImportMode = (typeof importModes)[number];
type ImportResult = { status: 200 | 422; report: ImportReport };

/** Valid rows shown in the preview table: enough to see that the columns were understood. */
const SAMPLE_ROWS = 10;

/**
 * The whole import in one transaction: the file is read (file-level problems are refused before the database is
 * touched), every row is checked against the organisation's sites, teams, lists, referrers, coaches and dossiers,
 * and, when the mode asks for it, the valid rows are written. 422 for mode 'all' when any row has a problem.
 */
export async function importParticipants(
  db: Db,
  ctx: RequestContext,
  mode: ImportMode,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const file = readCsv(bytes);
  const result = await withTenant(db, ctx.actor.organisationId, async (tx): Promise<ImportResult> => {
    const datesOfBirth = file.rows.flatMap((r) => {
      const parsed = r.values.dateOfBirth ? parseImportDate(r.values.dateOfBirth) : undefined;
      return parsed?.ok ? [parsed.iso] : [];
    });
    const checked = checkRows(file.rows, await loadLookups(tx, datesOfBirth), todayIso());
    const report: ImportReport = {
      mode,
      separator: file.separator,
      columns: file.columns,
      totalRows: file.rows.length,
      validRows: checked.valid.length,
      invalidRows: checked.invalidRows,
      errors: checked.errors.slice(0, IMPORT_MAX_LISTED_ERRORS),
      errorsTruncated: checked.errors.length > IMPORT_MAX_LISTED_ERRORS,
      sample: checked.valid.slice(0, SAMPLE_ROWS).map((v) => ({
        row: v.row,
        firstName: v.body.firstName,
        lastName: v.body.lastName,
        dateOfBirth: v.body.dateOfBirth,
        site: v.siteName,
        team: v.teamName,
        programmeType: v.programmeLabel,
        startDate: v.body.startDate ?? null,
      })),
      imported: 0,
    };
    if (mode === 'preview') return { status: 200, report };
    if (mode === 'all' && checked.invalidRows > 0) return { status: 422, report };
    if (!checked.valid.length) return { status: 200, report };

    const ids = await writeRows(tx, ctx, checked.valid);
    await recordAudit(tx, ctx, {
      action: 'participant.import',
      targetType: 'organisation',
      targetId: ctx.actor.organisationId,
      details: {
        mode,
        totalRows: report.totalRows,
        imported: ids.length,
        skippedRows: checked.invalidRows,
        columns: file.columns.flatMap((c) => (c.column ? [c.column] : [])),
      },
    });
    return { status: 200, report: { ...report, imported: ids.length } };
  });
  // A large import changes the tables' shape at once; PGlite never re-plans from fresh statistics by itself.
  if (result.report.imported > 0) await refreshStatistics(db, ['participants', 'participant_coaches', 'career_events']);
  return result;
}
