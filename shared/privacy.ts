import { z } from 'zod';
import { id } from './common';

/**
 * Privacy rights (GDPR): exporting everything Groeipad holds about one participant (JSON and PDF), and erasing a
 * participant by anonymising them, on request or after the organisation's retention period after exit.
 *
 * Anonymising removes who the person is and everything they or others wrote about them (names, contact data, login,
 * free text, stakeholders, notes, the whole sensitive compartment, attachments, mentor links) and keeps the
 * statistical skeleton: dates, statuses, programme, exit destination, scores and levels. The audit log keeps that it
 * happened (action, actor, time) but no erased content; the participant's own name as an actor is removed from it.
 */

const reason = z.string().trim().min(10).max(500);

export const exportFormats = ['json', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** POST /participants/:id/privacy/export answers a file (application/json or application/pdf) as an attachment. */
export const exportBody = z.strictObject({
  format: z.enum(exportFormats),
  /** Why: the request it answers ("Vraag van de deelnemer per e-mail van 3 december"). */
  reason,
});

/** The admin types the participant's full name to confirm; field code 'confirm_mismatch' when it differs. */
export const anonymiseBody = z.strictObject({
  reason,
  confirmName: z.string().trim().min(1).max(300),
});
export const anonymiseResult = z.object({ participantId: id, anonymisedAt: z.string() });

/** Anonymising needs a closed trajectory: a participant who has not exited answers 409 conflict. */
export const RETENTION_MIN_MONTHS = 12;
export const RETENTION_MAX_MONTHS = 240;

/** null: no automatic erasure. */
export const retentionSettings = z.object({
  monthsAfterExit: z.number().int().min(RETENTION_MIN_MONTHS).max(RETENTION_MAX_MONTHS).nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;
export const retentionSettingsBody = z.strictObject(retentionSettings.shape);

/** Participants whose retention period after exit has passed and who are not anonymised yet. */
export const retentionDueItem = z.object({
  participantId: id,
  name: z.string(),
  exitDate: z.string(),
  dueSince: z.string(),
});
export const retentionOverview = z.object({
  settings: retentionSettings,
  due: z.array(retentionDueItem),
});
export type RetentionOverview = z.infer<typeof retentionOverview>;

export const retentionRunBody = z.strictObject({ reason });
export const retentionRunResult = z.object({ anonymised: z.number().int() });
