import { Conflict } from '../../errors.js';
import type { SittingRow } from '../../../persistence/repositories/exam-sittings.repository.js';

/** Registration is open when the sitting's status says so and today (Japan) is inside its window. */
export const isRegistrationOpen = (s: Pick<SittingRow, 'status' | 'registrationOpensOn' | 'registrationClosesOn'>, today: string): boolean =>
  s.status === 'registration_open' && s.registrationOpensOn <= today && today <= s.registrationClosesOn;

export const assertRegistrationOpen = (s: Pick<SittingRow, 'status' | 'registrationOpensOn' | 'registrationClosesOn'>, today: string): void => {
  if (!isRegistrationOpen(s, today)) {
    throw new Conflict('registration closed', {
      ja: `この試験回の申込受付期間（${s.registrationOpensOn}〜${s.registrationClosesOn}）ではありません。`,
      en: `Applications for this sitting are only accepted from ${s.registrationOpensOn} to ${s.registrationClosesOn}.`,
    });
  }
};

/** Money for display: integer minor units of the currency (JPY has none). */
export const formatFee = (amount: number, currency: string, lang: string): string => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
  return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount / 10 ** digits);
};
