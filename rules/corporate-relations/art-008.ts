import { cite, defineRule, msg, period } from '../core/index.js';

// 財務諸表等規則 art.8: when company B is a subsidiary (para 3, control of the decision-making body, tested as in
// para 4) or an affiliate (para 5, significant influence, tested as in para 6) of company A. We hold only the
// summary in the manufacturing activity plan guide (seed 001, "子会社/関連会社"), so every citation is marked
// secondary. Shares are compared exactly as vote counts (integers, cross-multiplied), never as floats: pass
// basis points with totalVotes 10,000 when only a percentage is known.

export type SubsidiaryIndicators = {
  /** (B) Current or former officers/employees of A hold a majority of B's board (or equivalent body). */
  readonly boardMajority: boolean;
  /** (C) A contract under which A controls B's important policy decisions. */
  readonly controlContract: boolean;
  /** (D) A (alone or with close parties) finances more than half of the liabilities on B's balance sheet. */
  readonly majorityFinancing: boolean;
  /** (E) Other facts suggesting A controls B's decision-making body: a judgement, never decided by the system. */
  readonly otherControlFacts: boolean;
};

export type AffiliateIndicators = {
  /** (A) A current or former officer/employee of A is B's representative director or a director. */
  readonly officerAsDirector: boolean;
  /** (B) Significant financing between A and B. */
  readonly significantFinancing: boolean;
  /** (C) Significant technology provided between A and B. */
  readonly significantTechnology: boolean;
  /** (D) Significant business transactions between A and B. */
  readonly significantTransactions: boolean;
  /** (E) Other facts suggesting significant influence: a judgement, never decided by the system. */
  readonly otherInfluenceFacts: boolean;
};

export type CorporateRelationFacts = {
  /** A and B are the same legal person (e.g. a foreign branch of A): no subsidiary test is needed. */
  readonly sameEntity: boolean;
  /** All voting rights in B. */
  readonly totalVotes: number;
  /** Votes in B that A holds on its own account. */
  readonly votesHeldByA: number;
  /** Votes in B held by parties closely tied to A (votes, capital, staff, funds, technology, trade) or consenting to vote with A — A's own excluded. */
  readonly votesHeldByCloseParties: number;
  readonly subsidiaryIndicators: SubsidiaryIndicators;
  readonly affiliateIndicators: AffiliateIndicators;
  /** A contract under which A and B (with others) jointly control B (共同支配企業). */
  readonly jointControlContract: boolean;
};

export const NO_SUBSIDIARY_INDICATORS: SubsidiaryIndicators = {
  boardMajority: false,
  controlContract: false,
  majorityFinancing: false,
  otherControlFacts: false,
};

export const NO_AFFILIATE_INDICATORS: AffiliateIndicators = {
  officerAsDirector: false,
  significantFinancing: false,
  significantTechnology: false,
  significantTransactions: false,
  otherInfluenceFacts: false,
};

/** Facts from percentages in basis points (5000 = 50.00%): totalVotes is 10,000. */
export const factsFromBasisPoints = (
  aBasisPoints: number,
  closePartiesBasisPoints = 0,
  rest: Partial<Pick<CorporateRelationFacts, 'sameEntity' | 'subsidiaryIndicators' | 'affiliateIndicators' | 'jointControlContract'>> = {},
): CorporateRelationFacts => ({
  sameEntity: rest.sameEntity ?? false,
  totalVotes: 10_000,
  votesHeldByA: aBasisPoints,
  votesHeldByCloseParties: closePartiesBasisPoints,
  subsidiaryIndicators: rest.subsidiaryIndicators ?? NO_SUBSIDIARY_INDICATORS,
  affiliateIndicators: rest.affiliateIndicators ?? NO_AFFILIATE_INDICATORS,
  jointControlContract: rest.jointControlContract ?? false,
});

/** votes / total compared with num / den exactly: sign of votes*den − num*total. */
const cmpShare = (votes: number, total: number, num: number, den: number): number => votes * den - num * total;

/** Share as a display string with two decimals, computed in integers (no float rounding). */
export const shareLabel = (votes: number, total: number): string => {
  const bp = Math.floor((votes * 10_000) / total);
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
};

const FS_SUMMARY = cite('manufacturing-activity-plan-guide', 'req.2');

/**
 * The control and influence criteria (支配力基準・影響力基準) apply to fiscal years from 1999-04-01 (the 1998
 * amendment of the regulation) — inferred from secondary knowledge; earlier wording is not modelled.
 */
export const CRITERIA_IN_FORCE = period('1999-04-01');

const anyOf = (flags: readonly boolean[]): boolean => flags.some(Boolean);

export type SubsidiaryRoute = 'majority' | 'forty-to-fifty' | 'with-close-parties';

