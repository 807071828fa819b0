import type { z } from 'zod';
import type { ImportColumn, ImportErrorCode, ImportRowError } from '#shared/participant-import';
import { participantCreateBody } from '#shared/participants';
import type { CsvRow } from './csv-read';
import { parseImportDate } from './dates';
import { type Lookups, matchKey, personKey } from './lookups';

export type ParticipantCreate = z.output<typeof participantCreateBody>;

export interface ValidRow {
  row: number;
  body: ParticipantCreate;
  /** The intake date the dossier gets: the file's, else the start date, else today. */
  intakeDate: string;
  /** As the organisation names them, for the preview. */
  siteName: string;
  teamName: string | null;
  programmeLabel: string;
}

export interface CheckedRows {
  valid: ValidRow[];
  errors: ImportRowError[];
  invalidRows: number;
}

const dateColumns = ['dateOfBirth', 'intakeDate', 'startDate'] as const;

/** Which file column a field of participantCreateBody comes from. */
const columnOfField: Record<keyof ParticipantCreate, ImportColumn> = {
  firstName: 'firstName',
  lastName: 'lastName',
  dateOfBirth: 'dateOfBirth',
  email: 'email',
  phone: 'phone',
  address: 'address',
  intakeDate: 'intakeDate',
  startDate: 'startDate',
  siteId: 'site',
  teamId: 'team',
  programmeType: 'programmeType',
  referrerId: 'referrer',
  referrerContact: 'referrer',
  coachIds: 'coach',
};

const required = ['firstName', 'lastName', 'dateOfBirth', 'site', 'programmeType'] as const;

/** Enough to recognise the value in the file; a whole address or a pasted paragraph is not needed. */
const shorten = (value: string | undefined) =>
  value === undefined ? null : value.length > 60 ? `${value.slice(0, 59)}…` : value;

function issueCode(issue: z.core.$ZodIssue, column: ImportColumn): ImportErrorCode {
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'invalid_format' && column === 'email') return 'invalid_email';
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return 'required';
  return 'invalid';
}

/**
 * Checks every row against the organisation's data and against participantCreateBody, the schema the register
 * form uses: one contract for a dossier, whether it is typed or imported. Collects every problem of every row.
 */
export function checkRows(rows: readonly CsvRow[], lookups: Lookups, today: string): CheckedRows {
  const valid: ValidRow[] = [];
  const errors: ImportRowError[] = [];
  let invalidRows = 0;
  const firstRowOf = new Map<string, number>();

  for (const { row, values } of rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (column: ImportColumn | null, code: ImportErrorCode, value = column ? values[column] : undefined) =>
      rowErrors.push({ row, column, code, value: shorten(value), otherRow: null });
    const failed = (column: ImportColumn) => rowErrors.some((e) => e.column === column);

    for (const column of required) if (!values[column]) fail(column, 'required');

    const dates: Partial<Record<(typeof dateColumns)[number], string>> = {};
    for (const column of dateColumns) {
      const raw = values[column];
      if (!raw) continue;
      const parsed = parseImportDate(raw);
      if (!parsed.ok) fail(column, parsed.code);
      else if (parsed.iso > today) fail(column, 'future_date');
      else if (column === 'dateOfBirth' && parsed.iso < '1900-01-01') fail(column, 'date_too_early');
      else dates[column] = parsed.iso;
    }
    const intakeDate = dates.intakeDate ?? dates.startDate ?? today;
    if (dates.startDate && dates.startDate < intakeDate) fail('startDate', 'before_intake');

    const site = values.site ? lookups.sites.get(matchKey(values.site)) : undefined;
    if (values.site && !site) fail('site', 'unknown_site');
    let team: { id: string; name: string } | undefined;
    if (values.team && site) {
      team = lookups.teamsBySite.get(site.id)?.get(matchKey(values.team));
      if (!team) fail('team', lookups.teamNames.has(matchKey(values.team)) ? 'team_at_other_site' : 'unknown_team');
    }
    const programme = values.programmeType ? lookups.programmeTypes.get(matchKey(values.programmeType)) : undefined;
    if (values.programmeType && !programme) fail('programmeType', 'unknown_programme_type');
    const referrer = values.referrer ? lookups.referrers.get(matchKey(values.referrer)) : undefined;
    if (values.referrer && !referrer) fail('referrer', 'unknown_referrer');

    const coachIds: string[] = [];
    // Several coaches in one cell: "An Peeters, Bart Claes" (how the export writes them) or with ; or |.
    for (const part of (values.coach ?? '').split(/[,;|]/)) {
      const wanted = part.trim();
      if (!wanted) continue;
      const byName = lookups.coachesByName.get(matchKey(wanted)) ?? [];
      const coach = wanted.includes('@') ? lookups.coachesByEmail.get(wanted.toLowerCase()) : byName[0];
      if (!wanted.includes('@') && byName.length > 1) fail('coach', 'ambiguous_coach', wanted);
      else if (!coach) fail('coach', 'unknown_coach', wanted);
      else if (!coachIds.includes(coach.id)) coachIds.push(coach.id);
    }

    const candidate = {
      firstName: values.firstName,
      lastName: values.lastName,
      dateOfBirth: dates.dateOfBirth,
      email: values.email,
      phone: values.phone,
      address: values.address,
      intakeDate,
      startDate: dates.startDate,
      siteId: site?.id,
      teamId: team?.id,
      programmeType: programme?.code,
      referrerId: referrer?.id,
      coachIds: coachIds.length ? coachIds : undefined,
    };
    const parsed = participantCreateBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOfField[issue.path[0] as keyof ParticipantCreate] ?? null;
        // A column already in error is missing from the candidate on purpose: one message per cell is enough.
        if (column && failed(column)) continue;
        if (column) fail(column, issueCode(issue, column));
        else fail(null, 'invalid');
      }
    }

    if (values.firstName && values.lastName && dates.dateOfBirth) {
      const key = personKey(values.firstName, values.lastName, dates.dateOfBirth);
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined)
        rowErrors.push({ row, column: null, code: 'duplicate_in_file', value: null, otherRow: earlier });
      else firstRowOf.set(key, row);
      if (lookups.existing.has(key)) fail(null, 'already_exists');
    }

    if (rowErrors.length || !parsed.success || !site || !programme) {
      invalidRows++;
      errors.push(...rowErrors);
      continue;
    }
    valid.push({
      row,
      body: parsed.data,
      intakeDate,
      siteName: site.name,
      teamName: team?.name ?? null,
      programmeLabel: programme.label,
    });
  }
  return { valid, errors, invalidRows };
}
