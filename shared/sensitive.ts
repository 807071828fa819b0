import { z } from 'zod';
import { id, isoDate } from './common';

/**
 * The sensitive compartment: a participant's PAP (shared/action-plans.ts) and instrument results
 * (shared/instruments.ts). Need-to-know:
 * - the participant's coaches (caseload) read and write it;
 * - staff explicitly granted access by one of those coaches (a coach or an admin, for a limited time, with a reason);
 * - anyone else who needs it (a coach of another caseload, an admin) breaks the glass: states a reason and gets
 *   access for a few hours; the participant's coaches are told by mail and see it in the access log;
 * - supervisors, trainers, managers, mentors and referrers never see contents (managers get counts).
 * Every read and write of the compartment is audited with the reason it was allowed under.
 */

/** How the actor reaches the compartment of one participant. 'self': the participant reading their own PAP. */
export const sensitiveVias = ['caseload', 'granted', 'break_glass', 'self'] as const;
export type SensitiveVia = (typeof sensitiveVias)[number];

export const grantKinds = ['granted', 'break_glass'] as const;
export type GrantKind = (typeof grantKinds)[number];

/** Break-the-glass access lasts this long at most (hours); the default is what the form proposes. */
export const BREAK_GLASS_MAX_HOURS = 24;
export const BREAK_GLASS_DEFAULT_HOURS = 4;
/** An explicit grant runs until a date at most this many days ahead. */
export const GRANT_MAX_DAYS = 366;

/** A reason someone can read back later: not "ok" or "x". */
const reason = z.string().trim().min(10).max(500);

export const sensitiveParams = z.strictObject({ id });
export const grantParams = z.strictObject({ id, grantId: id });

export const breakGlassBody = z.strictObject({
  reason,
  hours: z.number().int().min(1).max(BREAK_GLASS_MAX_HOURS).default(BREAK_GLASS_DEFAULT_HOURS),
});

/**
 * A coach of the participant grants a named coach or admin access until a date (inclusive, end of that day in
 * Belgium). Field codes: userId 'not_eligible' (not an active coach or admin of the organisation, or already on the
 * caseload); until 'in_the_past' or 'too_far' (more than GRANT_MAX_DAYS ahead).
 */
export const grantCreateBody = z.strictObject({
  userId: z.string().min(1).max(100),
  reason,
  until: isoDate,
});

export const accessGrant = z.object({
  id,
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(grantKinds),
  reason: z.string(),
  grantedByName: z.string().nullable(),
  startsAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export type AccessGrant = z.infer<typeof accessGrant>;

/**
 * What the actor may do with one participant's compartment. Everyone who may open the page asks this first:
 * canRead false with canBreakGlass true shows the break-the-glass form. grants is filled only for those who read.
 */
export const sensitiveAccess = z.object({
  participantId: id,
  canRead: z.boolean(),
  canWrite: z.boolean(),
  via: z.enum(sensitiveVias).nullable(),
  /** When access through a grant or break-the-glass ends. */
  expiresAt: z.string().nullable(),
  canBreakGlass: z.boolean(),
  canGrant: z.boolean(),
  grants: z.array(accessGrant),
});
export type SensitiveAccess = z.infer<typeof sensitiveAccess>;

/** Who may be granted access: active coaches and admins of the organisation, not already on the caseload. */
export const grantCandidate = z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'coach']) });
export const grantCandidates = z.object({ items: z.array(grantCandidate) });

/** One line of the access log of a compartment (from the audit log): who, what, when, under which reason. */
export const sensitiveLogEntry = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  via: z.enum(sensitiveVias).nullable(),
  reason: z.string().nullable(),
});
export const sensitiveLog = z.object({ items: z.array(sensitiveLogEntry) });

/** Managers get counts, never contents: per life domain and status, per instrument, and how often glass was broken. */
export const sensitiveCounts = z.object({
  participantsWithPap: z.number().int(),
  domains: z.array(z.object({ domainCode: z.string(), status: z.string(), count: z.number().int() })),
  instruments: z.array(
    z.object({ definitionId: id, name: z.string(), total: z.number().int(), lastYear: z.number().int() }),
  ),
  breakGlassLast90Days: z.number().int(),
});
export type SensitiveCounts = z.infer<typeof sensitiveCounts>;
