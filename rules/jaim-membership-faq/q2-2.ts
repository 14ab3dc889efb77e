import { Evaluator, type LegalDate, cite, defineRule, msg, period } from '../core/index.js';
import { JAIM_DATES } from './instrument.js';

// Q2-2: migration from the council to JAIM. Council members may file with the council roster until 2025-12-25 (Q2-2-6);
// from 2025-12-26 only JAIM's supporting-member roster is accepted (Q2-2-7). Council members that have not completed
// migration by 2025-12-25 are withdrawn automatically (Q2-2-3). Establishments not employing SSW workers may migrate
// their information only, which shortens a later application (Q2-2-1, Q2-2-4).

export type RosterKind = 'council' | 'jaim';

const COUNCIL_ROSTER = msg('2025年12月25日までは協議会の名簿で在留諸申請ができます。', 'Until 2025-12-25 the council roster is accepted for immigration filings.');
const JAIM_ROSTER = msg('2025年12月26日以降、在留諸申請に使えるのはJAIMの賛助会員名簿のみです。', "From 2025-12-26 only JAIM's supporting-member roster is accepted for immigration filings.");

/** Which roster immigration filings rest on, by date (council until 2025-12-25 inclusive, JAIM from 2025-12-26). */
export const rosterForFilings = defineRule<Record<string, never>, RosterKind>({
  id: 'jaim-membership-faq/q2-2/roster-for-filings',
  title: msg('在留諸申請に用いる名簿', 'Roster accepted for immigration filings'),
  versions: [
    {
      // From the council's enactment: before JAIM, the council roster was the only roster.
      period: period('2019-03-26', JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-6'),
      summary: msg('協議会に加入済みの事業所は、2025年12月25日までは協議会の名簿をもって在留諸申請ができる。', 'Council members may file with the council roster until 2025-12-25.'),
      evaluate: () => ({ outcome: 'council', message: COUNCIL_ROSTER }),
    },
    {
      period: period(JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-7'),
      summary: msg('2025年12月26日以降、在留諸申請で提出する名簿はJAIMの賛助会員名簿に限られる。', "From 2025-12-26 filings rest on JAIM's supporting-member roster only."),
      evaluate: () => ({ outcome: 'jaim', message: JAIM_ROSTER }),
    },
  ],
});

/** The roster valid on a date: 'council' until 2025-12-25 inclusive, 'jaim' from 2025-12-26. */
export const validRosterOn = (date: LegalDate): RosterKind => new Evaluator(date).apply(rosterForFilings, {}) as RosterKind;

export type RosterStanding = { readonly onCouncilRoster: boolean; readonly onJaimRoster: boolean };
export type EstablishmentRoster = 'council' | 'jaim' | 'none';

export const establishmentRoster = defineRule<RosterStanding, EstablishmentRoster>({
  id: 'jaim-membership-faq/q2-2/establishment-roster',
  title: msg('事業所が在留諸申請に用いる名簿', "The roster an establishment's filings rest on"),
  versions: [
    {
      period: period('2019-03-26', JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-6'),
      also: [cite('jaim-membership-faq', 'Q2-2-7', undefined, undefined, 'inferred')],
      summary: msg(
        '経過期間中は協議会の構成員は協議会の名簿、JAIMに入会した事業所はJAIMの名簿を用いる（段階的な扱いの詳細は別資料）。',
        'During the transition council members use the council roster and JAIM members the JAIM roster (the detailed staging is in a separate notice).',
      ),
      evaluate: ({ onCouncilRoster, onJaimRoster }) =>
        onCouncilRoster
          ? { outcome: 'council', message: COUNCIL_ROSTER, used: { onCouncilRoster, onJaimRoster } }
          : onJaimRoster
            ? { outcome: 'jaim', message: msg('JAIMの賛助会員名簿に掲載されています。', "The establishment is on JAIM's supporting-member roster."), used: { onCouncilRoster, onJaimRoster } }
            : { outcome: 'none', message: msg('いずれの名簿にも掲載されていません。', 'The establishment is on neither roster.'), used: { onCouncilRoster, onJaimRoster } },
    },
    {
      period: period(JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-7'),
      summary: msg('2025年12月26日以降はJAIMの賛助会員名簿のみが有効で、協議会の名簿は使えない。', "From 2025-12-26 only JAIM's roster counts; the council roster does not."),
      evaluate: ({ onCouncilRoster, onJaimRoster }) =>
        onJaimRoster
          ? { outcome: 'jaim', message: JAIM_ROSTER, used: { onCouncilRoster, onJaimRoster } }
          : {
              outcome: 'none',
              message: msg(
                onCouncilRoster ? '協議会の名簿は2025年12月25日で効力を失っており、JAIMの名簿に掲載されていません。' : 'いずれの有効な名簿にも掲載されていません。',
                onCouncilRoster ? 'The council roster stopped counting after 2025-12-25 and the establishment is not on JAIM’s roster.' : 'The establishment is on no valid roster.',
              ),
              used: { onCouncilRoster, onJaimRoster },
            },
    },
  ],
});

export type MigrationFacts = {
  readonly councilMember: boolean;
  /** Day JAIM membership was completed (migration done), if it was. */
  readonly jaimMembershipCompletedOn: LegalDate | null;
  /** Day an information-only migration (consent form) was completed, if it was. */
  readonly informationMigratedOn: LegalDate | null;
};
export type MigrationStatus = 'not_council_member' | 'council_member_in_transition' | 'migrated' | 'withdrawn_automatically';

export const migrationStatus = defineRule<MigrationFacts, MigrationStatus>({
  id: 'jaim-membership-faq/q2-2/migration-status',
  title: msg('協議会からJAIMへの移行と自動退会', 'Migration to JAIM and automatic withdrawal'),
  versions: [
    {
      period: period(JAIM_DATES.jaimRegistered, JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-1'),
      also: [cite('jaim-membership-faq', 'Q2-2-3'), cite('jaim-membership-faq', 'Q2-2-4')],
      summary: msg(
        '協議会の構成員は2025年12月25日までにJAIMへの入会（移行）を完了させる。情報移行のみの手続も同日までに行える。',
        'Council members complete joining JAIM by 2025-12-25; an information-only migration may also be done by then.',
      ),
      evaluate: ({ councilMember, jaimMembershipCompletedOn, informationMigratedOn }, ctx) => {
        const used = { councilMember, jaimMembershipCompletedOn, informationMigratedOn };
        if (jaimMembershipCompletedOn !== null && jaimMembershipCompletedOn <= ctx.asOf) return { outcome: 'migrated', message: msg('JAIMへの入会が完了しています。', 'Joining JAIM is complete.'), used };
        if (!councilMember) return { outcome: 'not_council_member', message: msg('協議会の構成員ではありません。', 'Not a council member.'), used };
        return {
          outcome: 'council_member_in_transition',
          message: msg(
            '協議会の構成員として経過期間中です。2025年12月25日までに移行を完了しないと自動的に退会扱いとなります。',
            'A council member in the transition: without migration by 2025-12-25 it will be withdrawn automatically.',
          ),
          used,
        };
      },
    },
    {
      period: period(JAIM_DATES.jaimRosterOnlyFrom),
      citation: cite('jaim-membership-faq', 'Q2-2-3'),
      also: [cite('jaim-membership-faq', 'Q2-2-1'), cite('jaim-membership-faq', 'Q2-2-4')],
      summary: msg(
        '2025年12月25日までにJAIMへの移行を終えなかった協議会の構成員は、自動的に協議会を退会したものとして扱われる。情報移行のみを行った事業所も会員ではないが、後の入会審査が簡略化される。',
        'Council members that did not complete migration by 2025-12-25 are withdrawn automatically; an information-only migration does not make a member but shortens a later application.',
      ),
      evaluate: ({ councilMember, jaimMembershipCompletedOn, informationMigratedOn }, ctx) => {
        const used = { councilMember, jaimMembershipCompletedOn, informationMigratedOn };
        if (jaimMembershipCompletedOn !== null && jaimMembershipCompletedOn <= ctx.asOf) {
          return { outcome: 'migrated', message: msg('JAIMへの入会が完了しています。', 'Joining JAIM is complete.'), used };
        }
        if (!councilMember) return { outcome: 'not_council_member', message: msg('協議会の構成員ではありません。', 'Not a council member.'), used };
        const infoOnTime = informationMigratedOn !== null && informationMigratedOn <= JAIM_DATES.transitionLastDay;
        return {
          outcome: 'withdrawn_automatically',
          message: infoOnTime
            ? msg(
                '期限までに入会を完了しなかったため協議会は自動退会です。情報移行済みのため、今後の入会時は産業分類の確認が簡略化されます。',
                'Not migrated by the deadline, so withdrawn automatically; the information was migrated, so a later application’s JSIC check is simplified.',
              )
            : msg('2025年12月25日までに移行を完了しなかったため、協議会から自動的に退会となりました。', 'Not migrated by 2025-12-25, so withdrawn from the council automatically.'),
          used: { ...used, informationMigratedOnTime: infoOnTime },
        };
      },
    },
  ],
});
