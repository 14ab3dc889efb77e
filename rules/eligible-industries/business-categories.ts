import { NEEDS_REVIEW, cite, defineParameter, defineRule, msg, parameterAt, period, type LegalDate, type Parameter, type Rule } from '../core/index.js';
import type { Track } from './types.js';

// 業務区分 (business categories) of the industrial-products manufacturing field, as dated data (domain-data §2).
// - 2022 (August; exact day not in our sources): the 19 old categories were consolidated into three
//   (機械金属加工, 電気電子機器組立て, 金属表面処理). We take 2022-08-01, marked uncertain.
// - 2024-03-29: the Cabinet decision added seven categories (SSW i only); their operational start is uncertain as for the
//   JSIC list, so the value is marked uncertain.
// Before 2022-08-01 the old 19 categories applied; they are not modelled (NotInForce).

export type BusinessCategory = {
  readonly id: string;
  readonly name: string;
  readonly ssw1: boolean;
  readonly ssw2: boolean;
  /** The skills (旧試験区分) grouped under the category; "inferred" where only the category name is known. */
  readonly skills: readonly string[];
};

const KIKAI: BusinessCategory = {
  id: 'kikai_kinzoku',
  name: '機械金属加工',
  ssw1: true,
  ssw2: true,
  skills: ['鋳造', '鍛造', 'ダイカスト', '機械加工', '金属プレス加工', '鉄工', '工場板金', '仕上げ', 'プラスチック成形', '機械検査', '機械保全', '塗装', '溶接', '工業包装'],
};
const DENKI: BusinessCategory = {
  id: 'denki_denshi',
  name: '電気電子機器組立て',
  ssw1: true,
  ssw2: true,
  skills: ['機械加工', '仕上げ', 'プラスチック成形', 'プリント配線板製造', '電子機器組立て', '電気機器組立て', '機械検査', '機械保全', '工業包装'],
};
const HYOMEN: BusinessCategory = { id: 'kinzoku_hyomen', name: '金属表面処理', ssw1: true, ssw2: true, skills: ['めっき', 'アルミニウム陽極酸化処理'] };

const added2024 = (id: string, name: string): BusinessCategory => ({ id, name, ssw1: true, ssw2: false, skills: [name] });

const ADDED_2024: readonly BusinessCategory[] = [
  added2024('shiki_danboru', '紙器・段ボール箱製造'),
  added2024('concrete', 'コンクリート製品製造'),
  added2024('rpf', 'RPF製造'),
  added2024('toujiki', '陶磁器製品製造'),
  added2024('insatsu_seihon', '印刷・製本'),
  added2024('boshoku', '紡織製品製造'),
  added2024('housei', '縫製'),
];

export const BUSINESS_CATEGORIES: Parameter<readonly BusinessCategory[]> = defineParameter({
  id: 'eligible-industries/business-categories',
  description: msg('工業製品製造業分野の業務区分', 'Business categories of the industrial-products manufacturing field'),
  unit: 'list',
  values: [
    {
      period: period('2022-08-01', '2024-03-29'),
      value: [KIKAI, DENKI, HYOMEN],
      citation: cite('uwanose-kokuji', '2', undefined, undefined, 'secondary'),
      status: 'uncertain',
      note: '2022年8月の区分統合（日付は月までしか分からない）。',
    },
    {
      period: period('2024-03-29'),
      value: [KIKAI, DENKI, HYOMEN, ...ADDED_2024],
      citation: cite('uwanose-kokuji', '2', undefined, undefined, 'secondary'),
      status: 'uncertain',
      note: '2024-03-29閣議決定で7区分追加（運用開始日は不明）。1号10区分・2号3区分（METI）。',
    },
  ],
});

/** The categories in force on a date for a track (throws NotInForce before 2022-08-01). */
export const businessCategoriesOn = (asOf: LegalDate, track: Track): readonly BusinessCategory[] =>
  parameterAt(BUSINESS_CATEGORIES, asOf).value.filter((c) => c[track]);

