import type { LegalDate } from '../../../../rules/core/index.js';
import type { Level } from '../../../../rules/skills-exam/index.js';
import type { Db } from '../../../persistence/database.js';
import { Conflict } from '../../errors.js';
import {
  insertDeterminations,
  listPartScoreValues,
  updateRegistrationStatuses,
  updateSittingStatus,
  upsertPartScores,
  upsertResults,
  type PartScoreInput,
  type ResultInput,
} from '../../../persistence/repositories/exam-scoring.repository.js';
import { registrationMachine, type RegistrationState } from '../registration.states.js';
import { sittingMachine, type SittingState } from '../sitting.states.js';
import { resultMachine, type ResultState } from '../results/exam-result.states.js';
import { createResultDecider, type DecidedResult } from '../results/result-decider.js';

// Shared by the CBT import, practical entry and ledger corrections (inside the caller's transaction): write the part
// scores, then re-decide the result of every registration touched with all its part scores, storing each distinct
// determination once. Results keep their state (the result machine's `rescore`); new ones start provisional.

export type ApplyContext = {
  sittingId: string;
  level: Level;
  examDate: LegalDate;
  today: LegalDate;
  now: Date;
  /** Current result states (corrections after release keep 'released'). */
  states?: ReadonlyMap<string, ResultState>;
  /** Current registration statuses of the registrations touched. */
  registrationStatuses: ReadonlyMap<string, string>;
};

/** Scoring starts when the exam is over: a sitting still in progress finishes (sitting machine). */
export const startScoring = async (tx: Db, sitting: { sittingId: string; sittingStatus: string; examDate: string }, today: LegalDate): Promise<void> => {
  if (sitting.sittingStatus === 'scoring') return;
  if (sitting.sittingStatus !== 'in_progress') {
    throw new Conflict(`sitting is ${sitting.sittingStatus}`, { ja: 'この試験回は採点できる状態ではありません（試験の実施後に採点します）。', en: 'This sitting cannot be scored now (scores are taken after the exam has been held).' });
  }
  const to = sittingMachine.next(sitting.sittingStatus as SittingState, 'finish', { today, sittingDate: sitting.examDate as LegalDate });
  await updateSittingStatus(tx, sitting.sittingId, sitting.sittingStatus, to);
};

const allPartsScored = (decided: DecidedResult, scores: { written?: number; practical?: number }): boolean => {
  const overall = decided.determination.trace.find((s) => s.ruleId === 'skills-exam/results/overall');
  const required = ((overall?.used as { required?: string[] } | undefined)?.required ?? []) as ('written' | 'practical')[];
  return required.length > 0 && required.every((p) => scores[p] !== undefined);
};

export type ApplyCounts = { passed: number; failed: number; incomplete: number };

export const applyPartScores = async (tx: Db, ctx: ApplyContext, scores: readonly PartScoreInput[]): Promise<ApplyCounts> => {
  if (scores.length > 0) await upsertPartScores(tx, scores);
  return redecideResults(tx, ctx, [...new Set(scores.map((s) => s.registrationId))]);
};

export const redecideResults = async (tx: Db, ctx: ApplyContext, registrationIds: readonly string[]): Promise<ApplyCounts> => {
  const all = await listPartScoreValues(tx, ctx.sittingId);
  const decide = createResultDecider(ctx.level, ctx.examDate);
  const determinations = new Map<string, string>();
  const results: ResultInput[] = [];
  const counts: ApplyCounts = { passed: 0, failed: 0, incomplete: 0 };
  const nowScored: string[] = [];
  for (const registrationId of registrationIds) {
    const decided = decide(all.get(registrationId) ?? {});
    if (!determinations.has(decided.hash)) determinations.set(decided.hash, JSON.stringify(decided.determination));
    const current = ctx.states?.get(registrationId);
    const status = current ? resultMachine.next(current, 'rescore', { today: ctx.examDate, releaseOn: null }) : 'provisional';
    const scores = all.get(registrationId) ?? {};
    results.push({
      registrationId,
      sittingId: ctx.sittingId,
      status,
      outcome: decided.outcome,
      writtenScore: scores.written ?? null,
      practicalScore: scores.practical ?? null,
      writtenOutcome: decided.writtenOutcome,
      practicalOutcome: decided.practicalOutcome,
      determinationHash: decided.hash,
      decidedAt: ctx.now,
    });
    const regStatus = ctx.registrationStatuses.get(registrationId);
    if (regStatus === 'checked_in' && allPartsScored(decided, scores)) {
      const next = registrationMachine.next(regStatus as RegistrationState, 'score', { today: ctx.today, sittingDate: ctx.examDate, allPartsScored: true });
      if (next === 'scored') nowScored.push(registrationId);
    }
    if (decided.outcome === 'pass') counts.passed += 1;
    else if (decided.outcome === 'fail') counts.failed += 1;
    else counts.incomplete += 1;
  }
  await insertDeterminations(tx, [...determinations].map(([hash, json]) => ({ hash, json })));
  await upsertResults(tx, results);
  await updateRegistrationStatuses(tx, nowScored, 'checked_in', 'scored');
  return counts;
};
