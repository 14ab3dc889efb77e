// "Resend my registration links": a candidate who lost the e-mail with their link types the address they applied
// with. Links are secrets kept only as hashes, so each registration gets a new token (the old link stops working)
// and one e-mail lists them all, in the language of the latest application. The answer is the same whether or not
// the address is known, and a registration's link is reissued at most once per cooldown, so the form can neither
// reveal who registered nor be used to flood someone's inbox.
import { z } from 'zod';
import { addDays, type LegalDate } from '../../../../rules/core/index.js';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { listRegistrationsByEmail, reissueAccessToken } from '../../../persistence/repositories/exam-registrations.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { queueMail } from '../../mail/outbox.js';
import { ApplicationInputError } from './application-form.js';
import { registrationLinksMail, type LinkItem } from './candidate-mail.js';
import { newSecretToken, todayOf, type ExamContext } from './context.js';

export const RESEND_COOLDOWN_MINUTES = 15;
/** Registrations for sittings held more than this long ago are past needing their page. */
const LOOKBACK_DAYS = 365;

const LANGS: readonly string[] = ['ja', 'en', 'vi', 'id'];

/** Queues the e-mail when the address has registrations due a new link; returns nothing either way. */
export const resendRegistrationLinks = async (ctx: ExamContext, raw: { email?: unknown }): Promise<void> => {
  authorize(ctx.actor, 'exam_registration.apply');
  const parsed = z.email().max(254).safeParse(typeof raw.email === 'string' ? raw.email.trim() : '');
  if (!parsed.success) throw new ApplicationInputError([{ field: 'email', code: 'email' }]);
  const now = ctx.clock.now();
  const cooldownStart = new Date(now.getTime() - RESEND_COOLDOWN_MINUTES * 60_000);
  const from = addDays(todayOf(ctx) as LegalDate, -LOOKBACK_DAYS);
  await ctx.db.transaction(async (tx) => {
    const rows = await listRegistrationsByEmail(tx, parsed.data, from);
    const latest = rows[0];
    if (!latest) return;
    const lang = (LANGS.includes(latest.language) ? latest.language : 'en') as CandidateLanguage;
    const items: LinkItem[] = [];
    for (const r of rows) {
      if (r.accessLinkSentAt && r.accessLinkSentAt >= cooldownStart) continue;
      const { token, hash } = newSecretToken();
      if (!(await reissueAccessToken(tx, r.registrationId, hash, now, cooldownStart))) continue;
      items.push({ examNumber: r.examNumber, examDate: r.examDate, category: lang === 'ja' ? r.categoryNameJa : r.categoryNameEn, link: `${ctx.baseUrl ?? ''}/exams/registrations/${token}` });
      await writeAuditEvent(tx, { action: 'exam_registration.links_resent', ...auditMeta(ctx), target: { type: 'exam_registration', id: r.registrationId }, summary: { after: { examNumber: r.examNumber, accessToken: 'reissued' } } });
    }
    if (items.length === 0) return;
    await queueMail(tx, now, latest.email, registrationLinksMail(lang, { items }));
  });
};
