import { cite, defineRule, msg } from '../core/index.js';
import { JAIM_FROM } from '../sme/q2-4.js';

// jaim-membership-faq Q1-2-4: adjacent plants (e.g. across a road) normally join separately; if they ship to
// customers as one plant, they may be treated as one establishment paying one fee. Whether they do is a judgement
// on the evidence ("個別の事情に依ります"), so the system never decides it.

export const adjacentPlantsAsOne = defineRule<{ readonly establishmentId: string; readonly plantsCombined: number }, 'single-plant'>({
  id: 'jaim-fees/q1-2/adjacent-plants',
  title: msg('隣接する工場を1事業所として扱う場合', 'Adjacent plants treated as one establishment'),
  versions: [
    {
      period: JAIM_FROM,
      citation: cite('jaim-membership-faq', 'Q1-2-4'),
      also: [cite('jaim-membership-faq', 'Q1-2-3')],
      summary: msg(
        '隣接する工場は原則として各々入会するが、外部への出荷等をまとめて1つの工場として行っている実態が証跡で示されれば1事業所として扱い、会費も1事業所分となる。該当するかは個別に判断する。',
        'Adjacent plants normally join one by one; where evidence shows they ship to customers as a single plant they may be treated as one establishment paying one fee. Whether that is so is judged case by case.',
      ),
      evaluate: ({ establishmentId, plantsCombined }) =>
        plantsCombined <= 1
          ? { outcome: 'single-plant', message: msg('1つの工場として申請されています。', 'Applied for as a single plant.'), used: { establishmentId, plantsCombined } }
          : {
              outcome: 'needs_review',
              message: msg(
                `事業所「${establishmentId}」は隣接する${plantsCombined}工場をまとめて申請しています。まとめて1工場として出荷している証跡があれば会費は1事業所分ですが、該当するかは担当者の判断が必要です（原則は工場ごとの入会）。`,
                `Establishment "${establishmentId}" combines ${plantsCombined} adjacent plants. With evidence that they ship as one plant the fee is for one establishment, but this needs a person's judgement (normally each plant joins separately).`,
              ),
              used: { establishmentId, plantsCombined },
            },
    },
  ],
});
