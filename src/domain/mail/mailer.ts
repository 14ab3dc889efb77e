import nodemailer from 'nodemailer';
import type { Db } from '../../persistence/database.js';
import { listUnsentOutboxEmails, markOutboxEmailFailed, markOutboxEmailSent } from '../../persistence/repositories/outbox.repository.js';

// Delivery of the outbox. With SMTP configured, queued messages are sent and marked sent; without it they stay in
// outbox_emails only (the development mail catcher, read by staff at /staff/outbox and by e2e tests).

export const MAX_DELIVERY_ATTEMPTS = 5;

export type Mailer = {
  /** True when messages leave the system (SMTP); false when the outbox is the only destination. */
  readonly delivers: boolean;
  /** Sends what is queued. Safe to call often and concurrently with itself (best effort). Returns how many were sent. */
  deliverPending(db: Db, now: Date): Promise<number>;
};

export type MailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown> };

export const createMailer = (options: { smtpUrl?: string; from: string; transport?: MailTransport }): Mailer => {
  const transport: MailTransport | undefined = options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined);
  if (!transport) return { delivers: false, deliverPending: async () => 0 };
  let running: Promise<number> | undefined;
  const run = async (db: Db, now: Date): Promise<number> => {
    let sent = 0;
    for (const mail of await listUnsentOutboxEmails(db, MAX_DELIVERY_ATTEMPTS)) {
      try {
        await transport.sendMail({ from: options.from, to: mail.toAddress, subject: mail.subject, text: mail.textBody, ...(mail.htmlBody ? { html: mail.htmlBody } : {}) });
        await markOutboxEmailSent(db, mail.id, now);
        sent += 1;
      } catch (error) {
        // Never log the body (it may hold a one-time link): only the id and the transport's message.
        await markOutboxEmailFailed(db, mail.id, error instanceof Error ? error.message : String(error));
      }
    }
    return sent;
  };
  return {
    delivers: true,
    deliverPending: (db, now) => {
      running ??= run(db, now).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
};
