import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  type DomainStatus,
  type PapAction,
  type PapActionStatus,
  type PapDomain,
  type papActionOwners,
  papActionUpdateBody,
  papDomainBody,
} from '#shared/action-plans';
import { GRANT_MAX_DAYS, grantCreateBody } from '#shared/sensitive';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText, translatedIssues } from '../../lib/errors';

type PapActionOwner = (typeof papActionOwners)[number];

const ownCodes = ['reason_required', 'not_eligible', 'too_far'] as const;
type OwnCode = (typeof ownCodes)[number];
const isOwn = (code: string): code is OwnCode => ownCodes.some((c) => c === code);

/** The compartment's own field codes, then the general ones. */
export const papFieldText = (t: TFunction, code: string) =>
  isOwn(code) ? t(`actionPlans.fieldErrors.${code}`) : fieldErrorText(t, code);

interface StaffOnly {
  staffOnly: boolean;
  staffOnlyReason: string;
}

/**
 * Hiding something from the participant needs a reason someone can ask about later (the server answers the same
 * 'reason_required'); a reason without the switch is dropped, so an unticked item never carries an old reason.
 */
export const staffOnlyProblem = (values: StaffOnly): OwnCode | null =>
  values.staffOnly && !values.staffOnlyReason.trim() ? 'reason_required' : null;

const staffOnlyPart = (values: StaffOnly): StaffOnly => ({
  staffOnly: values.staffOnly,
  staffOnlyReason: values.staffOnly ? values.staffOnlyReason.trim() : '',
});

function issues(t: TFunction, schema: z.ZodType, body: StaffOnly): Record<string, string> {
  const result = schema.safeParse(body);
  const errors = result.success ? {} : translatedIssues(t, result.error.issues, body);
  const problem = staffOnlyProblem(body);
  if (problem && !errors.staffOnlyReason) errors.staffOnlyReason = papFieldText(t, problem);
  return errors;
}

export interface DomainValues extends StaffOnly {
  status: DomainStatus;
  hinderingFactors: string;
  ownView: string;
}

export const domainValues = (domain: PapDomain): DomainValues => ({
  status: domain.status,
  hinderingFactors: domain.hinderingFactors,
  ownView: domain.ownView,
  staffOnly: domain.staffOnly,
  staffOnlyReason: domain.staffOnlyReason,
});

/** The request body for one domain; revision is the one read, so someone else's save in between answers 409. */
export const domainBody = (values: DomainValues, revision: number) => ({
  status: values.status,
  hinderingFactors: values.hinderingFactors.trim(),
  ownView: values.ownView.trim(),
  ...staffOnlyPart(values),
  revision,
});

export const domainIssues = (t: TFunction, values: DomainValues, revision: number) =>
  issues(t, papDomainBody, domainBody(values, revision));

/** Changed compared with what was saved (trailing spaces do not count: the server trims them). */
export const domainChanged = (domain: PapDomain, values: DomainValues) =>
  JSON.stringify(domainBody(values, 0)) !== JSON.stringify(domainBody(domainValues(domain), 0));

export interface ActionValues extends StaffOnly {
  what: string;
  owner: PapActionOwner;
  ownerName: string;
  dueDate: string;
  status: PapActionStatus;
}

export const newActionValues = (): ActionValues => ({
  what: '',
  owner: 'participant',
  ownerName: '',
  dueDate: '',
  status: 'open',
  staffOnly: false,
  staffOnlyReason: '',
});

export const actionValues = (action: PapAction): ActionValues => ({
  what: action.what,
  owner: action.owner,
  ownerName: action.ownerName,
  dueDate: action.dueDate,
  status: action.status,
  staffOnly: action.staffOnly,
  staffOnlyReason: action.staffOnlyReason,
});

const actionCommon = (values: ActionValues) => ({
  what: values.what.trim(),
  owner: values.owner,
  // A name only says something when "someone else" does it.
  ownerName: values.owner === 'other' ? values.ownerName.trim() : '',
  dueDate: values.dueDate,
  ...staffOnlyPart(values),
});

export const actionCreateBody = (domainCode: string, values: ActionValues) => ({ domainCode, ...actionCommon(values) });

export const actionUpdateBody = (values: ActionValues) => ({
  ...actionCommon(values),
  status: values.status,
});

/** A new action is checked like an edited one: the two bodies differ only in domainCode (fixed) and status. */
export const actionIssues = (t: TFunction, values: ActionValues) =>
  issues(t, papActionUpdateBody, actionUpdateBody(values));

/** The last day a grant may run until: GRANT_MAX_DAYS after today. */
export function grantUntilMax(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + GRANT_MAX_DAYS);
  return date.toISOString().slice(0, 10);
}

export interface GrantValues {
  userId: string;
  reason: string;
  until: string;
}

export const grantBody = (values: GrantValues): z.input<typeof grantCreateBody> => ({
  userId: values.userId,
  reason: values.reason.trim(),
  until: values.until,
});

export function grantIssues(t: TFunction, values: GrantValues, today: string): Record<string, string> {
  const body = grantBody(values);
  const result = grantCreateBody.safeParse(body);
  const errors = result.success ? {} : translatedIssues(t, result.error.issues, body);
  if (!errors.until && body.until && body.until < today) errors.until = fieldErrorText(t, 'in_the_past');
  if (!errors.until && body.until && body.until > grantUntilMax(today)) errors.until = papFieldText(t, 'too_far');
  return errors;
}

/**
 * A failed save, split: field errors for the inputs the form has, and one sentence for the rest.
 * `known` tells which field paths are on the form.
 */
export function splitError(t: TFunction, error: unknown, known: (path: string) => boolean) {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (error instanceof ApiError) {
    for (const [path, code] of Object.entries(error.fields)) {
      if (known(path)) fields[path] = papFieldText(t, code);
      else rest.push(papFieldText(t, code));
    }
  }
  const message = Object.keys(fields).length && !rest.length ? null : [errorText(t, error), ...rest].join(' ');
  return { fields, message };
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;
