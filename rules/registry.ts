import type { AnyDetermination, AnyRule, InstrumentDefinition } from './core/index.js';
import { instrument as councilOperatingRules } from './council-operating-rules/index.js';
import { instrument as jaimMembershipFaq } from './jaim-membership-faq/index.js';
import { instrument as eligibleIndustries } from './eligible-industries/index.js';
import { instrument as jaimFees } from './jaim-fees/index.js';
import { instrument as sme } from './sme/index.js';
import { instrument as corporateRelations } from './corporate-relations/index.js';
import { instrument as manufacturingActivityPlan } from './manufacturing-activity-plan/index.js';
import { instrument as talentSupportPackage } from './talent-support-package/index.js';
import { instrument as skillsExam } from './skills-exam/index.js';

/** Every instrument the platform knows. The catalogue, the API, the CLI and the sweep test read this list. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  councilOperatingRules,
  jaimMembershipFaq,
  eligibleIndustries,
  jaimFees,
  sme,
  corporateRelations,
  manufacturingActivityPlan,
  talentSupportPackage,
  skillsExam,
];

export const allRules = (): AnyRule[] => INSTRUMENTS.flatMap((i) => i.rules);
export const allDeterminations = (): AnyDetermination[] => INSTRUMENTS.flatMap((i) => i.determinations);
export const findDetermination = (id: string): AnyDetermination | undefined => allDeterminations().find((d) => d.id === id);
