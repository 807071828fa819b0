import { z } from 'zod';
import { id, isoDate } from './common';

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

// ---------- the export document (GDPR access and portability) ----------

/**
 * Everything Groeipad holds about one participant, in readable English keys with the values as stored. Strict shapes
 * throughout: the server validates the document against this schema before sending it, so no raw row (and no column
 * nobody chose to export) can leak into it. Dates are ISO (YYYY-MM-DD), moments ISO date-times.
 */
const day = isoDate;
const moment = z.iso.datetime({ offset: true });
const text = z.string();
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable();

export const exportParticipant = z.strictObject({
  id,
  firstName: text,
  lastName: text,
  dateOfBirth: day,
  email: maybe(text),
  phone: maybe(text),
  address: maybe(text),
  site: text,
  team: maybe(text),
  programmeType: text,
  referrer: maybe(text),
  referrerContact: maybe(text),
  status: text,
  startDate: maybe(day),
  archivedAt: maybe(moment),
  anonymisedAt: maybe(moment),
  createdAt: moment,
  updatedAt: moment,
  /** The participant's own login: the name they log in with, never a password or code. */
  login: maybe(z.strictObject({ username: maybe(text), createdAt: moment, deactivatedAt: maybe(moment) })),
});

export const exportCareerEvent = z.strictObject({
  date: day,
  kind: text,
  team: maybe(text),
  toRole: maybe(text),
  exitDestination: maybe(text),
  note: maybe(text),
  recordedBy: maybe(text),
  recordedAt: moment,
});

export const exportIndication = z.strictObject({
  type: text,
  supportLevel: text,
  validFrom: day,
  validUntil: maybe(day),
  note: maybe(text),
});

export const exportStakeholder = z.strictObject({
  name: text,
  relation: text,
  contact: maybe(text),
  mayBeInvolved: z.boolean(),
});

export const exportConsent = z.strictObject({
  kind: text,
  granted: z.boolean(),
  recordedOn: day,
  recordedBy: maybe(text),
});

export const exportObservation = z.strictObject({
  observedOn: day,
  raterKind: text,
  /** The staff member, the participant themselves, or the external mentor. */
  raterName: maybe(text),
  context: text,
  note: maybe(text),
  ratings: z.array(z.strictObject({ competency: text, score: z.number().int(), note: maybe(text) })),
  recordedAt: moment,
});

export const exportFeedbackConversation = z.strictObject({
  heldOn: day,
  staff: z.array(text),
  participantPresent: z.boolean(),
  otherAttendees: maybe(text),
  wentWell: maybe(text),
  toWorkOn: maybe(text),
  agreements: maybe(text),
  recordedBy: maybe(text),
  recordedAt: moment,
});

/** An external mentor's link: who and for when, never the token. */
export const exportMentorLink = z.strictObject({
  mentorName: text,
  mentorEmail: text,
  hostOrganisation: maybe(text),
  validFrom: day,
  validUntil: day,
  status: z.enum(['active', 'upcoming', 'expired', 'revoked']),
  lastUsedAt: maybe(moment),
  createdAt: moment,
});

export const exportSkillLevel = z.strictObject({
  skill: text,
  team: text,
  level: z.number().int(),
  assessedOn: day,
  assessor: maybe(text),
  note: maybe(text),
});

export const exportPlanVersion = z.strictObject({
  number: z.number().int(),
  status: text,
  /** The plan's content as stored (goals, actions, own words; see shared/development-plans.ts planContent). */
  content: z.record(z.string(), z.unknown()),
  createdAt: moment,
  createdBy: maybe(text),
  updatedAt: moment,
  participantAgreedAt: maybe(moment),
  coachAgreedAt: maybe(moment),
  coachAgreedBy: maybe(text),
  agreedAt: maybe(moment),
});

export const exportDevelopmentPlan = z.strictObject({
  versions: z.array(exportPlanVersion),
  actionProgress: z.array(z.strictObject({ actionKey: id, status: text, updatedBy: maybe(text), updatedAt: moment })),
  goalNotes: z.array(z.strictObject({ goalKey: id, text, author: maybe(text), createdAt: moment })),
  proposals: z.array(
    z.strictObject({
      kind: text,
      message: text,
      payload: z.record(z.string(), z.unknown()),
      status: text,
      reply: maybe(text),
      createdBy: maybe(text),
      createdAt: moment,
      resolvedBy: maybe(text),
      resolvedAt: maybe(moment),
    }),
  ),
  presentations: z.array(z.strictObject({ versionNumber: z.number().int(), presentedOn: day, occasion: text })),
});

export const exportPlacement = z.strictObject({
  workPackage: text,
  team: text,
  fromDate: day,
  toDate: maybe(day),
  placedBy: maybe(text),
});

export const exportAttachment = z.strictObject({
  fileName: text,
  mediaType: text,
  size: z.number().int(),
  sha256: text,
  uploadedBy: maybe(text),
  uploadedAt: moment,
  /** The file itself, base64: portability means the person gets the file, not a reference to it. */
  contentBase64: text,
});

export const exportInstrumentResult = z.strictObject({
  instrument: text,
  kind: text,
  takenOn: day,
  values: z.array(
    z.strictObject({ key: text, label: text, value: z.union([z.number(), text, z.boolean(), z.null()]) }),
  ),
  note: text,
  assessor: maybe(text),
  attachments: z.array(exportAttachment),
});

/** The sensitive compartment, all of it (staff-only items included: the person has a right to them). */
export const exportSensitive = z.strictObject({
  papDomains: z.array(
    z.strictObject({
      domain: text,
      status: text,
      hinderingFactors: text,
      ownView: text,
      staffOnly: z.boolean(),
      staffOnlyReason: text,
      updatedBy: maybe(text),
      updatedAt: moment,
    }),
  ),
  papActions: z.array(
    z.strictObject({
      domain: text,
      what: text,
      owner: text,
      ownerName: text,
      dueDate: day,
      status: text,
      staffOnly: z.boolean(),
      staffOnlyReason: text,
      createdBy: maybe(text),
      createdAt: moment,
    }),
  ),
  instrumentResults: z.array(exportInstrumentResult),
  accessGrants: z.array(
    z.strictObject({
      kind: text,
      grantee: maybe(text),
      reason: text,
      grantedBy: maybe(text),
      startsAt: moment,
      expiresAt: moment,
      revokedAt: maybe(moment),
    }),
  ),
});

/** Who did what with the person's data, and when: the recipients of their data, from the audit log. */
export const exportAuditEntry = z.strictObject({
  at: moment,
  actor: maybe(text),
  action: text,
  reason: maybe(text),
});

export const exportDocument = z.strictObject({
  exportedAt: moment,
  organisation: text,
  participant: exportParticipant,
  coaches: z.array(text),
  careerEvents: z.array(exportCareerEvent),
  indications: z.array(exportIndication),
  stakeholders: z.array(exportStakeholder),
  consents: z.array(exportConsent),
  observations: z.array(exportObservation),
  feedbackConversations: z.array(exportFeedbackConversation),
  mentorLinks: z.array(exportMentorLink),
  skillLevels: z.array(exportSkillLevel),
  developmentPlan: exportDevelopmentPlan,
  pathwayPlacements: z.array(exportPlacement),
  sensitive: exportSensitive,
  auditTrail: z.array(exportAuditEntry),
});
export type ExportDocument = z.infer<typeof exportDocument>;
