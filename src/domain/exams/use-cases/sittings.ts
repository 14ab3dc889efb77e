// Venues and sittings (domestic and overseas): capacity and equipment, registration windows, deadlines, fees in the
// sitting's currency, and the sitting's life through sitting.states.ts. Opening registration freezes the question set
// version the sitting will use. Venues and sittings are created once per form (create-once.ts): a double submit
// returns the first (`duplicate`).
import { z } from 'zod';
import type { LegalDate } from '../../../../rules/core/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import type { Db } from '../../../persistence/database.js';
import { findExamCategory, findQuestionSet } from '../../../persistence/repositories/exam-catalogue.repository.js';
import { countRegistrationsByStatus, listIrregularityReports, listSittingRegistrations } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting, findVenue, insertSitting, insertVenue, listSittings, listVenues, seatsTaken, updateSittingStatus, type SittingWithPlace } from '../../../persistence/repositories/exam-sittings.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { sittingMachine, type SittingEvent, type SittingState } from '../sitting.states.js';
import { isCountryCode } from './countries.js';
import { intFromForm, legalDateField, optionalText, parseInput, trimmed } from './catalogue.js';
import { todayOf, type ExamContext } from './context.js';
import { createOnce, staffScope } from '../../idempotency/create-once.js';
import { noShowWindow } from './mark-no-shows.js';
import { promoteFromWaitlist } from './promote-waitlist.js';
import { isRegistrationOpen } from './registration-window.js';

export const EQUIPMENT = ['cbt_terminals', 'practical_workshop', 'welding_booths', 'wheelchair_access', 'locker', 'cctv'] as const;

export const createVenue = async (ctx: ExamContext, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_sittings.manage');
  const v = parseInput(
    z.object({
      name: trimmed(200),
      country: z.string().trim().toUpperCase().refine(isCountryCode),
      city: trimmed(100),
      address: trimmed(500),
      capacity: intFromForm(1, 100000),
      equipment: z.union([z.string(), z.array(z.string())]).optional().transform((e) => (e === undefined ? [] : Array.isArray(e) ? e : [e])).pipe(z.array(z.enum(EQUIPMENT))),
      notes: optionalText(2000),
    }),
    raw,
    { country: { ja: '国を選んでください。', en: 'Choose a country.' }, capacity: { ja: '定員は1以上の整数で入力してください。', en: 'Enter a capacity of 1 or more.' } },
  );
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_venue', scopeId: staffScope(ctx) }, findVenue, async (tx, id) => {
    const row = await insertVenue(tx, { id, ...v });
    await writeAuditEvent(tx, { action: 'exam_venue.created', ...auditMeta(ctx), target: { type: 'exam_venue', id: row.id }, summary: { after: { name: v.name, country: v.country, capacity: v.capacity } } });
    return row;
  });
};

export const listExamVenues = async (ctx: ExamContext) => {
  authorize(ctx.actor, 'exam_sittings.manage');
  return listVenues(ctx.db);
};

const sittingSchema = z
  .object({
    categoryId: z.uuid(),
    venueId: z.uuid(),
    examDate: legalDateField,
    startTime: z.string().trim().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
    registrationOpensOn: legalDateField,
    registrationClosesOn: legalDateField,
    rescheduleDeadline: legalDateField,
    cancelDeadline: legalDateField,
    feeAmount: z.string().trim().regex(/^\d{1,9}$/).transform(Number),
    feeCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).refine((c) => Intl.supportedValuesOf('currency').includes(c)),
    capacity: intFromForm(1, 100000),
  })
  .refine((v) => v.registrationOpensOn <= v.registrationClosesOn, { path: ['registrationClosesOn'], message: 'window' })
  .refine((v) => v.registrationClosesOn < v.examDate, { path: ['registrationClosesOn'], message: 'window' })
  .refine((v) => v.rescheduleDeadline < v.examDate, { path: ['rescheduleDeadline'], message: 'deadline' })
  .refine((v) => v.cancelDeadline < v.examDate, { path: ['cancelDeadline'], message: 'deadline' });

