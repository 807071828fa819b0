import type { TFunction } from 'i18next';
import { type PlanContent, planContent, planFieldCodes } from '#shared/development-plans';
import { fieldErrorText, translatedIssues } from '../../lib/errors';

type PlanFieldCode = (typeof planFieldCodes)[number];
const isPlanCode = (code: string): code is PlanFieldCode => planFieldCodes.some((known) => known === code);

/** The POP's own field codes ("unknown_goal", "duplicate"), then the general ones. */
export function planFieldText(t: TFunction, code: string): string {
  return isPlanCode(code) ? t(`developmentPlans.fieldErrors.${code}`) : fieldErrorText(t, code);
}

/** The shared schema's verdict on the plan being edited, as translated errors by path ("goals.0.dueDate"). */
export function planIssues(t: TFunction, values: PlanContent): Record<string, string> {
  const result = planContent.safeParse(values);
  if (result.success) return {};
  const errors = translatedIssues(t, result.error.issues, values);
  for (const issue of result.error.issues) {
    if (isPlanCode(issue.message)) errors[issue.path.join('.')] = planFieldText(t, issue.message);
  }
  return errors;
}

/** The server names fields of the request body ("content.goals.0.dueDate"); the form knows them without "content.". */
export function serverPlanErrors(t: TFunction, fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, code] of Object.entries(fields)) {
    if (path.startsWith('content.')) errors[path.slice('content.'.length)] = planFieldText(t, code);
  }
  return errors;
}

/** A new goal or action needs a key that stays the same in every later version. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context (plain http on a network address) randomUUID is missing; build a v4 UUID by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
