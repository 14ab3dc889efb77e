import { createHash } from 'node:crypto';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertUpload, type UploadMeta } from '../../persistence/repositories/uploads.repository.js';
import { UPLOAD_MESSAGES, checkUpload, type UploadProblem } from './content-check.js';
import type { Scanner } from './scanner.js';

export type UploadPurpose = 'join_evidence' | 'wage_evidence';

/** Who may upload for each purpose: the applicant for a join request, the member answering a renewal. */
const UPLOAD_POLICY = { join_evidence: 'join_request.submit', wage_evidence: 'renewal.answer' } as const;

export type UploadInput = {
  organisationId: string;
  purpose: UploadPurpose;
  /** What the file is evidence of (e.g. 'template_15', 'association_certificate'); [a-z0-9_]. */
  kind: string;
  filename: string;
  declaredType?: string | undefined;
  bytes: Uint8Array;
  /** The form field the problem is reported against (the error summary links to it). */
  field?: string;
};

export const uploadRefused = (problem: UploadProblem, field = 'file'): InvalidInput => new InvalidInput([{ field, message: UPLOAD_MESSAGES[problem] }]);

/**
 * Checks a file by content and size, scans it, and stores it with its sha-256 checksum. A refused file (wrong
 * type, mislabelled, too large, infected, or the scanner failing) is reported as a field problem and nothing is
 * stored; the refusal is audited (without the bytes).
 */
export const storeUpload = async (ctx: UseCaseContext & { scanner: Scanner }, input: UploadInput): Promise<UploadMeta> => {
  authorize(ctx.actor, UPLOAD_POLICY[input.purpose], { organisationId: input.organisationId });
  const field = input.field ?? 'file';
  if (!/^[a-z0-9_]{1,40}$/.test(input.kind)) throw new InvalidInput([{ field: 'kind', message: { ja: '書類の種類を選択してください', en: 'Choose what the document is' } }]);
  const refuse = async (problem: UploadProblem, detail?: string): Promise<never> => {
    await writeAuditEvent(ctx.db, {
      ...auditMeta(ctx),
      action: 'upload.refused',
      target: { type: 'organisation', id: input.organisationId },
      summary: { after: { problem, kind: input.kind, sizeBytes: input.bytes.length, ...(detail ? { detail } : {}) } },
    });
    throw uploadRefused(problem, field);
  };
  const checked = checkUpload({ bytes: input.bytes, filename: input.filename, declaredType: input.declaredType });
  if (!checked.ok) return refuse(checked.problem);
  const scan = await ctx.scanner.scan(input.bytes);
  if (scan.status === 'infected') return refuse('infected', scan.signature);
  if (scan.status === 'error') return refuse('scan_failed', scan.detail);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const row = await insertUpload(tx, {
      organisationId: input.organisationId,
      uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      purpose: input.purpose,
      kind: input.kind,
      filename: checked.file.filename,
      contentType: checked.file.contentType,
      sizeBytes: checked.file.sizeBytes,
      sha256,
      content: Buffer.from(input.bytes),
      scanStatus: scan.status,
      scanner: scan.scanner,
      scanDetail: scan.status === 'unscanned' ? scan.reason : null,
      createdAt: ctx.clock.now(),
    });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'upload.stored',
      target: { type: 'upload', id: row.id },
      summary: { after: { organisationId: input.organisationId, kind: input.kind, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256, scanStatus: row.scanStatus } },
    });
    return row;
  });
};
