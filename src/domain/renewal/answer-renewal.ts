import { z } from 'zod';
import { addDays, fiscalYearStart, japanDateOf, legalDate, maxDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findInvoiceOfEstablishment, updateInvoiceGuarded } from '../../persistence/repositories/invoices.repository.js';
import { closeRosterListing, findRenewalResponseView, updateRenewalResponseGuarded, type RenewalResponseRow } from '../../persistence/repositories/renewals.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { transitionInvoice } from '../fees/invoice.states.js';
import { loadRulesContext, determinationFor } from '../rules-context.js';
import type { RenewalContext } from './context.js';
import { renewDetermination, withdrawDetermination } from './lapse-rules.js';
import { transitionResponse } from './renewal-response.states.js';

export const answerInput = z.object({
  decision: z.enum(['renew', 'withdraw']),
  /** Withdraw: the SSW workers employed at the establishment today (no withdrawal while any are, art.13). */
  sswEmployed: z.coerce.number().int().min(0).max(100_000).optional().or(z.literal('').transform(() => undefined)),
  lockVersion: z.coerce.number().int().min(0),
});

export const CHANGED = { ja: 'この回答は既に更新されています。最新の内容を確認してください。', en: 'This answer has already been updated. Check the latest version.' };

/**
 * A member answers the renewal check for one establishment, by the deadline. Renewing expresses the intent of art.12(1);
 * withdrawing (refused while SSW are employed, art.13) ends membership at the end of the current fiscal year and, for
 * JAIM, cancels the next year's invoice (Q3-1-4: no fee if withdrawal is declared at the check; nothing paid is refunded).
 */
export const answerRenewal = async (ctx: RenewalContext, responseId: string, raw: unknown): Promise<RenewalResponseRow> => {
  const view = await findRenewalResponseView(ctx.db, responseId);
  authorize(ctx.actor, 'renewal.answer', { organisationId: view?.organisationId ?? '' });
  if (!view) throw new NotFound('renewal_response');
  const parsed = answerInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'decision');
    throw new InvalidInput([{ field, message: field === 'sswEmployed' ? { ja: '特定技能外国人の雇用人数を0以上の整数で入力してください', en: 'Enter the number of SSW workers employed (0 or more)' } : { ja: '更新するか、更新しないかを選んでください', en: 'Choose whether the establishment renews' } }]);
  }
  const v = parsed.data;
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const deadline = legalDate(view.deadline);
  if (view.cycleStatus !== 'open' || today > deadline) {
    throw new Conflict('deadline passed', { ja: `回答期限（${view.deadline}）を過ぎています。期限までに更新の意思を示さなかった構成員は資格を失います（運営要領第12条第2項）。`, en: `The deadline (${view.deadline}) has passed. Members that did not say they renew by then lose membership (council operating rules art.12(2)).` });
  }
  if (view.lockVersion !== v.lockVersion) throw new Conflict('response changed', CHANGED);
  let determination;
  if (v.decision === 'renew') {
    const rules = await loadRulesContext(ctx.db);
    determination = renewDetermination(view.roster, deadline, today, determinationFor('council-renewal', rules));
  } else {
    if (v.sswEmployed === undefined) throw new InvalidInput([{ field: 'sswEmployed', message: { ja: '退会する事業所で現在雇用している特定技能外国人の人数を入力してください', en: 'Enter how many SSW workers the establishment employs today' } }]);
    determination = withdrawDetermination(view.roster, today, v.sswEmployed);
    if (determination.outcome !== 'withdrawn') {
      const reason = determination.reasons[0] ?? { ja: '退会できません。', en: 'Withdrawal is not possible.' };
      throw new InvalidInput([{ field: 'sswEmployed', message: { ja: `${reason.ja}（運営要領第13条）`, en: `${reason.en} (council operating rules art.13)` } }]);
    }
  }
  const status = transitionResponse(view.status, v.decision);
  const endsOn = v.decision === 'withdraw' ? maxDate(fiscalYearStart(view.fiscalYear), addDays(today, 1)) : null;
  return ctx.db.transaction(async (tx) => {
    const updated = await updateRenewalResponseGuarded(tx, responseId, v.lockVersion, {
      status,
      answeredOn: today,
      answeredBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      determination,
      membershipEndsOn: endsOn,
    });
    if (!updated) throw new Conflict('response changed', CHANGED);
    if (endsOn && view.rosterEntryId) await closeRosterListing(tx, view.rosterEntryId, endsOn);
    let cancelledInvoice: string | null = null;
    if (v.decision === 'withdraw' && view.roster === 'jaim') {
      const invoice = await findInvoiceOfEstablishment(tx, view.establishmentId, view.fiscalYear);
      if (invoice && invoice.status === 'issued') {
        await updateInvoiceGuarded(tx, invoice.id, invoice.lockVersion, { status: transitionInvoice(invoice.status, 'cancel'), cancelReason: 'jaim-membership-faq Q3-1-4: withdrawal declared at the renewal check' });
        cancelledInvoice = invoice.id;
        await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'fee_invoice.cancelled', target: { type: 'fee_invoice', id: invoice.id }, summary: { before: { status: invoice.status }, after: { status: 'cancelled', rule: 'jaim-membership-faq Q3-1-4' } } });
      }
    }
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'renewal_response.answered',
      target: { type: 'renewal_response', id: responseId },
      summary: { before: { status: view.status }, after: { status, answeredOn: today, membershipEndsOn: endsOn, outcome: determination.outcome, cancelledInvoice } },
    });
    return updated;
  });
};
