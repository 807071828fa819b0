import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt } from './organisations';
import { organisationId, tenantFk, tenantPolicy } from './tenancy';

/**
 * One-time activation codes for participant logins, handed over on paper. Only an HMAC of the code is kept;
 * at most one per login (a new code replaces the old one), and the row is deleted when the code is used.
 */
export const activationCodes = pgTable(
  'activation_codes',
  {
    userId: text('user_id').primaryKey(),
    organisationId: organisationId(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('activation_codes_user_fk', t, t.userId, user).onDelete('cascade'),
    index('activation_codes_org_idx').on(t.organisationId),
    tenantPolicy(),
  ],
).enableRLS();
