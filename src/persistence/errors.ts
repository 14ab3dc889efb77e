// Database errors, made small enough to log.
//
// PGlite errors that escape print a huge minified source line, and drizzle wraps driver errors in a
// DrizzleQueryError whose message repeats the whole query. `describeDbError` keeps what an operator needs.

export type DbErrorSummary = {
  message: string;
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
};

type PgLikeError = { message?: unknown; code?: unknown; constraint?: unknown; detail?: unknown; table?: unknown; cause?: unknown };

const stringField = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The innermost driver error (drizzle wraps it in `cause`). */
const driverError = (error: unknown): PgLikeError => {
  let current = error as PgLikeError;
  for (let depth = 0; depth < 5 && current?.cause && typeof current.cause === 'object'; depth += 1) {
    current = current.cause as PgLikeError;
  }
  return current ?? {};
};

export function describeDbError(error: unknown): DbErrorSummary {
  const inner = driverError(error);
  const summary: DbErrorSummary = { message: stringField(inner.message) ?? String(error) };
  const code = stringField(inner.code);
  if (code) summary.code = code;
  const constraint = stringField(inner.constraint);
  if (constraint) summary.constraint = constraint;
  const detail = stringField(inner.detail);
  if (detail) summary.detail = detail;
  const table = stringField(inner.table);
  if (table) summary.table = table;
  return summary;
}

/** SQLSTATE of a (possibly wrapped) driver error, e.g. '23505' for a unique violation. */
export function sqlStateOf(error: unknown): string | undefined {
  return describeDbError(error).code;
}

/** A plain Error with a one-line message and the SQLSTATE, safe to let escape or print. */
export class CompactDbError extends Error {
  readonly code: string | undefined;
  readonly constraint: string | undefined;

  constructor(context: string, error: unknown) {
    const summary = describeDbError(error);
    super(`${context}: ${summary.message}${summary.code ? ` [${summary.code}]` : ''}${summary.detail ? ` (${summary.detail})` : ''}`);
    this.name = 'CompactDbError';
    this.code = summary.code;
    this.constraint = summary.constraint;
  }
}
