import { defineInstrument, msg } from '../core/index.js';
import { affiliateTest, subsidiaryTest } from './art-008.js';
import { corporateRelationDetermination } from './determination.js';

export * from './art-008.js';
export * from './determination.js';

export const instrument = defineInstrument({
  id: 'corporate-relations',
  documents: ['financial-statements-regulation', 'manufacturing-activity-plan-guide'],
  title: msg('子会社・関連会社（財務諸表等規則第8条）', 'Subsidiaries and affiliates (Financial Statements Regulation art.8)'),
  notFormalised: [
    msg(
      '財務諸表等規則第8条の本文は保有しておらず、製造特定活動計画の手引きの要約に拠る（引用はすべて secondary）。支配・影響が一時的な場合や、財務上の影響が乏しい場合の除外は扱っていない。',
      'We do not hold the text of art.8; the rules follow the summary in the manufacturing activity plan guide (all citations secondary). Exclusions for temporary control or immaterial influence are not modelled.',
    ),
    msg(
      '(E)「その他支配（重要な影響）が推測される事実」は人の判断を要するため、唯一の根拠であるときは要確認とする。',
      'Indicator (E), "other facts suggesting control (significant influence)", is a judgement: when it is the only ground the outcome is needs_review.',
    ),
  ],
  rules: [subsidiaryTest, affiliateTest],
  parameters: [],
  determinations: [corporateRelationDetermination],
});
