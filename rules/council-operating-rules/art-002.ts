import { cite, defineRule, msg } from '../core/index.js';
import { type Category, ENACTMENT_TO_2025_AMENDMENT, SINCE_2025_AMENDMENT, SINCE_ENACTMENT } from './instrument.js';

// Art.2: who the council's members are (para 1, five categories) and who may sit as an observer (para 2).

/** What kind of organisation is asking; the category follows from it. */
export type OrganisationKind =
  | 'meti'
  /** Ministry of Justice, National Police Agency, Ministry of Foreign Affairs, Ministry of Health, Labour and Welfare. */
  | 'agency-concerned'
  /** An organisation employing manufacturing-field SSW workers, or one about to become an accepting organisation. */
  | 'ssw-employer'
  /** Local government, business federation or other body (not an SSW employer). */
  | 'supporting-body'
  /** A corporation registered under art.4 of the METI additional-standards notice (JAIM from 2025-06-25). */
  | 'kokuji-registered-corporation'
  | 'other';

export type ClassificationFacts = {
  readonly kind: OrganisationKind;
  /** For a supporting body: it endorses the council's purpose and cooperates with its surveys and outreach. */
  readonly endorsesPurposeAndCooperates?: boolean;
};

export type CategoryOrNone = Category | 'none';

const used = (f: ClassificationFacts) => ({ kind: f.kind, endorsesPurposeAndCooperates: f.endorsesPurposeAndCooperates ?? null });

const classify = (f: ClassificationFacts, withCategoryV: boolean) => {
  switch (f.kind) {
    case 'meti':
      return { outcome: 'i' as const, message: msg('経済産業省は第1号の構成員です。', 'METI is a member under item (i).'), used: used(f) };
    case 'agency-concerned':
      return { outcome: 'ii' as const, message: msg('制度関係機関は第2号の構成員です。', 'The agencies concerned are members under item (ii).'), used: used(f) };
    case 'ssw-employer':
      return {
        outcome: 'iii' as const,
        message: msg('製造業分野の特定技能所属機関（又はそれになろうとする機関）は第3号の構成員となり得ます。', 'An accepting organisation in the manufacturing field (or one about to become one) falls under item (iii).'),
        used: used(f),
      };
    case 'supporting-body':
      return f.endorsesPurposeAndCooperates === true
        ? {
            outcome: 'iv' as const,
            message: msg('協議・連絡会の目的に賛同し協力する団体は第4号の構成員となり得ます。', 'A body that endorses the council’s purpose and cooperates with it falls under item (iv).'),
            used: used(f),
          }
        : {
            outcome: 'none' as const,
            message: msg('目的への賛同と協力が確認できない団体は第4号に該当しません。', 'A body that does not endorse and cooperate with the council’s purpose does not fall under item (iv).'),
            used: used(f),
          };
    case 'kokuji-registered-corporation':
      return withCategoryV
        ? {
            outcome: 'v' as const,
            message: msg('上乗せ基準告示第4条の登録を受けた法人は第5号の構成員です。', 'A corporation registered under art.4 of the additional-standards notice is a member under item (v).'),
            used: used(f),
          }
        : {
            outcome: 'none' as const,
            message: msg('この時点の運営要領には第5号の区分がありません（2025年5月26日改正で追加）。', 'The rules in force on this day have no item (v); it appears in the text as amended on 2025-05-26.'),
            used: used(f),
          };
    default:
      return { outcome: 'none' as const, message: msg('第2条第1項のいずれの区分にも該当しません。', 'The organisation falls under none of the categories of art.2(1).'), used: used(f) };
  }
};

export const memberCategory = defineRule<ClassificationFacts, CategoryOrNone>({
  id: 'council-operating-rules/art-002/member-category',
  title: msg('構成員の区分', 'Member category'),
  versions: [
    {
      period: ENACTMENT_TO_2025_AMENDMENT,
      citation: cite('council-operating-rules', '2', '1'),
      summary: msg(
        '構成員は、経済産業省、制度関係機関（法務省・警察庁・外務省・厚生労働省）、製造業分野の特定技能所属機関（なろうとする者を含む）、目的に賛同し協力する地方公共団体・経済団体等の4区分とする。',
        'Members are METI, the agencies concerned (Justice, Police, Foreign Affairs, Health-Labour), accepting organisations in the manufacturing field (or those about to become one), and supporting public or business bodies.',
      ),
      evaluate: (f) => classify(f, false),
    },
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '2', '1'),
      also: [cite('council-operating-rules', '2', '1', 'v')],
      summary: msg(
        '従来の4区分に加え、上乗せ基準告示第4条の登録を受けた法人が第5号の構成員となる。',
        'In addition to the four earlier categories, a corporation registered under art.4 of the additional-standards notice is a member under item (v).',
      ),
      evaluate: (f) => classify(f, true),
    },
  ],
});

export type ObserverFacts = {
  /** The three co-chairs (METI bureau directors-general) consider the person's participation necessary. */
  readonly deemedNecessaryByCoChairs: boolean;
};

export const observerAdmission = defineRule<ObserverFacts, 'observer' | 'not-observer'>({
  id: 'council-operating-rules/art-002/observer',
  title: msg('オブザーバー', 'Observers'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '2', '2'),
      summary: msg(
        '主宰する3名の局長等は、構成員以外でも必要と認める者をオブザーバーとして加えることができる。',
        'The three co-chairs may add anyone they consider necessary to the council as an observer.',
      ),
      evaluate: ({ deemedNecessaryByCoChairs }) =>
        deemedNecessaryByCoChairs
          ? { outcome: 'observer', message: msg('主宰者が必要と認めたため、オブザーバーとして参加できます。', 'The co-chairs consider it necessary, so the person may join as an observer.'), used: { deemedNecessaryByCoChairs } }
          : { outcome: 'not-observer', message: msg('主宰者が必要と認めていないため、オブザーバーではありません。', 'The co-chairs have not admitted the person, so they are not an observer.'), used: { deemedNecessaryByCoChairs } },
    },
  ],
});

export type JoinRouteFacts = { readonly category: Category };

/** How a member of each category comes to be one: only (iii) and (iv) file the join notification of art.10(1). */
export const joinNotificationRequired = defineRule<JoinRouteFacts, 'notification' | 'no-notification'>({
  id: 'council-operating-rules/art-002/join-notification-required',
  title: msg('入会届出を要する区分', 'Categories that file a join notification'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '1'),
      also: [cite('council-operating-rules', '2', '1')],
      summary: msg(
        '入会の届出を行うのは第3号（特定技能所属機関等）と第4号（賛同団体）だけで、他の区分は届出によらず構成員となる。',
        'Only categories (iii) (accepting organisations) and (iv) (supporting bodies) join by notification; the other categories are members without one.',
      ),
      evaluate: ({ category }) =>
        category === 'iii' || category === 'iv'
          ? {
              outcome: 'notification',
              message: msg(`第${category === 'iii' ? 3 : 4}号の者は事務局への入会届出が必要です。`, `A category (${category}) member must file a join notification with the secretariat.`),
              used: { category },
            }
          : {
              outcome: 'no-notification',
              message: msg('この区分の構成員は第10条第1項の入会届出を行いません。', `A category (${category}) member does not file the join notification of art.10(1).`),
              used: { category },
            },
    },
  ],
});
