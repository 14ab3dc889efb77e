import { defineInstrument, msg } from '../core/index.js';
import { capitalTest, manufacturingSmeThresholds, otherSectorSmeThresholds } from './art-002.js';
import { smeDetermination } from './determination.js';
import { employeeTest, jaimUsesManufacturingCriterion } from './q2-4.js';

export * from './art-002.js';
export * from './q2-4.js';
export * from './determination.js';

export const instrument = defineInstrument({
  id: 'sme',
  documents: ['sme-basic-act', 'jaim-membership-faq'],
  title: msg('中小企業者の定義（中小企業基本法第2条、JAIMの運用）', 'SME definition (SME Basic Act art.2 as JAIM applies it)'),
  notFormalised: [
    msg(
      'パート・派遣・契約社員・出向者等を常時使用する従業員に算入するかは労働基準法第20条に照らした個別判断であり、結論を左右するときは要確認とする。',
      'Whether part-time, dispatched, contract staff or secondees count as regular employees is a case-by-case judgement under Labour Standards Act art.20; when it decides the outcome it is needs_review.',
    ),
    msg('製造業以外の業種の基準は参照用に保持するのみで、JAIMの判定には使わない。', 'Other sectors\' thresholds are kept for reference only; JAIM does not use them.'),
  ],
  rules: [capitalTest, employeeTest, jaimUsesManufacturingCriterion],
  parameters: [manufacturingSmeThresholds, otherSectorSmeThresholds],
  determinations: [smeDetermination],
});
