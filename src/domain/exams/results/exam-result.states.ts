import { type LegalDate, msg } from '../../../../rules/core/index.js';
import { defineMachine } from '../machine.js';

// Exam result (合否) lifecycle: provisional (scored, not yet announced) → released (on or after the sitting's release
// date). A correction re-decides a result in either state (the ledger keeps the reason). Certificates: issued → revoked.
// The status columns are only ever written with the state these machines return.

export const RESULT_STATES = ['provisional', 'released'] as const;
export type ResultState = (typeof RESULT_STATES)[number];
export const RESULT_EVENTS = ['release', 'rescore'] as const;
export type ResultEvent = (typeof RESULT_EVENTS)[number];

export type ResultContext = { readonly today: LegalDate; readonly releaseOn: LegalDate | null };

export const resultMachine = defineMachine<ResultState, ResultEvent, ResultContext>('exam-result', RESULT_STATES, RESULT_EVENTS, [
  {
    from: ['provisional'],
    event: 'release',
    to: 'released',
    guard: (c) =>
      c.releaseOn === null
        ? msg('合否の発表日が設定されていません。', 'No results release date has been set.')
        : c.today < c.releaseOn
          ? msg(`合否の発表日（${c.releaseOn}）前です。`, `The results release date (${c.releaseOn}) has not come yet.`)
          : null,
  },
  { from: ['provisional'], event: 'rescore', to: 'provisional' },
  { from: ['released'], event: 'rescore', to: 'released' },
]);

export const CERTIFICATE_STATES = ['issued', 'revoked'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export const CERTIFICATE_EVENTS = ['revoke'] as const;
export type CertificateEvent = (typeof CERTIFICATE_EVENTS)[number];

export type CertificateContext = { readonly reason: string };

export const certificateMachine = defineMachine<CertificateState, CertificateEvent, CertificateContext>('exam-certificate', CERTIFICATE_STATES, CERTIFICATE_EVENTS, [
  {
    from: ['issued'],
    event: 'revoke',
    to: 'revoked',
    guard: (c) => (c.reason.trim().length >= 5 ? null : msg('失効の理由を5文字以上で入力してください。', 'Give a reason for revoking (at least 5 characters).')),
  },
]);
