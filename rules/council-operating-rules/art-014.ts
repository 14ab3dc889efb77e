import { NEEDS_REVIEW, cite, defineRule, msg } from '../core/index.js';
import { ENACTMENT_TO_2025_AMENDMENT, SINCE_2025_AMENDMENT, SINCE_ENACTMENT } from './instrument.js';

// Art.14: expulsion, which the co-chairs *may* decide. (1) a category (iii) member that (i) comes under ordinance
// art.2(1)(iv)(a)–(wo), (ii) breaches art.3(1), (iii) joined by fraud, or (iv) no longer carries on a manufacturing-field
// industry at any of its notified establishments. (2) a category (iv) member whose conduct is grossly unsuitable.
// (3) the category (v) member that (i) comes under notice art.10, (ii) breaches art.3(3) or (iii) joined by fraud.
// (4) after an expulsion under (1) or (3), the secretariat reports it to the Ministry of Justice at once when it
// considers this particularly necessary for proper acceptance and protection of SSW workers.

export type CategoryIiiExpulsionFacts = {
  /** Now falls under any of SSW standards ordinance art.2(1)(iv)(a)–(wo). */
  readonly disqualifiedUnderOrdinance: boolean;
  /** Breached a duty under art.3(1). */
  readonly breachedArt3Para1: boolean;
  /** Became a member by fraudulent means. */
  readonly joinedByFraud: boolean;
  /** Whether each notified establishment (as last changed under art.11) still carries on a manufacturing-field industry. */
  readonly establishmentsInField: readonly (boolean | 'unknown')[];
};

export type CategoryIiiGround = 'i' | 'ii' | 'iii' | 'iv';

export type ExpulsionGroundsOutcome<G> = { readonly grounds: readonly G[] };

export const expulsionGroundsCategoryIii = defineRule<CategoryIiiExpulsionFacts, 'grounds' | 'no-ground'>({
  id: 'council-operating-rules/art-014/grounds-category-iii',
  title: msg('第3号の構成員の除名事由', 'Expulsion grounds for category (iii)'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '14', '1'),
      also: [cite('ssw-standards-ordinance', '2', '1', 'iv')],
      summary: msg(
        '第3号の構成員が欠格事由に当たる、第3条第1項に違反する、不正に入会した、又は届け出た全事業所で製造業分野の産業を行わなくなったときは、除名できる。',
        'A category (iii) member may be expelled if it becomes disqualified under the SSW ordinance, breaches art.3(1), joined by fraud, or no longer carries on a manufacturing-field industry at any notified establishment.',
      ),
      evaluate: (f) => {
        const grounds: CategoryIiiGround[] = [];
        if (f.disqualifiedUnderOrdinance) grounds.push('i');
        if (f.breachedArt3Para1) grounds.push('ii');
        if (f.joinedByFraud) grounds.push('iii');
        const inField = f.establishmentsInField;
        const allOut = inField.length > 0 && inField.every((e) => e === false);
        const someUnknown = inField.some((e) => e === 'unknown') && !inField.some((e) => e === true);
        if (allOut) grounds.push('iv');
        const used = { grounds, establishments: inField.length };
        if (grounds.length > 0)
          return {
            outcome: 'grounds',
            message: msg(`第14条第1項第${grounds.map((g) => ({ i: 1, ii: 2, iii: 3, iv: 4 })[g]).join('・')}号の除名事由があります（除名するかは主宰者の裁量）。`, `Expulsion grounds exist under art.14(1)(${grounds.join(')(')}); whether to expel is for the co-chairs.`),
            used,
          };
        if (someUnknown)
          return {
            outcome: NEEDS_REVIEW,
            message: msg('届け出た事業所で製造業分野の産業を続けているか確認が必要です（第14条第1項第4号）。', 'It must be checked whether the notified establishments still carry on a manufacturing-field industry (art.14(1)(iv)).'),
            used,
          };
        return { outcome: 'no-ground', message: msg('第14条第1項の除名事由はありません。', 'No ground under art.14(1) applies.'), used };
      },
    },
  ],
});

export type CategoryIvExpulsionFacts = {
  /** Conduct has been reported that may be grossly unsuitable given the council's purpose. */
  readonly unsuitableConductReported: boolean;
};

