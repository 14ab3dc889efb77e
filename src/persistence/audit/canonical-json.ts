// Canonical JSON: object keys sorted, no whitespace. The audit hash must not depend on key order,
// and jsonb gives keys back in its own order, so both the writer and the verifier hash this form.

/** The value as it survives a round trip through JSON (and so through jsonb): dates become strings, undefined goes. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toJsonValue(value)) ?? null);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
