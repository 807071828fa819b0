import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { code } from './lists';
import { participantAccountStatus } from './participant-account';
import { referrerKinds } from './referrers';
import { todayIso } from './today';

/** Current status: derived from the career events, never entered by hand. */
export const participantStatuses = ['registered', 'active', 'paused', 'exited'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

/** Instroom, doorstroom, uitstroom: the dated steps of a participant's path. */
/** package_change: a move to another work package of the pathway map, recorded by the placement (shared/pathways.ts). */
export const careerEventKinds = [
  'intake',
  'start',
  'team_change',
  'promotion',
  'pause',
  'resume',
  'exit',
  'package_change',
] as const;
export type CareerEventKind = (typeof careerEventKinds)[number];
/** The intake (aanmelding) is recorded by the registration itself, once. */
export const recordableCareerEventKinds = ['start', 'team_change', 'promotion', 'pause', 'resume', 'exit'] as const;

export const supportLevels = ['low', 'medium', 'high'] as const;

export { code } from './lists';

export { todayIso };

/** A real calendar date (2024-02-30 is refused) that is not in the future. */
export const pastDate = isoDate.refine((d) => d <= todayIso(), 'Cannot be in the future');
const dateOfBirth = isoDate.refine((d) => d >= '1900-01-01' && d <= todayIso(), 'Not a possible date of birth');

const personName = shortText(80);
const optionalEmail = z.email().max(254).nullish();
const optionalPhone = z.string().trim().min(1).max(40).nullish();
const optionalAddress = z.string().trim().min(1).max(300).nullish();
const userIds = z.array(z.string().min(1).max(64)).max(20);

// ---------- responses ----------

const named = z.object({ id: z.string(), name: z.string() });

export const participantListItem = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(participantStatuses),
  startDate: isoDate.nullable(),
  programmeType: z.string(),
  site: named,
  team: named.nullable(),
  coaches: z.array(named),
  archived: z.boolean(),
});
export type ParticipantListItem = z.infer<typeof participantListItem>;

export const participantPage = z.object({ items: z.array(participantListItem), total: z.number().int() });

export const careerEvent = z.object({
  id,
  kind: z.enum(careerEventKinds),
  date: isoDate,
  team: named.nullable(),
  /** promotion: the new role; package_change: the name of the work package moved to. */
  toRole: z.string().nullable(),
  exitDestination: z.string().nullable(),
  /** Null in the summary view: notes can hold personal circumstances. */
  note: z.string().nullable(),
  recordedBy: named.nullable(),
  createdAt: z.iso.datetime(),
});
export type CareerEvent = z.infer<typeof careerEvent>;

export const indication = z.object({
  id,
  type: z.string(),
  supportLevel: z.enum(supportLevels),
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  note: z.string().nullable(),
});

export const stakeholder = z.object({
  id,
  name: z.string(),
  relation: z.string(),
  contact: z.string().nullable(),
  mayBeInvolved: z.boolean(),
});

export const consent = z.object({
  id,
  kind: z.string(),
  granted: z.boolean(),
  recordedOn: isoDate,
  recordedBy: named.nullable(),
});

/**
 * One dossier. Everyone who may open it gets the summary; `confidential` is null for those who may not see
 * contact data, date of birth, referrer, indications, stakeholders and consents (supervisors, the participant).
 */