export type CategoryJsicMapping = {
  readonly category: string;
  readonly jsicPrefixes: readonly string[];
  /** Only a confirmed mapping (METI's 想定される組合せ table) may decide; inferred rows only inform the reviewer. */
  readonly confirmed: boolean;
};

/** domain-data category_jsic_combinations: METI's table was not retrieved; these rows are our inference (unverified). */
export const INFERRED_CATEGORY_JSIC: readonly CategoryJsicMapping[] = [
  { category: 'boshoku', jsicPrefixes: ['11'], confirmed: false },
  { category: 'housei', jsicPrefixes: ['11'], confirmed: false },
  { category: 'insatsu_seihon', jsicPrefixes: ['15'], confirmed: false },
  { category: 'shiki_danboru', jsicPrefixes: ['141', '1421', '1422', '1432', '1453', '1454'], confirmed: false },
  { category: 'concrete', jsicPrefixes: ['2123'], confirmed: false },
  { category: 'toujiki', jsicPrefixes: ['214'], confirmed: false },
  { category: 'rpf', jsicPrefixes: [], confirmed: false },
];

export type CategoryCombinationFacts = { readonly category: string; readonly jsicCode: string; readonly track: Track };
export type CategoryCombination = 'expected' | 'not_expected' | 'unknown_category';

/** Builds the combination rule over a mapping table (the operator loads METI's table when it is obtained). */
export const makeCategoryCombinationRule = (mappings: readonly CategoryJsicMapping[]): Rule<CategoryCombinationFacts, CategoryCombination> =>
  defineRule<CategoryCombinationFacts, CategoryCombination>({
    id: 'eligible-industries/business-categories/category-jsic-combination',
    title: msg('業務区分と産業分類の組合せ', 'Business category and JSIC combination'),
    versions: [
      {
        period: period('2022-08-01'),
        citation: cite('uwanose-kokuji', '2', undefined, undefined, 'inferred'),
        summary: msg(
          '外国人が従事する業務区分と事業所の産業分類の組合せは、経済産業省の「想定される組合せ」表に照らして確認する。表が確認済みでない限り、判断は審査に回す。',
          "The worker's business category is checked against the establishment's JSIC code using METI's table of expected combinations; unless that table is confirmed, the check goes to review.",
        ),
        evaluate: ({ category, jsicCode, track }, ctx) => {
          const used = { category, jsicCode, track };
          const categories = ctx.param(BUSINESS_CATEGORIES);
          const cat = categories.find((c) => c.id === category || c.name === category);
          if (!cat || !cat[track]) {
            return {
              outcome: 'unknown_category',
              message: msg(`業務区分「${category}」はこの日の${track === 'ssw1' ? '1号' : '2号'}の区分にありません。`, `Business category "${category}" does not exist for ${track} on this date.`),
              used,
            };
          }
          const rows = mappings.filter((m) => m.category === cat.id);
          const match = rows.find((m) => m.jsicPrefixes.some((p) => jsicCode.startsWith(p)));
          const confirmed = rows.length > 0 && rows.every((m) => m.confirmed);
          if (confirmed) {
            return match
              ? { outcome: 'expected', message: msg(`${cat.name} と ${jsicCode} は想定される組合せです。`, `${cat.name} with ${jsicCode} is an expected combination.`), used }
              : { outcome: 'not_expected', message: msg(`${cat.name} と ${jsicCode} は想定される組合せにありません。`, `${cat.name} with ${jsicCode} is not an expected combination.`), used };
          }
          return {
            outcome: NEEDS_REVIEW,
            message: msg(
              `業務区分と産業分類の組合せ表は未確認です（推定では${match ? '組合せあり' : '組合せなし'}）。${cat.name} と ${jsicCode} の組合せは審査で確認してください。`,
              `The category/JSIC combination table is unverified (our inference: ${match ? 'expected' : 'not expected'}); check ${cat.name} with ${jsicCode} in review.`,
            ),
            used: { ...used, inferred: match ? 'expected' : 'not_expected' },
          };
        },
      },
    ],
  });

export const categoryJsicCombination = makeCategoryCombinationRule(INFERRED_CATEGORY_JSIC);
