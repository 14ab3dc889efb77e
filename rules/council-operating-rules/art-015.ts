import { cite, defineRule, msg } from '../core/index.js';
import { SINCE_ENACTMENT } from './instrument.js';

// Art.15: when the council learns, in its reports, document requests, site visits or other activities, of a case
// breaching the Immigration Control Act or related laws on the SSW status, it informs the agencies concerned.

export type ViolationFacts = {
  /** A case breaching the Immigration Control Act or related laws on SSW status came to the council's knowledge. */
  readonly violationFound: boolean;
};

export const reportViolationToAgencies = defineRule<ViolationFacts, 'inform-agencies' | 'nothing-to-report'>({
  id: 'council-operating-rules/art-015/report-violation',
  title: msg('違反事例の制度関係機関への情報提供', 'Passing violations to the agencies concerned'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '15'),
      summary: msg(
        '協議・連絡会は活動の中で入管法等の違反事例を知ったときは、法務省・警察庁・外務省・厚生労働省に適切に情報を提供する。',
        'When the council learns in its work of a breach of immigration or related law on SSW status, it passes the information to the Justice, Police, Foreign Affairs and Health-Labour authorities.',
      ),
      evaluate: ({ violationFound }) =>
        violationFound
          ? {
              outcome: 'inform-agencies',
              message: msg('違反事例を覚知したため、制度関係機関に情報提供します。', 'A breach has come to light: inform the agencies concerned.'),
              used: { violationFound },
            }
          : { outcome: 'nothing-to-report', message: msg('情報提供すべき違反事例はありません。', 'There is no breach to pass on.'), used: { violationFound } },
    },
  ],
});
