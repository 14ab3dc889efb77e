import { NEEDS_REVIEW, cite, defineRule, msg, parts } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q3-3: wage increases as the check of productivity and domestic-recruitment efforts. Reported once a year around
// January–February with the renewal (Q3-3-2). The level is to be set according to economic conditions and is not
// published: adequacy is always NEEDS_REVIEW. (A secondary source mentions 1.5 % for SMEs and 3 % for large firms —
// unverified, shown to the reviewer only.)

export const wageIncreaseReportDue = defineRule<Record<string, never>, 'due' | 'not_due'>({
  id: 'jaim-membership-faq/q3-3/wage-report-due',
  title: msg('賃上げ報告の時期', 'When the wage-increase report is due'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-3-2'),
      also: [cite('jaim-membership-faq', 'Q3-3-1')],
      summary: msg('賃上げの報告は年1回、毎年1〜2月頃に賛助会員資格の更新と合わせて行う想定である。', 'The wage-increase report is planned once a year, around January–February, with the membership renewal.'),
      evaluate: (_f, ctx) => {
        const { month } = parts(ctx.asOf);
        return month <= 2
          ? { outcome: 'due', message: msg('更新時期（1〜2月頃）のため、賃上げの報告が求められます。', 'It is renewal time (around January–February): the wage-increase report is due.'), used: { month } }
          : { outcome: 'not_due', message: msg('賃上げの報告は1〜2月頃の更新時に行います。', 'The wage-increase report is made at renewal, around January–February.'), used: { month } };
      },
    },
  ],
});

export const wageIncreaseAdequacy = defineRule<{ readonly increasePercent: number | null }, 'adequate' | 'inadequate'>({
  id: 'jaim-membership-faq/q3-3/wage-increase-adequacy',
  title: msg('賃上げ水準の妥当性', 'Adequacy of the wage increase'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-3-2'),
      also: [cite('jaim-membership-faq', 'Q3-3-1')],
      summary: msg('賃上げの水準は経済状況等を踏まえて設定するとされ、具体的な水準は示されていない。', 'The required level is to be set according to economic conditions and has not been published.'),
      evaluate: ({ increasePercent }) => ({
        outcome: NEEDS_REVIEW,
        message: msg(
          `賃上げの水準は公表されていないため、報告された賃上げ（${increasePercent ?? '未記載'}%）の妥当性は審査で判断します（二次情報の中小1.5%・大企業3%は未確認）。`,
          `No required level is published, so the reported increase (${increasePercent ?? 'not given'}%) is judged in review (a secondary source's 1.5% SME / 3% large-firm figures are unverified).`,
        ),
        used: { increasePercent },
      }),
    },
  ],
});