export const expulsionCategoryIv = defineRule<CategoryIvExpulsionFacts, 'no-ground'>({
  id: 'council-operating-rules/art-014/category-iv',
  title: msg('第4号の構成員の除名', 'Expulsion of a category (iv) member'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '14', '2'),
      summary: msg(
        '第4号の構成員が目的に照らし著しく不適当な行為をしたときは、主宰者は除名できる。',
        'The co-chairs may expel a category (iv) member whose conduct is grossly unsuitable given the council’s purpose.',
      ),
      evaluate: ({ unsuitableConductReported }) =>
        unsuitableConductReported
          ? {
              outcome: NEEDS_REVIEW,
              message: msg('報告された行為が「著しく適当でない」かは主宰者の判断を要します。', 'Whether the reported conduct is “grossly unsuitable” is for the co-chairs to judge.'),
              used: { unsuitableConductReported },
            }
          : { outcome: 'no-ground', message: msg('除名の検討対象となる行為は報告されていません。', 'No conduct calling for expulsion has been reported.'), used: { unsuitableConductReported } },
    },
  ],
});

export type CategoryVExpulsionFacts = {
  /** Now falls under art.10 of the additional-standards notice. */
  readonly kokujiArt10Applies: boolean;
  readonly breachedArt3Para3: boolean;
  readonly joinedByFraud: boolean;
};

export const expulsionGroundsCategoryV = defineRule<CategoryVExpulsionFacts, 'grounds' | 'no-ground'>({
  id: 'council-operating-rules/art-014/grounds-category-v',
  title: msg('第5号の構成員の除名事由', 'Expulsion grounds for category (v)'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '14', '3'),
      also: [cite('uwanose-kokuji', '10')],
      summary: msg(
        '第5号の構成員が告示第10条に該当する、第3条第3項に違反する、又は不正に入会したときは、除名できる。',
        'The category (v) member may be expelled if notice art.10 comes to apply to it, it breaches art.3(3), or it joined by fraud.',
      ),
      evaluate: (f) => {
        const grounds: string[] = [];
        if (f.kokujiArt10Applies) grounds.push('i');
        if (f.breachedArt3Para3) grounds.push('ii');
        if (f.joinedByFraud) grounds.push('iii');
        const used = { grounds };
        return grounds.length > 0
          ? { outcome: 'grounds', message: msg(`第14条第3項の除名事由があります（${grounds.join('・')}）。`, `Expulsion grounds exist under art.14(3)(${grounds.join(')(')}).`), used }
          : { outcome: 'no-ground', message: msg('第14条第3項の除名事由はありません。', 'No ground under art.14(3) applies.'), used };
      },
    },
  ],
});

export type MojReportFacts = {
  /** The paragraph the member was expelled under. */
  readonly expelledUnder: '14(1)' | '14(2)' | '14(3)';
};

const reportSummary = msg(
  '除名した場合、特定技能外国人の適正な受入れと保護のため特に必要と事務局が認めるときは、直ちに法務省に報告する。',
  'After an expulsion, the secretariat reports it to the Ministry of Justice at once where it considers this particularly necessary for proper acceptance and protection of SSW workers.',
);

const reportReview = (expelledUnder: MojReportFacts['expelledUnder']) => ({
  outcome: NEEDS_REVIEW,
  message: msg(
    '法務省への報告が「特に必要」かは事務局の判断を要します。必要と認めたときは直ちに報告します。',
    'Whether a report to the Ministry of Justice is “particularly necessary” is for the secretariat to judge; if so, it reports at once.',
  ),
  used: { expelledUnder },
});

const noReport = (expelledUnder: MojReportFacts['expelledUnder']) => ({
  outcome: 'not-applicable' as const,
  message: msg('この除名は法務省への報告の対象ではありません。', 'This expulsion is not one the report provision covers.'),
  used: { expelledUnder },
});

export const reportExpulsionToMoj = defineRule<MojReportFacts, 'not-applicable'>({
  id: 'council-operating-rules/art-014/report-to-moj',
  title: msg('除名の法務省への報告', 'Reporting an expulsion to the Ministry of Justice'),
  versions: [
    {
      period: ENACTMENT_TO_2025_AMENDMENT,
      citation: cite('council-operating-rules', '14', '4'),
      summary: reportSummary,
      evaluate: ({ expelledUnder }) => (expelledUnder === '14(1)' ? reportReview(expelledUnder) : noReport(expelledUnder)),
    },
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '14', '4'),
      also: [cite('council-operating-rules', '14', '3')],
      summary: msg(
        '第3号に加え第5号の構成員を除名した場合も、特に必要と事務局が認めるときは直ちに法務省に報告する。',
        'Expulsions of the category (v) member, as well as of category (iii) members, are reported to the Ministry of Justice at once where the secretariat considers it particularly necessary.',
      ),
      evaluate: ({ expelledUnder }) => (expelledUnder === '14(2)' ? noReport(expelledUnder) : reportReview(expelledUnder)),
    },
  ],
});
