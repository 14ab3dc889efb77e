import { determine, type Determination } from '../../../../rules/core/index.js';
import { examEligibilityDetermination, inLanguage, type CandidateLanguage, type CandidateMessage, type EligibilityReason } from '../../../../rules/skills-exam/index.js';

export type EligibilityResult = {
  outcome: EligibilityReason | 'needs_review';
  /** The reason in the candidate's language. */
  reason: string;
  determination: Determination<EligibilityReason>;
};

/** The exam-eligibility determination on the exam day, with its reason in the candidate's language. */
export const checkEligibility = (
  p: { level: 'i' | 'ii'; category: string; examDate: string; dateOfBirth: string; nationality: string },
  lang: CandidateLanguage,
): EligibilityResult => {
  const determination = determine(examEligibilityDetermination, { level: p.level, category: p.category, birthDate: p.dateOfBirth, nationality: p.nationality }, p.examDate);
  const first = determination.reasons[0] as CandidateMessage | undefined;
  return { outcome: determination.outcome as EligibilityResult['outcome'], reason: first ? inLanguage(first, lang) : '', determination };
};
