import { cite, defineRule, msg, period } from '../core/index.js';

// Art.13: a member withdraws by notifying the secretariat (para 1); an accepting organisation that currently
// employs SSW workers in the manufacturing field cannot notify withdrawal while it employs them (para 2).

export type WithdrawalFacts = {
  /** Specified Skilled Workers (manufacturing field) the establishment employs on the withdrawal date. */
  readonly sswEmployed: number;
};

export const withdrawalBarredWhileEmploying = defineRule<WithdrawalFacts, 'allowed' | 'barred'>({
  id: 'council-operating-rules/art-013/withdrawal-bar',
  title: msg('特定技能外国人雇用中の退会の制限', 'No withdrawal while employing SSW workers'),
  versions: [
    {
      period: period('2019-03-26'),
      citation: cite('council-operating-rules', '13', '2'),
      also: [cite('council-operating-rules', '13', '1')],
      summary: msg(
        '製造業分野の特定技能外国人を現に雇用している機関は、その雇用の間は退会を届け出ることができない。',
        'An organisation currently employing manufacturing-field SSW workers may not notify withdrawal while it employs them.',
      ),
      evaluate: ({ sswEmployed }) =>
        sswEmployed > 0
          ? {
              outcome: 'barred',
              message: msg(
                `特定技能外国人を${sswEmployed}名雇用しているため、退会を届け出ることはできません。`,
                `Withdrawal cannot be notified while ${sswEmployed} SSW worker(s) are employed.`,
              ),
              used: { sswEmployed },
            }
          : {
              outcome: 'allowed',
              message: msg('特定技能外国人を雇用していないため、退会を届け出ることができます。', 'No SSW workers are employed, so withdrawal may be notified.'),
              used: { sswEmployed },
            },
    },
  ],
});

export type WithdrawalNoticeFacts = {
  /** The withdrawal was notified to the secretariat on the prescribed form and in the prescribed way. */
  readonly notifiedOnPrescribedForm: boolean;
};

export const withdrawalNotification = defineRule<WithdrawalNoticeFacts, 'notified' | 'not-notified'>({
  id: 'council-operating-rules/art-013/withdrawal-notification',
  title: msg('退会の届出', 'Withdrawal by notification'),
  versions: [
    {
      period: period('2019-03-26'),
      citation: cite('council-operating-rules', '13', '1'),
      summary: msg(
        '構成員が退会するには、別に定める様式と方法で事務局に届け出る。',
        'A member leaves the council by notifying the secretariat on the form and in the manner laid down separately.',
      ),
      evaluate: ({ notifiedOnPrescribedForm }) =>
        notifiedOnPrescribedForm
          ? { outcome: 'notified', message: msg('所定の様式で退会が届け出られています。', 'Withdrawal was notified on the prescribed form.'), used: { notifiedOnPrescribedForm } }
          : { outcome: 'not-notified', message: msg('所定の様式による退会の届出がありません。', 'No withdrawal has been notified on the prescribed form.'), used: { notifiedOnPrescribedForm } },
    },
  ],
});
