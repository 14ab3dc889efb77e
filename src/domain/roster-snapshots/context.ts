import type { UseCaseContext } from '../accounts/context.js';

/** Publishing needs the signing secret (config.signingKeySecret) to unlock the roster signing key. */
export type RosterExportContext = UseCaseContext & { signingSecret?: string };
