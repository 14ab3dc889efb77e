import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg } from '../../core/index.js';
import { renewalByExpressedIntent } from '../art-012.js';
import { legalDateFact } from './facts.js';

export const councilRenewalFacts = z.object({
  category: z.enum(['i', 'ii', 'iii', 'iv', 'v']),
  deadline: legalDateFact,
  intentExpressedOn: legalDateFact.nullable(),
});

export type CouncilRenewalFacts = z.output<typeof councilRenewalFacts>;
export type CouncilRenewalOutcome = 'renewed' | 'lapsed' | 'pending' | 'not_applicable';

export const councilRenewalDetermination = defineDetermination<CouncilRenewalFacts, CouncilRenewalOutcome>({
  id: 'council-renewal',
  title: msg('構成員資格の年度更新', 'Yearly renewal of council membership'),
  description: msg(
    '第12条により、期限までに更新の意思を示した第3号の構成員は更新され、示さなかった構成員は資格を失います。',
    'Under art.12 a category (iii) member that expresses its wish to renew by the deadline is renewed; one that does not loses membership.',
  ),
  facts: councilRenewalFacts,
  outcomes: ['renewed', 'lapsed', 'pending', 'not_applicable', NEEDS_REVIEW],
  rules: [renewalByExpressedIntent],
  example: { asOf: '2025-07-01', facts: { category: 'iii', deadline: '2025-06-30', intentExpressedOn: '2025-06-20' } },
  decide: (f, e) => {
    const step = e.applyFull(renewalByExpressedIntent, f);
    return { outcome: step.outcome === 'not-applicable' ? 'not_applicable' : step.outcome, reasons: [step.message] };
  },
});
