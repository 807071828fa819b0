import { z } from 'zod';
import { id, shortText } from './common';
import { frameworkSummary, jobProfile } from './competencies';

/**
 * The admin side of competency frameworks and job profiles: list queries, list responses and the CSV layout of
 * the exchange file. The framework and job-profile shapes themselves are in ./competencies.ts.
 */

/** "true"/"false" in a query string; anything else is refused. */
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const frameworkListQuery = z.strictObject({ archived: flag });
export const frameworkList = z.object({ items: z.array(frameworkSummary) });

export const exchangeFormats = ['json', 'csv'] as const;
export type ExchangeFormat = (typeof exchangeFormats)[number];
export const frameworkExportQuery = z.strictObject({ format: z.enum(exchangeFormats).default('json') });
/**
 * POST /competency-frameworks/import?name=…: the name to import under instead of the file's, for when the
 * organisation already has a framework of that name. The same rule as a framework's own name.
 */
export const frameworkImportQuery = z.strictObject({ name: shortText(120).optional() });

export const jobProfileListQuery = z.strictObject({ frameworkId: id.optional(), archived: flag });
export const jobProfileList = z.object({ items: z.array(jobProfile) });

/** Largest import file: a framework of 40 competencies × 10 levels with many profiles stays far below this. */
export const FRAMEWORK_IMPORT_MAX_BYTES = 1024 * 1024;
export const FRAMEWORK_IMPORT_MAX_ROWS = 5000;

/**
 * The CSV exchange file: UTF-8, ';' between cells (',' is recognised too), one header row with these names.
 * Every row is complete on its own, so the file can be sorted and filtered in a spreadsheet:
 *
 * - `type` = `indicator`: one row per competency × scale level. It carries the framework (`framework_name`,
 *   `framework_description`), the scale level (`level` 1..n, `level_label`, `level_meaning`, `level_pictogram`),
 *   the competency (`competency_key`, `competency_name`, `competency_description`, `esco_uri`, `esco_label`) and
 *   the behavioural `indicator` of that competency at that level.
 * - `type` = `expectation`: one row per job profile × competency: `job_profile` (its name), `job_profile_description`,
 *   `ladder_step`, `work_mode` (uitvoerend | inzichtelijk), `competency_key` and `expected_level`. A profile without
 *   expectations has one row with `competency_key` and `expected_level` empty.
 *
 * Competencies keep the order of their first row; values repeated over rows must agree. Empty cells are "none".
 */
export const frameworkCsvColumns = [
  'type',
  'framework_name',
  'framework_description',
  'level',
  'level_label',
  'level_meaning',
  'level_pictogram',
  'competency_key',
  'competency_name',
  'competency_description',
  'esco_uri',
  'esco_label',
  'indicator',
  'job_profile',
  'job_profile_description',
  'ladder_step',
  'work_mode',
  'expected_level',
] as const;
export type FrameworkCsvColumn = (typeof frameworkCsvColumns)[number];
export const frameworkCsvRowTypes = ['indicator', 'expectation'] as const;
