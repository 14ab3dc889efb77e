import { defineInstrument, msg } from '../core/index.js';
import { BUSINESS_CATEGORIES, categoryJsicCombination } from './business-categories.js';
import { jsicCoverage } from './coverage.js';
import { jsicEligibilityDetermination } from './determination.js';

export * from './types.js';
export * from './lists.js';
export * from './coverage.js';
export * from './csv.js';
export * from './business-categories.js';
export * from './determination.js';

export const instrument = defineInstrument({
  id: 'eligible-industries',
  documents: ['uwanose-kokuji', 'jsic'],
  title: msg('工業製品製造業分野の対象産業・業務区分', 'Eligible industries and business categories of the manufacturing field'),
  notFormalised: [
    msg(
      '現行の対象産業一覧（1号49分類・2号19分類）は一部しか入手できていない。公式一覧をCSVで読み込むまで、一覧にない分類は確認が必要となる。',
      'The current list (49 items for SSW i, 19 for SSW ii) was only partly recovered; until the official list is loaded from CSV, codes missing from it go to review.',
    ),
    msg('業務区分と産業分類の「想定される組合せ」表は未入手のため、組合せの判定は審査に回す。', "METI's table of expected category/JSIC combinations was not obtained; combination checks go to review."),
    msg('2022年8月以前の19業務区分は扱わない。', 'The 19 business categories before August 2022 are not modelled.'),
  ],
  rules: [jsicCoverage, categoryJsicCombination],
  parameters: [BUSINESS_CATEGORIES],
  determinations: [jsicEligibilityDetermination],
});
