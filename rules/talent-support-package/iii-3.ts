import { defineRule, msg } from '../core/index.js';
import { PACKAGE_PERIOD, g } from './instrument.js';
import { plannedCompanies } from './parameters.js';

// III.3: applications close once the planned number of companies (300) has been adopted.

export type IntakeCase = { readonly adoptedCompanies: number };

export const intakeOpen = defineRule<IntakeCase, 'open' | 'closed'>({
  id: 'talent-support-package/iii-3/intake-open',
  title: msg('申込の受付（予定件数）', 'Intake open (planned number)'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.3'),
      summary: msg('申込は、採択が予定件数（300社）に達した時点で締め切られる。', 'Applications close as soon as the planned number of companies (300) has been adopted.'),
      evaluate: ({ adoptedCompanies }, ctx) => {
        const planned = ctx.param(plannedCompanies);
        const used = { adoptedCompanies, planned };
        return adoptedCompanies >= planned
          ? { outcome: 'closed', message: msg(`採択が予定件数（${planned}社）に達したため、新たな申込は受け付けられません。`, `The planned ${planned} companies have been adopted: no new application can be accepted.`), used }
          : { outcome: 'open', message: msg(`採択は${adoptedCompanies}社で予定件数（${planned}社）に達していないため、申込を受け付けられます。`, `${adoptedCompanies} of the planned ${planned} companies adopted: applications can still be accepted.`), used };
      },
    },
  ],
});
