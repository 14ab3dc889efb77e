import type { FastifyInstance, FastifyRequest } from 'fastify';
import iconv from 'iconv-lite';
import { applyCouncilImport } from '../../../domain/council-migration/apply-council-import.js';
import { BATCH_STATE_LABELS, type BatchState } from '../../../domain/council-migration/batch.states.js';
import { checkCouncilImport, MAX_FILE_BYTES } from '../../../domain/council-migration/check-council-import.js';
import { discardCouncilImport } from '../../../domain/council-migration/discard-council-import.js';
import { IMPORT_COLUMNS } from '../../../domain/council-migration/import-format.js';
import { getCouncilImport, listCouncilImports } from '../../../domain/council-migration/list-imports.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';

/** UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, Shift_JIS (cp932) as Excel saves it. */
export const decodeUpload = (buffer: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'cp932');
  }
};

const readUpload = async (request: FastifyRequest): Promise<{ fileName: string; csv: string }> => {
  if (!request.isMultipart()) {
    const body = bodyOf(request);
    return { fileName: body.fileName ?? 'pasted.csv', csv: body.csvText ?? '' };
  }
  let fileName = '';
  let csv = '';
  for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (buffer.length > 0) {
        fileName = part.filename;
        csv = decodeUpload(buffer);
      }
    }
  }
  return { fileName, csv };
};

/** M11: the secretariat imports the council's member file: dry-run report first, then apply (or discard). */
export const councilMigrationPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const listView = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    pageTitle: request.t('council-migration:title'),
    batches: (await listCouncilImports(useCaseContext(request, deps))).map((b) => ({ ...b, statusLabel: BATCH_STATE_LABELS[b.status as BatchState][request.lang], createdAtLabel: b.createdAt.toISOString().slice(0, 16).replace('T', ' ') })),
    columns: IMPORT_COLUMNS,
    ...extra,
  });

  app.get('/staff/council-migration', { config: { policy: 'council_migration.manage' } }, async (request, reply) => reply.view('pages/council-migration/index.njk', await listView(request)));

  app.post('/staff/council-migration', { config: { policy: 'council_migration.manage' } }, async (request, reply) => {
    try {
      const upload = await readUpload(request);
      const batch = await checkCouncilImport(useCaseContext(request, deps), upload);
      return reply.redirect(`/staff/council-migration/${batch.id}`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request) ?? (isTooLarge(error) ? [{ field: 'file', message: request.t('council-migration:errors.tooLarge') }] : undefined);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/council-migration/index.njk', await listView(request, { errors }));
    }
  });

  app.get('/staff/council-migration/:id', { config: { policy: 'council_migration.manage' } }, async (request, reply) => {
    const batch = await getCouncilImport(useCaseContext(request, deps), (request.params as { id: string }).id);
    return reply.view('pages/council-migration/report.njk', reportView(request, batch));
  });

  for (const action of ['apply', 'discard'] as const) {
    app.post(`/staff/council-migration/:id/${action}`, { config: { policy: 'council_migration.manage' } }, async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const lockVersion = Number(bodyOf(request).lockVersion ?? '-1');
      const ctx = useCaseContext(request, deps);
      try {
        if (action === 'apply') await applyCouncilImport(ctx, { batchId: id, lockVersion });
        else await discardCouncilImport(ctx, { batchId: id, lockVersion });
        return reply.redirect(`/staff/council-migration/${id}?done=${action}`, 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict') {
          reply.status(409);
          const batch = await getCouncilImport(ctx, id);
          return reply.view('pages/council-migration/report.njk', { ...reportView(request, batch), conflict: error.userMessage?.[request.lang] ?? error.message });
        }
        throw error;
      }
    });
  }
};

const isTooLarge = (error: unknown): boolean => error instanceof Error && /FST_REQ_FILE_TOO_LARGE|FST_FILES_LIMIT/.test((error as { code?: string }).code ?? '');

const reportView = (request: FastifyRequest, batch: Awaited<ReturnType<typeof getCouncilImport>>) => {
  const lang = request.lang;
  const r = batch.report;
  return {
    pageTitle: request.t('council-migration:report.title'),
    batch: { ...batch, statusLabel: BATCH_STATE_LABELS[batch.status as BatchState][lang] },
    report: {
      ...r,
      duplicateCount: r.duplicateCount ?? r.duplicates.length,
      errors: r.errors.map((e) => ({ line: e.line, field: e.field, message: e.message[lang] })),
      duplicates: r.duplicates.map((d) => ({ ...d, reasonLabel: request.t(`council-migration:duplicate.${d.reason}`, { line: d.firstLine ?? '' }) })),
    },
    applied: r.applied,
    done: (request.query as Record<string, unknown>).done,
    canAct: batch.status === 'checked',
  };
};
