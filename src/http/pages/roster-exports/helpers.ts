import type { FastifyRequest } from 'fastify';
import type { RosterExportContext } from '../../../domain/roster-snapshots/context.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

export const rosterExportContext = (request: FastifyRequest, deps: AppDeps): RosterExportContext => ({ ...useCaseContext(request, deps), signingSecret: deps.config.signingKeySecret });

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** RFC 6266 attachment header with an ASCII fallback. */
export const attachment = (filename: string): string => `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
