import { cite, defineRule, msg } from '../core/index.js';
import { type Category, SINCE_2025_AMENDMENT } from './instrument.js';

// Art.9(2): a subcommittee is made up of METI (item i), agencies concerned whom the co-chairs invite (item ii) and
// persons the co-chairs nominate from among those who joined the council under art.2(1) items (iii), (iv) or (v) (item iii).
// The provision as held names category (v), added on 2025-05-26; its earlier wording is not held.

export type SubcommitteeFacts = {
  /** The category under which the organisation became a council member, or null if it is not a member. */
  readonly joinedAs: Category | null;
};

export type SubcommitteeRoute = 'member-as-meti' | 'by-invitation' | 'nominable' | 'not-eligible';

export const subcommitteeEligibility = defineRule<SubcommitteeFacts, SubcommitteeRoute>({
  id: 'council-operating-rules/art-009/subcommittee-eligibility',
  title: msg('分科会の構成員となり得る者', 'Who may sit on a subcommittee'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '9', '2', 'iii'),
      also: [cite('council-operating-rules', '9', '2', 'i'), cite('council-operating-rules', '9', '2', 'ii')],
      summary: msg(
        '分科会は経済産業省、依頼を受けた制度関係機関、及び第3号・第4号・第5号として入会した構成員のうち主宰者が指名した者で構成する。',
        'A subcommittee consists of METI, agencies concerned that are invited, and members who joined under categories (iii), (iv) or (v) and are nominated by the co-chairs.',
      ),
      evaluate: ({ joinedAs }) => {
        switch (joinedAs) {
          case 'i':
            return { outcome: 'member-as-meti', message: msg('経済産業省は分科会の構成員です。', 'METI sits on every subcommittee.'), used: { joinedAs } };
          case 'ii':
            return { outcome: 'by-invitation', message: msg('制度関係機関は主宰者の依頼により参加します。', 'An agency concerned takes part when the co-chairs invite it.'), used: { joinedAs } };
          case 'iii':
          case 'iv':
          case 'v':
            return {
              outcome: 'nominable',
              message: msg(`第${joinedAs === 'iii' ? 3 : joinedAs === 'iv' ? 4 : 5}号の構成員として入会しているため、指名を受ければ分科会の構成員になれます。`, `Having joined under category (${joinedAs}), the member may be nominated to a subcommittee.`),
              used: { joinedAs },
            };
          default:
            return { outcome: 'not-eligible', message: msg('協議・連絡会の構成員でないため、分科会の構成員にはなれません。', 'Not being a council member, it cannot sit on a subcommittee.'), used: { joinedAs } };
        }
      },
    },
  ],
});
