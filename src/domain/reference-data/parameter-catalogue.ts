import type { Parameter } from '../../../rules/core/index.js';
import type { FieldProblem } from '../errors.js';
import { seededParameters } from '../rules-context.js';
import { LIST_KIND_PARAMETER } from './list-kinds.js';

// The rules-library parameters an operator may override, and how a value typed on the form is read.
// Parameters that are lists loaded from CSV (associations, business categories) are changed as lists instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyParameter = Parameter<any>;

const LIST_PARAMETER_IDS = new Set(Object.values(LIST_KIND_PARAMETER));

export const overridableParameters = (): AnyParameter[] => [...seededParameters().values()].filter((p) => !LIST_PARAMETER_IDS.has(p.id));

export const findOverridableParameter = (id: string): AnyParameter | undefined => overridableParameters().find((p) => p.id === id);

/** Whether the parameter holds whole numbers (yen, counts ...): entered as an integer on the form. */
export const isIntegerParameter = (p: AnyParameter): boolean => p.values.length > 0 && p.values.every((v) => typeof v.value === 'number');

const shapeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const toHalfWidth = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[，,\s円¥￥]/g, '');

/** Reads the typed value for a parameter; a problem on field `value` when it does not fit the parameter. */
export const parseParameterValue = (p: AnyParameter, raw: string): { value: unknown } | { problem: FieldProblem } => {
  const text = raw.trim();
  if (text === '') return { problem: { field: 'value', message: { ja: '値を入力してください', en: 'Enter the value' } } };
  if (isIntegerParameter(p)) {
    const digits = toHalfWidth(text);
    if (!/^\d{1,12}$/.test(digits)) {
      return { problem: { field: 'value', message: { ja: '値は0以上の整数で入力してください（例：100000）', en: 'Enter the value as a whole number of 0 or more (for example 100000)' } } };
    }
    return { value: Number(digits) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: { field: 'value', message: { ja: '値をJSON形式で入力してください', en: 'Enter the value as JSON' } } };
  }
  const shapes = new Set(p.values.map((v) => shapeOf(v.value)));
  if (!shapes.has(shapeOf(parsed))) {
    return { problem: { field: 'value', message: { ja: `値の形式が違います（${[...shapes].join(' / ')}）`, en: `The value has the wrong form (expected ${[...shapes].join(' / ')})` } } };
  }
  if (shapeOf(parsed) === 'object') {
    const keys = new Set(p.values.flatMap((v) => (shapeOf(v.value) === 'object' ? Object.keys(v.value as object) : [])));
    const extra = Object.keys(parsed as object).filter((k) => !keys.has(k) && keys.size > 0 && !['kind', 'basisPoints', 'yen'].includes(k));
    if (extra.length > 0) return { problem: { field: 'value', message: { ja: `不明な項目があります: ${extra.join(', ')}`, en: `Unknown keys: ${extra.join(', ')}` } } };
  }
  return { value: parsed };
};

/** Shown on the form: the value as the operator would type it. */
export const formatParameterValue = (value: unknown): string => (typeof value === 'number' ? String(value) : JSON.stringify(value));
