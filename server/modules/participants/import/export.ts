import { eq, sql } from 'drizzle-orm';
import { type ExportColumn, type ExportFormat, exportColumns } from '#shared/participant-import';
import { type ParticipantStatus, todayIso } from '#shared/participants';
import type { Db } from '../../../db/client';
import { careerEvents, participantCoaches, participants, referrers, sites, teams, user } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { type Actor, type Relation, requiredRelations } from '../../../policy';
import { type RequestContext, recordAudit } from '../../audit/record';
import { type CaseloadFilters, caseloadOrder, caseloadWhere } from '../caseload';
import { type SheetColumn, type SheetValue, toCsv, toXlsx } from './export-files';
import { programmeTypes } from './programme-types';

/** The export is read by people, in Dutch like its headers. */
const statusLabel: Record<ParticipantStatus, string> = {
  registered: 'aangemeld',
  active: 'actief',
  paused: 'gepauzeerd',
  exited: 'uitgestroomd',
};

const dateColumns = new Set<ExportColumn>(['dateOfBirth', 'intakeDate', 'startDate']);
const widths: Partial<Record<ExportColumn, number>> = { address: 36, email: 30, coach: 30, referrer: 24 };

/**
 * Confidential columns only when the caller may read the confidential part of every dossier they can list:
 * roles that read it organisation-wide, or whose list is limited to relations that also open the confidential part
 * (a coach lists their caseload only). A supervisor's export has no date of birth, contact data or referrer.
 */
export function exportsConfidential(actor: Actor): boolean {
  const confidential = requiredRelations(actor.role, 'participant.readConfidential');
  if (confidential === undefined) return true;
  if (!confidential.length) return false;
  const listed = requiredRelations(actor.role, 'participant.read');
  return listed?.every((r: Relation) => confidential.includes(r)) ?? false;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Every dossier the caseload list would show with these filters, in its order, as one CSV or XLSX file. */
export async function exportParticipants(
  db: Db,
  ctx: RequestContext,
  q: CaseloadFilters & { format: ExportFormat },
): Promise<ExportFile> {
  const { actor } = ctx;
  const confidential = exportsConfidential(actor);
  const columns = exportColumns.filter((c) => confidential || !c.confidential);

  const { rows, labels } = await withTenant(db, actor.organisationId, async (tx) => {
    const intake = tx
      .select({ date: sql`min(${careerEvents.date})` })
      .from(careerEvents)
      .where(sql`${careerEvents.participantId} = ${participants.id} and ${careerEvents.kind} = 'intake'`);
    const coaches = tx
      .select({ names: sql`string_agg(${user.name}, ', ' order by ${user.name})` })
      .from(participantCoaches)
      .innerJoin(user, eq(user.id, participantCoaches.userId))
      .where(eq(participantCoaches.participantId, participants.id));
    const found = await tx
      .select({
        firstName: participants.firstName,
        lastName: participants.lastName,
        dateOfBirth: participants.dateOfBirth,
        email: participants.email,
        phone: participants.phone,
        address: participants.address,
        site: sites.name,
        team: teams.name,
        programmeType: participants.programmeType,
        status: participants.status,
        intakeDate: sql<string | null>`(${intake})`,
        startDate: participants.startDate,
        coach: sql<string | null>`(${coaches})`,
        referrer: referrers.name,
        archivedAt: participants.archivedAt,
      })
      .from(participants)
      .innerJoin(sites, eq(sites.id, participants.siteId))
      .leftJoin(teams, eq(teams.id, participants.teamId))
      .leftJoin(referrers, eq(referrers.id, participants.referrerId))
      .where(caseloadWhere(actor, q))
      .orderBy(...caseloadOrder(q));
    const { q: search, format, ...filters } = q;
    // The search text can be a person's name: the log keeps that there was one, not what it was.
    await recordAudit(tx, ctx, {
      action: 'participant.export',
      targetType: 'organisation',
      targetId: actor.organisationId,
      details: { count: found.length, format, confidential, filters: { ...filters, search: Boolean(search) } },
    });
    return { rows: found, labels: new Map((await programmeTypes(tx)).map((i) => [i.code, i.label])) };
  });

  const sheetColumns: SheetColumn[] = columns.map((c) => ({
    header: c.header,
    kind: dateColumns.has(c.key) ? 'date' : 'text',
    width: widths[c.key] ?? Math.max(14, c.header.length + 4),
  }));
  const values: SheetValue[][] = rows.map((r) =>
    columns.map(({ key }): SheetValue => {
      if (key === 'status') return statusLabel[r.status];
      if (key === 'programmeType') return labels.get(r.programmeType) ?? r.programmeType;
      if (key === 'archived') return r.archivedAt ? 'ja' : 'nee';
      // PostgreSQL and PGlite may answer the subquery's date as a string or a Date.
      if (key === 'intakeDate') return r.intakeDate ? String(r.intakeDate).slice(0, 10) : null;
      return r[key] ?? null;
    }),
  );
  const base = `deelnemers-${todayIso()}`;
  if (q.format === 'xlsx') {
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx(sheetColumns, values),
    };
  }
  return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(sheetColumns, values) };
}
