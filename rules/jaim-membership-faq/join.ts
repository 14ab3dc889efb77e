import { z } from 'zod';
import {
  type DeterminationDefinition,
  type Evaluator,
  type LegalDate,
  type Message,
  NEEDS_REVIEW,
  type Parameter,
  type Rule,
  defineDetermination,
  isLegalDate,
  msg,
} from '../core/index.js';
import { type EligibleIndustryList, type JsicCoverage, type JsicCoverageFacts, SEEDED_LISTS, jsicCoverage, makeJsicCoverageRule } from '../eligible-industries/index.js';
import {
  DISQUALIFICATION_ITEMS,
  type Declarations,
  type Expulsion,
  applicantIdentityGiven,
  establishmentIdentified,
  nonDisqualificationDeclared,
  notRecentlyExpelled,
  pledgesGiven,
} from './q2-1.js';
import {
  type AssociationMembership,
  EVIDENCE_TEMPLATE_IDS,
  type EvidenceTemplate,
  HUMAN_RIGHTS_SCHEMES,
  type HumanRightsEvidence,
  PACKING_ASSOCIATIONS,
  PRINTING_ASSOCIATIONS,
  SHIPMENT_DOCUMENT_KINDS,
  type ShipmentDocumentKind,
  addOnApplicability,
  addOnMask,
  evidenceTemplatesProvided,
  makeAssociationRule,
  packingAssociation,
  printingAssociation,
  shipmentEvidence,
  textileAttendance,
  textileHumanRights,
  textileMonthlySalary,
  textilePartnershipDeclaration,
} from './q2-3.js';
import { photoEvidence } from './q2-7.js';
import { operatingWithShipments } from './q3-2.js';

// The JAIM membership join determination (M2/M3): one application, one establishment. Every rule that bears on the
// application is applied and recorded; the outcome is the most serious class found:
//   refuse  > incomplete (deficiency notice) > needs_review (a person decides) > accept.

const legalDateSchema = z
  .string()
  .refine(isLegalDate, { message: 'YYYY-MM-DD' })
  .transform((s) => s as LegalDate);
const answer = z.enum(['does_not_apply', 'applies']).nullable().optional();

export const jaimJoinFactsSchema = z.object({
  applicant: z.object({
    kind: z.enum(['corporation', 'individual']),
    name: z.string(),
    address: z.string(),
    representative: z.string(),
    corporateNumberPresent: z.boolean(),
  }),
  establishment: z.object({
    name: z.string(),
    address: z.string(),
    jsicCodes: z.array(z.string().regex(/^\d{2,4}$/, '2〜4桁の数字 / 2–4 digits')),
    operating: z.boolean(),
    shipmentsInLastYear: z.boolean(),
    evidence: z.object({
      templates: z.array(z.enum(EVIDENCE_TEMPLATE_IDS as [EvidenceTemplate, ...EvidenceTemplate[]])),
      documentKinds: z.array(z.enum(SHIPMENT_DOCUMENT_KINDS)),
      withinLastYear: z.boolean(),
      amountsShown: z.boolean(),
      intraCompany: z.boolean(),
      noAmountReason: z.boolean(),
      productPhotos: z.boolean(),
      plantPhotos: z.boolean(),
      reasonStatement: z.boolean(),
      usageExplanation: z.boolean(),
    }),
  }),
  declarations: z.object(Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, answer])) as Record<(typeof DISQUALIFICATION_ITEMS)[number], typeof answer>),
  pledges: z.object({ codeOfConduct: z.boolean(), cooperationDuties: z.boolean() }),
  addOn: z
    .object({
      textile: z
        .object({
          humanRights: z
            .discriminatedUnion('kind', [
              z.object({ kind: z.literal('certified'), scheme: z.enum(HUMAN_RIGHTS_SCHEMES), validUntil: legalDateSchema }),
              z.object({ kind: z.literal('in_progress'), substituteDocument: z.boolean() }),
              z.object({ kind: z.literal('none') }),
            ])
            .nullable(),
          attendanceSystemOnMetiList: z.boolean().nullable(),
          partnershipDeclarationPublished: z.boolean().nullable(),
          monthlySalary: z.boolean().nullable(),
        })
        .optional(),
      associationMemberships: z
        .array(
          z.object({
            association: z.string(),
            evidence: z.enum(['membership_certificate', 'enrolment_certificate', 'application_copy', 'other']),
            heldBy: z.enum(['establishment', 'parent_company', 'group_company']),
          }),
        )
        .optional(),
    })
    .default({}),
  lastExpulsion: z
    .object({ on: legalDateSchema, body: z.enum(['council', 'jaim']), ground: z.enum(['art14_1_i', 'art14_1_ii', 'art14_1_iii', 'other']) })
    .nullable()
    .default(null),
  applicationDate: legalDateSchema,
});

