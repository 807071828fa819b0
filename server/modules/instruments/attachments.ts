import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Attachment, AttachmentMediaType } from '#shared/instruments';
import type { Db } from '../../db/client';
import { instrumentAttachments, instrumentResults } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { auditSensitive, openCompartment } from '../sensitive/access';
import { extensionFits, sanitizeFileName, startsWithSignature } from './file-type';
import { lockResult } from './results';

export interface Upload {
  mediaType: AttachmentMediaType;
  fileName: string;
  bytes: Buffer;
}

/** The bytes must be what the Content-Type and the file name both say: a renamed .exe is refused either way. */
function checkUpload(upload: Upload) {
  if (upload.bytes.length === 0) throw new AppError('empty_file', 'The file is empty');
  if (!startsWithSignature(upload.mediaType, upload.bytes) || !extensionFits(upload.mediaType, upload.fileName)) {
    throw new AppError('unsupported_file', 'Only PDF, PNG and JPEG files whose name and content agree');
  }
}

/**
 * Attaches a file to one result of this participant. The file name and the content are not in the audit log (a name
 * can say as much as the file): the result, the type and the size are.
 */
export function addAttachment(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  resultId: string,
  upload: Upload,
): Promise<Attachment> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.write', true);
    await lockResult(tx, participantId, resultId);
    checkUpload(upload);
    const [row] = await tx
      .insert(instrumentAttachments)
      .values({
        organisationId: ctx.actor.organisationId,
        resultId,
        fileName: sanitizeFileName(upload.fileName),
        mediaType: upload.mediaType,
        size: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        content: upload.bytes,
        uploadedBy: ctx.actor.id,
      })
      .returning({
        id: instrumentAttachments.id,
        fileName: instrumentAttachments.fileName,
        mediaType: instrumentAttachments.mediaType,
        size: instrumentAttachments.size,
        uploadedAt: instrumentAttachments.uploadedAt,
      });
    if (!row) throw new Error('attachment not inserted');
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.attachment_added',
      targetType: 'instrument_attachment',
      targetId: row.id,
      details: { resultId, mediaType: upload.mediaType, size: row.size },
    });
    return { ...row, uploadedAt: row.uploadedAt.toISOString(), uploadedByName: ctx.actor.name };
  });
}

/** The attachment, if it belongs to this result of this participant. */
const attachmentOf = (participantId: string, resultId: string, attachmentId: string) =>
  and(
    eq(instrumentAttachments.id, attachmentId),
    eq(instrumentAttachments.resultId, resultId),
    eq(instrumentResults.participantId, participantId),
  );

export function readAttachment(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  resultId: string,
  attachmentId: string,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.read');
    const [file] = await tx
      .select({
        fileName: instrumentAttachments.fileName,
        mediaType: instrumentAttachments.mediaType,
        content: instrumentAttachments.content,
      })
      .from(instrumentAttachments)
      .innerJoin(instrumentResults, eq(instrumentResults.id, instrumentAttachments.resultId))
      .where(attachmentOf(participantId, resultId, attachmentId));
    if (!file) throw notFound('Attachment');
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.attachment_read',
      targetType: 'instrument_attachment',
      targetId: attachmentId,
      details: { resultId },
    });
    return file;
  });
}

export function deleteAttachment(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  resultId: string,
  attachmentId: string,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'instrument.write', true);
    await lockResult(tx, participantId, resultId);
    const [gone] = await tx
      .delete(instrumentAttachments)
      .where(and(eq(instrumentAttachments.id, attachmentId), eq(instrumentAttachments.resultId, resultId)))
      .returning({ mediaType: instrumentAttachments.mediaType, size: instrumentAttachments.size });
    if (!gone) throw notFound('Attachment');
    await auditSensitive(tx, ctx, compartment, {
      action: 'instrument.attachment_deleted',
      targetType: 'instrument_attachment',
      targetId: attachmentId,
      details: { resultId, mediaType: gone.mediaType, size: gone.size },
    });
  });
}