/** A planned sitting; the seats offered are at most the venue's capacity. */
export const createSitting = async (ctx: ExamContext, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_sittings.manage');
  const v = parseInput(sittingSchema, raw, {
    registrationClosesOn: { ja: '申込期間は開始日から終了日の順で、試験日より前に終わるようにしてください。', en: 'The registration window must start before it ends, and end before the exam day.' },
    rescheduleDeadline: { ja: '変更期限は試験日より前にしてください。', en: 'The reschedule deadline must be before the exam day.' },
    cancelDeadline: { ja: '取消期限は試験日より前にしてください。', en: 'The cancellation deadline must be before the exam day.' },
    feeAmount: { ja: '受験料は通貨の最小単位の整数で入力してください（円なら円単位）。', en: 'Enter the fee as a whole number of the currency’s smallest unit (yen for JPY).' },
    feeCurrency: { ja: 'ISO 4217の通貨コードを入力してください（例：JPY）。', en: 'Enter an ISO 4217 currency code (e.g. JPY).' },
    startTime: { ja: '開始時刻はHH:MMで入力してください。', en: 'Enter the start time as HH:MM.' },
  });
  const [category, venue] = await Promise.all([findExamCategory(ctx.db, v.categoryId), findVenue(ctx.db, v.venueId)]);
  const errors = [];
  if (!category) errors.push({ field: 'categoryId', message: { ja: '試験区分を選んでください。', en: 'Choose an exam category.' } });
  else if (v.examDate < category.effectiveFrom || (category.effectiveTo && v.examDate >= category.effectiveTo)) {
    errors.push({ field: 'examDate', message: { ja: '試験日が試験区分の有効期間外です。', en: 'The exam day is outside the category’s effective period.' } });
  }
  if (!venue) errors.push({ field: 'venueId', message: { ja: '会場を選んでください。', en: 'Choose a venue.' } });
  else if (v.capacity > venue.capacity) errors.push({ field: 'capacity', message: { ja: `定員は会場の収容人数（${venue.capacity}）以下にしてください。`, en: `The capacity cannot exceed the venue’s (${venue.capacity}).` } });
  if (errors.length) throw new InvalidInput(errors);
  const firstSitting = async (tx: Db, id: string) => (await findSitting(tx, id))?.sitting;
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_sitting', scopeId: staffScope(ctx) }, firstSitting, async (tx, id) => {
    const row = await insertSitting(tx, { id, ...v });
    await writeAuditEvent(tx, { action: 'exam_sitting.created', ...auditMeta(ctx), target: { type: 'exam_sitting', id: row.id }, summary: { after: { examDate: v.examDate, venueId: v.venueId, capacity: v.capacity, fee: `${v.feeAmount} ${v.feeCurrency}` } } });
    return row;
  });
};

export type SittingSummary = SittingWithPlace & { seatsTaken: number; open: boolean };

const withSeats = async (ctx: ExamContext, rows: SittingWithPlace[]): Promise<SittingSummary[]> => {
  const taken = await seatsTaken(ctx.db, rows.map((r) => r.sitting.id));
  const today = todayOf(ctx);
  return rows.map((r) => ({ ...r, seatsTaken: taken.get(r.sitting.id) ?? 0, open: isRegistrationOpen(r.sitting, today) }));
};

export const listAdminSittings = async (ctx: ExamContext): Promise<SittingSummary[]> => {
  authorize(ctx.actor, 'exam_sittings.manage');
  return withSeats(ctx, await listSittings(ctx.db));
};

/** For proctors: sittings from today on that are not cancelled (choose where to check candidates in). */
export const listCheckInSittings = async (ctx: ExamContext): Promise<SittingSummary[]> => {
  authorize(ctx.actor, 'exam_checkin.record');
  const today = todayOf(ctx);
  return (await withSeats(ctx, await listSittings(ctx.db, ['registration_open', 'registration_closed', 'in_progress']))).filter((s) => s.sitting.examDate >= today);
};

