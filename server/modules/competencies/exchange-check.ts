import type { z } from 'zod';
import { type FrameworkExchange, frameworkExchange } from '#shared/competencies';
import { AppError } from '../../lib/errors';

/** The checks every import runs, JSON or CSV, before anything is stored. */

/** Problems with an exchange, keyed by the path in the JSON shape ("framework.competencies.2.indicators"). */
export type ExchangeIssues = Map<string, string>;

const issuesOf = (error: z.ZodError): ExchangeIssues =>
  new Map(error.issues.map((i) => [i.path.map(String).join('.') || '(file)', i.message]));

/**
 * What the schema cannot see: expectations must name competencies of this framework, at levels its scale has, and
 * profile names are unique (case-insensitive) within the file.
 */
function crossIssues(exchange: FrameworkExchange): ExchangeIssues {
  const issues: ExchangeIssues = new Map();
  const keys = new Set(exchange.framework.competencies.map((c) => c.key));
  const levels = exchange.framework.scale.length;
  const names = new Set<string>();
  exchange.jobProfiles.forEach((p, i) => {
    const name = p.name.toLowerCase();
    if (names.has(name)) issues.set(`jobProfiles.${i}.name`, 'duplicate');
    names.add(name);
    const seen = new Set<string>();
    p.expectations.forEach((e, j) => {
      const at = `jobProfiles.${i}.expectations.${j}`;
      if (!keys.has(e.competencyKey)) issues.set(`${at}.competencyKey`, 'not_in_framework');
      else if (seen.has(e.competencyKey)) issues.set(`${at}.competencyKey`, 'duplicate');
      seen.add(e.competencyKey);
      if (e.level > levels) issues.set(`${at}.level`, `above_scale_max_${levels}`);
    });
  });
  return issues;
}

/** Parses and checks a whole exchange; `issues` is empty when it can be stored as it is. */
export function checkExchange(data: unknown): { exchange?: FrameworkExchange; issues: ExchangeIssues } {
  const parsed = frameworkExchange.safeParse(data);
  if (!parsed.success) return { issues: issuesOf(parsed.error) };
  const issues = crossIssues(parsed.data);
  return issues.size ? { issues } : { exchange: parsed.data, issues };
}

/** At most this many field errors in one answer: a wrong file of 5000 rows should not answer with 5000. */
const MAX_LISTED = 100;

export function invalidFile(fields: Map<string, string>) {
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${fields.size} problem(s). Nothing was stored`,
    Object.fromEntries([...fields].slice(0, MAX_LISTED)),
  );
}
