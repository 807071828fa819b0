import type { Config } from './config';
import type { Db } from './db/client';
import type { Auth } from './modules/auth/better-auth';
import type { LoginThrottle } from './modules/auth/throttle';
import type { Mailer } from './modules/mail/mailer';

/** What route modules are given: built once in the app factory. */
export interface Deps {
  config: Config;
  db: Db;
  auth: Auth;
  mailer: Mailer;
  throttle: LoginThrottle;
}
