import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

// The Digital Agency design tokens, served from the installed package so the CSS variables always match its version.
const require = createRequire(import.meta.url);
const tokensCss = readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'), 'utf8');

export const designTokensRoute = async (app: FastifyInstance): Promise<void> => {
  app.get('/assets/tokens.css', { config: { policy: 'public' }, logLevel: 'warn' }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(tokensCss),
  );
};
