import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { sensitiveVias } from './sensitive';

/**
 * The PAP (persoonlijk actieplan): the plan on what hinders work, per life domain (the organisation's list
 * 'life_domain', by default the seven ASI areas). Part of the sensitive compartment (shared/sensitive.ts).
 * The participant reads their own PAP, except items a coach marked staff-only with a reason.
 */

/** not_discussed: nothing recorded yet; no_concern; attention: to keep an eye on; hindering: stands in the way of work. */
export const domainStatuses = ['not_discussed', 'no_concern', 'attention', 'hindering'] as const;
export type DomainStatus = (typeof domainStatuses)[number];

export const papActionStatuses = ['open', 'done', 'dropped'] as const;
export type PapActionStatus = (typeof papActionStatuses)[number];

/** Who takes the action: the participant, their coach, or someone else named in ownerName (a doctor, CAW, OCMW). */
export const papActionOwners = ['participant', 'coach', 'other'] as const;

const text = (max: number) => z.string().trim().max(max).default('');

/**
 * staffOnly hides an item from the participant; it needs a reason the coach can be asked about.
 * Field code 'reason_required' on staffOnlyReason when staffOnly is set without one.
 */
const staffOnlyFields = {
  staffOnly: z.boolean().default(false),
  staffOnlyReason: text(300),
};

export const papParams = z.strictObject({ id });
export const papDomainParams = z.strictObject({ id, code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });
export const papActionParams = z.strictObject({ id, actionId: id });

/** Saving one domain; revision is the one read (0 for a domain never saved): a stale one answers 409 conflict. */
export const papDomainBody = z.strictObject({
  status: z.enum(domainStatuses),
  hinderingFactors: text(2000),
  /** The participant's own view, in their words. */
  ownView: text(2000),
  ...staffOnlyFields,
  revision: z.number().int().min(0),
});

export const papActionCreateBody = z.strictObject({
  domainCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  what: shortText(300),
  owner: z.enum(papActionOwners),
  ownerName: text(120),
  /** An action always has a date. */
  dueDate: isoDate,
  ...staffOnlyFields,
});
export const papActionUpdateBody = papActionCreateBody.omit({ domainCode: true }).extend({
  status: z.enum(papActionStatuses),
});

export const papDomain = z.object({
  code: z.string(),
  /** The organisation's word for the domain (the web translates built-in codes). */
  label: z.string(),
  status: z.enum(domainStatuses),
  hinderingFactors: z.string(),
  ownView: z.string(),
  staffOnly: z.boolean(),
  staffOnlyReason: z.string(),
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type PapDomain = z.infer<typeof papDomain>;

export const papAction = z.object({
  id,
  domainCode: z.string(),
  what: z.string(),
  owner: z.enum(papActionOwners),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(papActionStatuses),
  staffOnly: z.boolean(),
  staffOnlyReason: z.string(),
  updatedAt: z.string(),
});
export type PapAction = z.infer<typeof papAction>;

/** The PAP as staff with access read it: every active domain (unsaved ones as not_discussed) and every action. */
export const actionPlan = z.object({
  participantId: id,
  via: z.enum(sensitiveVias),
  domains: z.array(papDomain),
  actions: z.array(papAction),
});
export type ActionPlan = z.infer<typeof actionPlan>;

/** The participant's own PAP: no staff-only items, and no staff-only fields at all. */
export const ownPapDomain = papDomain.omit({
  staffOnly: true,
  staffOnlyReason: true,
  revision: true,
  updatedByName: true,
});
export const ownPapAction = papAction.omit({ staffOnly: true, staffOnlyReason: true });
export const ownActionPlan = z.object({
  domains: z.array(ownPapDomain),
  actions: z.array(ownPapAction),
});
export type OwnActionPlan = z.infer<typeof ownActionPlan>;
