import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appRole, currentOrganisation, tenantPolicy } from './tenancy';

/**
 * Append-only: migration 0002 makes the database refuse UPDATE and DELETE; 0017 allows one UPDATE only: clearing
 * actor_name of an anonymised participant (shared/privacy.ts).
 * organisation_id is null only for events that belong to no tenant (a failed login for an unknown account).
 * details never holds a sensitive value: field names, not contents.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
  },
  (t) => [
    index('audit_org_at_idx').on(t.organisationId, t.at),
    index('audit_org_action_idx').on(t.organisationId, t.action),
    pgPolicy('tenant_read', { for: 'select', to: appRole, using: sql`organisation_id = ${currentOrganisation}` }),
    pgPolicy('tenant_append', { for: 'insert', to: appRole, withCheck: sql`organisation_id = ${currentOrganisation}` }),
    // Only to remove an erased participant's name as actor (migration 0017's trigger allows nothing else).
    pgPolicy('tenant_anonymise', {
      for: 'update',
      to: appRole,
      using: sql`organisation_id = ${currentOrganisation}`,
      withCheck: sql`organisation_id = ${currentOrganisation}`,
    }),
  ],
).enableRLS();

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Set when the SMTP server refused or could not be reached; without SMTP settings neither is ever set. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_org_created_idx').on(t.organisationId, t.createdAt), tenantPolicy()],
).enableRLS();
