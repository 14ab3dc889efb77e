import { type LegalDate, type Message, NEEDS_REVIEW, type Rule, type RuleOutcome, defineRule, msg } from '../core/index.js';
import { SEEDED_LISTS } from './lists.js';
import type { EligibleIndustryList, JsicEntry, Track } from './types.js';

// Coverage of a JSIC code by an eligible-industry list (domain-data.json jsic_rules):
// - a listed 中分類 or 小分類 covers every code beneath it, unless one of its exclusions names the code;
// - the most specific listed entry decides;
// - an entry that is not confirmed, an unknown track status, or a code missing from a list known to be incomplete gives
//   NEEDS_REVIEW with the reason: our partial list never says a silent "no".

export type JsicCoverage = 'eligible' | 'not_eligible';

export type JsicCoverageFacts = {
  /** JSIC code of the industry the establishment performs (2–4 digits). */
  readonly code: string;
  readonly track: Track;
};

export type CoverageResult = RuleOutcome<JsicCoverage>;

const JSIC_CODE = /^\d{2,4}$/;

const TRACK_LABEL: Readonly<Record<Track, Message>> = {
  ssw1: msg('特定技能1号', 'SSW (i)'),
  ssw2: msg('特定技能2号', 'SSW (ii)'),
};

const CONFIDENCE_LABEL = {
  confirmed: msg('確認済み', 'confirmed'),
  secondary: msg('二次情報のみ', 'secondary sources only'),
  inferred: msg('推定', 'inferred'),
  unresolved: msg('情報源が矛盾・不明', 'sources conflict or are missing'),
} as const;

const isBeneath = (code: string, parent: string): boolean => code.length >= parent.length && code.startsWith(parent);

const compute = (list: EligibleIndustryList, code: string, track: Track, tailUncertain: boolean): CoverageResult => {
  const t = TRACK_LABEL[track];
  if (!JSIC_CODE.test(code)) {
    return {
      outcome: NEEDS_REVIEW,
      message: msg(`産業分類番号「${code}」は2〜4桁の数字ではありません。確認が必要です。`, `JSIC code "${code}" is not 2–4 digits; it must be checked.`),
      used: { code, track, list: list.id },
    };
  }
  const used = { code, track, list: list.id };
  const byCode = new Map(list.entries.map((e) => [e.code, e] as const));
  // Most specific covering entry first.
  let excludedBy: JsicEntry | undefined;
  for (let len = code.length; len >= 2; len--) {
    const entry = byCode.get(code.slice(0, len));
    if (!entry) continue;
    const exclusion = entry.exclusions.find((x) => isBeneath(code, x));
    if (exclusion !== undefined) {
      excludedBy ??= entry;
      continue;
    }
    const partlyExcluded = entry.exclusions.filter((x) => isBeneath(x, code) && x !== code);
    if (partlyExcluded.length > 0) {
      return {
        outcome: NEEDS_REVIEW,
        message: msg(
          `${entry.code} ${entry.name} は対象ですが、${partlyExcluded.join('・')} は除かれています。細分類（4桁）で確認してください。`,
          `${entry.code} is listed but ${partlyExcluded.join(', ')} beneath it is excluded; give the 4-digit code to decide.`,
        ),
        used: { ...used, entry: entry.code, exclusions: partlyExcluded },
      };
    }
    const eligible = entry[track];
    const confidence = track === 'ssw2' ? (entry.ssw2Confidence ?? entry.confidence) : entry.confidence;
    const usedEntry = { ...used, entry: entry.code, confidence };
    if (eligible === null) {
      return {
        outcome: NEEDS_REVIEW,
        message: msg(
          `${entry.code} ${entry.name} が${t.ja}の対象かどうかは情報源で確認できていません（${CONFIDENCE_LABEL[confidence].ja}）。公式の一覧で確認が必要です。`,
          `Whether ${entry.code} is eligible for ${t.en} is not established by our sources (${CONFIDENCE_LABEL[confidence].en}); check the official list.`,
        ),
        used: usedEntry,
      };
    }
    if (confidence !== 'confirmed') {
      return {
        outcome: NEEDS_REVIEW,
        message: msg(
          `${entry.code} ${entry.name} は${t.ja}の対象${eligible ? 'とされています' : 'ではないとされています'}が、根拠は${CONFIDENCE_LABEL[confidence].ja}です。公式の一覧で確認が必要です。`,
          `${entry.code} is said ${eligible ? 'to be' : 'not to be'} eligible for ${t.en}, but only on ${CONFIDENCE_LABEL[confidence].en} grounds; check the official list.`,
        ),
        used: usedEntry,
      };
    }
    if (!eligible && tailUncertain) break;
    return eligible
      ? {
          outcome: 'eligible',
          message: msg(
            `${code} は対象産業 ${entry.code} ${entry.name} に該当し、${t.ja}の対象です。`,
            `${code} falls under the listed industry ${entry.code} and is eligible for ${t.en}.`,
          ),
          used: usedEntry,
        }
      : {
          outcome: 'not_eligible',
          message: msg(`${entry.code} ${entry.name} は${t.ja}の対象ではありません。`, `${entry.code} is not eligible for ${t.en}.`),
          used: usedEntry,
        };
  }
  // Not covered. A shorter code with listed codes beneath it is only partly eligible.
  const beneath = list.entries.filter((e) => isBeneath(e.code, code) && e.code !== code).map((e) => e.code);
  if (beneath.length > 0) {
    return {
      outcome: NEEDS_REVIEW,
      message: msg(
        `${code} のうち対象となるのは一部（${beneath.join('・')}）のみです。より詳しい分類番号で確認してください。`,
        `Only part of ${code} is eligible (${beneath.join(', ')}); give a more detailed code.`,
      ),
      used: { ...used, beneath },
    };
  }
  if (tailUncertain) {
    return {
      outcome: NEEDS_REVIEW,
      message: msg(
        `${code} はこの時点の一覧で対象外ですが、対象産業の拡大（2024-03-29閣議決定）の運用開始日が不明なため、確認が必要です。`,
        `${code} is not on the list for this date, but the expansion decided on 2024-03-29 may already have applied; it must be checked.`,
      ),
      used: { ...used, supersessionUncertainFrom: list.supersessionUncertainFrom },
    };
  }
  if (excludedBy) {
    const confidence = excludedBy.confidence;
    if (confidence === 'confirmed' && list.complete[track]) {
      return {
        outcome: 'not_eligible',
        message: msg(`${code} は ${excludedBy.code} ${excludedBy.name} の除外業種であり、対象外です。`, `${code} is excluded from ${excludedBy.code} and is not eligible.`),
        used: { ...used, excludedBy: excludedBy.code },
      };
    }
    return {
      outcome: NEEDS_REVIEW,
      message: msg(
        `${code} は ${excludedBy.code} の除外業種ですが、一覧の根拠が確定していないため確認が必要です。`,
        `${code} is excluded from ${excludedBy.code}, but the list is not confirmed; it must be checked.`,
      ),
      used: { ...used, excludedBy: excludedBy.code },
    };
  }
  if (list.complete[track]) {
    return {
      outcome: 'not_eligible',
      message: msg(`${code} は${t.ja}の対象産業の一覧にありません。`, `${code} is not on the list of eligible industries for ${t.en}.`),
      used,
    };
  }
  const official = list.officialCount ? list.officialCount[track] : undefined;
  return {
    outcome: NEEDS_REVIEW,
    message: msg(
      `${code} は当システムの一覧にありませんが、一覧は一部のみ（公式は${official ?? '不明な数の'}分類）のため、対象外とは判断できません。公式の一覧で確認が必要です。`,
      `${code} is not in our list, but the list is partial (the official one has ${official ?? 'an unknown number of'} items), so it cannot be ruled out; check the official list.`,
    ),
    used: { ...used, listComplete: false },
  };
};

