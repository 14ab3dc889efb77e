import { defineInstrument, msg } from '../core/index.js';
import { joinNotificationRequired, memberCategory, observerAdmission } from './art-002.js';
import { addOnIndustries, addOnIndustry, memberDuties } from './art-003.js';
import { closedMeetingReason, meetingPublicity } from './art-008.js';
import { subcommitteeEligibility } from './art-009.js';
import {
  addOnMeasuresTaken,
  categoryVJoinPath,
  categoryVRegistrationDate,
  declarationAndPledgeGiven,
  joinNotificationComplete,
  refusalAfterJaimRegistration,
  refusalCategoryIvUnsuitable,
  refusalNotManufacturing,
  refusalRecentlyExpelled,
} from './art-010.js';
import { categoryVChangeNotification, changeNotificationRequired } from './art-011.js';
import { renewalByExpressedIntent } from './art-012.js';
import { withdrawalBarredWhileEmploying, withdrawalNotification } from './art-013.js';
import { expulsionCategoryIv, expulsionGroundsCategoryIii, expulsionGroundsCategoryV, reportExpulsionToMoj } from './art-014.js';
import { reportViolationToAgencies } from './art-015.js';
import { councilExpulsionDetermination } from './determinations/expulsion.js';
import { councilJoinDetermination } from './determinations/join.js';
import { councilRenewalDetermination } from './determinations/renewal.js';
import { councilWithdrawalDetermination } from './determinations/withdrawal.js';

export * from './art-002.js';
export * from './art-003.js';
export * from './art-008.js';
export * from './art-009.js';
export * from './art-010.js';
export * from './art-011.js';
export * from './art-012.js';
export * from './art-013.js';
export * from './art-014.js';
export * from './art-015.js';
export * from './determinations/join.js';
export * from './determinations/withdrawal.js';
export * from './determinations/expulsion.js';
export * from './determinations/renewal.js';

export const instrument = defineInstrument({
  id: 'council-operating-rules',
  documents: ['council-operating-rules', 'ssw-standards-ordinance', 'uwanose-kokuji', 'jaim-membership-faq'],
  title: msg('製造業特定技能外国人材受入れ協議・連絡会 運営要領', 'Operating rules of the manufacturing SSW council'),
  notFormalised: [
    msg(
      '保有する本文は2025年5月26日改正後のもののみです。制定時（2019年3月26日）から存在したことが明らかな規定（構成員第1号〜第4号、入会の届出・申出書・拒否、変更、退会、除名、会議の公開、違反事例の情報提供）は制定日から適用し、それ以前の文言の違いは再現していません。',
      'We hold only the text as amended on 2025-05-26. Provisions plainly present since enactment (categories (i)–(iv), joining, declarations and refusals, changes, withdrawal, expulsion, public meetings, passing on violations) apply from 2019-03-26; earlier differences in wording are not reproduced.',
    ),
    msg(
      '第5号（上乗せ基準告示第4条の登録法人）に関する規定（第2条第1項第5号、第3条第3項、第10条第4項第3号・第6項、第11条第2項、第14条第3項）は2025年5月26日から適用します。それ以前の経緯は保有していません。',
      'Provisions on category (v), the notice art.4 registrant (art.2(1)(v), 3(3), 10(4)(iii), 10(6), 11(2), 14(3)), apply from 2025-05-26; their earlier history is not held.',
    ),
    msg(
      '分科会（第9条）と年度更新（第12条）は、制定時から存在したか確認できないため、2025年5月26日から適用します。',
      'Subcommittees (art.9) and yearly renewal (art.12) are applied from 2025-05-26 because we cannot confirm they existed from enactment.',
    ),
    msg(
      '上乗せ措置（第3条第1項第2号、第10条第3項）は、協議・連絡会決定第1号と同日の2024年9月30日改正から適用します（推定）。告示第2条第1項第1号・第11号・第49号とJSIC 11・15・484の対応も推定です。',
      'Add-on measures (art.3(1)(ii), 10(3)) apply from the 2024-09-30 amendment, the day of council decision No.1 (inferred); the mapping of notice art.2(1) items 1, 11, 49 to JSIC 11, 15, 484 is also inferred.',
    ),
    msg(
      '協議会で協議が調った措置の中身（繊維の人権監査等、印刷・こん包の団体加入）は、この要領ではなく協議会決定にあり、ここでは「講じているか」の事実として受け取ります。',
      'What the agreed add-on measures are (textile human-rights audits, printing and packing association membership) is set by council decisions, not these rules; here it is taken as a fact.',
    ),
    msg(
      '主宰・事務局・会議の招集・協議事項（第1条、第4条〜第7条、第9条第1項・第3項〜第6項、第16条）は組織運営の定めで、判定の対象としていません。',
      'Purpose, chairing, secretariat, convening meetings and agenda matters (art.1, 4–7, 9(1), 9(3)–(6), 16) are organisational provisions with nothing to determine.',
    ),
    msg(
      '第10条第5項・第14条第2項の「著しく適当でない」、第14条第4項の「特に必要」、第8条第2項ただし書の公益判断は、要判断（needs_review）として人に委ねます。',
      '“Grossly unsuitable” (art.10(5), 14(2)), “particularly necessary” (art.14(4)) and the public-interest proviso of art.8(2) are left to people as needs_review.',
    ),
    msg(
      '2025年12月26日以降、協議・連絡会の名簿が入管手続で使えなくなる経過措置は、JAIM FAQの規定群（jaim-membership-faq）で扱います。',
      'The end of the council roster’s validity for immigration filings after 2025-12-25 is modelled in the jaim-membership-faq instrument, not here.',
    ),
  ],
  rules: [
    memberCategory,
    observerAdmission,
    joinNotificationRequired,
    memberDuties,
    addOnIndustry,
    meetingPublicity,
    closedMeetingReason,
    subcommitteeEligibility,
    joinNotificationComplete,
    declarationAndPledgeGiven,
    addOnMeasuresTaken,
    refusalNotManufacturing,
    refusalRecentlyExpelled,
    refusalAfterJaimRegistration,
    refusalCategoryIvUnsuitable,
    categoryVJoinPath,
    changeNotificationRequired,
    categoryVChangeNotification,
    renewalByExpressedIntent,
    withdrawalNotification,
    withdrawalBarredWhileEmploying,
    expulsionGroundsCategoryIii,
    expulsionCategoryIv,
    expulsionGroundsCategoryV,
    reportExpulsionToMoj,
    reportViolationToAgencies,
  ],
  parameters: [addOnIndustries, categoryVRegistrationDate],
  determinations: [councilJoinDetermination, councilWithdrawalDetermination, councilExpulsionDetermination, councilRenewalDetermination],
});
