import { cite, legalDate, msg, period } from '../core/index.js';
import type { EligibleIndustryList, JsicEntry } from './types.js';

// Seeded lists of JSIC codes eligible for the industrial-products manufacturing field (工業製品製造業分野), taken from
// /work/shared/reference/domain-data.json (jsic_codes_pre2024_three_fields, jsic_codes_current_partial).
//
// Dates (why these, and how sure we are):
// - 2019-04-01: the SSW status of residence took effect; the three manufacturing fields (素形材・産業機械・電気電子情報関連)
//   accepted these codes from then. Not in domain-data (general knowledge) → periodConfidence 'inferred'.
//   The 2022-04-26 Cabinet decision merged the three fields but, as far as our sources go, did not change the codes.
// - 2024-03-29: Cabinet decision renaming the field and announcing the expansion (CONFIRMED). Its operational start is
//   not known: the detailed 運用要領 and 協議会決定第1号 are dated 2024-09-30 (SECONDARY). We therefore keep the pre-2024
//   list in force until 2024-09-30 (exclusive), and from 2024-03-29 a code missing from it is NEEDS_REVIEW rather than
//   "not eligible" (supersessionUncertainFrom), because the expansion may already have applied.
// - 2024-09-30: the current list (告示第2条第1項, 49 items for SSW i, 19 for SSW ii) is taken to apply. Only part of it
//   was recovered: a code we do not hold is NEEDS_REVIEW, never "no". The operator must load the official list
//   (parseEligibleIndustriesCsv + withNewList) before go-live.

const AKIA = 'http://www.akia-legal.com/foreigners-adopting/faq008.html';
const IMAGINE_MACHINERY = 'https://imagine-rc.jp/project/%e7%94%a3%e6%a5%ad%e6%a9%9f%e6%a2%b0%e8%a3%bd%e9%80%a0%e6%a5%ad%ef%bd%9cindustrial-machinery-industries';
const IMAGINE_ELECTRIC = 'https://imagine-rc.jp/?p=237';
const METI = 'https://www.meti.go.jp/policy/mono_info_service/gaikokujinzai/ukeiretaisyou.html';
const SEED_FAQ = 'seed:seeds/jaim-membership-faq.ja.txt';
const SMILEVISA = 'https://www.smilevisa.jp/owned-media/tokuteiginou-kougyouseihin-newindustry/';
const OKADA = 'https://office-okada-scr.com/blog/archives/600';
const ONODERA = 'https://onodera-user-run.co.jp/?p=13150';
const KARUKERU = 'https://global-talent.karu-keru.com/residential/specific-skills-no2-industry';

const SOKEIZAI_NOTE = '素形材産業分野に掲げられた対象業種（それらは素形材の項目として別に掲載）';

type OldRow = readonly [code: string, level: JsicEntry['level'], name: string, source: string, exclusions?: readonly string[], notes?: readonly string[]];

