import { can, Forbidden } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { findUploadWithContent, type UploadRow } from '../../persistence/repositories/uploads.repository.js';

/**
 * The bytes of an uploaded file, for its own organisation (the applicant) or for secretariat staff who are named
 * information handlers (join_request.read_any). Nobody else, and never publicly.
 */
export const downloadUpload = async (ctx: UseCaseContext, id: string): Promise<UploadRow> => {
  const row = await findUploadWithContent(ctx.db, id);
  const organisationId = row?.organisationId ?? '00000000-0000-0000-0000-000000000000';
  if (!can(ctx.actor, 'join_request.read_any') && !can(ctx.actor, 'join_request.read_own', { organisationId })) throw new Forbidden('join_request.read_any');
  if (!row) throw new NotFound('upload');
  return row;
};
