import { relations } from 'drizzle-orm';
import { boolean, index, type PgColumn, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { organisationId, tenantFk, tenantPolicy } from './tenancy';

/**
 * The tables better-auth reads and writes (names and columns are its contract),
 * extended with organisation_id so row-level security covers them too.
 * `verification` holds password-reset tokens only; the app role has no access to it.
 */
export const user = pgTable(
  'user',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId().references(() => organisations.id),
    name: text('name').notNull(),
    // Participants have no e-mail of their own; they get an unroutable placeholder (see identity.ts).
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    username: text('username').unique(),
    displayUsername: text('display_username'),
    role: text('role', { enum: ['admin', 'coach', 'supervisor', 'trainer', 'manager', 'participant'] }).notNull(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('user_org_id_unique').on(t.organisationId, t.id),
    index('user_org_role_idx').on(t.organisationId, t.role),
    tenantPolicy(),
  ],
).enableRLS();

export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_user_idx').on(t.userId), tenantPolicy()],
).enableRLS();

export const account = pgTable(
  'account',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_user_idx').on(t.userId), tenantPolicy()],
).enableRLS();

export const verification = pgTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/** Failed logins, counted per account and per IP over a sliding window; shared by all instances. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/**
 * Lets better-auth read a session (or an account) and its user in one query (advanced.database.joins): the session lookup runs on
 * every API request, so it is one round trip instead of two.
 */
export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
}));
export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));
export const userRelations = relations(user, ({ many }) => ({ sessions: many(session), accounts: many(account) }));

/** A composite foreign key to a user of the same organisation (a login can never point across tenants). */
export const userFk = (t: { organisationId: PgColumn }, column: PgColumn, name: string) =>
  tenantFk(name, t, column, user);
