import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldValue, InstrumentResult, instrumentResultBody } from '#shared/instruments';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { instrumentAttachments, instrumentDefinitions, instrumentResults, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { auditSensitive, type Compartment, openCompartment } from '../sensitive/access';
import type { DefinitionRow } from './definitions';
import { checkValues } from './values';

type ResultBody = z.infer<typeof instrumentResultBody>;
type ResultUpdateBody = Omit<ResultBody, 'definitionId'>;
type ResultRow = typeof instrumentResults.$inferSelect;

/** The results selected by `where`, newest first, each with its definition's name and its attachments (no bytes). */
export async function loadResults(tx: Tx, where: SQL | undefined): Promise<InstrumentResult[]> {
  const rows = await tx
    .select({
      row: instrumentResults,
      definitionName: instrumentDefinitions.name,
      kind: instrumentDefinitions.kind,
      assessorName: user.name,
    })
    .from(instrumentResults)
    .innerJoin(instrumentDefinitions, eq(instrumentDefinitions.id, instrumentResults.definitionId))
    .leftJoin(user, eq(user.id, instrumentResults.assessorId))
    .where(where)
    .orderBy(desc(instrumentResults.takenOn), desc(instrumentResults.createdAt), asc(instrumentResults.id));
  if (!rows.length) return [];
  const files = await tx
    .select({
      id: instrumentAttachments.id,
      resultId: instrumentAttachments.resultId,
      fileName: instrumentAttachments.fileName,
      mediaType: instrumentAttachments.mediaType,
      size: instrumentAttachments.size,
      uploadedAt: instrumentAttachments.uploadedAt,
      uploadedByName: user.name,
    })
    .from(instrumentAttachments)
    .leftJoin(user, eq(user.id, instrumentAttachments.uploadedBy))
    .where(
      inArray(
        instrumentAttachments.resultId,
        rows.map((r) => r.row.id),
      ),
    )
    .orderBy(asc(instrumentAttachments.uploadedAt), asc(instrumentAttachments.id));
  return rows.map(({ row, definitionName, kind, assessorName }) => ({
    id: row.id,
    definitionId: row.definitionId,
    definitionName,
    kind,
    takenOn: row.takenOn,
    values: row.values,
    note: row.note,
    assessorName,
    createdAt: row.createdAt.toISOString(),
    attachments: files
      .filter((f) => f.resultId === row.id)
      .map(({ resultId: _, uploadedAt, ...f }) => ({ ...f, uploadedAt: uploadedAt.toISOString() })),
  }));
}

async function loadOne(tx: Tx, id: string) {
  const [found] = await loadResults(tx, eq(instrumentResults.id, id));
  if (!found) throw notFound('Instrument result');
  return found;
}

/** One result of this participant, locked for the write; another participant's result id is not found. */
export async function lockResult(tx: Tx, participantId: string, resultId: string): Promise<ResultRow> {
  const [row] = await tx
    .select()
    .from(instrumentResults)
    .where(and(eq(instrumentResults.id, resultId), eq(instrumentResults.participantId, participantId)))
    .for('update');
  if (!row) throw notFound('Instrument result');
  return row;
}

export function listResults(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.read');
    if (!compartment.via) throw forbidden();
    const items = await loadResults(tx, eq(instrumentResults.participantId, participantId));
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.read',
      targetType: 'participant',
      targetId: participantId,
      details: { results: items.length },
    });
    return { via: compartment.via, items };
  });
}

/**
 * Shared by create and update: the definition's fields decide what the values may be. Every problem of the body is
 * one field error, all at once; nothing is stored when there is one.
 */
function checkBody(compartment: Compartment, definition: DefinitionRow, body: ResultUpdateBody) {
  const { values, errors } = checkValues(definition.fields, body.values);
  const fields: Record<string, string> = { ...errors };
  if (body.takenOn > todayIso()) fields.takenOn = 'in_future';
  else if (body.takenOn < compartment.participant.dateOfBirth) fields.takenOn = 'before_birth';
  if (Object.keys(fields).length) throw new AppError('validation_failed', 'Some fields are invalid', fields);
  return values;
}

/** Keys with a value: what the audit log records instead of the values. */
const filledKeys = (values: Record<string, FieldValue>) =>
  Object.keys(values)
    .filter((k) => values[k] !== null)
    .sort();

/** A share lock: an admin's edit of the definition waits for this result, and this result for that edit. */
async function definitionFor(tx: Tx, definitionId: string) {
  const [row] = await tx
    .select()
    .from(instrumentDefinitions)
    .where(eq(instrumentDefinitions.id, definitionId))
    .for('share');
  return row;
}

/**
 * Writes open the compartment with the participant's row locked: an anonymisation running at the same time either
 * finishes first (and the write finds no compartment) or waits until the write is done.
 */
export function createResult(db: Db, ctx: RequestContext, participantId: string, body: ResultBody) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.write', true);
    const definition = await definitionFor(tx, body.definitionId);
    if (!definition)
      throw new AppError('validation_failed', 'Some fields are invalid', { definitionId: 'unknown_reference' });
    if (definition.archivedAt) {
      throw new AppError('validation_failed', 'This instrument is archived', { definitionId: 'archived' });
    }
    const values = checkBody(compartment, definition, body);
    const [row] = await tx
      .insert(instrumentResults)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        definitionId: definition.id,
        takenOn: body.takenOn,
        values,
        note: body.note,
        assessorId: ctx.actor.id,
      })
      .returning({ id: instrumentResults.id });
    if (!row) throw new Error('instrument result not inserted');
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.result_added',
      targetType: 'instrument_result',
      targetId: row.id,
      details: { definitionId: definition.id, fields: filledKeys(values) },
    });
    return loadOne(tx, row.id);
  });
}

/** A result keeps its definition; an archived definition's results can still be corrected. */
export function updateResult(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  resultId: string,
  body: ResultUpdateBody,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.write', true);
    const current = await lockResult(tx, participantId, resultId);
    const definition = await definitionFor(tx, current.definitionId);
    if (!definition) throw notFound('Instrument definition');
    const values = checkBody(compartment, definition, body);
    await tx
      .update(instrumentResults)
      .set({ takenOn: body.takenOn, values, note: body.note, updatedAt: new Date() })
      .where(eq(instrumentResults.id, resultId));
    const changed = [
      ...Object.keys({ ...current.values, ...values })
        .filter((k) => JSON.stringify(current.values[k] ?? null) !== JSON.stringify(values[k] ?? null))
        .map((k) => `values.${k}`),
      ...(current.takenOn !== body.takenOn ? ['takenOn'] : []),
      ...(current.note !== body.note ? ['note'] : []),
    ].sort();
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.result_updated',
      targetType: 'instrument_result',
      targetId: resultId,
      details: { definitionId: current.definitionId, fields: changed },
    });
    return loadOne(tx, resultId);
  });
}

/** Deleting a result deletes its attachments with it (the foreign key cascades). */
export function deleteResult(db: Db, ctx: RequestContext, participantId: string, resultId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.write', true);
    const current = await lockResult(tx, participantId, resultId);
    const files = await tx
      .select({ id: instrumentAttachments.id })
      .from(instrumentAttachments)
      .where(eq(instrumentAttachments.resultId, resultId));
    await tx.delete(instrumentResults).where(eq(instrumentResults.id, resultId));
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.result_deleted',
      targetType: 'instrument_result',
      targetId: resultId,
      details: { definitionId: current.definitionId, attachments: files.length },
    });
  });
}
