import { z } from 'zod';
import { type LegalDate, isLegalDate } from '../core/index.js';
import { corporateRelationFactsSchema } from '../corporate-relations/index.js';

// Facts for the plan (company, project, employees) and the visa stage. Every requirement's facts are optional:
// a fact not yet provided makes that requirement 'missing' and the plan 'incomplete', never a silent yes or no.

export const dateFact = z.custom<LegalDate>((v) => isLegalDate(v), { message: 'YYYY-MM-DD' });
const yen = z.number().int().min(0);
const count = z.number().int().min(0);
/** A judgement recorded by a reviewer (the system never makes it). */
export const reviewFact = z.enum(['satisfied', 'not-satisfied']);

export const RELATIONS = ['same-entity', 'subsidiary', 'affiliate', 'none', 'unknown'] as const;
export type Relation = (typeof RELATIONS)[number];

export const PURPOSES = ['new-product-local-production', 'new-site-parts-export', 'local-production-required-by-order', 'other'] as const;

export const companySchema = z.object({
  /** req.1: a manufacturer whose business falls under METI's jurisdiction. */
  metiManufacturer: z.boolean().optional(),
  /** req.6: evidence of the minimum measures against industrial accidents. */
  safety: z
    .object({
      thirdPartyCertification: z.boolean().optional(),
      safetyManagementGuideline: z.boolean().optional(),
    })
    .optional(),
  /** req.7 */
  labourLawCompliant: z.boolean().optional(),
  socialInsuranceEnrolled: z.boolean().optional(),
  contractInWorkerLanguage: z.boolean().optional(),
  /** req.8: days on which a penalty of a fine or heavier under labour-standards laws became final. */
  labourPenaltyDates: z.array(dateFact).optional(),
  /** req.9: each separation of a worker, with its establishment. */
  separations: z
    .array(
      z.object({
        date: dateFact,
        establishment: z.string().min(1),
        /** The worker did the same duties as the specified foreign employees. */
        sameDuties: z.boolean(),
        /** Not at the worker's own wish (非自発的). */
        involuntary: z.boolean(),
      }),
    )
    .optional(),
  /** req.10 / req.29: days of misconduct listed in the notice's annexed table. */
  misconductDates: z.array(dateFact).optional(),
  /** req.11: days an earlier plan certification was revoked. */
  revocationDates: z.array(dateFact).optional(),
  /** req.12: days a serious fact contrary to a certified plan arose. */
  seriousBreachDates: z.array(dateFact).optional(),
  /** req.14 */
  financialBaseForPay: z.boolean().optional(),
  /** req.15 */
  bearsReturnCosts: z.boolean().optional(),
});

export const projectSchema = z.object({
  /** req.2: relation of the foreign office to the company, when already established. */
  relation: z.enum(RELATIONS).optional(),
  /** req.2: or the voting and control facts, tested under corporate-relations (Financial Statements Regulation art.8). */
  foreignOffice: corporateRelationFactsSchema.optional(),
  /** req.2: where the employees are transferred to. */
  destination: z.enum(['company', 'company-subsidiary', 'other']).optional(),
  /** req.3 */
  purpose: z.enum(PURPOSES).optional(),
  reducesDomesticProduction: z.boolean().optional(),
  purposeReview: reviewFact.optional(),
  /** req.4: the four conditions the guide requires of the transfer. */
  transfer: z
    .object({
      skillsNotYetHeld: z.boolean().optional(),
      neededForLeadRole: z.boolean().optional(),
      candidatesWereSupervisors: z.boolean().optional(),
      ojtEffective: z.boolean().optional(),
    })
    .optional(),
  transferReview: reviewFact.optional(),
  /** req.5: all employees belong to one project (common reason: new plant, new line, line improvement). */
  sameProject: z.boolean().optional(),
  /** req.13 */
  instructors: z.object({ generalManagers: count, technicalLeads: count, lifeAdvisors: count }).optional(),
  instructorReview: reviewFact.optional(),
});

export const employeeSchema = z.object({
  name: z.string().min(1),
  /** req.16 / req.26: planned first day in Japan and last day of the stay. */
  plannedStart: dateFact.optional(),
  plannedEnd: dateFact.optional(),
  /** req.17 */
  alreadyHasSkills: z.boolean().optional(),
  /** req.18: an earlier stay under this programme (null: none). */
  previousStay: z.object({ returnDate: dateFact, sameSkills: z.boolean().optional() }).nullable().optional(),
  previousStayReview: reviewFact.optional(),
  /** req.19 / req.28: first day employed at the foreign office (service before an acquisition counts). */
  foreignEmploymentStart: dateFact.optional(),
  /** req.20 / req.27: monthly pay; allowances paid only to foreigners and the rent value of free housing count. */
  pay: z.object({ baseYen: yen, foreignerAllowancesYen: yen.default(0), freeHousingRentValueYen: yen.default(0) }).optional(),
  japaneseComparatorPayYen: yen.optional(),
  payReview: reviewFact.optional(),
  /** req.21 */
  familyAccompanying: z.boolean().optional(),
  /** req.22 */
  postReturnRoleUsesSkills: z.boolean().optional(),
  /** req.23: the company undertakes not to dismiss within a year of return, save for special circumstances. */
  commitsNoDismissalWithinYear: z.boolean().optional(),
  /** req.23: after the fact, a dismissal (return and dismissal dates). */
  dismissal: z.object({ returnDate: dateFact, dismissalDate: dateFact }).optional(),
  dismissalReview: reviewFact.optional(),
});

export const visaSchema = z.object({
  /** req.24 */
  planCertified: z.boolean().optional(),
  /** req.25: a report or audit shows a requirement is no longer met. */
  breachFoundByReportOrAudit: z.boolean().optional(),
});

export const planFactsSchema = z.object({
  /** The look-backs (req.8–12) run from this day. */
  applicationDate: dateFact,
  company: companySchema,
  project: projectSchema,
  employees: z.array(employeeSchema).min(1),
});

export type CompanyFacts = z.infer<typeof companySchema>;
export type ProjectFacts = z.infer<typeof projectSchema>;
export type EmployeeFacts = z.infer<typeof employeeSchema>;
export type VisaFacts = z.infer<typeof visaSchema>;
export type PlanFacts = z.infer<typeof planFactsSchema>;

/** What company-level requirements look at. */
export type CompanyCase = { readonly applicationDate: LegalDate; readonly company: CompanyFacts };
export type ProjectCase = { readonly project: ProjectFacts; readonly employeeCount: number };
export type EmployeeCase = { readonly applicationDate: LegalDate; readonly employee: EmployeeFacts };
