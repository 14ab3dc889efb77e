import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { formatJapaneseDate, isLegalDate } from '../../rules/core/index.js';

// Server-rendered pages: Nunjucks with autoescape on, so everything interpolated is escaped unless a template
// says otherwise on purpose. Components are macros in src/http/components.

const here = dirname(fileURLToPath(import.meta.url));

type FieldError = { field: string; message: string };

/**
 * `errFor(errors, 'name')` in templates: the message(s) for one field from a page's error list, or '' when it has none.
 * A plain string (escaped where it is output), so `{% if errFor(errors, 'x') %}` is false when there is no error —
 * a macro's output is markup, which is truthy even when empty and marked fields as wrong before anything was sent.
 */
export const errorMessageFor = (errors: unknown, field: string): string =>
  Array.isArray(errors)
    ? (errors as FieldError[])
        .filter((e) => e?.field === field)
        .map((e) => e.message)
        .join(' ')
    : '';

export const createTemplateEnvironment = (): nunjucks.Environment => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([join(here, 'views'), join(here, 'components')], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter('jpdate', (value: unknown, lang: string = 'ja') => {
    if (!isLegalDate(value)) return value ?? '';
    return lang === 'ja' ? formatJapaneseDate(value) : value;
  });
  env.addFilter('datetime', (value: unknown, lang: string = 'ja') => {
    const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
    if (!d || Number.isNaN(d.getTime())) return '';
    return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(d);
  });
  env.addFilter('yen', (value: unknown) => (typeof value === 'number' ? `${value.toLocaleString('ja-JP')}円` : ''));
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  env.addGlobal('errFor', errorMessageFor);
  return env;
};
