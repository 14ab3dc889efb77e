import { createHash } from 'node:crypto';
import { type Determination, type LegalDate, determineParsed } from '../../../../rules/core/index.js';
import { type Level, type Part, examResultDetermination, partResult } from '../../../../rules/skills-exam/index.js';

// Pass/fail per part and overall, with the trace, from the exam-result determination (rules/skills-exam). The legal date
// is the exam day (the pass marks in force that day apply). Many candidates share the same scores, so a decider
// memoises by score pair: 100,000 candidates need a few thousand evaluations, and each distinct determination is stored
// once (content hash) rather than per candidate.

export type PartScores = { readonly written?: number | null; readonly practical?: number | null };
export type ResultOutcome = 'pass' | 'fail' | 'incomplete' | 'needs_review';

export type DecidedResult = {
  readonly outcome: ResultOutcome;
  readonly writtenOutcome: 'pass' | 'fail' | null;
  readonly practicalOutcome: 'pass' | 'fail' | null;
  /** sha-256 of the determination JSON: the key of exam_result_determinations. */
  readonly hash: string;
  readonly determination: Determination<'pass' | 'fail' | 'incomplete'>;
};

const partOutcome = (d: Determination<unknown>, part: Part): 'pass' | 'fail' | null => {
  const step = d.trace.find((s) => s.ruleId === partResult.id && (s.used as { part?: string } | undefined)?.part === part);
  return step?.outcome === 'pass' || step?.outcome === 'fail' ? step.outcome : null;
};

export const decideResult = (level: Level, examDate: LegalDate, scores: PartScores): DecidedResult => {
  const facts = {
    level,
    scores: {
      ...(scores.written === null || scores.written === undefined ? {} : { written: scores.written }),
      ...(scores.practical === null || scores.practical === undefined ? {} : { practical: scores.practical }),
    },
  };
  const determination = determineParsed(examResultDetermination, facts, examDate);
  const json = JSON.stringify(determination);
  return {
    outcome: determination.outcome as ResultOutcome,
    writtenOutcome: partOutcome(determination, 'written'),
    practicalOutcome: partOutcome(determination, 'practical'),
    hash: createHash('sha256').update(json, 'utf8').digest('hex'),
    determination,
  };
};

/** A memoising decider for one sitting (one level and exam day). */
export const createResultDecider = (level: Level, examDate: LegalDate): ((scores: PartScores) => DecidedResult) => {
  const cache = new Map<string, DecidedResult>();
  return (scores) => {
    const key = `${scores.written ?? '-'}/${scores.practical ?? '-'}`;
    let decided = cache.get(key);
    if (!decided) {
      decided = decideResult(level, examDate, scores);
      cache.set(key, decided);
    }
    return decided;
  };
};