export const subsidiaryTest = defineRule<CorporateRelationFacts, 'subsidiary' | 'not-subsidiary'>({
  id: 'corporate-relations/art-008/subsidiary',
  title: msg('子会社の判定（意思決定機関の支配）', 'Subsidiary test (control of the decision-making body)'),
  versions: [
    {
      period: CRITERIA_IN_FORCE,
      citation: cite('financial-statements-regulation', '8', '3', undefined, 'secondary'),
      also: [cite('financial-statements-regulation', '8', '4', undefined, 'secondary'), FS_SUMMARY],
      summary: msg(
        'AがBの議決権の過半を持つとき、40%以上50%以下を持ち(A)〜(E)のいずれかに当たるとき、又はAと緊密な者等を合わせて過半を持ち(B)〜(E)のいずれかに当たるとき、BはAの子会社となる。(E)だけが根拠のときは人が判断する。',
        'B is a subsidiary of A when A holds more than half of its votes; or 40–50% plus any of indicators (A)–(E); or, together with closely tied parties, more than half plus any of (B)–(E). When (E) "other control facts" is the only ground, a person decides.',
      ),
      evaluate: (f) => {
        const { totalVotes: t, votesHeldByA: own, votesHeldByCloseParties: close } = f;
        const ind = f.subsidiaryIndicators;
        const aJointMajority = cmpShare(own + close, t, 1, 2) > 0; // (A)
        const hardBtoD = anyOf([ind.boardMajority, ind.controlContract, ind.majorityFinancing]);
        const used = {
          share: shareLabel(own, t),
          sharesWithCloseParties: shareLabel(own + close, t),
          indicatorA_jointMajority: aJointMajority,
          ...ind,
        };
        if (cmpShare(own, t, 1, 2) > 0) {
          return {
            outcome: 'subsidiary',
            message: msg(`AはBの議決権の${used.share}を所有し、過半を超えるため、BはAの子会社です。`, `A holds ${used.share} of B's votes, more than half, so B is A's subsidiary.`),
            used: { ...used, route: 'majority' satisfies SubsidiaryRoute },
          };
        }
        const inBand = cmpShare(own, t, 2, 5) >= 0; // 40% ≤ own ≤ 50%
        if (inBand && (aJointMajority || hardBtoD)) {
          return {
            outcome: 'subsidiary',
            message: msg(
              `AはBの議決権の${used.share}（40%以上50%以下）を所有し、支配を示す事実（${aJointMajority ? '(A)緊密な者等との合算で過半' : '(B)〜(D)'}）があるため、BはAの子会社です。`,
              `A holds ${used.share} of B's votes (40–50%) and a control indicator (${aJointMajority ? '(A) a joint majority with close parties' : '(B)–(D)'}) is present, so B is A's subsidiary.`,
            ),
            used: { ...used, route: 'forty-to-fifty' satisfies SubsidiaryRoute },
          };
        }
        if (aJointMajority && hardBtoD) {
          return {
            outcome: 'subsidiary',
            message: msg(
              `Aと緊密な者等を合わせてBの議決権の${used.sharesWithCloseParties}（過半）を所有し、(B)〜(D)のいずれかに当たるため、BはAの子会社です。`,
              `Together with close parties A holds ${used.sharesWithCloseParties} of B's votes (a majority) and one of (B)–(D) applies, so B is A's subsidiary.`,
            ),
            used: { ...used, route: 'with-close-parties' satisfies SubsidiaryRoute },
          };
        }
        if ((inBand || aJointMajority) && ind.otherControlFacts) {
          return {
            outcome: 'needs_review',
            message: msg(
              `議決権の割合（A単独${used.share}、緊密な者等との合算${used.sharesWithCloseParties}）は要件に届く可能性がありますが、根拠が(E)「その他支配が推測される事実」のみのため、子会社に当たるかは担当者の判断が必要です。`,
              `The voting shares (A alone ${used.share}, with close parties ${used.sharesWithCloseParties}) could qualify, but the only indicator is (E) "other facts suggesting control", so whether B is a subsidiary needs a person's judgement.`,
            ),
            used,
          };
        }
        return {
          outcome: 'not-subsidiary',
          message: msg(
            `A単独の議決権${used.share}、緊密な者等との合算${used.sharesWithCloseParties}と支配を示す事実からは、BはAの子会社に当たりません。`,
            `With A alone at ${used.share}, ${used.sharesWithCloseParties} with close parties, and the control indicators given, B is not A's subsidiary.`,
          ),
          used,
        };
      },
    },
  ],
});

export type AffiliateRoute = 'twenty-percent' | 'fifteen-to-twenty' | 'with-close-parties' | 'joint-control';

