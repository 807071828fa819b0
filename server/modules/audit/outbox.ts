import { desc } from 'drizzle-orm';
import type { OutboxMail } from '#shared/audit';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { deliveryOf } from '../mail/mailer';
import { type RequestContext, recordAudit } from './record';

/** The organisation's last 100 mails, newest first, each with what became of it. */
export async function listOutbox(db: Db, ctx: RequestContext): Promise<OutboxMail[]> {
  const rows = await withTenant(db, ctx.actor.organisationId, async (tx) => {
    // The outbox can hold reset links: reading it is itself on the record.
    await recordAudit(tx, ctx, { action: 'outbox.read', targetType: 'outbox' });
    return tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(100);
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    to: r.to,
    subject: r.subject,
    body: r.body,
    delivery: deliveryOf(r),
  }));
}
