import type { TFunction } from 'i18next';
import { fieldErrorText } from '../../lib/errors';

/** Field codes of the ILUO routes (server/modules/iluo), with the general ones as the fallback. */
const iluoCodes = ['not_in_team', 'before_start', 'archived', 'not_every_skill', 'too_many_skills'] as const;
type IluoCode = (typeof iluoCodes)[number];
const isIluoCode = (code: string): code is IluoCode => iluoCodes.some((c) => c === code);

export function iluoFieldError(t: TFunction, code: string): string {
  return isIluoCode(code) ? t(`iluo.fieldErrors.${code}`) : fieldErrorText(t, code);
}