const OLD_ROWS: readonly OldRow[] = [
  // 素形材産業分野
  ['2194', '細分類', '鋳型製造業（中子を含む）', AKIA],
  ['225', '小分類', '鉄素形材製造業', AKIA],
  ['235', '小分類', '非鉄金属素形材製造業', AKIA],
  ['2424', '細分類', '作業工具製造業', AKIA],
  ['2431', '細分類', '配管工事用附属品製造業（バルブ、コックを除く）', AKIA],
  ['245', '小分類', '金属素形材製品製造業', AKIA],
  ['2465', '細分類', '金属熱処理業', AKIA],
  ['2534', '細分類', '工業窯炉製造業（燃焼炉）', AKIA],
  ['2592', '細分類', '弁・同附属品製造業', AKIA],
  ['2651', '細分類', '鋳造装置製造業', AKIA],
  ['2691', '細分類', '金属用金型・同部分品・附属品製造業', AKIA],
  ['2692', '細分類', '非金属用金型・同部分品・附属品製造業', AKIA],
  ['2929', '細分類', 'その他の産業用電気機械器具製造業（車両用、船舶用を含む）', AKIA],
  ['3295', '細分類', '工業用模型製造業', AKIA],
  // 産業機械製造業分野
  ['2422', '細分類', '機械刃物製造業', IMAGINE_MACHINERY],
  ['248', '小分類', 'ボルト・ナット・リベット・小ねじ・木ねじ等製造業', IMAGINE_MACHINERY],
  ['25', '中分類', 'はん用機械器具製造業', IMAGINE_MACHINERY, ['2591'], ['2591 消火器具・消火装置製造業', SOKEIZAI_NOTE]],
  ['26', '中分類', '生産用機械器具製造業', IMAGINE_MACHINERY, [], [SOKEIZAI_NOTE]],
  ['270', '小分類', '管理、補助的経済活動を行う事業所（27業務用機械器具製造業）', IMAGINE_MACHINERY],
  ['271', '小分類', '事務用機械器具製造業', IMAGINE_MACHINERY],
  ['272', '小分類', 'サービス用・娯楽用機械器具製造業', IMAGINE_MACHINERY],
  ['273', '小分類', '計量器・測定器・分析機器・試験機・測量機械器具・理化学機械器具製造業', IMAGINE_MACHINERY],
  ['275', '小分類', '光学機械器具・レンズ製造業', IMAGINE_MACHINERY],
  // 電気・電子情報関連産業分野
  ['28', '中分類', '電子部品・デバイス・電子回路製造業', IMAGINE_ELECTRIC],
  ['29', '中分類', '電気機械器具製造業', IMAGINE_ELECTRIC, ['2922'], ['2922 内燃機関電装品製造業', SOKEIZAI_NOTE]],
  ['30', '中分類', '情報通信機械器具製造業', IMAGINE_ELECTRIC],
];

const oldEntry = ([code, level, name, source, exclusions = [], notes]: OldRow, inCurrentList: boolean): JsicEntry => ({
  code,
  level,
  name,
  ssw1: true,
  // SSW (ii) is "probable" in domain-data: the 19-item SSW ii list was not retrieved.
  ssw2: true,
  exclusions,
  ...(notes ? { exclusionNotes: notes } : {}),
  source,
  // On the pre-2024 list the SSW (i) entries are confirmed (secondary copies of the official policy); on the current
  // 49-item list they are only presumed to have been carried over.
  confidence: inCurrentList ? 'inferred' : 'confirmed',
  ssw2Confidence: 'inferred',
  note: inCurrentList ? '2024年以前の対象産業。現行49分類にも引き継がれたと推定（未確認）。' : '2024年以前の製造3分野の対象産業。',
});

export const PRE_2024_LIST: EligibleIndustryList = {
  id: 'pre-2024-three-fields',
  title: msg('製造3分野（素形材・産業機械・電気電子情報関連）の対象産業', 'Eligible industries of the three manufacturing fields (before the 2024 expansion)'),
  period: period('2019-04-01', '2024-09-30'),
  periodConfidence: 'inferred',
  periodNote: msg(
    '開始日は特定技能制度の施行日。終了日は2024年拡大の詳細（運用要領・協議会決定第1号）が示された日で、二次情報による。2024-03-29の閣議決定以降は、この一覧にない産業も対象となっていた可能性がある。',
    'Starts when the SSW system took effect; ends when the details of the 2024 expansion were published (secondary source). From the 2024-03-29 Cabinet decision, industries missing here may already have been eligible.',
  ),
  supersessionUncertainFrom: legalDate('2024-03-29'),
  complete: { ssw1: true, ssw2: false },
  citation: cite('uwanose-kokuji', '2', '1', undefined, 'secondary'),
  entries: OLD_ROWS.map((r) => oldEntry(r, false)),
};

type NewRow = readonly [
  code: string,
  level: JsicEntry['level'],
  name: string,
  ssw1: boolean | null,
  ssw2: boolean | null,
  confidence: JsicEntry['confidence'],
  source: string,
  note: string,
];

