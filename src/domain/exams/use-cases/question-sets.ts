// The question bank: versions of question sets and their review. A new version of a code starts as a draft; it is
// submitted for review, and approved or returned by someone other than its author (refused by the machine).
// A double submit of the new-version form returns the first draft (create-once.ts) instead of drafting version + 1.
import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import {
  findExamCategory,
  findQuestionSet,
  insertQuestionSet,
  latestQuestionSetVersion,
  listQuestionSets,
  updateQuestionSetStatus,
} from '../../../persistence/repositories/exam-catalogue.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { compileAnswerKey } from '../answer-key-scoring.js';
import { questionSetMachine, type QuestionSetEvent, type QuestionSetState } from '../question-set.states.js';
import { optionalText, parseInput, trimmed } from './catalogue.js';
import { userIdOf, type ExamContext } from './context.js';
import { createOnce, staffScope } from '../../idempotency/create-once.js';

export type AnswerKeyJson = { correct: string | string[]; weight: number }[];
export type PracticalCriterionJson = { id: string; label: string; weight: number; max: number }[];

/**
 * Answer key as typed by the author: one question per line, `B` or `B 2` (answer, weight) or `A|C 1` for several
 * accepted answers. Practical criteria: `id; label; weight; max` per line.
 */
export const parseAnswerKeyText = (text: string): AnswerKeyJson => {
  const out: AnswerKeyJson = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  lines.forEach((line, i) => {
    const m = /^([A-Za-z](?:\|[A-Za-z])*)(?:\s+(\d{1,3}))?$/.exec(line);
    if (!m) throw new InvalidInput([{ field: 'answerKey', message: { ja: `${i + 1}行目：「B」や「B 2」（解答と配点）の形で入力してください。`, en: `Line ${i + 1}: write "B" or "B 2" (answer and weight).` } }]);
    const letters = m[1]!.toUpperCase().split('|');
    out.push({ correct: letters.length === 1 ? letters[0]! : letters, weight: m[2] ? Number(m[2]) : 1 });
  });
  if (out.length) compileAnswerKey({ setCode: 'X', version: 1, questions: out });
  return out;
};

export const parseCriteriaText = (text: string): PracticalCriterionJson => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.map((line, i) => {
    const parts = line.split(';').map((p) => p.trim());
    const [id, label, weight, max] = parts;
    if (parts.length !== 4 || !/^[a-z0-9_-]{1,32}$/i.test(id!) || !label || !/^\d{1,3}$/.test(weight!) || !/^\d{1,3}$/.test(max!) || Number(weight) < 1 || Number(max) < 1) {
      throw new InvalidInput([{ field: 'practicalCriteria', message: { ja: `${i + 1}行目：「id; 項目名; 配点; 満点」の形で入力してください。`, en: `Line ${i + 1}: write "id; label; weight; max".` } }]);
    }
    return { id: id!, label, weight: Number(weight), max: Number(max) };
  });
};

const createSchema = z.object({
  categoryId: z.uuid(),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/),
  title: trimmed(200),
  answerKey: z.string().max(20000).default(''),
  practicalCriteria: z.string().max(20000).default(''),
  note: optionalText(500),
});

/** A new draft version of a question set (version = latest + 1 for the code within the category). */
export const createQuestionSet = async (ctx: ExamContext, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const authorId = userIdOf(ctx);
  const v = parseInput(createSchema, raw, { code: { ja: 'コードは英大文字・数字・-・_で入力してください（例：KK1-A）。', en: 'Use capitals, digits, - and _ for the code (e.g. KK1-A).' } });
  if (!(await findExamCategory(ctx.db, v.categoryId))) throw new InvalidInput([{ field: 'categoryId', message: { ja: '試験区分を選んでください。', en: 'Choose an exam category.' } }]);
  let answerKey: AnswerKeyJson;
  try {
    answerKey = parseAnswerKeyText(v.answerKey);
  } catch (e) {
    if (e instanceof InvalidInput) throw e;
    throw new InvalidInput([{ field: 'answerKey', message: { ja: '解答キーを確認してください。', en: 'Check the answer key.' } }]);
  }
  const practicalCriteria = parseCriteriaText(v.practicalCriteria);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_question_set', scopeId: staffScope(ctx) }, findQuestionSet, async (tx, id) => {
    const version = (await latestQuestionSetVersion(tx, v.categoryId, v.code)) + 1;
    const row = await insertQuestionSet(tx, { id, categoryId: v.categoryId, code: v.code, version, title: v.title, answerKey, practicalCriteria, authorId });
    await writeAuditEvent(tx, { action: 'exam_question_set.created', ...auditMeta(ctx), target: { type: 'exam_question_set', id: row.id }, summary: { after: { code: v.code, version, questions: answerKey.length, criteria: practicalCriteria.length } } });
    return row;
  });
};

export const listQuestionBank = async (ctx: ExamContext, categoryId?: string) => {
  authorize(ctx.actor, 'exam_catalogue.read');
  return listQuestionSets(ctx.db, categoryId);
};

export const getQuestionSet = async (ctx: ExamContext, id: string) => {
  authorize(ctx.actor, 'exam_catalogue.read');
  const row = z.uuid().safeParse(id).success ? await findQuestionSet(ctx.db, id) : undefined;
  if (!row) throw new NotFound('question set');
  return row;
};

const ACTIONS: Record<QuestionSetEvent, 'exam_question_set.submitted' | 'exam_question_set.approved' | 'exam_question_set.returned' | 'exam_question_set.retired'> = {
  submit: 'exam_question_set.submitted',
  approve: 'exam_question_set.approved',
  return: 'exam_question_set.returned',
  retire: 'exam_question_set.retired',
};

/** Moves a question set through its review; the approver (or reviewer who returns it) must not be its author. */
export const reviewQuestionSet = async (ctx: ExamContext, id: string, event: QuestionSetEvent, raw: { comment?: unknown } = {}) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const actorId = userIdOf(ctx);
  const set = await getQuestionSet(ctx, id);
  const to: QuestionSetState = questionSetMachine.next(set.status, event, {
    actorId,
    authorId: set.authorId,
    hasContent: set.answerKey.length > 0 || set.practicalCriteria.length > 0,
  });
  const comment = typeof raw.comment === 'string' ? raw.comment.trim().slice(0, 2000) : '';
  if (event === 'return' && !comment) throw new InvalidInput([{ field: 'comment', message: { ja: '差戻しの理由を入力してください。', en: 'Say why the set is returned.' } }]);
  const now = ctx.clock.now();
  const patch = {
    status: to,
    ...(event === 'submit' ? { submittedAt: now, reviewComment: null } : {}),
    ...(event === 'approve' ? { approvedBy: actorId, approvedAt: now, reviewComment: comment || null } : {}),
    ...(event === 'return' ? { reviewComment: comment } : {}),
    ...(event === 'retire' ? { retiredAt: now } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    if (!(await updateQuestionSetStatus(tx, set.id, set.lockVersion, patch))) throw new Conflict('changed', { ja: '問題セットが更新されました。画面を読み込み直してください。', en: 'The set changed. Reload the page.' });
    await writeAuditEvent(tx, { action: ACTIONS[event], ...auditMeta(ctx), target: { type: 'exam_question_set', id: set.id }, summary: { before: { status: set.status }, after: { status: to } }, ...(comment ? { reason: comment } : {}) });
    return { ...set, ...patch };
  });
};
