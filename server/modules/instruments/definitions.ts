import { and, eq, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InstrumentDefinition, instrumentDefinitionBody } from '#shared/instruments';
import type { Db, Tx } from '../../db/client';
import { instrumentDefinitions, instrumentResults } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { uniqueViolation } from '../iluo/unique-violation';
import { builtIns } from './built-ins';
import { fieldListErrors, incompatibleChanges, normaliseFields } from './definition-rules';

type DefinitionBody = z.infer<typeof instrumentDefinitionBody>;
export type DefinitionRow = typeof instrumentDefinitions.$inferSelect;

/**
 * Creates the built-in definitions the organisation lacks. Two first lists at once both try: the unique index on
 * (organisation, built_in_code) lets one win and the other do nothing. A custom definition that already took a
 * built-in's name also wins; that built-in is then simply not added.
 */
async function ensureBuiltIns(tx: Tx, organisationId: string) {
  const present = await tx
    .select({ code: instrumentDefinitions.builtInCode })
    .from(instrumentDefinitions)
    .where(isNotNull(instrumentDefinitions.builtInCode));
  const codes = new Set(present.map((r) => r.code));
  const missing = builtIns.filter((b) => !codes.has(b.code));
  if (!missing.length) return;
  await tx
    .insert(instrumentDefinitions)
    .values(
      missing.map((b) => ({
        organisationId,
        builtInCode: b.code,
        name: b.name,
        kind: b.kind,
        description: b.description,
        fields: b.fields,
      })),
    )
    .onConflictDoNothing();
}

// Columns in raw SQL render unqualified, and both tables have an id: the correlation names its tables.
const resultCount = sql<number>`(select count(*)::int from ${instrumentResults} r
  where r.definition_id = ${sql.identifier('instrument_definitions')}.id)`;

async function loadDefinitions(tx: Tx, where: SQL | undefined): Promise<InstrumentDefinition[]> {
  const rows = await tx
    .select({ row: instrumentDefinitions, resultCount })
    .from(instrumentDefinitions)
    .where(where)
    .orderBy(
      sql`${instrumentDefinitions.archivedAt} is not null`,
      sql`lower(${instrumentDefinitions.name})`,
      instrumentDefinitions.id,
    );
  return rows.map(({ row, resultCount }) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    fields: row.fields.map((f) => ({ ...f, group: f.group ?? '', help: f.help ?? '', required: f.required ?? false })),
    builtIn: row.builtInCode !== null,
    archived: row.archivedAt !== null,
    resultCount,
  }));
}

async function loadOne(tx: Tx, id: string) {
  const [found] = await loadDefinitions(tx, eq(instrumentDefinitions.id, id));
  if (!found) throw notFound('Instrument definition');
  return found;
}

/** Every definition of the organisation, archived ones last; the built-ins are created on the first call. */
export function listDefinitions(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await ensureBuiltIns(tx, ctx.actor.organisationId);
    return loadDefinitions(tx, undefined);
  });
}

const nameTaken = () =>
  new AppError('conflict', 'There is already an instrument with this name', { name: 'already_in_use' });

async function assertFreeName(tx: Tx, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: instrumentDefinitions.id })
    .from(instrumentDefinitions)
    .where(
      and(
        isNull(instrumentDefinitions.archivedAt),
        sql`lower(${instrumentDefinitions.name}) = lower(${name})`,
        exceptId ? ne(instrumentDefinitions.id, exceptId) : undefined,
      ),
    );
  if (clash) throw nameTaken();
}

const mapNameClash = (err: unknown): never => {
  if (uniqueViolation(err, 'instrument_definitions_name_unique')) throw nameTaken();
  throw err;
};

function assertFieldList(body: DefinitionBody) {
  const errors = fieldListErrors(body.fields);
  if (Object.keys(errors).length) throw new AppError('validation_failed', 'Some fields are invalid', errors);
}

const auditDetails = (body: DefinitionBody) => ({ kind: body.kind, fields: body.fields.map((f) => f.key) });

export function createDefinition(db: Db, ctx: RequestContext, body: DefinitionBody) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    assertFieldList(body);
    await assertFreeName(tx, body.name);
    const [row] = await tx
      .insert(instrumentDefinitions)
      .values({
        organisationId: ctx.actor.organisationId,
        name: body.name,
        kind: body.kind,
        description: body.description,
        fields: normaliseFields(body.fields),
      })
      .returning({ id: instrumentDefinitions.id });
    if (!row) throw new Error('instrument definition not inserted');
    await recordAudit(tx, ctx, {
      action: 'instrument_definition.created',
      targetType: 'instrument_definition',
      targetId: row.id,
      details: auditDetails(body),
    });
    return loadOne(tx, row.id);
  }).catch(mapNameClash);
}

async function lockDefinition(tx: Tx, id: string): Promise<DefinitionRow> {
  const [row] = await tx.select().from(instrumentDefinitions).where(eq(instrumentDefinitions.id, id)).for('update');
  if (!row) throw notFound('Instrument definition');
  return row;
}

async function hasResults(tx: Tx, definitionId: string) {
  const [row] = await tx
    .select({ id: instrumentResults.id })
    .from(instrumentResults)
    .where(eq(instrumentResults.definitionId, definitionId))
    .limit(1);
  return row !== undefined;
}

/**
 * Edits a definition. The row lock also holds back new results until the edit is done, so a result can never be
 * stored against fields that are changing under it.
 */
export function updateDefinition(db: Db, ctx: RequestContext, id: string, body: DefinitionBody) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const current = await lockDefinition(tx, id);
    if (current.archivedAt) throw new AppError('conflict', 'This instrument is archived');
    assertFieldList(body);
    const fields = normaliseFields(body.fields);
    if (await hasResults(tx, id)) {
      const errors = incompatibleChanges(current.fields, fields);
      if (Object.keys(errors).length) {
        throw new AppError(
          'conflict',
          'This instrument has results: fields keep their key and type, ranges only widen, options only grow',
          errors,
        );
      }
    }
    await assertFreeName(tx, body.name, id);
    await tx
      .update(instrumentDefinitions)
      .set({ name: body.name, kind: body.kind, description: body.description, fields, updatedAt: new Date() })
      .where(eq(instrumentDefinitions.id, id));
    await recordAudit(tx, ctx, {
      action: 'instrument_definition.updated',
      targetType: 'instrument_definition',
      targetId: id,
      details: auditDetails(body),
    });
    return loadOne(tx, id);
  }).catch(mapNameClash);
}

/** Archived definitions take no new results; results already recorded stay readable. Archiving twice changes nothing. */
export function archiveDefinition(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const current = await lockDefinition(tx, id);
    if (current.archivedAt) return loadOne(tx, id);
    await tx
      .update(instrumentDefinitions)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(instrumentDefinitions.id, id));
    await recordAudit(tx, ctx, {
      action: 'instrument_definition.archived',
      targetType: 'instrument_definition',
      targetId: id,
      details: { kind: current.kind },
    });
    return loadOne(tx, id);
  });
}
