import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FieldValue, InstrumentField, InstrumentKind } from '#shared/instruments';
import type { Db } from '../../server/db/client';
import { instrumentAttachments, instrumentDefinitions, instrumentResults, participants } from '../../server/db/schema';
import { buildOrganisation, buildParticipant } from './factories';

/**
 * Instrument definitions, results and attachments written straight to the database as the owner (like
 * ./factories.ts). The instrument services are the only production writers; these rows satisfy the same constraints.
 * Missing parents are created: a result without a participant gets one (with a coach), without a definition gets a
 * small custom one.
 */

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A small custom instrument: one score 1–5 (required), a decimal 0–100, a choice, a text. */
export const sampleFields = (): InstrumentField[] => [
  { key: 'score', label: 'Score (1–5)', group: '', type: 'integer', required: true, min: 1, max: 5, help: '' },
  { key: 'kg', label: 'Tillen (kg)', group: '', type: 'decimal', required: false, min: 0, max: 100, help: '' },
  {
    key: 'mode',
    label: 'Werkvorm',
    group: '',
    type: 'choice',
    required: false,
    options: ['uitvoerend', 'inzichtelijk'],
    help: '',
  },
  { key: 'remarks', label: 'Opmerkingen', group: '', type: 'text', required: false, help: '' },
];

/** Values that pass sampleFields(). */
export const sampleValues = (): Record<string, FieldValue> => ({ score: 4, kg: 22.5, mode: 'uitvoerend', remarks: '' });

async function organisationOf(db: Db, participantId: string) {
  const [row] = await db
    .select({ organisationId: participants.organisationId })
    .from(participants)
    .where(eq(participants.id, participantId));
  if (!row) throw new Error('no participant');
  return row.organisationId;
}

export async function buildInstrumentDefinition(
  db: Db,
  input: {
    organisationId?: string;
    name?: string;
    kind?: InstrumentKind;
    description?: string;
    fields?: InstrumentField[];
    builtInCode?: string;
    archived?: boolean;
  } = {},
) {
  const organisationId = input.organisationId ?? (await buildOrganisation(db)).id;
  const [row] = await db
    .insert(instrumentDefinitions)
    .values({
      organisationId,
      builtInCode: input.builtInCode ?? null,
      name: input.name ?? `Instrument ${next()}`,
      kind: input.kind ?? 'custom',
      description: input.description ?? '',
      fields: input.fields ?? sampleFields(),
      archivedAt: input.archived ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('no instrument definition');
  return row;
}

export async function buildInstrumentResult(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    definitionId?: string;
    takenOn?: string;
    values?: Record<string, FieldValue>;
    note?: string;
    assessorId?: string | null;
  } = {},
) {
  let { organisationId, participantId } = input;
  if (participantId) organisationId ??= await organisationOf(db, participantId);
  organisationId ??= (await buildOrganisation(db)).id;
  participantId ??= (await buildParticipant(db, { organisationId })).id;
  const definitionId = input.definitionId ?? (await buildInstrumentDefinition(db, { organisationId })).id;
  const [row] = await db
    .insert(instrumentResults)
    .values({
      organisationId,
      participantId,
      definitionId,
      takenOn: input.takenOn ?? '2024-03-04',
      values: input.values ?? sampleValues(),
      note: input.note ?? '',
      assessorId: input.assessorId ?? null,
    })
    .returning();
  if (!row) throw new Error('no instrument result');
  return row;
}

/** The smallest file each type's signature check accepts. */
export const tinyPdf = () => Buffer.from('%PDF-1.4\n%%EOF\n');
export const tinyPng = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
export const tinyJpeg = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

export async function buildAttachment(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    resultId?: string;
    fileName?: string;
    mediaType?: 'application/pdf' | 'image/png' | 'image/jpeg';
    content?: Buffer;
    uploadedBy?: string | null;
  } = {},
) {
  let { organisationId, resultId } = input;
  if (!resultId) {
    const result = await buildInstrumentResult(db, { organisationId, participantId: input.participantId });
    resultId = result.id;
    organisationId = result.organisationId;
  }
  if (!organisationId) {
    const [found] = await db
      .select({ organisationId: instrumentResults.organisationId })
      .from(instrumentResults)
      .where(eq(instrumentResults.id, resultId));
    if (!found) throw new Error('no instrument result');
    organisationId = found.organisationId;
  }
  const content = input.content ?? tinyPdf();
  const [row] = await db
    .insert(instrumentAttachments)
    .values({
      organisationId,
      resultId,
      fileName: input.fileName ?? `verslag-${next()}.pdf`,
      mediaType: input.mediaType ?? 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: input.uploadedBy ?? null,
    })
    .returning();
  if (!row) throw new Error('no attachment');
  return row;
}
