import { NEEDS_REVIEW, cite, defineRule, msg } from '../core/index.js';
import { SINCE_ENACTMENT } from './instrument.js';

// Art.8: meetings are public unless the co-chairs decide, given the agenda, that they should not be (para 1). A closed
// meeting's reason is published (para 2), unless publishing it would seriously harm someone's rights, damage trust
// with another country, chill frank discussion or otherwise hurt the public interest (para 2 proviso).

export type MeetingPublicityFacts = {
  /** The three co-chairs decided, in view of the agenda, that the meeting should not be public. */
  readonly coChairsDecidedNotPublic: boolean;
};

export const meetingPublicity = defineRule<MeetingPublicityFacts, 'public' | 'closed'>({
  id: 'council-operating-rules/art-008/meeting-publicity',
  title: msg('会議の公開', 'Meetings public by default'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '8', '1'),
      summary: msg(
        '会議は公開が原則で、主宰者が議事の内容から公開すべきでないと判断したときに限り非公開となる。',
        'Meetings are open to the public unless the co-chairs decide, given the agenda, that they should be closed.',
      ),
      evaluate: ({ coChairsDecidedNotPublic }) =>
        coChairsDecidedNotPublic
          ? { outcome: 'closed', message: msg('主宰者の判断により非公開の会議です。', 'The co-chairs decided to hold the meeting in private.'), used: { coChairsDecidedNotPublic } }
          : { outcome: 'public', message: msg('原則どおり公開の会議です。', 'The meeting is public, as is the default.'), used: { coChairsDecidedNotPublic } },
    },
  ],
});

export type ClosedReasonFacts = {
  readonly closed: boolean;
  /** The secretariat proposes to withhold the reason because publishing it could cause the harms the proviso lists. */
  readonly withholdingReasonProposed: boolean;
};

export const closedMeetingReason = defineRule<ClosedReasonFacts, 'publish-reason' | 'not-required'>({
  id: 'council-operating-rules/art-008/closed-meeting-reason',
  title: msg('非公開理由の公開', 'Publishing why a meeting is closed'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '8', '2'),
      summary: msg(
        '非公開とした会議はその理由を公表する。ただし理由の公表が権利利益・外交上の信頼・率直な意見交換・公益を損なうおそれがあれば公表しない。',
        'When a meeting is closed, the reason is made public, except where publishing it could hurt rights, foreign relations, candid debate or the public interest.',
      ),
      evaluate: ({ closed, withholdingReasonProposed }) => {
        if (!closed) return { outcome: 'not-required', message: msg('公開の会議のため、非公開理由の公表は不要です。', 'The meeting is public, so no reason needs publishing.'), used: { closed } };
        if (withholdingReasonProposed)
          return {
            outcome: NEEDS_REVIEW,
            message: msg(
              '理由の公表が権利利益の著しい侵害・他国との信頼関係・率直な意見交換・公益を損なうおそれがあるかは、主宰者の判断が必要です。',
              'Whether publishing the reason would seriously harm rights, trust with other countries, frank discussion or the public interest needs the co-chairs’ judgement.',
            ),
            used: { closed, withholdingReasonProposed },
          };
        return {
          outcome: 'publish-reason',
          message: msg('非公開の会議のため、非公開とした理由を公表します。', 'The meeting is closed, so the reason for closing it is published.'),
          used: { closed, withholdingReasonProposed },
        };
      },
    },
  ],
});
