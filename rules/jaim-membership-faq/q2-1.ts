import { NEEDS_REVIEW, addDays, cite, defineRule, msg, type LegalDate } from '../core/index.js';
import { rejoinBlockLiftedOn } from '../council-operating-rules/art-010.js';
import { SINCE_CABINET_DECISION, SINCE_JAIM } from './instrument.js';

// Q2-1: membership is a legal requirement for SSW employers in the field (Cabinet decision 2025-03-11, Q2-1-1/2).
// At entry JAIM checks what the council checked at entry (applicant, establishment and its JSIC industry, declarations,
// pledges, refusal grounds: council art.10) and, in addition, the will to comply with JAIM's code of conduct (Q2-1-3).
// The council's own rules for those checks are cited beside Q2-1-3 (`also`), marked "inferred" where JAIM's own
// wording is not in the FAQ.

export const jaimMembershipRequired = defineRule<{ readonly employsOrWillEmploySsw: boolean }, 'required' | 'not_required'>({
  id: 'jaim-membership-faq/q2-1/membership-required',
  title: msg('JAIM入会の義務', 'JAIM membership required'),
  versions: [
    {
      period: SINCE_CABINET_DECISION,
      citation: cite('jaim-membership-faq', 'Q2-1-2'),
      also: [cite('jaim-membership-faq', 'Q2-1-1'), cite('jaim-membership-faq', 'Q2-2-6')],
      summary: msg(
        '2025年3月11日の閣議決定（分野別運用方針の改正）により、特定技能外国人と雇用契約を結ぶ機関はJAIMへの入会が必須となった。協議会の構成員には2025年12月25日までの経過措置がある。',
        'Since the Cabinet decision of 2025-03-11, organisations employing SSW workers in the field must join JAIM; council members have a transition until 2025-12-25.',
      ),
      evaluate: ({ employsOrWillEmploySsw }) =>
        employsOrWillEmploySsw
          ? {
              outcome: 'required',
              message: msg('特定技能外国人を雇用する（予定の）事業所はJAIMへの入会が必須です。', 'An establishment that employs or will employ SSW workers must join JAIM.'),
              used: { employsOrWillEmploySsw },
            }
          : { outcome: 'not_required', message: msg('特定技能外国人を雇用しない事業所に入会義務はありません。', 'An establishment employing no SSW workers need not join.'), used: { employsOrWillEmploySsw } },
    },
  ],
});

export type ApplicantFacts = {
  readonly kind: 'corporation' | 'individual';
  readonly name: string;
  readonly address: string;
  /** The company's representative (Q2-4-7: not another person). */
  readonly representative: string;
  readonly corporateNumberPresent: boolean;
};

const IDENTITY_OK = msg('申請者の名称・住所・代表者・法人番号がそろっています。', "The applicant's name, address, representative and corporate number are given.");
const IDENTITY_MISSING = {
  name: msg('申請者の名称がありません。', "The applicant's name is missing."),
  address: msg('申請者の住所がありません。', "The applicant's address is missing."),
  representative: msg('代表者（会社代表者）の氏名がありません。', "The company representative's name is missing."),
  corporateNumber: msg('法人番号がありません。', 'The corporate number (法人番号) is missing.'),
} as const;

export const applicantIdentityGiven = defineRule<ApplicantFacts, 'complete' | 'incomplete'>({
  id: 'jaim-membership-faq/q2-1/applicant-identity',
  title: msg('申請者の記載事項', 'Applicant identity'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-1-3'),
      also: [cite('council-operating-rules', '10', '1', 'i', 'inferred'), cite('jaim-membership-faq', 'Q2-4-7')],
      summary: msg(
        '入会申請には申請者の名称、住所、会社代表者の氏名を記載し、法人は法人番号を示す（協議会入会時と同様の確認）。',
        'An application gives the applicant’s name, address and company representative, and a corporation its corporate number (as the council checked).',
      ),
      evaluate: (a) => {
        const missing =
          a.name.trim() === ''
            ? IDENTITY_MISSING.name
            : a.address.trim() === ''
              ? IDENTITY_MISSING.address
              : a.representative.trim() === ''
                ? IDENTITY_MISSING.representative
                : a.kind === 'corporation' && !a.corporateNumberPresent
                  ? IDENTITY_MISSING.corporateNumber
                  : null;
        return missing ? { outcome: 'incomplete', message: missing } : { outcome: 'complete', message: IDENTITY_OK };
      },
    },
  ],
});

