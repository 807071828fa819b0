import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { withTenant } from '../../db/tenant';

export interface Mail {
  organisationId: string;
  to: string;
  subject: string;
  body: string;
}

/**
 * What became of a mail: delivered to the SMTP server, kept in the outbox only (no SMTP settings), or refused by
 * (or not reaching) the SMTP server. Callers that show it to a user read it from the outbox later (deliveryOf).
 */
export type MailDelivery = 'sent' | 'not_sent' | 'failed';

export interface SentMail {
  /** The outbox row. */
  id: string;
  delivery: MailDelivery;
}

export interface Mailer {
  send(mail: Mail): Promise<SentMail>;
}

export function deliveryOf(row: { deliveredAt: Date | null; failedAt: Date | null }): MailDelivery {
  if (row.deliveredAt) return 'sent';
  return row.failedAt ? 'failed' : 'not_sent';
}

/**
 * Every mail is kept in the organisation's outbox (the admin can read it there); with SMTP settings it is
 * also sent. The server log gets recipient and subject only: bodies may hold a reset link, a secret.
 */
export function createMailer(config: Config, db: Db, log: FastifyBaseLogger): Mailer {
  const transport = config.SMTP_HOST
    ? nodemailer.createTransport({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
      })
    : undefined;

  return {
    async send(mail) {
      const [row] = await withTenant(db, mail.organisationId, (tx) =>
        tx
          .insert(mailOutbox)
          .values({ organisationId: mail.organisationId, to: mail.to, subject: mail.subject, body: mail.body })
          .returning({ id: mailOutbox.id }),
      );
      if (!row) throw new Error('mail not stored in the outbox');
      if (!transport) {
        log.info(
          { mail: { id: row.id, to: mail.to, subject: mail.subject } },
          'mail kept in the outbox (no SMTP_HOST set)',
        );
        return { id: row.id, delivery: 'not_sent' };
      }
      // The mail has gone out (or not) whatever happens to this note of it: a failure to write it is logged only.
      const mark = (set: { deliveredAt: Date } | { failedAt: Date }) =>
        withTenant(db, mail.organisationId, (tx) =>
          tx.update(mailOutbox).set(set).where(eq(mailOutbox.id, row.id)),
        ).catch((err: unknown) =>
          log.error({ mail: { id: row.id }, err: (err as Error).message }, 'outbox not updated'),
        );
      try {
        await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
      } catch (err) {
        log.error({ mail: { id: row.id, to: mail.to }, err: (err as Error).message }, 'mail delivery failed');
        await mark({ failedAt: new Date() });
        return { id: row.id, delivery: 'failed' };
      }
      await mark({ deliveredAt: new Date() });
      return { id: row.id, delivery: 'sent' };
    },
  };
}
