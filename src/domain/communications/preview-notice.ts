import { japanDateOf } from '../../../rules/core/index.js';
import { contactsOfOrganisations, selectAudienceOrganisations } from '../../persistence/repositories/communications.repository.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { InvalidInput, type FieldProblem } from '../errors.js';
import { NO_RECIPIENTS, parseNotice, type NoticeInput, type ValidNotice } from './notice-input.js';

export type NoticePreview = ValidNotice & { recipientCount: number; emailCount: number };

/**
 * What sending would do, without sending: how many members the filters reach today and how many e-mails would go.
 * The confirmation page shows it before the notice is sent.
 */
export const previewNotice = async (ctx: UseCaseContext, input: NoticeInput): Promise<NoticePreview> => {
  authorize(ctx.actor, 'communications.send');
  const problems: FieldProblem[] = [];
  const notice = parseNotice(input, problems);
  if (problems.length) throw new InvalidInput(problems);
  const organisationIds = await selectAudienceOrganisations(ctx.db, notice.audience, japanDateOf(ctx.clock.now()));
  if (organisationIds.length === 0) throw new InvalidInput([NO_RECIPIENTS]);
  const emailCount = notice.sendEmail ? (await contactsOfOrganisations(ctx.db, organisationIds)).length : 0;
  return { ...notice, recipientCount: organisationIds.length, emailCount };
};
