import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The import-direction rule keeps the architecture picture true:
//   http, jobs -> domain -> rules;  domain reaches storage only through repositories;  rules imports only rules/.
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.build/**', '.tmp/**', 'test-results/**', 'public/vendor/**', 'src/persistence/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Progressive-enhancement scripts run in the browser.
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', window: 'readonly', navigator: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly', HTMLFormElement: 'readonly', HTMLVideoElement: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', BarcodeDetector: 'readonly' },
    },
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/src/**', '../../src/**', 'fastify', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'node:fs', 'fs'], message: 'rules/ is pure: it imports nothing outside rules/.' },
      ]),
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Rules never read the clock: pass the legal date in.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Rules never read the clock: pass the legal date in.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/http/**', '**/jobs/**', 'fastify', '@fastify/*'], message: 'domain/ must not depend on http/ or jobs/.' },
        { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', '**/persistence/schema/**', '**/persistence/db*'], message: 'domain/ reaches storage only through repositories.' },
      ]),
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', '**/persistence/schema/**'], message: 'SQL lives only in persistence/repositories.' },
      ]),
    },
  },
  {
    files: ['src/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/http/**', '**/jobs/**', '**/domain/**/use-cases/**'], message: 'persistence/ must not depend on http/, jobs/ or use cases.' },
      ]),
    },
  },
);
