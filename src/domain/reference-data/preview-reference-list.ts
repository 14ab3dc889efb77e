import { msg, type LegalDate } from '../../../rules/core/index.js';
import type { CsvRowError } from '../../../rules/eligible-industries/index.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import type { FieldProblem } from '../errors.js';
import { publishedReferenceLists } from '../../persistence/repositories/reference-data.repository.js';
import { buildLists } from '../rules-context.js';
import { isListKind, parseReferenceList, type ListKind, type ListContent } from './list-kinds.js';
import { requireCertainty, requireDate, requireSourceNote, throwIfProblems } from './validation.js';

export type ListInput = { kind: unknown; effectiveFrom: unknown; csv: unknown; sourceNote: unknown; certainty: unknown };

export type ListPreview = {
  kind: ListKind;
  effectiveFrom: LegalDate;
  sourceNote: string;
  certainty: 'official' | 'uncertain';
  csv: string;
  rowCount: number;
  content: ListContent | null;
  /** Row-level errors from the parser, plus a file-level one when the date cannot be put in force. */
  errors: readonly CsvRowError[];
  canSave: boolean;
};

/** Validates the form fields, parses the CSV and checks the list can be put in force on its date (no writes). */
export const checkListInput = async (ctx: UseCaseContext, input: ListInput): Promise<ListPreview> => {
  const problems: FieldProblem[] = [];
  if (!isListKind(input.kind)) problems.push({ field: 'kind', message: { ja: '一覧の種類を選んでください', en: 'Choose the kind of list' } });
  const effectiveFrom = requireDate(input.effectiveFrom, problems);
  const sourceNote = requireSourceNote(input.sourceNote, problems);
  const certainty = requireCertainty(input.certainty, problems);
  const csv = typeof input.csv === 'string' ? input.csv : '';
  if (csv.trim() === '') problems.push({ field: 'csv', message: { ja: 'CSVファイルを選んでください', en: 'Choose a CSV file' } });
  throwIfProblems(problems);
  const kind = input.kind as ListKind;
  const parsed = parseReferenceList(kind, csv, effectiveFrom!);
  const errors: CsvRowError[] = [...parsed.errors];
  if (kind === 'eligible-industries' && parsed.content) {
    const published = await publishedReferenceLists(ctx.db);
    try {
      buildLists([...published.filter((r) => r.kind === kind), { id: 'preview', effectiveFrom: effectiveFrom!, content: parsed.content, certainty, sourceNote }]);
    } catch {
      errors.unshift({
        line: 1,
        message: msg(
          `効力発生日 ${effectiveFrom} より後に始まる一覧があるため、この日から適用できません。より後の日付を指定してください。`,
          `A list already starts after ${effectiveFrom}, so this list cannot be put in force from that date; choose a later date.`,
        ),
      });
    }
  }
  return { kind, effectiveFrom: effectiveFrom!, sourceNote, certainty, csv, rowCount: parsed.rowCount, content: parsed.content, errors, canSave: errors.length === 0 && parsed.content !== null };
};

/** The preview shown before saving: the parsed rows and every row-level error. */
export const previewReferenceList = async (ctx: UseCaseContext, input: ListInput): Promise<ListPreview> => {
  authorize(ctx.actor, 'reference_data.manage');
  return checkListInput(ctx, input);
};