export const participantDossier = participantListItem.extend({
  view: z.enum(['full', 'summary']),
  /** When the participant was erased (shared/privacy.ts); absent or null while they are not. */
  anonymisedAt: z.iso.datetime().nullable().optional(),
  timeline: z.array(careerEvent),
  confidential: z
    .object({
      dateOfBirth: isoDate,
      email: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      referrer: z.object({ id, name: z.string(), kind: z.enum(referrerKinds) }).nullable(),
      referrerContact: z.string().nullable(),
      indications: z.array(indication),
      stakeholders: z.array(stakeholder),
      /** Every consent record, newest first: the current one per kind is the first of that kind. */
      consents: z.array(consent),
      /** The participant's own login, or null when they have none yet. */
      account: participantAccountStatus.nullable(),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ParticipantDossier = z.infer<typeof participantDossier>;

// ---------- requests ----------

export const participantListQuery = z.strictObject({
  /** mine: the participants I coach or whose team I supervise. Default: mine for coaches, all (that I may see) for others. */
  scope: z.enum(['mine', 'all']).optional(),
  /** Part of the first or last name, or "first last". */
  q: z.string().trim().max(120).optional(),
  status: z.enum(participantStatuses).optional(),
  teamId: id.optional(),
  siteId: id.optional(),
  coachId: z.string().min(1).max(64).optional(),
  programmeType: z.string().trim().min(1).max(60).optional(),
  /** false: hide archived dossiers (default); true: show them too; only: archived dossiers only. */
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['name', 'startDate', 'status']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const participantCreateBody = z.strictObject({
  firstName: personName,
  lastName: personName,
  dateOfBirth,
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalAddress,
  /** The aanmelding: recorded as the 'intake' career event. Default today. */
  intakeDate: pastDate.optional(),
  /** When given, a 'start' career event on that date is recorded too. */
  startDate: pastDate.optional(),
  siteId: id,
  teamId: id.nullish(),
  /** An active code of the organisation's programme_type list (GET /lists). */
  programmeType: code,
  referrerId: id.nullish(),
  referrerContact: z.string().trim().min(1).max(120).nullish(),
  /** Further coaches; a coach who registers becomes a coach anyway. */
  coachIds: userIds.optional(),
});

/** Team moves are career events (team_change), so PATCH does not take a team. */
export const participantUpdateBody = z.strictObject({
  firstName: personName.optional(),
  lastName: personName.optional(),
  dateOfBirth: dateOfBirth.optional(),
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalAddress,
  siteId: id.optional(),
  /** An active code of the programme_type list; the current code may be kept even after it was deactivated. */
  programmeType: code.optional(),
  referrerId: id.nullish(),
  referrerContact: z.string().trim().min(1).max(120).nullish(),
});

export const careerEventCreateBody = z
  .strictObject({
    kind: z.enum(recordableCareerEventKinds),
    date: pastDate,
    /** team_change only: the new team. */
    teamId: id.optional(),
    /** promotion only: the role on the ladder, e.g. hulpmeestergast. */
    toRole: shortText(80).optional(),
    /** exit only: where the participant goes, an active code of the exit_destination list. */
    exitDestination: code.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    const needs = { team_change: 'teamId', promotion: 'toRole', exit: 'exitDestination' } as const;
    for (const [kind, field] of Object.entries(needs) as [keyof typeof needs, (typeof needs)[keyof typeof needs]][]) {
      if (body.kind === kind && body[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `Required for ${kind}` });
      }
      if (body.kind !== kind && body[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `Only for ${kind}` });
      }
    }
  });

export const participantCoachesBody = z.strictObject({ userIds: userIds.min(1) });

export const indicationsBody = z.strictObject({
  items: z
    .array(
      z
        .strictObject({
          /** A code of the indication_type list. */
          type: code,
          supportLevel: z.enum(supportLevels),
          validFrom: isoDate,
          validUntil: isoDate.nullish(),
          note: z.string().trim().min(1).max(1000).nullish(),
        })
        .refine((i) => !i.validUntil || i.validUntil >= i.validFrom, {
          path: ['validUntil'],
          message: 'Cannot be before validFrom',
        }),
    )
    .max(20),
});

export const stakeholdersBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        name: shortText(120),
        relation: shortText(60),
        contact: z.string().trim().min(1).max(200).nullish(),
        mayBeInvolved: z.boolean(),
      }),
    )
    .max(30),
});

/** Consents are a record: a withdrawal is a new record with granted false, never an edit. */
export const consentCreateBody = z.strictObject({
  /** An active code of the consent_kind list. */
  kind: code,
  granted: z.boolean(),
  recordedOn: pastDate.optional(),
});
