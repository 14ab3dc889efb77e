import type { UseCaseContext } from '../accounts/context.js';

/** Membership use cases also need where mail links point (config.publicBaseUrl). */
export type MembershipContext = UseCaseContext & { baseUrl: string };

export const joinRequestLink = (ctx: MembershipContext, id: string): string => `${ctx.baseUrl}/join-requests/${id}`;