/** 特定技能基準省令 art.2(1)(iv) イ〜ワ, romanised. */
export const DISQUALIFICATION_ITEMS = ['i', 'ro', 'ha', 'ni', 'ho', 'he', 'to', 'chi', 'ri', 'nu', 'ru', 'wo', 'wa'] as const;
export type DisqualificationItem = (typeof DISQUALIFICATION_ITEMS)[number];
export const DISQUALIFICATION_KANA: Readonly<Record<DisqualificationItem, string>> = {
  i: 'イ', ro: 'ロ', ha: 'ハ', ni: 'ニ', ho: 'ホ', he: 'ヘ', to: 'ト', chi: 'チ', ri: 'リ', nu: 'ヌ', ru: 'ル', wo: 'ヲ', wa: 'ワ',
};
export type DeclarationAnswer = 'does_not_apply' | 'applies';
export type Declarations = { readonly [K in DisqualificationItem]?: DeclarationAnswer | null };

const itemMessages = (item: DisqualificationItem) => ({
  unanswered: msg(`欠格事由（基準省令第2条第1項第4号${DISQUALIFICATION_KANA[item]}）への回答がありません。`, `The declaration on disqualification ground (iv)(${item}) is unanswered.`),
  applies: msg(
    `欠格事由（基準省令第2条第1項第4号${DISQUALIFICATION_KANA[item]}）に該当すると申告されています。`,
    `The applicant declares that disqualification ground (iv)(${item}) applies.`,
  ),
});
const ITEM_MESSAGES = Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, itemMessages(i)])) as Record<DisqualificationItem, ReturnType<typeof itemMessages>>;
const DECLARED = msg('欠格事由（イ〜ワ）のいずれにも該当しない旨が申告されています。', 'The applicant declares that none of grounds (iv)(i)–(wa) applies.');

export const nonDisqualificationDeclared = defineRule<Declarations, 'declared' | 'unanswered' | 'disqualified'>({
  id: 'jaim-membership-faq/q2-1/non-disqualification',
  title: msg('欠格事由に該当しない旨の申出', 'Declaration of non-disqualification'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-1-3'),
      also: [cite('council-operating-rules', '10', '2', undefined, 'inferred'), cite('ssw-standards-ordinance', '2', '1', 'iv')],
      summary: msg(
        '申請者は、特定技能基準省令第2条第1項第4号イからワまでのいずれにも該当しないことを項目ごとに申し出る。該当がある場合は受け入れられない。',
        'The applicant answers each of grounds (i) to (wa) of art.2(1)(iv) of the SSW standards ordinance; an applicant to whom one applies cannot be accepted.',
      ),
      evaluate: (d) => {
        for (const item of DISQUALIFICATION_ITEMS) {
          const a = d[item];
          if (a === 'applies') return { outcome: 'disqualified', message: ITEM_MESSAGES[item].applies, used: { item } };
        }
        for (const item of DISQUALIFICATION_ITEMS) {
          const a = d[item];
          if (a !== 'does_not_apply') return { outcome: 'unanswered', message: ITEM_MESSAGES[item].unanswered, used: { item } };
        }
        return { outcome: 'declared', message: DECLARED };
      },
    },
  ],
});

export type Pledges = {
  /** Will to comply with JAIM's code of conduct (行動規範). */
  readonly codeOfConduct: boolean;
  /** Pledge to co-operate with guidance, reports and inspections (council art.3(1), carried over). */
  readonly cooperationDuties: boolean;
};

const PLEDGES_OK = msg('行動規範の遵守意向と協力義務の誓約が提出されています。', 'The code-of-conduct pledge and the co-operation pledge are given.');
const PLEDGE_CODE_MISSING = msg('JAIMの行動規範を遵守する旨の誓約がありません。', "The pledge to comply with JAIM's code of conduct is missing.");
const PLEDGE_COOP_MISSING = msg('指導・報告・調査等に協力する旨の誓約がありません。', 'The pledge to co-operate with guidance, reports and inspections is missing.');

export const pledgesGiven = defineRule<Pledges, 'given' | 'missing'>({
  id: 'jaim-membership-faq/q2-1/pledges',
  title: msg('行動規範等の誓約', 'Code-of-conduct and co-operation pledges'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-1-3'),
      also: [cite('jaim-membership-faq', 'Q2-1-2'), cite('council-operating-rules', '3', '1', undefined, 'inferred'), cite('council-operating-rules', '10', '2', undefined, 'inferred')],
      summary: msg(
        '入会にはJAIMが定める行動規範を守る意向の確認が加わる。協議会で求めていた協力義務の誓約も引き続き求めるものとした。',
        "Joining adds a check of the will to follow JAIM's code of conduct; the council's co-operation pledge is taken to carry over.",
      ),
      evaluate: ({ codeOfConduct, cooperationDuties }) =>
        !codeOfConduct
          ? { outcome: 'missing', message: PLEDGE_CODE_MISSING }
          : !cooperationDuties
            ? { outcome: 'missing', message: PLEDGE_COOP_MISSING }
            : { outcome: 'given', message: PLEDGES_OK },
    },
  ],
});

