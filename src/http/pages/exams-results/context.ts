import type { FastifyRequest } from 'fastify';
import type { ExamResultsContext } from '../../../domain/exams/results/context.js';
import type { AppDeps } from '../../app.js';

/** The exam-results use-case context for a request (adds the signing secret and public base URL). */
export const examResultsContext = (request: FastifyRequest, deps: AppDeps): ExamResultsContext => ({
  actor: request.actor,
  db: deps.database.db,
  clock: deps.services.clock,
  requestId: request.id,
  ip: request.ip,
  signingSecret: deps.config.signingKeySecret,
  baseUrl: deps.config.publicBaseUrl,
});
