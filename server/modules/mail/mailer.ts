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

export interface Mailer {
  send(mail: Mail): Promise<void>;
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
      if (!transport || !row) {
        log.info(
          { mail: { id: row?.id, to: mail.to, subject: mail.subject } },
          'mail kept in the outbox (no SMTP_HOST set)',
        );
        return;
      }
      try {
        await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
        await withTenant(db, mail.organisationId, (tx) =>
          tx.update(mailOutbox).set({ deliveredAt: new Date() }).where(eq(mailOutbox.id, row.id)),
        );
      } catch (err) {
        log.error({ mail: { id: row.id, to: mail.to }, err: (err as Error).message }, 'mail delivery failed');
      }
    },
  };
}