// Results depend only on (list, track, code, whether the date is in the uncertain tail): computed once, then shared.
// Results are frozen so that no caller can alter a shared trace entry.
type Memo = Map<string, CoverageResult>;
const memo = new WeakMap<EligibleIndustryList, [Memo, Memo, Memo, Memo]>();

export const coverageOn = (list: EligibleIndustryList, code: string, track: Track, asOf: LegalDate): CoverageResult => {
  let maps = memo.get(list);
  if (!maps) {
    maps = [new Map(), new Map(), new Map(), new Map()];
    memo.set(list, maps);
  }
  const tail = list.supersessionUncertainFrom !== undefined && asOf >= list.supersessionUncertainFrom;
  const m = maps[(track === 'ssw2' ? 2 : 0) + (tail ? 1 : 0)]!;
  let r = m.get(code);
  if (!r) {
    r = Object.freeze(compute(list, code, track, tail));
    if (m.size < 20_000) m.set(code, r);
  }
  return r;
};

/** Builds the coverage rule over a set of dated lists: one rule version per list, in force for the list's period. */
export const makeJsicCoverageRule = (lists: readonly EligibleIndustryList[]): Rule<JsicCoverageFacts, JsicCoverage> =>
  defineRule<JsicCoverageFacts, JsicCoverage>({
    id: 'eligible-industries/coverage/jsic-coverage',
    title: msg('日本標準産業分類の対象産業該当性', 'JSIC code covered by the eligible-industry list'),
    versions: lists.map((list) => ({
      period: list.period,
      citation: list.citation,
      summary: msg(
        `一覧（${list.title.ja}）に掲げる中分類・小分類はその下位の分類を含み、除外の記載があるものは除く。一覧で確定できない場合は確認が必要となる。`,
        `A listed 2- or 3-digit class includes every code beneath it except written exclusions (list: ${list.title.en}); anything the list cannot settle goes to review.`,
      ),
      evaluate: ({ code, track }, ctx) => coverageOn(list, code, track, ctx.asOf),
    })),
  });

/** The coverage rule over the seeded lists. */
export const jsicCoverage = makeJsicCoverageRule(SEEDED_LISTS);

