import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FrameworkDetail, FrameworkExchange } from '#shared/competencies';
import type { ExchangeFormat } from '#shared/competency-admin';
import type { Db, Tx } from '../../db/client';
import { jobProfiles } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { checkExchange, invalidFile } from './exchange-check';
import { readExchangeCsv, writeExchangeCsv } from './exchange-csv';
import { auditFramework, storeNewFramework } from './frameworks';
import { toJobProfiles } from './job-profiles';
import { loadDetail } from './read';
import { frameworkNamed } from './store';

/**
 * Sharing a framework between organisations: its current content and active job profiles as JSON
 * (frameworkExchange) or CSV (exchange-csv.ts). An import always creates a new framework; nothing is merged.
 */

async function buildExchange(tx: Tx, detail: FrameworkDetail): Promise<FrameworkExchange> {
  const rows = await tx
    .select()
    .from(jobProfiles)
    .where(and(eq(jobProfiles.frameworkId, detail.id), isNull(jobProfiles.archivedAt)))
    .orderBy(asc(jobProfiles.ladderStep), asc(jobProfiles.name));
  const position = new Map(detail.current.competencies.map((c) => [c.key, c.position]));
  const profiles = await toJobProfiles(tx, rows);
  return {
    format: 'groeipad-competency-framework',
    formatVersion: 1,
    framework: {
      name: detail.name,
      description: detail.description,
      scale: detail.current.scale,
      competencies: detail.current.competencies.map((c) => ({
        key: c.key,
        name: c.name,
        description: c.description,
        indicators: c.indicators,
        escoUri: c.escoUri,
        escoLabel: c.escoLabel,
      })),
    },
    jobProfiles: profiles.map((p) => ({
      name: p.name,
      description: p.description,
      ladderStep: p.ladderStep,
      workMode: p.workMode,
      expectations: p.expectations
        .filter((e) => position.has(e.competencyKey))
        .sort((a, b) => (position.get(a.competencyKey) ?? 0) - (position.get(b.competencyKey) ?? 0)),
    })),
  };
}

/** "11 kerncompetenties" → "11-kerncompetenties": a file name every system accepts. */
const fileNameOf = (name: string, format: ExchangeFormat) =>
  `${
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'kader'
  }.${format}`;

export function exportFramework(db: Db, ctx: RequestContext, id: string, format: ExchangeFormat) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const exchange = await buildExchange(tx, await loadDetail(tx, id));
    await auditFramework(tx, ctx, 'exported', id, { format });
    const fileName = fileNameOf(exchange.framework.name, format);
    if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', body: writeExchangeCsv(exchange) };
    return {
      fileName,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(exchange, null, 2)}\n`,
    };
  });
}

/**
 * A JSON body (already parsed) or CSV bytes become a new framework with its job profiles, or nothing at all:
 * every problem of the file is listed (400), a name in use is a conflict (409). `name`, when given, replaces the
 * file's name, so a file whose name is taken can still be imported without editing it.
 */
export function importFramework(db: Db, ctx: RequestContext, file: { json: unknown } | { csv: Buffer }, name?: string) {
  let exchange: FrameworkExchange;
  if ('csv' in file) {
    exchange = readExchangeCsv(file.csv);
  } else {
    const checked = checkExchange(file.json);
    if (!checked.exchange) throw invalidFile(checked.issues);
    exchange = checked.exchange;
  }
  const framework = name ? { ...exchange.framework, name } : exchange.framework;
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    // On `name`, the field the import form has, whether the taken name came from the file or from that field.
    if (await frameworkNamed(tx, ctx.actor.organisationId, framework.name)) {
      throw new AppError('conflict', `A framework named "${framework.name}" already exists. Choose another name`, {
        name: 'already_in_use',
      });
    }
    return storeNewFramework(tx, ctx, framework, exchange.jobProfiles, 'imported');
  });
}
