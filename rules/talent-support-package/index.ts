import { defineInstrument, msg } from '../core/index.js';
import { talentPackageCapDetermination, talentPackageEligibilityDetermination } from './determinations.js';
import { earlyTermination, supportPeriod } from './ii-6.js';
import { highlySkilledTalent } from './ii-2.js';
import {
  compliance,
  excl1PaidPlacement,
  excl2LegalForm,
  excl3Website,
  excl4ThreeFiscalYears,
  excl5FinancialBase,
  excl6OverseasOnly,
  excl7TalentAndEmployment,
  excl8Consensus,
  staffingAgency,
} from './iii-1.js';
import { intakeOpen } from './iii-3.js';
import { PACKAGE_PARAMETERS } from './parameters.js';

export * from './determinations.js';
export * from './facts.js';
export * from './ii-2.js';
export * from './ii-6.js';
export * from './iii-1.js';
export * from './iii-3.js';
export * from './instrument.js';
export * from './parameters.js';

export const instrument = defineInstrument({
  id: 'talent-support-package',
  documents: ['jetro-talent-package-guide'],
  title: msg('ジェトロ外国人材活躍支援パッケージ（2024年度）', 'JETRO talent support package (FY2024)'),
  notFormalised: [
    msg(
      '審査基準（V.1(1)①〜⑤）と書類審査・面談（V.1(2)）は総合的な判断であり、システムは判定しない。',
      "The review criteria (V.1(1) 1–5) and the document review and interview (V.1(2)) are JETRO's overall judgement; the system does not decide them.",
    ),
    msg(
      '「応募・利用条件兼同意書」の本文は保有していない。2025年度以降の要領は別の版として追加する。',
      'The text of the application and use conditions is not held. Guides for FY2025 and later are to be added as new versions.',
    ),
  ],
  rules: [
    highlySkilledTalent,
    excl1PaidPlacement,
    excl2LegalForm,
    excl3Website,
    excl4ThreeFiscalYears,
    excl5FinancialBase,
    excl6OverseasOnly,
    excl7TalentAndEmployment,
    excl8Consensus,
    compliance,
    staffingAgency,
    intakeOpen,
    supportPeriod,
    earlyTermination,
  ],
  parameters: PACKAGE_PARAMETERS,
  determinations: [talentPackageEligibilityDetermination, talentPackageCapDetermination],
});
