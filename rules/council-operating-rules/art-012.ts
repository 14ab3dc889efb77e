import { type LegalDate, cite, defineRule, msg } from '../core/index.js';
import { type Category, SINCE_2025_AMENDMENT } from './instrument.js';

// Art.12: each fiscal year the secretariat asks category (iii) members whether they wish to renew; expressing the wish
// renews membership (para 1), not expressing it loses membership (para 2); the check may ride on other surveys (para 3).
// The provision's history before the text as amended on 2025-05-26 is not held.

export type RenewalFacts = {
  readonly category: Category;
  /** Last day set by the secretariat for answering the renewal check. */
  readonly deadline: LegalDate;
  /** Day the member expressed its wish to renew, or null if it has not. */
  readonly intentExpressedOn: LegalDate | null;
};

export type RenewalOutcome = 'renewed' | 'lapsed' | 'pending' | 'not-applicable';

export const renewalByExpressedIntent = defineRule<RenewalFacts, RenewalOutcome>({
  id: 'council-operating-rules/art-012/renewal',
  title: msg('構成員資格の更新', 'Yearly renewal of membership'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '12', '1'),
      also: [cite('council-operating-rules', '12', '2')],
      summary: msg(
        '第3号の構成員は毎年度の意思確認に更新の意思を示せば資格が続き、示さなければ資格を失う。',
        'A category (iii) member stays a member by saying yes to the yearly renewal check; one that does not answer loses membership.',
      ),
      evaluate: ({ category, deadline, intentExpressedOn }, ctx) => {
        const used = { category, deadline, intentExpressedOn, asOf: ctx.asOf };
        if (category !== 'iii')
          return { outcome: 'not-applicable', message: msg('年度ごとの更新は第3号の構成員に限られます。', 'Yearly renewal concerns category (iii) members only.'), used };
        if (intentExpressedOn !== null && intentExpressedOn <= deadline)
          return { outcome: 'renewed', message: msg(`${intentExpressedOn}に更新の意思が示されたため、資格が更新されます。`, `Intent to renew was expressed on ${intentExpressedOn}, so membership is renewed.`), used };
        if (ctx.asOf > deadline || intentExpressedOn !== null)
          return {
            outcome: 'lapsed',
            message: msg(`期限（${deadline}）までに更新の意思が示されなかったため、構成員資格を失います。`, `No intent to renew was expressed by the deadline (${deadline}), so membership lapses.`),
            used,
          };
        return { outcome: 'pending', message: msg(`更新の意思は未表示です（期限 ${deadline}）。`, `No intent expressed yet (deadline ${deadline}).`), used };
      },
    },
  ],
});
