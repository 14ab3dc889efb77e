import { z } from 'zod';
import { type LegalDate, isLegalDate } from '../core/index.js';

export const dateFact = z.custom<LegalDate>((v) => isLegalDate(v), { message: 'YYYY-MM-DD' });

export const STATUS_CATEGORIES = [
  'highly-skilled-professional',
  'researcher',
  'engineer-humanities-international',
  'business-manager',
  'legal-accounting',
  'other-professional-technical',
  'specified-skilled-worker',
  'technical-intern',
  'other',
] as const;
export const JOB_KINDS = ['researcher-engineer', 'overseas-business-sales', 'legal-accounting-specialist', 'executive-manager', 'other'] as const;
export const EDUCATION = ['university-or-higher', 'equivalent', 'below'] as const;

/** The talent the company means to hire (II.2(1)). */
export const talentSchema = z.object({
  statusCategory: z.enum(STATUS_CATEGORIES),
  jobKind: z.enum(JOB_KINDS),
  education: z.enum(EDUCATION),
});

export const supportPeriodSchema = z.object({ from: dateFact, to: dateFact });

export const eligibilityFactsSchema = z.object({
  applicationDate: dateFact,
  talent: talentSchema,
  company: z.object({
    paidPlacementLicence: z.boolean(),
    /** Last day the company made a paid placement (null: never). */
    lastPaidPlacementDate: dateFact.nullable(),
    /** Paid job placement is a business the company runs (III.2). */
    operatesPaidPlacementBusiness: z.boolean(),
    legalForm: z.enum(['kabushiki', 'yugen', 'godo', 'other']),
    hasWebsite: z.boolean(),
    /** Support periods received in earlier years (last day inclusive). */
    pastSupportPeriods: z.array(supportPeriodSchema).default([]),
    financialBase: z.enum(['has', 'lacks', 'unclear']),
    hiringOnlyForOverseasSubsidiary: z.boolean(),
    regularEmployment: z.boolean(),
    organisationalConsensus: z.enum(['yes', 'no', 'unclear']),
    intendsToAdvance: z.boolean(),
    compliance: z.object({
      lawViolation: z.enum(['none', 'violation', 'suspicion']),
      subsidyActAndOrdersCompliant: z.boolean(),
      antisocialForces: z.boolean(),
    }),
  }),
});

export type TalentFacts = z.infer<typeof talentSchema>;
export type SupportPeriod = z.infer<typeof supportPeriodSchema>;
export type EligibilityFacts = z.infer<typeof eligibilityFactsSchema>;
export type CompanyFacts = EligibilityFacts['company'];
export type CompanyCase = { readonly applicationDate: LegalDate; readonly company: CompanyFacts };
