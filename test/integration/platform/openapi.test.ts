import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppForDocs, renderOpenApi } from '../../../scripts/generate-openapi.js';
import type { Database } from '../../../src/persistence/database.js';
import { createTestDatabase } from '../../helpers/test-database.js';

describe('OpenAPI document', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('docs/openapi.json matches the routes (run `npm run openapi` after changing an API route)', async () => {
    const app = await buildAppForDocs(database);
    try {
      expect(readFileSync('docs/openapi.json', 'utf8')).toBe(await renderOpenApi(app));
    } finally {
      await app.close();
    }
  });

  it('documents only the JSON API, every operation with a summary', async () => {
    const app = await buildAppForDocs(database);
    try {
      const doc = app.swagger() as { paths: Record<string, Record<string, { summary?: string }>> };
      const paths = Object.keys(doc.paths);
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        expect(path.startsWith('/api/v1/') || path.startsWith('/.well-known/')).toBe(true);
        for (const op of Object.values(doc.paths[path] ?? {})) expect(op.summary, path).toBeTruthy();
      }
    } finally {
      await app.close();
    }
  });
});
