import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { saveDraft } from '../drafts/drafts.js';
import { InvalidInput, NotFound } from '../errors.js';
import type { Scanner } from '../uploads/scanner.js';
import { storeUpload } from '../uploads/store-upload.js';
import { JOIN_DRAFT_KIND, evidenceSlots, joinDraftKey, type EvidenceFile, type JoinApplicationAnswers } from './join-form.js';
import { loadJoinApplication } from './load-join-application.js';

const MAX_FILES = 30;

/**
 * Uploads one evidence file for the join application and records it in the draft. A refused file (type, size,
 * mislabelled, infected) changes nothing: the rest of the draft is kept as it was.
 */
export const attachJoinEvidence = async (
  ctx: UseCaseContext & { scanner: Scanner },
  organisationId: string,
  file: { kind: string; filename: string; declaredType?: string | undefined; bytes: Uint8Array },
): Promise<EvidenceFile> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  const app = await loadJoinApplication(ctx, organisationId);
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  const kinds = evidenceSlots(app.answers, app.establishment).map((s) => s.kind);
  if (!kinds.includes(file.kind)) throw new InvalidInput([{ field: 'kind', message: { ja: '書類の種類を選択してください', en: 'Choose what the document is' } }]);
  if ((app.answers.evidence ?? []).length >= MAX_FILES) {
    throw new InvalidInput([{ field: 'file', message: { ja: `添付できるファイルは${MAX_FILES}件までです`, en: `You can attach at most ${MAX_FILES} files` } }]);
  }
  const stored = await storeUpload(ctx, { organisationId, purpose: 'join_evidence', kind: file.kind, filename: file.filename, declaredType: file.declaredType, bytes: file.bytes });
  const entry: EvidenceFile = { uploadId: stored.id, kind: stored.kind, filename: stored.filename };
  await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId), { evidence: [...(app.answers.evidence ?? []), entry] }, ctx.clock.now());
  return entry;
};

/** Removes a file from the draft (the stored bytes stay, referenced by the audit trail and any earlier submission). */
export const removeJoinEvidence = async (ctx: UseCaseContext, organisationId: string, uploadId: string): Promise<void> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  const app = await loadJoinApplication(ctx, organisationId);
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  const evidence = (app.answers.evidence ?? []).filter((e) => e.uploadId !== uploadId);
  await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId), { evidence }, ctx.clock.now());
};