export type Expulsion = {
  readonly on: LegalDate;
  readonly body: 'council' | 'jaim';
  /** Council art.14(1) item the expulsion was based on; only items (i)–(iii) bar re-joining (council art.10(4)(ii)). */
  readonly ground: 'art14_1_i' | 'art14_1_ii' | 'art14_1_iii' | 'other';
};

const NOT_EXPELLED = msg('除名歴はありません。', 'The applicant has not been expelled.');
const EXPULSION_OLD = msg('除名から1年を経過しています。', 'More than a year has passed since the expulsion.');
const EXPULSION_OTHER = msg('再入会を妨げる除名事由ではありません。', 'The expulsion ground does not bar re-joining.');
const EXPULSION_JAIM = msg(
  'JAIMからの除名後の再入会の扱いはFAQに記載がないため、審査で判断します。',
  'The FAQ does not say how an expulsion from JAIM affects re-joining; decided in review.',
);

export const notRecentlyExpelled = defineRule<{ readonly lastExpulsion: Expulsion | null; readonly applicationDate: LegalDate }, 'clear' | 'barred'>({
  id: 'jaim-membership-faq/q2-1/recent-expulsion',
  title: msg('除名後1年以内の入会', 'Application within a year of expulsion'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-1-3'),
      also: [cite('council-operating-rules', '10', '4', 'ii', 'inferred')],
      summary: msg(
        '協議会と同様、一定の事由で除名された者は、除名の日から1年を経過するまで入会できない（初日不算入、応当日の前日の終了で満了）。',
        'As with the council, an applicant expelled on certain grounds cannot join until a year has passed from the expulsion (the day of expulsion not counted).',
      ),
      evaluate: ({ lastExpulsion, applicationDate }) => {
        if (!lastExpulsion) return { outcome: 'clear', message: NOT_EXPELLED };
        if (lastExpulsion.body === 'jaim') return { outcome: NEEDS_REVIEW, message: EXPULSION_JAIM, used: { expelledOn: lastExpulsion.on } };
        if (lastExpulsion.ground === 'other') return { outcome: 'clear', message: EXPULSION_OTHER, used: { ground: lastExpulsion.ground } };
        // Civil Code arts.140/143 (初日不算入; ends the day before the corresponding day), computed as the council does.
        const lastBarredDay = addDays(rejoinBlockLiftedOn(lastExpulsion.on), -1);
        const used = { expelledOn: lastExpulsion.on, ground: lastExpulsion.ground, applicationDate, lastBarredDay };
        return applicationDate <= lastBarredDay
          ? {
              outcome: 'barred',
              message: msg(`${lastExpulsion.on}に除名されてから1年を経過していません（${lastBarredDay}まで）。`, `Expelled on ${lastExpulsion.on}: barred until ${lastBarredDay} inclusive.`),
              used,
            }
          : { outcome: 'clear', message: EXPULSION_OLD, used };
      },
    },
  ],
});

export type EstablishmentIdentity = { readonly name: string; readonly address: string; readonly jsicCodeCount: number };

const EST_OK = msg('受入れ事業所の名称・所在地・産業分類が記載されています。', "The establishment's name, address and JSIC codes are given.");
const EST_NAME = msg('受入れ事業所の名称がありません。', "The establishment's name is missing.");
const EST_ADDRESS = msg('受入れ事業所の所在地がありません。', "The establishment's address is missing.");
const EST_CODES = msg('受入れ事業所で行う産業の分類番号がありません。', 'The JSIC codes of the establishment are missing.');

export const establishmentIdentified = defineRule<EstablishmentIdentity, 'complete' | 'incomplete'>({
  id: 'jaim-membership-faq/q2-1/establishment-identity',
  title: msg('受入れ事業所の記載事項', 'Establishment details'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-1-3'),
      also: [cite('council-operating-rules', '10', '1', 'ii', 'inferred'), cite('jaim-membership-faq', 'Q1-2-1')],
      summary: msg(
        '入会は事業所単位で、特定技能外国人が働く事業所の名称・所在地と、そこで行う産業の分類を申請する。',
        'Membership is per establishment: the application names the establishment where SSW workers work, its address and the JSIC codes of its industry.',
      ),
      evaluate: ({ name, address, jsicCodeCount }) =>
        name.trim() === ''
          ? { outcome: 'incomplete', message: EST_NAME }
          : address.trim() === ''
            ? { outcome: 'incomplete', message: EST_ADDRESS }
            : jsicCodeCount === 0
              ? { outcome: 'incomplete', message: EST_CODES }
              : { outcome: 'complete', message: EST_OK },
    },
  ],
});
