import { z } from 'zod';
import { isoDate } from './common';

export const auditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name as it is now; null when it has none, is gone or was anonymised. */
  targetName: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.strictObject({
  action: z.string().trim().max(80).optional(),
  actorId: z.string().max(64).optional(),
  targetType: z.string().trim().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/**
 * What became of a mail: sent (the SMTP server took it), not_sent (kept in the outbox only: no SMTP settings),
 * failed (the SMTP server refused it or could not be reached).
 */
export const mailDeliveries = ['sent', 'not_sent', 'failed'] as const;

export const outboxMail = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  delivery: z.enum(mailDeliveries),
});
export type OutboxMail = z.infer<typeof outboxMail>;
