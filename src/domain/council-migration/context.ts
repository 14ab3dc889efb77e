import type { UseCaseContext } from '../accounts/context.js';
export type MigrationContext = UseCaseContext;
