import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

// The platform's promises at the HTTP edge: security headers, problem details, error pages that reveal nothing,
// language switching, health checks, and the rule that every route names a policy.
describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('sends a CSP without unsafe-inline and the other security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('renders pages in Japanese by default, in English after ?lang=en (remembered in a cookie)', async () => {
    const ja = await t.app.inject({ method: 'GET', url: '/' });
    expect(ja.body).toContain('<html lang="ja">');
    expect(ja.body).toContain('本文へ移動');
    const en = await t.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Skip to main content');
    const cookie = en.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    const again = await t.app.inject({ method: 'GET', url: '/rules', cookies: { lang: 'en' } });
    expect(again.body).toContain('Rules catalogue');
  });

  it('answers malformed JSON with 400 problem+json, not a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/determinations/council-join',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      payload: '{"asOf": "2025-01-01", ',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toMatch(/at .+\.ts:\d+/);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/determinations/council-join',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ asOf: '2025-06-01', facts: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('names each invalid field of an API body in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/determinations/council-join',
      headers: { 'content-type': 'application/json', 'accept-language': 'ja' },
      payload: { asOf: 'tomorrow', facts: {} },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { errors: { field: string; message: string }[] };
    expect(body.errors.map((e) => e.field)).toContain('asOf');
    expect(body.errors.find((e) => e.field === 'asOf')?.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('evaluates a determination with its citations, and says when no version was in force', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/determinations' });
    const example = (list.json() as { id: string; example: { asOf: string; facts: unknown } }[]).find((d) => d.id === 'council-withdrawal');
    expect(example).toBeDefined();
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/determinations/council-withdrawal', payload: example!.example });
    expect(ok.statusCode).toBe(200);
    const result = ok.json() as { trace: { citation: string }[] };
    expect(result.trace.some((s) => s.citation.startsWith('council-operating-rules art.13'))).toBe(true);
    const before = await t.app.inject({ method: 'POST', url: '/api/v1/determinations/council-withdrawal', payload: { ...example!.example, asOf: '2019-03-25' } });
    expect(before.statusCode).toBe(422);
  });

  it('shows a 404 page in the user’s language that reveals nothing internal', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/page?lang=en' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).not.toMatch(/node_modules|\.ts:\d+|Error:/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a form POST without a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/login', payload: 'email=a%40b.jp&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(403);
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect((ready.json() as { database: string }).database).toBe(t.database.kind);
  });

  it('gives every route a policy', () => {
    const inventory = (t.app as unknown as { routeInventory: { method: string; url: string; policy?: string }[] }).routeInventory;
    expect(inventory.length).toBeGreaterThan(20);
    expect(inventory.filter((r) => !r.policy)).toEqual([]);
  });
});
