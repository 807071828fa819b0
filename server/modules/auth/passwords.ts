import { AppError } from '../../lib/errors';
import { isCommonPassword } from './common-passwords';

/** The schema checks the length; this adds the check that needs the server's list. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw new AppError('weak_password', 'This password is too common. Choose another one.', {
      [field]: 'too_common',
    });
  }
}