const NEW_ROWS: readonly NewRow[] = [
  ['11', '中分類', '繊維工業', true, false, 'confirmed', METI, '上乗せ要件あり（協議会決定第1号）。告示第2条第1項第1号と推定。'],
  ['141', '小分類', 'パルプ製造業', true, false, 'secondary', SMILEVISA, '1号のみの項目②（二次情報）。'],
  ['1421', '細分類', '洋紙製造業', true, false, 'secondary', SMILEVISA, '1号のみの項目③（二次情報）。'],
  ['1422', '細分類', '板紙製造業', true, false, 'secondary', SMILEVISA, '1号のみの項目④（二次情報）。'],
  ['1432', '細分類', '段ボール製造業', true, null, 'secondary', OKADA, 'JAIMの案内に掲載あり。2号は不明。'],
  ['1453', '細分類', '段ボール箱製造業', null, false, 'unresolved', OKADA, '情報源が矛盾（業務区分「紙器・段ボール箱製造」との関係）。要確認。'],
  ['1454', '細分類', '紙器製造業', null, false, 'unresolved', '', '業務区分「紙器・段ボール箱製造」から推測されるが未確認。'],
  ['15', '中分類', '印刷・同関連業', true, false, 'confirmed', METI, '上乗せ要件あり（団体加入）。告示第2条第1項第11号と推定。'],
  ['18', '中分類', 'プラスチック製品製造業（別掲を除く）', true, null, 'confirmed', SEED_FAQ, 'JAIM書き方見本 sample_18 あり。2号は不明。'],
  ['2123', '細分類', 'コンクリート製品製造業', true, false, 'inferred', '', '業務区分「コンクリート製品製造」からの推定。'],
  ['214', '小分類', '陶磁器・同関連製品製造業', true, false, 'inferred', '', '業務区分「陶磁器製品製造」からの推定。分類の階層も不明。'],
  ['22', '中分類', '鉄鋼業', true, null, 'secondary', ONODERA, '中分類全体か一部の小分類かは不明。'],
  ['2443', '細分類', '金属製サッシ・ドア製造業', true, null, 'secondary', KARUKERU, '分類番号は未確認。'],
  ['2461', '細分類', '金属製品塗装業', true, null, 'secondary', ONODERA, '分類番号は未確認。'],
  ['2462', '細分類', '溶融めっき業（表面処理鋼材製造業を除く）', true, null, 'confirmed', SEED_FAQ, 'JAIM書き方見本 sample_2462-2464-2469 あり。'],
  ['2464', '細分類', '電気めっき業（表面処理鋼材製造業を除く）', true, null, 'confirmed', SEED_FAQ, 'JAIM書き方見本 sample_2462-2464-2469 あり。'],
  ['2469', '細分類', 'その他の金属表面処理業', true, null, 'confirmed', SEED_FAQ, 'JAIM書き方見本 sample_2462-2464-2469 あり。'],
  ['484', '小分類', 'こん包業', true, false, 'confirmed', METI, '上乗せ要件あり（団体加入、団体名は不明）。告示第2条第1項第49号と推定。'],
];

const newEntry = ([code, level, name, ssw1, ssw2, confidence, source, note]: NewRow): JsicEntry => ({
  code,
  level,
  name,
  ssw1,
  ssw2,
  exclusions: [],
  source,
  confidence,
  // SSW (ii) status is "unknown" (null) for most new items; where a source says "no" we keep its confidence.
  ssw2Confidence: ssw2 === null ? 'unresolved' : confidence,
  note,
});

export const CURRENT_PARTIAL_LIST: EligibleIndustryList = {
  id: 'current-partial-2024',
  title: msg('工業製品製造業分野の対象産業（一部のみ判明）', 'Eligible industries of the industrial-products manufacturing field (partly recovered)'),
  period: period('2024-09-30'),
  periodConfidence: 'secondary',
  periodNote: msg(
    '2024-03-29閣議決定による拡大の運用開始日は不明。詳細が示された2024-09-30（二次情報）から適用するものとした。',
    'The operational start of the expansion decided on 2024-03-29 is unknown; applied from 2024-09-30, when its details were published (secondary source).',
  ),
  complete: { ssw1: false, ssw2: false },
  officialCount: { ssw1: 49, ssw2: 19 },
  citation: cite('uwanose-kokuji', '2', '1', undefined, 'secondary'),
  entries: [...NEW_ROWS.map(newEntry), ...OLD_ROWS.map((r) => oldEntry(r, true))],
};

/** The lists as seeded, in date order. Operators replace the current one with the official list (see csv.ts). */
export const SEEDED_LISTS: readonly EligibleIndustryList[] = [PRE_2024_LIST, CURRENT_PARTIAL_LIST];