export type JaimJoinFacts = {
  readonly applicant: { readonly kind: 'corporation' | 'individual'; readonly name: string; readonly address: string; readonly representative: string; readonly corporateNumberPresent: boolean };
  readonly establishment: {
    readonly name: string;
    readonly address: string;
    readonly jsicCodes: readonly string[];
    readonly operating: boolean;
    readonly shipmentsInLastYear: boolean;
    readonly evidence: {
      readonly templates: readonly EvidenceTemplate[];
      readonly documentKinds: readonly ShipmentDocumentKind[];
      readonly withinLastYear: boolean;
      readonly amountsShown: boolean;
      readonly intraCompany: boolean;
      readonly noAmountReason: boolean;
      readonly productPhotos: boolean;
      readonly plantPhotos: boolean;
      readonly reasonStatement: boolean;
      readonly usageExplanation: boolean;
    };
  };
  readonly declarations: Declarations;
  readonly pledges: { readonly codeOfConduct: boolean; readonly cooperationDuties: boolean };
  readonly addOn: {
    readonly textile?: {
      readonly humanRights: HumanRightsEvidence | null;
      readonly attendanceSystemOnMetiList: boolean | null;
      readonly partnershipDeclarationPublished: boolean | null;
      readonly monthlySalary: boolean | null;
    };
    readonly associationMemberships?: readonly AssociationMembership[];
  };
  readonly lastExpulsion: Expulsion | null;
  readonly applicationDate: LegalDate;
};

export type JaimJoinOutcome = 'accept' | 'refuse' | 'incomplete';

const ACCEPT = msg('入会要件をすべて満たしています。入会を認め、名簿に掲載できます。', 'Every entry requirement is met: the establishment can be admitted and listed on the roster.');
const CODES_MIXED = msg(
  '対象外の産業分類が含まれています。対象の分類のみで申請し直してください。',
  'Some JSIC codes applied for are not eligible: amend the application to the eligible codes.',
);

// Class of each rule outcome: 0 ok, 1 needs review, 2 incomplete, 3 refuse.
const OK = 0;
const REVIEW = 1;
const INCOMPLETE = 2;
const REFUSE = 3;

const CLASS_OF: Readonly<Record<string, number>> = {
  complete: OK,
  incomplete: INCOMPLETE,
  declared: OK,
  unanswered: INCOMPLETE,
  disqualified: REFUSE,
  given: OK,
  missing: INCOMPLETE,
  clear: OK,
  barred: REFUSE,
  may_apply: OK,
  cannot_apply: REFUSE,
  applies: OK,
  none: OK,
  met: OK,
  not_met: REFUSE,
  provided: OK,
  sufficient: OK,
  insufficient: INCOMPLETE,
  eligible: OK,
  [NEEDS_REVIEW]: REVIEW,
};

/** Collects the most serious class of outcome and its messages (a class, so no closures are made per determination). */
class Accumulator {
  worst = OK;
  reasons: Message[] | null = null;
  constructor(private readonly ev: Evaluator) {}
  note(outcome: string, message: Message): void {
    const c = CLASS_OF[outcome] ?? REVIEW;
    if (c > this.worst) {
      this.worst = c;
      this.reasons = [message];
    } else if (c === this.worst && c !== OK) this.reasons!.push(message);
  }
  apply<F>(rule: Rule<F, string>, facts: F): void {
    const r = this.ev.applyFull(rule, facts);
    this.note(r.outcome, r.message);
  }
}

export type JaimJoinOptions = {
  /** Eligible-industry lists (the seeded ones unless the operator loaded an official list). */
  readonly lists?: readonly EligibleIndustryList[];
  /** The packing association(s) (operator data); unset means NEEDS_REVIEW for JSIC 484. */
  readonly packingAssociations?: Parameter<readonly string[] | null>;
  /** The printing federations (operator data); defaults to the two named in Q2-3-5. */
  readonly printingAssociations?: Parameter<readonly string[] | null>;
};

const EXAMPLE_FACTS = {
  applicant: { kind: 'corporation', name: '株式会社見本印刷', address: '東京都千代田区霞が関1-3-1', representative: '見本 太郎', corporateNumberPresent: true },
  establishment: {
    name: '本社工場',
    address: '埼玉県川口市本町1-1-1',
    jsicCodes: ['1511'],
    operating: true,
    shipmentsInLastYear: true,
    evidence: {
      templates: ['15'],
      documentKinds: ['invoice', 'delivery_note'],
      withinLastYear: true,
      amountsShown: true,
      intraCompany: false,
      noAmountReason: false,
      productPhotos: true,
      plantPhotos: true,
      reasonStatement: false,
      usageExplanation: false,
    },
  },
  declarations: Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'does_not_apply'])),
  pledges: { codeOfConduct: true, cooperationDuties: true },
  addOn: { associationMemberships: [{ association: '全日本印刷工業組合連合会', evidence: 'membership_certificate', heldBy: 'establishment' }] },
  lastExpulsion: null,
  applicationDate: '2025-10-01',
};

