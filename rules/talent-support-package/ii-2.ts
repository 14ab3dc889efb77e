import { NEEDS_REVIEW, defineRule, msg } from '../core/index.js';
import type { TalentFacts } from './facts.js';
import { PACKAGE_PERIOD, g } from './instrument.js';

// II.2(1): "highly skilled foreign talent" for this service meets all of ① status of residence, ② kind of job,
// ③ education. Talent outside the definition is not supported.

export type HighlySkilled = 'highly-skilled' | 'not-highly-skilled';

const PRINCIPAL = new Set(['highly-skilled-professional', 'researcher', 'engineer-humanities-international', 'business-manager', 'legal-accounting']);

export const highlySkilledTalent = defineRule<TalentFacts, HighlySkilled>({
  id: 'talent-support-package/ii-2/highly-skilled-talent',
  title: msg('高度外国人材の定義', 'Definition of highly skilled foreign talent'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('II.2(1)'),
      also: [g('II.2(1)', '①'), g('II.2(1)', '②'), g('II.2(1)', '③')],
      summary: msg(
        '支援対象の人材は、①原則として「研究」「技術・人文知識・国際業務」「経営・管理」「法律・会計業務」又は「高度専門職」の在留資格に当たり、②研究職・技術職、海外事業の営業、法務・会計の専門職、役員・管理職などに就き、③大学卒業程度以上の学歴をもつ者で、三つすべてを満たす者に限る。',
        'Supported talent must meet all three: (1) a status of residence that is, in principle, Researcher, Engineer/Specialist in Humanities/International Services, Business Manager, Legal/Accounting Services or Highly Skilled Professional; (2) a job as researcher or engineer, overseas-business sales, legal or accounting specialist, or executive or manager; (3) a university degree or equivalent.',
      ),
      evaluate: (t) => {
        const used = { ...t };
        const fails: { ja: string; en: string }[] = [];
        const reviews: { ja: string; en: string }[] = [];
        if (t.statusCategory === 'specified-skilled-worker' || t.statusCategory === 'technical-intern' || t.statusCategory === 'other') {
          fails.push(msg('①在留資格が専門的・技術的分野に当たらない（特定技能・技能実習は対象外）', '(1) the status is not professional/technical (SSW and technical intern are excluded)'));
        } else if (!PRINCIPAL.has(t.statusCategory)) {
          reviews.push(msg('①「原則」として挙げられた4資格・高度専門職以外の専門的・技術的分野の資格', '(1) a professional status other than the four named "in principle" or Highly Skilled Professional'));
        }
        if (t.jobKind === 'other') reviews.push(msg('②例示（「等」）以外の職種', '(2) a job outside the examples the guide gives ("etc.")'));
        if (t.education === 'below') fails.push(msg('③大学卒業程度の学歴がない', '(3) no university-level education'));
        if (fails.length > 0) {
          return {
            outcome: 'not-highly-skilled',
            message: msg(`高度外国人材に当たりません：${fails.map((f) => f.ja).join('、')}。`, `Not highly skilled talent: ${fails.map((f) => f.en).join('; ')}.`),
            used,
          };
        }
        if (reviews.length > 0) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg(`高度外国人材に当たるかはジェトロの判断を要します：${reviews.map((f) => f.ja).join('、')}。`, `Whether this is highly skilled talent is JETRO's judgement: ${reviews.map((f) => f.en).join('; ')}.`),
            used,
          };
        }
        return { outcome: 'highly-skilled', message: msg('①〜③をすべて満たし、高度外国人材に当たります。', 'All of (1)–(3) are met: highly skilled talent.'), used };
      },
    },
  ],
});
