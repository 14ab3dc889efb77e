import { idempotencyKeyOf, keepOrDrawKey, newIdempotencyKey } from '../../../domain/idempotency/idempotency.js';

// Idempotency keys for the exam staff create forms (use-cases/create-once.ts). A form re-rendered after bad input keeps
// the key it posted: nothing was created, so its next submit is still the first. Any other render draws a fresh key,
// so a freshly loaded form creates a new record.

type Rerendered = { form?: unknown; values?: unknown };

const postedKey = (rerendered: Rerendered): string | undefined => idempotencyKeyOf((rerendered.values as Record<string, unknown> | undefined)?.idempotencyKey);

/** The key of a page's only create form. */
export const formKey = (rerendered: Rerendered = {}): string => keepOrDrawKey(postedKey(rerendered));

/** Keys of a page with several create forms, by form name: only the form that was re-rendered (`form`) keeps its key. */
export const formKeys = <F extends string>(forms: readonly F[], rerendered: Rerendered = {}): Record<F, string> => {
  const posted = postedKey(rerendered);
  return Object.fromEntries(forms.map((f) => [f, rerendered.form === f && posted ? posted : newIdempotencyKey()])) as Record<F, string>;
};

/** The key a create form posted, if it is one. */
export const keyPosted = (body: Record<string, unknown>): string | undefined => idempotencyKeyOf(body.idempotencyKey);
