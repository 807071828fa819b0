import { z } from 'zod';

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
  email: ['e-mail', 'email', 'e-mailadres', 'mail'],
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

export const importRowError = z.object({
  /** 1-based line number in the file as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The column key (ImportColumn) or null for a whole-row problem (e.g. duplicate, broken quoting). */
  column: z.string().nullable(),
  /** A stable code the web translates: required, invalid_date, future_date, unknown_site, unknown_team, ... */
  code: z.string(),
  /** The offending value, shortened; never shown for columns the caller may not see. */
  value: z.string().nullable(),
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