/** Whether B is an affiliate of A, assuming B is not A's subsidiary (para 5 covers companies other than subsidiaries). */
export const affiliateTest = defineRule<CorporateRelationFacts, 'affiliate' | 'not-affiliate'>({
  id: 'corporate-relations/art-008/affiliate',
  title: msg('関連会社の判定（重要な影響）', 'Affiliate test (significant influence)'),
  versions: [
    {
      period: CRITERIA_IN_FORCE,
      citation: cite('financial-statements-regulation', '8', '5', undefined, 'secondary'),
      also: [cite('financial-statements-regulation', '8', '6', undefined, 'secondary'), FS_SUMMARY],
      summary: msg(
        'AがBの議決権の20%以上を持つとき、15%以上20%未満を持ち(A)〜(E)のいずれかに当たるとき、緊密な者等と合わせて20%以上を持ち(A)〜(E)のいずれかに当たるとき、又は共同支配の契約があるとき、BはAの関連会社となる。(E)だけが根拠のときは人が判断する。',
        'B is an affiliate of A when A holds 20% or more of its votes; or 15% to under 20% plus any of indicators (A)–(E); or, with closely tied parties, 20% or more plus any of (A)–(E); or under a joint-control contract. When (E) is the only ground, a person decides.',
      ),
      evaluate: (f) => {
        const { totalVotes: t, votesHeldByA: own, votesHeldByCloseParties: close } = f;
        const ind = f.affiliateIndicators;
        const hardAtoD = anyOf([ind.officerAsDirector, ind.significantFinancing, ind.significantTechnology, ind.significantTransactions]);
        const used = { share: shareLabel(own, t), sharesWithCloseParties: shareLabel(own + close, t), jointControlContract: f.jointControlContract, ...ind };
        if (cmpShare(own, t, 1, 5) >= 0) {
          return {
            outcome: 'affiliate',
            message: msg(`AはBの議決権の${used.share}（20%以上）を所有するため、BはAの関連会社です。`, `A holds ${used.share} of B's votes (20% or more), so B is A's affiliate.`),
            used: { ...used, route: 'twenty-percent' satisfies AffiliateRoute },
          };
        }
        if (f.jointControlContract) {
          return {
            outcome: 'affiliate',
            message: msg('AとBを共同で支配する契約があるため、BはAの関連会社（共同支配企業）です。', 'A contract gives A joint control of B, so B is A\'s affiliate (a jointly controlled company).'),
            used: { ...used, route: 'joint-control' satisfies AffiliateRoute },
          };
        }
        const inBand = cmpShare(own, t, 3, 20) >= 0; // 15% ≤ own < 20%
        const withClose = cmpShare(own + close, t, 1, 5) >= 0;
        if ((inBand || withClose) && hardAtoD) {
          const route: AffiliateRoute = inBand ? 'fifteen-to-twenty' : 'with-close-parties';
          return {
            outcome: 'affiliate',
            message: inBand
              ? msg(`AはBの議決権の${used.share}（15%以上20%未満）を所有し、(A)〜(D)のいずれかに当たるため、BはAの関連会社です。`, `A holds ${used.share} of B's votes (15% to under 20%) and one of (A)–(D) applies, so B is A's affiliate.`)
              : msg(`Aと緊密な者等を合わせてBの議決権の${used.sharesWithCloseParties}（20%以上）を所有し、(A)〜(D)のいずれかに当たるため、BはAの関連会社です。`, `Together with close parties A holds ${used.sharesWithCloseParties} of B's votes (20% or more) and one of (A)–(D) applies, so B is A's affiliate.`),
            used: { ...used, route },
          };
        }
        if ((inBand || withClose) && ind.otherInfluenceFacts) {
          return {
            outcome: 'needs_review',
            message: msg(
              `議決権の割合（A単独${used.share}、緊密な者等との合算${used.sharesWithCloseParties}）は要件に届く可能性がありますが、根拠が(E)「その他重要な影響が推測される事実」のみのため、関連会社に当たるかは担当者の判断が必要です。`,
              `The voting shares (A alone ${used.share}, with close parties ${used.sharesWithCloseParties}) could qualify, but the only indicator is (E) "other facts suggesting significant influence", so whether B is an affiliate needs a person's judgement.`,
            ),
            used,
          };
        }
        return {
          outcome: 'not-affiliate',
          message: msg(
            `A単独の議決権${used.share}、緊密な者等との合算${used.sharesWithCloseParties}と影響を示す事実からは、BはAの関連会社に当たりません。`,
            `With A alone at ${used.share}, ${used.sharesWithCloseParties} with close parties, and the influence indicators given, B is not A's affiliate.`,
          ),
          used,
        };
      },
    },
  ],
});
