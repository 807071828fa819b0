import { z } from 'zod';
import { participantListQuery } from './participants';

/**
 * CSV import of participants (the export of a payroll or case system).
 * POST /participants/import?mode=preview|all|valid_only with the file as the raw body (Content-Type text/csv).
 * Stateless: the client sends the same file again to import. Nothing is written in preview mode; in mode
 * 'all' any error refuses the whole file (422 with this report); 'valid_only' imports the valid rows.
 * Separator ; or , (detected), UTF-8 with or without BOM, dates as DD/MM/YYYY, DD-MM-YYYY, D.M.YYYY or YYYY-MM-DD.
 */
export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
/** Errors beyond this count are counted, not listed. */
export const IMPORT_MAX_LISTED_ERRORS = 500;

/** Columns Groeipad understands; headers are matched case- and accent-insensitively against these names. */
export const importColumns = {
  firstName: ['voornaam', 'first name', 'firstname', 'prénom', 'prenom'],
  lastName: ['achternaam', 'familienaam', 'naam', 'last name', 'lastname', 'nom'],
  dateOfBirth: ['geboortedatum', 'date of birth', 'dateofbirth', 'birth date', 'date de naissance'],
  email: ['e-mail', 'email', 'e-mailadres', 'mail', 'e-mail address'],
  phone: ['telefoon', 'gsm', 'phone', 'telefoonnummer', 'téléphone'],
  address: ['adres', 'address', 'adresse'],
  intakeDate: ['aanmeldingsdatum', 'aanmelding', 'intake', 'intake date'],
  startDate: ['startdatum', 'start', 'start date', 'in dienst'],
  site: ['vestiging', 'site', 'locatie'],
  team: ['ploeg', 'team'],
  programmeType: ['programma', 'programmatype', 'statuut', 'programme', 'programme type', 'program'],
  referrer: ['doorverwijzer', 'referrer', 'verwijzer'],
  coach: ['coach', 'begeleider', 'jobcoach', 'trajectbegeleider'],
} as const;
export type ImportColumn = keyof typeof importColumns;
export const requiredImportColumns = ['firstName', 'lastName', 'dateOfBirth', 'site', 'programmeType'] as const;

export const importModes = ['preview', 'all', 'valid_only'] as const;
export const importQuery = z.strictObject({ mode: z.enum(importModes).default('preview') });

/**
 * Why a row cannot be imported; the web translates each code. Whole-file problems (not UTF-8, broken quoting,
 * missing columns, too many rows) are 400 errors instead, with the codes of shared/errors.ts.
 */
export const importErrorCodes = [
  'required',
  'invalid_date',
  'two_digit_year',
  'future_date',
  'date_too_early',
  'before_intake',
  'invalid_email',
  'too_long',
  'unknown_site',
  'unknown_team',
  'team_at_other_site',
  'unknown_programme_type',
  'unknown_referrer',
  'unknown_coach',
  'ambiguous_coach',
  'duplicate_in_file',
  'already_exists',
  'invalid',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export const importRowError = z.object({
  /** 1-based line number in the file as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The column key (ImportColumn) or null for a whole-row problem (e.g. duplicate, broken quoting). */
  column: z.string().nullable(),
  /** A stable code the web translates: required, invalid_date, future_date, unknown_site, unknown_team, ... */
  code: z.enum(importErrorCodes),
  /** The offending value, shortened; never shown for columns the caller may not see. */
  value: z.string().nullable(),
  /** duplicate_in_file: the earlier row with the same person, so both rows can be pointed out. */
  otherRow: z.number().int().nullable(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z.object({
  mode: z.enum(importModes),
  separator: z.enum([';', ',']),
  /** Header as found, and which Groeipad column each header maps to (null: ignored). */
  columns: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  errors: z.array(importRowError),
  /** More errors exist than are listed. */
  errorsTruncated: z.boolean(),
  /** The first valid rows as they will be imported, for the preview table. */
  sample: z.array(
    z.object({
      row: z.number().int(),
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: z.string(),
      site: z.string(),
      team: z.string().nullable(),
      programmeType: z.string(),
      startDate: z.string().nullable(),
    }),
  ),
  /** 0 in preview mode. */
  imported: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * GET /participants/export: the caseload list's filters and order (without paging) and a file format.
 * Every matching dossier the caller may see; supervisors get no confidential columns.
 */
export const exportQuery = participantListQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(exportFormats).default('csv') });

/**
 * The export's columns in order, with their Dutch headers. Where a column can be imported its header is the first
 * import name (importColumns), so an exported file imports again. `confidential` columns are left out for callers
 * who may not read contact data, date of birth and referrer.
 */
export const exportColumns = [
  { key: 'firstName', header: 'voornaam', confidential: false },
  { key: 'lastName', header: 'achternaam', confidential: false },
  { key: 'dateOfBirth', header: 'geboortedatum', confidential: true },
  { key: 'email', header: 'e-mail', confidential: true },
  { key: 'phone', header: 'telefoon', confidential: true },
  { key: 'address', header: 'adres', confidential: true },
  { key: 'site', header: 'vestiging', confidential: false },
  { key: 'team', header: 'ploeg', confidential: false },
  { key: 'programmeType', header: 'programma', confidential: false },
  { key: 'status', header: 'status', confidential: false },
  { key: 'intakeDate', header: 'aanmeldingsdatum', confidential: false },
  { key: 'startDate', header: 'startdatum', confidential: false },
  { key: 'coach', header: 'coach', confidential: false },
  { key: 'referrer', header: 'doorverwijzer', confidential: true },
  { key: 'archived', header: 'gearchiveerd', confidential: false },
] as const;
export type ExportColumn = (typeof exportColumns)[number]['key'];
