import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg } from '../../core/index.js';
import { withdrawalBarredWhileEmploying, withdrawalNotification } from '../art-013.js';

export const councilWithdrawalFacts = z.object({
  /** Withdrawal notified on the prescribed form (art.13(1)). */
  notifiedOnPrescribedForm: z.boolean(),
  /** Manufacturing-field SSW workers employed on the withdrawal date. */
  sswEmployed: z.number().int().min(0),
});

export type CouncilWithdrawalFacts = z.output<typeof councilWithdrawalFacts>;
export type CouncilWithdrawalOutcome = 'accept' | 'barred' | 'incomplete';

export const councilWithdrawalDetermination = defineDetermination<CouncilWithdrawalFacts, CouncilWithdrawalOutcome>({
  id: 'council-withdrawal',
  title: msg('協議・連絡会からの退会', 'Withdrawing from the council'),
  description: msg(
    '退会の届出（第13条）を審査します。特定技能外国人を雇用している間は退会できません。',
    'Screens a withdrawal under art.13: no withdrawal while SSW workers are employed.',
  ),
  facts: councilWithdrawalFacts,
  outcomes: ['accept', 'barred', 'incomplete', NEEDS_REVIEW],
  rules: [withdrawalNotification, withdrawalBarredWhileEmploying],
  example: { asOf: '2025-06-01', facts: { notifiedOnPrescribedForm: true, sswEmployed: 0 } },
  decide: (f, e) => {
    const notice = e.applyFull(withdrawalNotification, f);
    const bar = e.applyFull(withdrawalBarredWhileEmploying, f);
    if (bar.outcome === 'barred') return { outcome: 'barred', reasons: [bar.message] };
    if (notice.outcome === 'not-notified') return { outcome: 'incomplete', reasons: [notice.message] };
    return { outcome: 'accept', reasons: [notice.message, bar.message] };
  },
});
