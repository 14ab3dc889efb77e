import { createHash } from 'node:crypto';
import { isLegalDate } from '../../../../rules/core/index.js';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import {
  findExistingPaymentReferences,
  findRegistrationsByExamNumbers,
  insertPaymentConfirmations,
  insertPaymentImport,
  registrationDetail,
  updateRegistration,
} from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting } from '../../../persistence/repositories/exam-sittings.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict } from '../../errors.js';
import { queueMail } from '../../mail/outbox.js';
import { parseCsv } from '../csv.js';
import { parseExamNumber } from '../exam-number.js';
import { statusChangeMail } from './candidate-mail.js';
import { todayOf, userIdOf, type ExamContext } from './context.js';
import { payAndIssue } from './registration-status.js';

// Payment confirmations (入金確認) from the bank or payment agent, as CSV:
//   exam_number,amount,currency,paid_on,reference
// All or nothing: any bad row rejects the whole file with a report naming each row and problem; nothing is applied.
// A good file marks each registration paid and issues its admission ticket.

export const PAYMENT_CSV_HEADER = ['exam_number', 'amount', 'currency', 'paid_on', 'reference'] as const;
export const MAX_PAYMENT_ROWS = 20_000;

export type PaymentRowProblem = { code: string; ja: string; en: string };
export type PaymentRowReport = { line: number; examNumber: string; problems: PaymentRowProblem[] };
export type PaymentImportResult = { ok: true; importId: string; applied: number } | { ok: false; rows: PaymentRowReport[] };

const P = {
  header: { code: 'header', ja: `1行目は見出し（${PAYMENT_CSV_HEADER.join(',')}）にしてください。`, en: `The first line must be the header ${PAYMENT_CSV_HEADER.join(',')}.` },
  columns: { code: 'columns', ja: '列の数が5ではありません。', en: 'The row does not have 5 columns.' },
  csv: { code: 'csv', ja: 'CSVとして読み取れません（引用符の閉じ忘れなど）。', en: 'The row is not valid CSV (an unclosed quote?).' },
  exam_number: { code: 'exam_number', ja: '受験番号の形式かチェック文字が正しくありません。', en: 'The exam number is malformed or its check character is wrong.' },
  unknown: { code: 'unknown', ja: 'この受験番号の申込みはありません。', en: 'No registration has this exam number.' },
  duplicate_row: { code: 'duplicate_row', ja: '同じ受験番号がファイル内で重複しています。', en: 'The exam number appears more than once in the file.' },
  not_awaiting: { code: 'not_awaiting', ja: 'この申込みは入金待ちではありません（入金済み・取消し・キャンセル待ちなど）。', en: 'This registration is not awaiting payment (already paid, cancelled or waitlisted).' },
  amount: { code: 'amount', ja: '金額が受験料と一致しません。', en: 'The amount does not match the exam fee.' },
  currency: { code: 'currency', ja: '通貨が受験料の通貨と一致しません。', en: 'The currency does not match the fee currency.' },
  paid_on: { code: 'paid_on', ja: '入金日はYYYY-MM-DDの日付で、今日以前にしてください。', en: 'The payment date must be a YYYY-MM-DD date, today or earlier.' },
  reference: { code: 'reference', ja: '入金の参照番号がないか、すでに取り込まれています。', en: 'The payment reference is missing or was already imported.' },
  past: { code: 'past', ja: '試験日を過ぎた試験回の入金は取り込めません。', en: 'Payments cannot be recorded for a sitting whose exam day has passed.' },
} satisfies Record<string, PaymentRowProblem>;

