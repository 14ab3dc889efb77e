import { z } from 'zod';
import { fiscalYearOf, japanDateOf, legalDate, isLegalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { insertRenewalCycle, insertRenewalResponses, listedEstablishmentsOn, organisationContacts, type RenewalCycleRow } from '../../persistence/repositories/renewals.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput } from '../errors.js';
import { issueInvoiceTx } from '../fees/issue-invoice.js';
import { queueMail } from '../mail/outbox.js';
import { type RenewalContext, renewalLink } from './context.js';
import { renewalOpenedMail } from './renewal-mail.js';

export const openCycleInput = z.object({
  fiscalYear: z.coerce.number().int().min(2019).max(2200),
  roster: z.enum(['council', 'jaim']),
  deadline: z.string().refine((v) => isLegalDate(v)),
});

/**
 * The secretariat opens the renewal-intent check for a fiscal year (council art.12(1), (3)): every establishment
 * listed on the roster today is asked, and its organisation is told by mail. For JAIM the check comes with the next
 * year's fee (jaim-membership-faq Q2-5-8, Q3-1-4: around February of the preceding fiscal year), so each listed
 * establishment's invoice for that year is issued with it (direct debit, Q2-5-7).
 */
export const openRenewalCycle = async (ctx: RenewalContext, raw: unknown): Promise<{ cycle: RenewalCycleRow; asked: number; invoices: number }> => {
  authorize(ctx.actor, 'renewal.manage');
  const parsed = openCycleInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'fiscalYear');
    throw new InvalidInput([{ field, message: field === 'deadline' ? { ja: '回答期限を YYYY-MM-DD で入力してください', en: 'Enter the deadline as YYYY-MM-DD' } : field === 'roster' ? { ja: '名簿を選んでください', en: 'Choose the roster' } : { ja: '年度を入力してください', en: 'Enter the fiscal year' } }]);
  }
  const v = parsed.data;
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const current = fiscalYearOf(today);
  if (v.fiscalYear !== current && v.fiscalYear !== current + 1) {
    throw new InvalidInput([{ field: 'fiscalYear', message: { ja: `更新の確認は今年度（${current}年度）か翌年度（${current + 1}年度）について行います`, en: `The check is for this fiscal year (FY${current}) or the next (FY${current + 1})` } }]);
  }
  const deadline = legalDate(v.deadline);
  if (deadline < today) throw new InvalidInput([{ field: 'deadline', message: { ja: '回答期限は今日以降の日付にしてください', en: 'The deadline must be today or later' } }]);
  return ctx.db.transaction(async (tx) => {
    const cycle = await insertRenewalCycle(tx, { fiscalYear: v.fiscalYear, roster: v.roster, openedOn: today, deadline, openedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, at });
    if (!cycle) throw new Conflict('cycle exists', { ja: 'この年度・名簿の更新確認は既に開始されています。', en: 'The renewal check for this fiscal year and roster has already been opened.' });
    const listed = await listedEstablishmentsOn(tx, v.roster, today);
    const responses = await insertRenewalResponses(tx, listed.map((l) => ({ cycleId: cycle.id, ...l })), at);
    let invoices = 0;
    if (v.roster === 'jaim') {
      for (const r of responses) {
        const inv = await issueInvoiceTx(tx, ctx, { establishmentId: r.establishmentId, fiscalYear: v.fiscalYear, firstYear: false, feeNoticeDate: null, renewalResponseId: r.id });
        if (inv) invoices += 1;
      }
    }
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'renewal_cycle.opened',
      target: { type: 'renewal_cycle', id: cycle.id },
      summary: { after: { fiscalYear: v.fiscalYear, roster: v.roster, deadline, asked: responses.length, invoices, rule: v.roster === 'council' ? 'council-operating-rules art.12(1)' : 'jaim-membership-faq Q2-5-8, Q3-1-4' } },
    });
    const organisations = [...new Set(responses.map((r) => r.organisationId))];
    for (const orgId of organisations) {
      for (const c of await organisationContacts(tx, orgId)) {
        await queueMail(tx, at, c.email, renewalOpenedMail(c.locale, { name: c.displayName, fiscalYear: v.fiscalYear, deadline, link: renewalLink(ctx) }));
      }
    }
    return { cycle, asked: responses.length, invoices };
  });
};

export const establishmentName = async (ctx: RenewalContext, id: string): Promise<string> => (await findEstablishment(ctx.db, id))?.name ?? '';
