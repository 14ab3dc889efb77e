import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import { DomainError } from '../../../domain/errors.js';
import { discardReferenceChange } from '../../../domain/reference-data/discard-reference-change.js';
import { draftParameterOverride } from '../../../domain/reference-data/draft-parameter-override.js';
import { draftReferenceList } from '../../../domain/reference-data/draft-reference-list.js';
import { LIST_KIND_COLUMNS, LIST_KINDS } from '../../../domain/reference-data/list-kinds.js';
import { listReferenceData } from '../../../domain/reference-data/list-reference-data.js';
import { MARKER_TAGS } from '../../../domain/reference-data/markers.js';
import { findOverridableParameter, formatParameterValue, isIntegerParameter, overridableParameters } from '../../../domain/reference-data/parameter-catalogue.js';
import { previewReferenceList } from '../../../domain/reference-data/preview-reference-list.js';
import { publicReferenceData } from '../../../domain/reference-data/public-reference-data.js';
import { publishReferenceChange } from '../../../domain/reference-data/publish-reference-change.js';
import { isChangeTarget } from '../../../domain/reference-data/reference-change.js';
import { reviewReferenceChange } from '../../../domain/reference-data/review-reference-change.js';
import { REFERENCE_CHANGE_STATE_TAGS } from '../../../domain/reference-data/reference-change.states.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { readMultipart, rowErrorsFor } from './helpers.js';

// Reference data (issue 3, architecture rule 6): the public page of what is in force today, and the secretariat's
// pages to load a list from CSV (preview → draft), set a parameter value, and review / publish (four eyes).

const common = { markerTags: MARKER_TAGS, stateTags: REFERENCE_CHANGE_STATE_TAGS };

const uploadLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export const referenceDataPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/reference-data', { config: { policy: 'public' } }, async (request, reply) => {
    const data = await publicReferenceData(useCaseContext(request, deps));
    return reply.view('pages/reference-data/public.njk', { pageTitle: request.t('reference-data:public.title'), data, ...common });
  });

  app.get('/staff/reference-data', { config: { policy: 'reference_data.read' } }, async (request, reply) => {
    const overview = await listReferenceData(useCaseContext(request, deps));
    const done = (request.query as { done?: string }).done;
    return reply.view('pages/reference-data/overview.njk', {
      pageTitle: request.t('reference-data:overview.title'),
      overview,
      canManage: can(request.actor, 'reference_data.manage'),
      done: done && /^[a-z]+$/.test(done) ? done : undefined,
      ...common,
    });
  });

  // ---- lists: upload → preview → draft ----

  const renderUpload = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.view('pages/reference-data/list-upload.njk', {
      pageTitle: request.t('reference-data:upload.title'),
      kinds: LIST_KINDS.map((k) => ({ value: k, label: request.t(`reference-data:kinds.${k}`), hint: LIST_KIND_COLUMNS[k] })),
      values: { certainty: 'official' },
      ...data,
      fieldErrors: fieldErrorsOf(data.errors),
    });

  app.get('/staff/reference-data/lists/new', { config: { policy: 'reference_data.manage' } }, async (request, reply) => {
    const kind = (request.query as { kind?: string }).kind;
    return renderUpload(request, reply, { values: { certainty: 'official', kind: LIST_KINDS.find((k) => k === kind) } });
  });

  app.post('/staff/reference-data/lists/preview', { config: { policy: 'reference_data.manage', ...uploadLimit } }, async (request, reply) => {
    const { fields, fileText } = await readMultipart(request);
    const input = { kind: fields.kind, effectiveFrom: fields.effectiveFrom, sourceNote: fields.sourceNote, certainty: fields.certainty, csv: fileText };
    try {
      const preview = await previewReferenceList(useCaseContext(request, deps), input);
      if (!preview.canSave) reply.status(400);
      return reply.view('pages/reference-data/list-preview.njk', {
        pageTitle: request.t('reference-data:preview.title'),
        preview,
        kindLabel: request.t(`reference-data:kinds.${preview.kind}`),
        rowErrors: rowErrorsFor(preview.errors, request),
        sample: previewRows(preview.content),
        ...common,
      });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return renderUpload(request, reply, { errors, values: fields });
    }
  });

  app.post('/staff/reference-data/lists', { config: { policy: 'reference_data.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await draftReferenceList(useCaseContext(request, deps), { kind: body.kind, effectiveFrom: body.effectiveFrom, sourceNote: body.sourceNote, certainty: body.certainty, csv: body.csv });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return renderUpload(request, reply, { errors, values: body });
    }
    return reply.redirect('/staff/reference-data?done=drafted', 303);
  });

  // ---- parameters: new value → draft ----

  const renderParameter = (request: FastifyRequest, reply: FastifyReply, parameterId: string | undefined, data: Record<string, unknown> = {}) => {
    const parameter = parameterId ? findOverridableParameter(parameterId) : undefined;
    return reply.view('pages/reference-data/parameter-form.njk', {
      pageTitle: request.t('reference-data:parameter.title'),
      parameter: parameter
        ? { id: parameter.id, description: parameter.description[request.lang], unit: parameter.unit ?? null, integer: isIntegerParameter(parameter), current: formatParameterValue(parameter.values.at(-1)?.value) }
        : null,
      parameters: overridableParameters().map((p) => ({ value: p.id, label: `${p.description[request.lang]} (${p.id})` })),
      values: { certainty: 'official', parameterId: parameter?.id },
      ...data,
      fieldErrors: fieldErrorsOf(data.errors),
    });
  };

  app.get('/staff/reference-data/parameters/new', { config: { policy: 'reference_data.manage' } }, async (request, reply) =>
    renderParameter(request, reply, (request.query as { parameter?: string }).parameter),
  );

  app.post('/staff/reference-data/parameters', { config: { policy: 'reference_data.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await draftParameterOverride(useCaseContext(request, deps), { parameterId: body.parameterId, effectiveFrom: body.effectiveFrom, value: body.value, certainty: body.certainty, sourceNote: body.sourceNote });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return renderParameter(request, reply, body.parameterId, { errors, values: body });
    }
    return reply.redirect('/staff/reference-data?done=drafted', 303);
  });

  // ---- workflow: review, publish, discard ----

  for (const action of ['review', 'publish', 'discard'] as const) {
    app.post(`/staff/reference-data/:target/:id/${action}`, { config: { policy: 'reference_data.manage' } }, async (request, reply) => {
      const { target, id } = request.params as { target: string; id: string };
      if (!isChangeTarget(target)) return reply.callNotFound();
      const lockVersion = Number(bodyOf(request).lockVersion);
      const ctx = useCaseContext(request, deps);
      try {
        if (action === 'review') await reviewReferenceChange(ctx, target, id, lockVersion);
        else if (action === 'publish') await publishReferenceChange(ctx, target, id, lockVersion);
        else await discardReferenceChange(ctx, target, id, lockVersion);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
        const overview = await listReferenceData(ctx);
        reply.status(error.code === 'forbidden' ? 403 : 409);
        return reply.view('pages/reference-data/overview.njk', {
          pageTitle: request.t('reference-data:overview.title'),
          overview,
          canManage: can(request.actor, 'reference_data.manage'),
          failure: error.userMessage?.[request.lang] ?? request.t('reference-data:overview.failed'),
          ...common,
        });
      }
      return reply.redirect(`/staff/reference-data?done=${action === 'review' ? 'reviewed' : action === 'publish' ? 'published' : 'discarded'}`, 303);
    });
  }
};

const fieldErrorsOf = (errors: unknown): Record<string, string> =>
  Object.fromEntries(Array.isArray(errors) ? (errors as { field: string; message: string }[]).map((e) => [e.field, e.message]) : []);

/** The first rows of a parsed list, as table cells for the preview. */
const previewRows = (content: unknown): { head: string[]; rows: string[][]; total: number } | null => {
  if (!content || typeof content !== 'object') return null;
  const c = content as Record<string, unknown>;
  if (Array.isArray(c.entries)) {
    const rows = (c.entries as { code: string; level: string; name: string; ssw1: boolean | null; ssw2: boolean | null; confidence: string }[]).map((e) => [
      e.code, e.level, e.name, String(e.ssw1 ?? '?'), String(e.ssw2 ?? '?'), e.confidence,
    ]);
    return { head: ['code', 'level', 'name', 'ssw1', 'ssw2', 'confidence'], rows: rows.slice(0, 200), total: rows.length };
  }
  if (Array.isArray(c.categories)) {
    const rows = (c.categories as { id: string; name: string; ssw1: boolean; ssw2: boolean; skills: string[] }[]).map((x) => [x.id, x.name, String(x.ssw1), String(x.ssw2), x.skills.join('・')]);
    return { head: ['id', 'name', 'ssw1', 'ssw2', 'skills'], rows: rows.slice(0, 200), total: rows.length };
  }
  if (Array.isArray(c.names)) return { head: ['name'], rows: (c.names as string[]).map((n) => [n]), total: (c.names as string[]).length };
  return null;
};