export const importPayments = async (ctx: ExamContext, input: { fileName: string; bytes: Uint8Array }): Promise<PaymentImportResult> => {
  authorize(ctx.actor, 'exam_registrations.manage');
  const userId = userIdOf(ctx);
  let text = Buffer.from(input.bytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { records, problems } = parseCsv(text);
  const rows: PaymentRowReport[] = [];
  const broken = new Set(problems.map((p) => p.line));
  for (const line of broken) rows.push({ line, examNumber: '', problems: [P.csv] });
  const header = records[0];
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== PAYMENT_CSV_HEADER.join(',')) {
    return { ok: false, rows: [{ line: header?.line ?? 1, examNumber: '', problems: [P.header] }, ...rows] };
  }
  const body = records.slice(1).filter((r) => !broken.has(r.line));
  if (body.length > MAX_PAYMENT_ROWS) throw new Conflict('too many rows', { ja: `一度に取り込めるのは${MAX_PAYMENT_ROWS}行までです。`, en: `At most ${MAX_PAYMENT_ROWS} rows per file.` });
  const parsedNumbers = body.map((r) => parseExamNumber(r.fields[0] ?? ''));
  const numbers = parsedNumbers.flatMap((p) => (p.ok ? [p.value] : []));
  const registrations = new Map((await findRegistrationsByExamNumbers(ctx.db, numbers)).map((r) => [r.examNumber, r]));
  const existingRefs = await findExistingPaymentReferences(ctx.db, body.map((r) => (r.fields[4] ?? '').trim()).filter(Boolean));
  const sittingDates = new Map<string, string>();
  for (const r of registrations.values()) if (!sittingDates.has(r.sittingId)) sittingDates.set(r.sittingId, (await findSitting(ctx.db, r.sittingId))!.sitting.examDate);
  const today = todayOf(ctx);
  const seenNumbers = new Set<string>();
  const seenRefs = new Set<string>();
  const good: { registrationId: string; lockVersion: number; examNumber: string; amount: number; currency: string; paidOn: string; reference: string; status: string; sittingDate: string }[] = [];

  body.forEach((record, i) => {
    const f = record.fields.map((x) => x.trim());
    const problemsOfRow: PaymentRowProblem[] = [];
    if (f.length !== 5) {
      rows.push({ line: record.line, examNumber: f[0] ?? '', problems: [P.columns] });
      return;
    }
    const parsed = parsedNumbers[i]!;
    const reg = parsed.ok ? registrations.get(parsed.value) : undefined;
    if (!parsed.ok) problemsOfRow.push(P.exam_number);
    else if (!reg) problemsOfRow.push(P.unknown);
    else if (seenNumbers.has(parsed.value)) problemsOfRow.push(P.duplicate_row);
    if (parsed.ok) seenNumbers.add(parsed.value);
    if (reg && reg.status !== 'applied') problemsOfRow.push(P.not_awaiting);
    const amount = /^\d{1,9}$/.test(f[1]!) ? Number(f[1]) : NaN;
    if (reg && amount !== reg.feeAmount) problemsOfRow.push(P.amount);
    else if (!reg && Number.isNaN(amount)) problemsOfRow.push(P.amount);
    const currency = f[2]!.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency) || (reg && currency !== reg.feeCurrency)) problemsOfRow.push(P.currency);
    if (!isLegalDate(f[3]) || f[3]! > today) problemsOfRow.push(P.paid_on);
    const reference = f[4]!;
    if (!reference || reference.length > 100 || existingRefs.has(reference) || seenRefs.has(reference)) problemsOfRow.push(P.reference);
    seenRefs.add(reference);
    const sittingDate = reg ? sittingDates.get(reg.sittingId)! : '';
    if (reg && today >= sittingDate) problemsOfRow.push(P.past);
    if (problemsOfRow.length) rows.push({ line: record.line, examNumber: f[0]!, problems: problemsOfRow });
    else good.push({ registrationId: reg!.id, lockVersion: reg!.lockVersion, examNumber: reg!.examNumber, amount, currency, paidOn: f[3]!, reference, status: reg!.status, sittingDate });
  });
  if (rows.length) return { ok: false, rows: rows.sort((a, b) => a.line - b.line) };

  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const imp = await insertPaymentImport(tx, { fileName: input.fileName.slice(0, 200), fileSha256: createHash('sha256').update(input.bytes).digest('hex'), rowCount: good.length, importedBy: userId, importedAt: now });
    await insertPaymentConfirmations(
      tx,
      good.map((g) => ({ importId: imp.id, registrationId: g.registrationId, examNumber: g.examNumber, amount: g.amount, currency: g.currency, paidOn: g.paidOn, reference: g.reference })),
    );
    for (const g of good) {
      const status = payAndIssue(g.status, { today, sittingDate: g.sittingDate });
      const ok = await updateRegistration(tx, g.registrationId, g.lockVersion, { status, feePaidAt: new Date(`${g.paidOn}T00:00:00+09:00`), feeReference: g.reference });
      if (!ok) throw new Conflict('registration changed during import', { ja: '取込み中に申込みが変更されました。もう一度取り込んでください。', en: 'A registration changed during the import. Import the file again.' });
      await writeAuditEvent(tx, { action: 'exam_registration.paid', ...auditMeta(ctx), target: { type: 'exam_registration', id: g.registrationId }, summary: { before: { status: g.status }, after: { status, reference: g.reference, importId: imp.id } } });
      const detail = await registrationDetail(tx, g.registrationId);
      if (detail) await queueMail(tx, now, detail.candidate.email, statusChangeMail(detail.candidate.language as CandidateLanguage, { examNumber: g.examNumber, link: `${ctx.baseUrl ?? ''}/exams`, kind: 'ticket_issued' }));
    }
    await writeAuditEvent(tx, { action: 'exam_payments.imported', ...auditMeta(ctx), target: { type: 'exam_payment_import', id: imp.id }, summary: { after: { fileName: input.fileName, rows: good.length } } });
    return { ok: true as const, importId: imp.id, applied: good.length };
  });
};
