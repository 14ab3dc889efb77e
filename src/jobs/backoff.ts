/** Delay before retry number `attempt` (1-based): 30 s, 1 min, 2 min, … capped at one hour. */
export const defaultBackoffMs = (attempt: number): number => Math.min(30_000 * 2 ** Math.max(attempt - 1, 0), 60 * 60_000);
