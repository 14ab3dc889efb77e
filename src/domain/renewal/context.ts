import type { UseCaseContext } from '../accounts/context.js';

export type RenewalContext = UseCaseContext & { baseUrl: string };

export const renewalLink = (ctx: { baseUrl: string }, responseId?: string): string => `${ctx.baseUrl}/renewal${responseId ? `/${responseId}` : ''}`;