export const makeJaimJoinDetermination = (options: JaimJoinOptions = {}): DeterminationDefinition<JaimJoinFacts, JaimJoinOutcome> => {
  const coverage: Rule<JsicCoverageFacts, JsicCoverage> =
    options.lists === undefined || options.lists === SEEDED_LISTS ? jsicCoverage : makeJsicCoverageRule(options.lists);
  const packing = options.packingAssociations === undefined || options.packingAssociations === PACKING_ASSOCIATIONS ? packingAssociation : makeAssociationRule('packing', options.packingAssociations);
  const printing = options.printingAssociations === undefined || options.printingAssociations === PRINTING_ASSOCIATIONS ? printingAssociation : makeAssociationRule('printing', options.printingAssociations);

  return defineDetermination<JaimJoinFacts, JaimJoinOutcome>({
    id: 'jaim-join',
    title: msg('JAIM賛助会員の入会審査', 'JAIM supporting-member join determination'),
    description: msg(
      '一つの受入れ事業所の入会申請について、申請者・事業所・欠格事由の申出・誓約・除名歴・対象産業・上乗せ要件・出荷の証跡を確認し、受理・拒否・不備・要審査を判定する。',
      'For one establishment’s application, checks the applicant, the establishment, the disqualification declarations, pledges, past expulsion, eligible industry, add-on requirements and shipment evidence, and decides accept / refuse / incomplete / needs review.',
    ),
    facts: jaimJoinFactsSchema as unknown as z.ZodType<JaimJoinFacts>,
    outcomes: ['accept', 'refuse', 'incomplete', NEEDS_REVIEW],
    rules: [
      applicantIdentityGiven,
      establishmentIdentified,
      nonDisqualificationDeclared,
      pledgesGiven,
      notRecentlyExpelled,
      operatingWithShipments,
      coverage,
      addOnApplicability,
      textileHumanRights,
      textileAttendance,
      textilePartnershipDeclaration,
      textileMonthlySalary,
      printing,
      packing,
      evidenceTemplatesProvided,
      shipmentEvidence,
      photoEvidence,
    ],
    example: { asOf: '2025-10-01', facts: EXAMPLE_FACTS },
    decide: (f, ev) => {
      const acc = new Accumulator(ev);
      const est = f.establishment;
      const codes = est.jsicCodes;
      acc.apply(applicantIdentityGiven, f.applicant);
      acc.apply(establishmentIdentified, { name: est.name, address: est.address, jsicCodeCount: codes.length });
      acc.apply(nonDisqualificationDeclared, f.declarations);
      acc.apply(pledgesGiven, f.pledges);
      acc.apply(notRecentlyExpelled, { lastExpulsion: f.lastExpulsion, applicationDate: f.applicationDate });
      acc.apply(operatingWithShipments, est);

      // Eligible industry, per code. A code off the list refuses only when no code could be eligible.
      let eligible = 0;
      let review = 0;
      let notEligible: Message[] | null = null;
      for (let i = 0; i < codes.length; i++) {
        const r = ev.applyFull(coverage, { code: codes[i]!, track: 'ssw1' });
        if (r.outcome === 'eligible') eligible++;
        else if (r.outcome === 'not_eligible') (notEligible ??= []).push(r.message);
        else {
          review++;
          acc.note(NEEDS_REVIEW, r.message);
        }
      }
      if (notEligible) {
        if (eligible === 0 && review === 0) for (const m of notEligible) acc.note('cannot_apply', m);
        else acc.note('missing', CODES_MIXED);
      }

      const mask = addOnMask(codes);
      acc.apply(addOnApplicability, { jsicCodes: codes });
      const addOn = f.addOn;
      if (mask & 1) {
        const t = addOn.textile;
        acc.apply(textileHumanRights, { evidence: t ? t.humanRights : null, applicationDate: f.applicationDate });
        acc.apply(textileAttendance, { value: t ? t.attendanceSystemOnMetiList : null });
        acc.apply(textilePartnershipDeclaration, { value: t ? t.partnershipDeclarationPublished : null });
        acc.apply(textileMonthlySalary, { value: t ? t.monthlySalary : null });
      }
      if (mask & 2) acc.apply(printing, { memberships: addOn.associationMemberships ?? null });
      if (mask & 4) acc.apply(packing, { memberships: addOn.associationMemberships ?? null });

      const e = est.evidence;
      const hr = addOn.textile?.humanRights;
      acc.apply(evidenceTemplatesProvided, { jsicCodes: codes, templatesProvided: e.templates, textileCertificationInProgress: hr != null && hr.kind === 'in_progress' });
      acc.apply(shipmentEvidence, e);
      acc.apply(photoEvidence, e);

      const reasons = acc.reasons ?? [];
      switch (acc.worst) {
        case REFUSE:
          return { outcome: 'refuse', reasons };
        case INCOMPLETE:
          return { outcome: 'incomplete', reasons };
        case REVIEW:
          return { outcome: NEEDS_REVIEW, reasons };
        default:
          return { outcome: 'accept', reasons: [ACCEPT] };
      }
    },
  });
};

/** The join determination over the seeded lists and the default (unset) packing association. */
export const jaimJoinDetermination = makeJaimJoinDetermination();
