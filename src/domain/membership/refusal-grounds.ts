import type { Message } from '../../../rules/core/index.js';

// The grounds a reviewer may cite when refusing a join application (M3): each names the provision it applies and a
// short paraphrase (never the source text). The refusal notice and the request page show them to the applicant.

export type RefusalGround = { id: string; citation: string; label: Message };

export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    id: 'not_manufacturing',
    citation: 'council-operating-rules art.10(4)(i)',
    label: { ja: '事業所で製造業分野の産業を行っていない（直近1年の出荷実績がない）', en: 'The establishment does not carry on a manufacturing-field industry (no shipments in the last year)' },
  },
  {
    id: 'rejoin_block',
    citation: 'council-operating-rules art.10(4)(ii)',
    label: { ja: '除名の日から1年を経過していない', en: 'Less than a year has passed since an expulsion' },
  },
  {
    id: 'not_operating',
    citation: 'jaim-membership-faq Q3-2-4',
    label: { ja: '事業所（工場）が操業を開始していない', en: 'The establishment (factory) is not yet operating' },
  },
  {
    id: 'disqualified',
    citation: 'ssw-standards-ordinance art.2(1)(iv)',
    label: { ja: '特定技能基準省令の欠格事由に該当する', en: 'A disqualification ground of the SSW standards ordinance applies' },
  },
  {
    id: 'add_on_not_met',
    citation: 'jaim-membership-faq Q2-3-1',
    label: { ja: '産業分類の上乗せ要件（繊維・印刷・こん包）を満たしていない', en: 'The add-on requirements for the industry (textile, printing, packing) are not met' },
  },
  {
    id: 'industry_not_eligible',
    citation: 'uwanose-kokuji art.2(1)',
    label: { ja: '申請された産業分類が対象外', en: 'The JSIC classes applied for are not eligible' },
  },
];

export const refusalGround = (id: string): RefusalGround | undefined => REFUSAL_GROUNDS.find((g) => g.id === id);
