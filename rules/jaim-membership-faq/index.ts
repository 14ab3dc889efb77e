import { defineInstrument, msg } from '../core/index.js';
import { jaimJoinDetermination } from './join.js';
import { memberKind } from './q1-1.js';
import { constructionNeedsJac, membershipsPerEstablishment, plantsAsOneEstablishment } from './q1-2.js';
import {
  applicantIdentityGiven,
  establishmentIdentified,
  jaimMembershipRequired,
  nonDisqualificationDeclared,
  notRecentlyExpelled,
  pledgesGiven,
} from './q2-1.js';
import { establishmentRoster, migrationStatus, rosterForFilings } from './q2-2.js';
import {
  PACKING_ASSOCIATIONS,
  PRINTING_ASSOCIATIONS,
  addOnApplicability,
  evidenceTemplatesProvided,
  packingAssociation,
  printingAssociation,
  shipmentEvidence,
  textileAttendance,
  textileHumanRights,
  textileMonthlySalary,
  textilePartnershipDeclaration,
} from './q2-3.js';
import { photoEvidence } from './q2-7.js';
import { nextYearFeeOnWithdrawal, refundOnWithdrawal, suspensionAvailable } from './q3-1.js';
import { addingJsicCode, operatingWithShipments, rosterNamesDuringReorganisation } from './q3-2.js';
import { wageIncreaseAdequacy, wageIncreaseReportDue } from './q3-3.js';
import { validRosterDetermination } from './valid-roster.js';

export * from './instrument.js';
export * from './q1-1.js';
export * from './q1-2.js';
export * from './q2-1.js';
export * from './q2-2.js';
export * from './q2-3.js';
export * from './q2-7.js';
export * from './q3-1.js';
export * from './q3-2.js';
export * from './q3-3.js';
export * from './join.js';
export * from './valid-roster.js';

export const instrument = defineInstrument({
  id: 'jaim-membership-faq',
  documents: ['jaim-membership-faq', 'council-operating-rules', 'ssw-standards-ordinance'],
  title: msg('工業製品製造技能人材機構（JAIM）入会FAQ', 'JAIM membership FAQ'),
  notFormalised: [
    msg('こん包業（484）の上乗せ要件で加入が必要な団体名は入手できておらず、運用者が設定するまで審査に回す。', 'The association required for JSIC 484 packing is unknown; until the operator sets it, the check goes to review.'),
    msg('繊維工業の4要件は複数の二次情報による（協議会決定第1号の原文は未入手）。', 'The four textile conditions come from agreeing secondary sources (council decision No.1 itself was not obtained).'),
    msg('経過期間中の名簿の段階的な扱い（Q2-2-7の参照資料）は入手していない。', 'The staged roster rules during the transition (the notice cited in Q2-2-7) were not obtained.'),
    msg('賃上げの水準は公表されておらず、妥当性は常に審査で判断する。', 'No wage-increase level is published; adequacy is always a review decision.'),
    msg('会費・割引・中小企業の判定は jaim-fees / sme で扱う。', 'Fees, discounts and SME status are in jaim-fees and sme.'),
  ],
  rules: [
    memberKind,
    membershipsPerEstablishment,
    plantsAsOneEstablishment,
    constructionNeedsJac,
    jaimMembershipRequired,
    applicantIdentityGiven,
    establishmentIdentified,
    nonDisqualificationDeclared,
    pledgesGiven,
    notRecentlyExpelled,
    rosterForFilings,
    establishmentRoster,
    migrationStatus,
    addOnApplicability,
    textileHumanRights,
    textileAttendance,
    textilePartnershipDeclaration,
    textileMonthlySalary,
    printingAssociation,
    packingAssociation,
    evidenceTemplatesProvided,
    shipmentEvidence,
    photoEvidence,
    suspensionAvailable,
    refundOnWithdrawal,
    nextYearFeeOnWithdrawal,
    addingJsicCode,
    rosterNamesDuringReorganisation,
    operatingWithShipments,
    wageIncreaseReportDue,
    wageIncreaseAdequacy,
  ],
  parameters: [PRINTING_ASSOCIATIONS, PACKING_ASSOCIATIONS],
  determinations: [jaimJoinDetermination, validRosterDetermination],
});
