import type { LegalDate } from '../../../../rules/core/index.js';
import { registrationMachine, type RegistrationContext, type RegistrationEvent, type RegistrationState } from '../registration.states.js';

/** The registration machine's next state (throws InvalidTransition / TransitionRefused). The only way a status is chosen. */
export const nextRegistrationState = (from: string, event: RegistrationEvent, ctx: Omit<RegistrationContext, 'today' | 'sittingDate'> & { today: string; sittingDate: string }): RegistrationState =>
  registrationMachine.next(from as RegistrationState, event, { ...ctx, today: ctx.today as LegalDate, sittingDate: ctx.sittingDate as LegalDate });

/** A paid fee issues the ticket at once: pay, then issue_ticket (eligibility was checked when the application was sent). */
export const payAndIssue = (from: string, c: { today: string; sittingDate: string }): RegistrationState => {
  const paid = nextRegistrationState(from, 'pay', { ...c, paymentConfirmed: true });
  return nextRegistrationState(paid, 'issue_ticket', { ...c, eligibility: 'eligible', examNumberAssigned: true });
};

/** Statuses holding a seat in the sitting (what capacity counts). */
export const HOLDS_SEAT: readonly string[] = ['applied', 'paid', 'ticket_issued', 'checked_in', 'scored', 'result_released'];
