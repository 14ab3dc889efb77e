import { cite, defineRule, msg } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q1-1: JAIM's members. Industry associations are regular members with votes at the general meeting; establishments
// accepting SSW workers are supporting members; registered support organisations are information members (free).

export type ApplicantKind = 'industry_association' | 'accepting_establishment' | 'registered_support_organisation' | 'other';
export type MemberKind = 'regular' | 'supporting' | 'information' | 'none';

export type MemberKindInfo = { readonly kind: MemberKind; readonly votes: boolean; readonly paysFee: boolean };

export const MEMBER_KINDS: Readonly<Record<Exclude<MemberKind, 'none'>, MemberKindInfo>> = {
  regular: { kind: 'regular', votes: true, paysFee: true },
  supporting: { kind: 'supporting', votes: false, paysFee: true },
  information: { kind: 'information', votes: false, paysFee: false },
};

const MESSAGES = {
  regular: msg('業界団体は正会員となり、総会で議決権を持ちます。', 'An industry association is a regular member with a vote at the general meeting.'),
  supporting: msg('特定技能外国人の受入れ事業所は賛助会員となります。', 'An establishment accepting SSW workers is a supporting member.'),
  information: msg('登録支援機関等は協力機関（情報会員）として、無料で制度情報を受け取れます。', 'A registered support organisation is an information member and receives information free of charge.'),
  none: msg('JAIMの会員区分に当たりません。', 'This applicant fits none of JAIM’s member kinds.'),
} as const;

const KIND_OF: Readonly<Record<ApplicantKind, MemberKind>> = {
  industry_association: 'regular',
  accepting_establishment: 'supporting',
  registered_support_organisation: 'information',
  other: 'none',
};

export const memberKind = defineRule<{ readonly applicantKind: ApplicantKind }, MemberKind>({
  id: 'jaim-membership-faq/q1-1/member-kind',
  title: msg('JAIMの会員区分', 'JAIM member kinds'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q1-1-1'),
      also: [cite('jaim-membership-faq', 'Q1-1-2'), cite('jaim-membership-faq', 'Q1-1-3'), cite('jaim-membership-faq', 'Q2-2-5')],
      summary: msg(
        'JAIMは議決権を持つ業界団体（正会員）と受入れ事業所（賛助会員）で構成され、登録支援機関は無料の情報会員として位置付けられる。',
        'JAIM consists of industry associations (regular, voting) and accepting establishments (supporting); support organisations are free information members.',
      ),
      evaluate: ({ applicantKind }) => {
        const kind = KIND_OF[applicantKind];
        return { outcome: kind, message: MESSAGES[kind], used: { applicantKind } };
      },
    },
  ],
});
