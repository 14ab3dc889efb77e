import { authorize } from '../access/policies.js';
import { listActiveInformationHandlers, type InformationHandlerListItem } from '../../persistence/repositories/information-handlers.repository.js';
import type { UseCaseContext } from './context.js';

export const listInformationHandlers = async (ctx: UseCaseContext): Promise<InformationHandlerListItem[]> => {
  authorize(ctx.actor, 'information_handlers.read');
  return listActiveInformationHandlers(ctx.db);
};
