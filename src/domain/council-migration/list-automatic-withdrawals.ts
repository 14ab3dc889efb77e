import { addDays, type LegalDate, type Message } from '../../../rules/core/index.js';
import { countAutomaticWithdrawals, listAutomaticWithdrawals, type AutomaticWithdrawalRow } from '../../persistence/repositories/automatic-withdrawals.repository.js';
import { authorize } from '../access/policies.js';
import { InvalidInput, type FieldProblem } from '../errors.js';
import { dateField } from '../membership-changes/lifecycle-common.js';
import type { MigrationContext } from './context.js';

export const AUTOMATIC_WITHDRAWAL_OUTCOMES = ['withdrawn_automatically', 'migrated'] as const;
export type AutomaticWithdrawalOutcome = (typeof AUTOMATIC_WITHDRAWAL_OUTCOMES)[number];

export type AutomaticWithdrawalQuery = { from?: string; to?: string; outcome?: string; page?: string };

export type AutomaticWithdrawal = Omit<AutomaticWithdrawalRow, 'determination'> & {
  outcome: string;
  citation: string;
  message: Message | null;
  asOf: string | null;
};

export const PAGE_SIZE = 100;

/** Midnight in Japan at the start of a legal date: the job's records are filtered by the day they were made there. */
const japanMidnight = (d: LegalDate): Date => new Date(`${d}T00:00:00+09:00`);

const isOutcome = (v: unknown): v is AutomaticWithdrawalOutcome => typeof v === 'string' && (AUTOMATIC_WITHDRAWAL_OUTCOMES as readonly string[]).includes(v);

/**
 * Read-only: what the scheduled job "withdraw council members not migrated by the deadline" did (jaim-membership-faq
 * Q2-2-3): whose council listing it closed, from when, and the provision it applied, filtered by the day (in Japan)
 * the job recorded it and by outcome.
 */
export const listAutomaticCouncilWithdrawals = async (
  ctx: MigrationContext,
  q: AutomaticWithdrawalQuery,
): Promise<{ items: AutomaticWithdrawal[]; total: number; page: number; pageCount: number; filter: { from: string; to: string; outcome: string } }> => {
  authorize(ctx.actor, 'council_migration.manage');
  const problems: FieldProblem[] = [];
  const from = q.from?.trim() ? dateField(q.from, 'from', problems, { ja: '開始日', en: 'from date' }) : undefined;
  const to = q.to?.trim() ? dateField(q.to, 'to', problems, { ja: '終了日', en: 'to date' }) : undefined;
  if (from && to && from > to) problems.push({ field: 'to', message: { ja: '終了日は開始日以降の日付にしてください', en: 'The to date must not be before the from date' } });
  const outcome = q.outcome ?? '';
  if (outcome && !isOutcome(outcome)) problems.push({ field: 'outcome', message: { ja: '判定を選んでください', en: 'Choose an outcome' } });
  if (problems.length) throw new InvalidInput(problems);
  const filter = { ...(from ? { recordedFrom: japanMidnight(from) } : {}), ...(to ? { recordedBefore: japanMidnight(addDays(to, 1)) } : {}), ...(outcome ? { outcome } : {}) };
  const total = await countAutomaticWithdrawals(ctx.db, filter);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const requested = Number(q.page ?? '1');
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
  const rows = await listAutomaticWithdrawals(ctx.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const items = rows.map(({ determination, ...r }) => {
    const d = (determination ?? {}) as { outcome?: string; citation?: string; message?: Message; asOf?: string };
    return { ...r, outcome: d.outcome ?? '', citation: d.citation ?? '', message: d.message ?? null, asOf: d.asOf ?? null };
  });
  return { items, total, page, pageCount, filter: { from: from ?? '', to: to ?? '', outcome } };
};