/** Public: sittings announced (registration open or closed, not yet held), soonest first. */
export const listPublicSittings = async (ctx: ExamContext): Promise<SittingSummary[]> => {
  authorize(ctx.actor, 'public');
  const today = todayOf(ctx);
  return (await withSeats(ctx, await listSittings(ctx.db, ['registration_open', 'registration_closed']))).filter((s) => s.sitting.examDate >= today);
};

export const getPublicSitting = async (ctx: ExamContext, id: string): Promise<SittingSummary> => {
  authorize(ctx.actor, 'public');
  const row = z.uuid().safeParse(id).success ? await findSitting(ctx.db, id) : undefined;
  if (!row || !['registration_open', 'registration_closed'].includes(row.sitting.status)) throw new NotFound('exam sitting');
  return (await withSeats(ctx, [row]))[0]!;
};

export const getAdminSitting = async (ctx: ExamContext, id: string) => {
  authorize(ctx.actor, 'exam_sittings.manage');
  const row = z.uuid().safeParse(id).success ? await findSitting(ctx.db, id) : undefined;
  if (!row) throw new NotFound('exam sitting');
  const [summary] = await withSeats(ctx, [row]);
  const [counts, registrations, irregularities] = await Promise.all([countRegistrationsByStatus(ctx.db, id), listSittingRegistrations(ctx.db, id), listIrregularityReports(ctx.db, id)]);
  // Ticket holders not checked in: who "mark absent" would move to no_show, and whether it can be done yet.
  const noShow = { pending: counts.ticket_issued ?? 0, window: noShowWindow(row.sitting, todayOf(ctx)) };
  return { ...summary!, counts, registrations, irregularities, noShow, events: sittingMachine.eventsFrom(row.sitting.status) };
};

/**
 * Moves a sitting through its life. Opening registration needs an approved question set of the sitting's category:
 * its id and version are frozen on the sitting. Cancelling a sitting does not cancel registrations (staff contact
 * candidates); raising capacity is done by a new sitting.
 */
export const changeSittingStatus = async (ctx: ExamContext, id: string, event: SittingEvent, raw: { questionSetId?: unknown } = {}) => {
  authorize(ctx.actor, 'exam_sittings.manage');
  const row = z.uuid().safeParse(id).success ? await findSitting(ctx.db, id) : undefined;
  if (!row) throw new NotFound('exam sitting');
  const { sitting } = row;
  let frozen: { questionSetId: string; questionSetVersion: number } | undefined;
  if (event === 'open_registration' && !sitting.questionSetId) {
    const set = typeof raw.questionSetId === 'string' && z.uuid().safeParse(raw.questionSetId).success ? await findQuestionSet(ctx.db, raw.questionSetId) : undefined;
    if (set && (set.status !== 'approved' || set.categoryId !== sitting.categoryId)) {
      throw new InvalidInput([{ field: 'questionSetId', message: { ja: 'この試験区分の承認済み問題セットを選んでください。', en: 'Choose an approved question set of this category.' } }]);
    }
    if (set) frozen = { questionSetId: set.id, questionSetVersion: set.version };
  }
  const today = todayOf(ctx);
  const to: SittingState = sittingMachine.next(sitting.status, event, {
    today,
    sittingDate: sitting.examDate as LegalDate,
    questionSetsAssigned: Boolean(sitting.questionSetId || frozen),
    venueConfirmed: row.venue.active,
  });
  return ctx.db.transaction(async (tx) => {
    const ok = await updateSittingStatus(tx, sitting.id, sitting.lockVersion, { status: to, ...(frozen ?? {}), ...(event === 'open_registration' && !sitting.scheduledAt ? { scheduledAt: ctx.clock.now() } : {}) });
    if (!ok) throw new Conflict('changed', { ja: '試験回が更新されました。画面を読み込み直してください。', en: 'The sitting changed. Reload the page.' });
    await writeAuditEvent(tx, { action: 'exam_sitting.status_changed', ...auditMeta(ctx), target: { type: 'exam_sitting', id: sitting.id }, summary: { before: { status: sitting.status }, after: { status: to, ...(frozen ?? {}) } } });
    if (to === 'registration_open') await promoteFromWaitlist(tx, ctx, sitting.id);
    return { status: to };
  });
};
