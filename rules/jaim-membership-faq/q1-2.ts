import { NEEDS_REVIEW, cite, defineRule, msg } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q1-2: membership is per establishment (事業所). Several establishments of one company each join; separate
// establishments at one address each join when each has its own shipments; adjacent plants may be one establishment only
// if they ship as one plant, which the FAQ leaves to the circumstances (→ NEEDS_REVIEW). Construction work needs JAC too.

export const membershipsPerEstablishment = defineRule<
  { readonly establishmentsEmployingSsw: number; readonly establishmentsJoined: number },
  'sufficient' | 'insufficient'
>({
  id: 'jaim-membership-faq/q1-2/per-establishment',
  title: msg('事業所ごとの入会', 'One membership per establishment'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q1-2-1'),
      also: [cite('jaim-membership-faq', 'Q1-2-3'), cite('jaim-membership-faq', 'Q2-5-5')],
      summary: msg(
        '特定技能外国人を受け入れる事業所ごとに入会が必要で、同じ法人でも受入れ事業所の数だけ入会する。',
        'Every establishment that accepts SSW workers needs its own membership, even within one company.',
      ),
      evaluate: ({ establishmentsEmployingSsw, establishmentsJoined }) => {
        const used = { establishmentsEmployingSsw, establishmentsJoined };
        return establishmentsJoined >= establishmentsEmployingSsw
          ? { outcome: 'sufficient', message: msg('受入れ事業所のすべてが入会しています。', 'Every accepting establishment is a member.'), used }
          : {
              outcome: 'insufficient',
              message: msg(
                `受入れ事業所${establishmentsEmployingSsw}か所のうち入会は${establishmentsJoined}か所です。事業所ごとに入会が必要です。`,
                `${establishmentsJoined} of ${establishmentsEmployingSsw} accepting establishments are members; each needs its own membership.`,
              ),
              used,
            };
      },
    },
  ],
});

export type PlantLayout = {
  /** Whether the plants share one address / site. */
  readonly sameAddress: boolean;
  /** Whether the plants are adjacent (e.g. across one road) rather than on one site. */
  readonly adjacent: boolean;
  /** Whether each plant has its own shipment records. */
  readonly separateShipmentRecords: boolean;
  /** Whether the plants ship to customers together as one plant (e.g. "A工場"). */
  readonly shipAsOnePlant: boolean;
};

export const plantsAsOneEstablishment = defineRule<PlantLayout, 'separate' | 'one'>({
  id: 'jaim-membership-faq/q1-2/plants-as-one',
  title: msg('同一敷地・隣接工場の入会単位', 'Same-site and adjacent plants'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q1-2-4'),
      also: [cite('jaim-membership-faq', 'Q1-2-1')],
      summary: msg(
        '同じ住所でも出荷実績が別々に確認できる事業所はそれぞれ入会する。隣接工場は原則別々だが、一体として出荷している実態があれば一事業所として扱える場合がある（個別判断）。',
        'Establishments at one address with their own shipments each join. Adjacent plants normally join separately; if they ship as one plant they may count as one, case by case.',
      ),
      evaluate: (f) => {
        const used = { ...f };
        if (f.shipAsOnePlant && !f.separateShipmentRecords) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg(
              '一体として出荷している実態があれば一事業所として扱える可能性がありますが、個別の事情によるため審査で判断します。',
              'The plants ship as one and may count as one establishment, but this depends on the circumstances and is decided in review.',
            ),
            used,
          };
        }
        if (!f.sameAddress && !f.adjacent) {
          return { outcome: 'separate', message: msg('離れた事業所はそれぞれ入会が必要です。', 'Separate establishments each need a membership.'), used };
        }
        return {
          outcome: 'separate',
          message: msg('出荷実績が事業所ごとにあるため、それぞれ入会が必要です。', 'Each plant ships on its own, so each needs a membership.'),
          used,
        };
      },
    },
  ],
});

export const constructionNeedsJac = defineRule<{ readonly alsoAcceptsSswInConstruction: boolean }, 'jac_also_required' | 'not_applicable'>({
  id: 'jaim-membership-faq/q1-2/construction-jac',
  title: msg('建設分野の受入れとJAC', 'Construction-field workers and JAC'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q1-2-2'),
      summary: msg(
        '製造分野の受入れ事業所はJAIMに入会する。同じ企業が建設分野でも受け入れる場合は、建設分野の上乗せ要件として建設技能人材機構（JAC）にも加入する。',
        'Manufacturing-field establishments join JAIM; a company that also accepts construction-field workers must also join JAC under that field’s requirements.',
      ),
      evaluate: ({ alsoAcceptsSswInConstruction }) =>
        alsoAcceptsSswInConstruction
          ? {
              outcome: 'jac_also_required',
              message: msg('建設分野でも受け入れるため、JACへの加入も必要です。', 'Construction-field workers are also accepted, so JAC membership is required as well.'),
              used: { alsoAcceptsSswInConstruction },
            }
          : { outcome: 'not_applicable', message: msg('建設分野での受入れはありません。', 'No construction-field workers are accepted.'), used: { alsoAcceptsSswInConstruction } },
    },
  ],
});
