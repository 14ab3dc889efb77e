import type { UseCaseContext } from '../accounts/context.js';

/** Fee and renewal use cases also need where mail links point (config.publicBaseUrl). */
export type FeesContext = UseCaseContext & { baseUrl?: string };
