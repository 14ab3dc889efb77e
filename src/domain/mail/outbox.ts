import type { Db } from '../../persistence/database.js';
import { insertOutboxEmail } from '../../persistence/repositories/outbox.repository.js';
import type { MailContent } from './mail-templates.js';

/**
 * Queues a message: written to outbox_emails inside the caller's transaction, so mail goes out only if the change
 * that caused it commits. The mailer delivers queued messages afterwards (SMTP when configured).
 */
export const queueMail = async (tx: Db, at: Date, to: string, content: MailContent): Promise<{ id: string }> =>
  insertOutboxEmail(tx, { toAddress: to, subject: content.subject, textBody: content.text, createdAt: at });
