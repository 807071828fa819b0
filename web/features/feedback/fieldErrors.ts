import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { feedbackFieldCodes } from '#shared/feedback';
import { fieldErrorText, translatedIssues } from '../../lib/errors';

type FeedbackFieldCode = (typeof feedbackFieldCodes)[number];
const isFeedbackCode = (code: string): code is FeedbackFieldCode => feedbackFieldCodes.some((known) => known === code);

/** The feedback routes' own field codes ("before_start", "one_required"), then the general ones. */
export function feedbackFieldText(t: TFunction, code: string): string {
  return isFeedbackCode(code) ? t(`feedback.fieldErrors.${code}`) : fieldErrorText(t, code);
}

/** The shared schema's verdict on a form, translated: the general messages, and ours where the schema names a code. */
export function feedbackIssues(t: TFunction, schema: z.ZodType, body: unknown): Record<string, string> {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors = translatedIssues(t, result.error.issues, body);
  for (const issue of result.error.issues) {
    if (isFeedbackCode(issue.message)) errors[issue.path.join('.')] = feedbackFieldText(t, issue.message);
  }
  return errors;
}
