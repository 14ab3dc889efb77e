import type { Db } from '../../persistence/database.js';
import type { MailContent } from '../mail/mail-templates.js';

/**
 * The in-app (inbox) copy of a notice to the applicant. The communications module (src/domain/communications/,
 * issue 4 M12) had no per-user inbox API when this was written, so applicants are notified by e-mail only (the
 * callers queue the mail in the same transaction); when an inbox exists this function writes to it and nothing
 * else changes.
 */
export const notifyApplicant = async (_tx: Db, _notice: { userId: string; organisationId: string; at: Date; mail: MailContent; link: string }): Promise<void> => {};
