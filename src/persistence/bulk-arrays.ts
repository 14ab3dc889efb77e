// Set-based writes: a column of many rows travels as ONE parameter (a PostgreSQL array literal, or a JSON array
// for jsonb columns) and the columns are zipped back into rows with ROWS FROM (...). However many rows, a
// statement has one parameter per column (multi-row VALUES would hit the 65,535-parameter limit), and the same
// text works on node-postgres and PGlite (no driver-specific array encoding).
import { sql, type SQL } from 'drizzle-orm';

type Scalar = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\"]/;
const quote = (value: string): string => (NEEDS_ESCAPE.test(value) ? `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : `"${value}"`);

/** `{"a","b",NULL}`: every element quoted, so commas, braces, spaces and the word NULL stay data. */
export function pgArrayLiteral(values: readonly Scalar[]): string {
  if (values.length === 0) return '{}';
  // Most columns (ids, dates, codes, names) have no null and nothing to escape: one native join.
  if (!values.some((v) => v === null || v === undefined)) {
    const body = values.join('","');
    if (!NEEDS_ESCAPE.test(body)) return `{"${body}"}`;
  }
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : quote(String(v));
  }
  return `{${parts.join(',')}}`;
}

/** One column of a bulk write: a set-returning call yielding the values in order. */
export type BulkColumn = SQL;

const unnestOf = (type: string, values: readonly Scalar[]): BulkColumn => sql`unnest(${pgArrayLiteral(values)}::${sql.raw(type)}[])`;

export const column = {
  text: (values: readonly (string | null)[]) => unnestOf('text', values),
  uuid: (values: readonly (string | null)[]) => unnestOf('uuid', values),
  /** 'YYYY-MM-DD' */
  date: (values: readonly (string | null)[]) => unnestOf('date', values),
  /** ISO 8601 instants with an offset ('…Z'). */
  timestamptz: (values: readonly (string | null)[]) => unnestOf('timestamptz', values),
  /** Each row a text[] (e.g. JSIC codes), sent as its own literal: cast it with `::text[]` where it is used. */
  textArrayLiterals: (values: readonly (readonly string[])[]) => unnestOf('text', values.map((v) => pgArrayLiteral(v))),
  /**
   * jsonb values as one JSON array, parsed once by PostgreSQL. A JS null arrives as the jsonb value 'null':
   * use NULLIF(col, 'null'::jsonb) where SQL NULL is wanted.
   */
  jsonb: (values: readonly unknown[]) => sql`jsonb_array_elements(${JSON.stringify(values)}::jsonb)`,
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * `ROWS FROM (…) [WITH ORDINALITY] AS alias(col, …[, ord])`: the columns zipped into rows, in array order.
 * All columns must have the same length. `ord` (1-based position) lets an INSERT … SELECT ORDER BY it where
 * the order matters (sequences, identity columns).
 */
export function bulkRows(alias: string, columns: Record<string, BulkColumn>, options: { ordinality?: boolean } = {}): SQL {
  const names = Object.keys(columns);
  for (const n of [alias, ...names]) if (!IDENTIFIER.test(n)) throw new Error(`bulkRows: ${n} is not a plain identifier`);
  const calls = sql.join(
    names.map((n) => columns[n]!),
    sql`, `,
  );
  const aliasList = sql.raw(`${alias}(${[...names, ...(options.ordinality ? ['ord'] : [])].join(', ')})`);
  return options.ordinality ? sql`ROWS FROM (${calls}) WITH ORDINALITY AS ${aliasList}` : sql`ROWS FROM (${calls}) AS ${aliasList}`;
}
