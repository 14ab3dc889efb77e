import { z } from 'zod';
import { authorize } from '../../access/policies.js';
import { searchLedger as search, type LedgerRow } from '../../../persistence/repositories/exam-ledger.repository.js';
import { encodeLedgerCsv, renderLedgerCsv } from '../results/ledger-csv.js';
import type { UseCaseContext } from '../../accounts/context.js';

// The examinee ledger (受験者台帳): search by exam number or name, sitting and result; export as CSV.

const filter = z.object({
  q: z.string().trim().max(100).optional(),
  sittingId: z.uuid().optional().or(z.literal('').transform(() => undefined)),
  outcome: z.enum(['pass', 'fail', 'incomplete', 'needs_review', 'absent', 'none']).optional().or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
export type LedgerQuery = { q?: string | undefined; sittingId?: string | undefined; outcome?: string | undefined; page?: string | number | undefined };

export const PAGE_SIZE = 50;

const parse = (raw: LedgerQuery) => {
  const parsed = filter.safeParse(raw);
  return parsed.success ? parsed.data : { q: undefined, sittingId: undefined, outcome: undefined, page: 1 };
};

export const searchLedger = async (ctx: UseCaseContext, raw: LedgerQuery): Promise<{ total: number; page: number; pageCount: number; rows: LedgerRow[] }> => {
  authorize(ctx.actor, 'exam_ledger.read');
  const f = parse(raw);
  const page = f.page ?? 1;
  const { total, rows } = await search(ctx.db, { ...(f.q ? { q: f.q } : {}), ...(f.sittingId ? { sittingId: f.sittingId } : {}), ...(f.outcome ? { outcome: f.outcome } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows };
};

export const exportLedgerCsv = async (ctx: UseCaseContext, raw: LedgerQuery & { encoding?: string }): Promise<Buffer> => {
  authorize(ctx.actor, 'exam_ledger.read');
  const f = parse(raw);
  const { rows } = await search(ctx.db, { ...(f.q ? { q: f.q } : {}), ...(f.sittingId ? { sittingId: f.sittingId } : {}), ...(f.outcome ? { outcome: f.outcome } : {}), limit: 500_000, offset: 0 });
  return encodeLedgerCsv(renderLedgerCsv(rows), raw.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8');
};
