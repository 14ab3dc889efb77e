import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { determine } from '../../../../../rules/core/index.js';
import { allDeterminations } from '../../../../../rules/registry.js';
import { NotFound } from '../../../../domain/errors.js';
import { determinationFor, loadRulesContext } from '../../../../domain/rules-context.js';
import type { AppDeps } from '../../../app.js';

const Message = z.object({ ja: z.string(), en: z.string() });

const TraceStep = z.object({
  ruleId: z.string(),
  citation: z.string().meta({ description: 'Provision applied, e.g. council-operating-rules art.10(4)(ii)' }),
  version: z.object({ from: z.string(), to: z.string().nullable() }),
  outcome: z.unknown(),
  message: Message,
  used: z.record(z.string(), z.unknown()),
  parameters: z.array(z.object({ id: z.string(), value: z.unknown(), citation: z.string(), status: z.string(), asOf: z.string().optional() })),
});

const DeterminationResponse = z.object({
  id: z.string(),
  asOf: z.string(),
  outcome: z.string(),
  reasons: z.array(Message),
  trace: z.array(TraceStep),
});

const examplesText = (): string =>
  allDeterminations()
    .map((d) => `- \`${d.id}\` — ${d.title.en}. Example body: \`${JSON.stringify({ asOf: d.example.asOf, facts: d.example.facts })}\``)
    .join('\n');

/** `POST /api/v1/determinations/{id}`: evaluate any determination of the rules library as of a date. */
export const determinationRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/determinations',
    {
      config: { policy: 'rules.evaluate' },
      schema: {
        tags: ['rules'],
        summary: 'List the determinations the rules library can make',
        response: { 200: z.array(z.object({ id: z.string(), title: Message, description: Message, outcomes: z.array(z.string()), example: z.object({ asOf: z.string(), facts: z.unknown() }) })) },
      },
    },
    async () => allDeterminations().map((d) => ({ id: d.id, title: d.title, description: d.description, outcomes: d.outcomes.map(String), example: d.example })),
  );
  api.post(
    '/api/v1/determinations/:id',
    {
      config: { policy: 'rules.evaluate' },
      schema: {
        tags: ['rules'],
        summary: 'Evaluate a determination as the rules stood on a date',
        description: `Returns the outcome, the reasons in Japanese and English, and the trace of every provision applied with its version and the facts and parameters it used. Asking about a date no version covers answers 422. Determinations:\n${examplesText()}`,
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({
          asOf: z.iso.date().meta({ description: 'Legal date (Japan calendar date) to evaluate on', example: '2025-12-26' }),
          facts: z.unknown().meta({ description: 'Facts for the determination; see its example' }),
        }),
        response: { 200: DeterminationResponse },
      },
    },
    async (request) => {
      // Operator reference data (published lists, parameter overrides) is honoured: see src/domain/rules-context.ts.
      const definition = determinationFor(request.params.id, await loadRulesContext(deps.database.db));
      if (!definition) throw new NotFound(`determination ${request.params.id}`);
      const result = determine(definition, request.body.facts, request.body.asOf);
      return {
        id: result.id,
        asOf: result.asOf,
        outcome: String(result.outcome),
        reasons: [...result.reasons],
        trace: result.trace.map((s) => ({ ...s, used: { ...s.used }, parameters: [...s.parameters] })),
      };
    },
  );
};
