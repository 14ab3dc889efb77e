import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('configuration', () => {
  it('defaults: port 3000, ./data, embedded database, 2-hour idle timeout', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sessionIdleMinutes).toBe(120);
    expect(c.demoData).toBe(true);
  });

  it('names each bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
    }
  });

  it('production refuses the default secret and demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_ENCRYPTION_KEY: 'k'.repeat(40) })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: 'k'.repeat(40), DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: 'k'.repeat(40) });
    expect(c.demoData).toBe(false);
  });

  it('DATA_ENCRYPTION_KEY: production refuses the default and a key shared with another secret', () => {
    const problemsOf = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    };
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toMatch(/DATA_ENCRYPTION_KEY: production refuses the development default key/);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: 'x'.repeat(40) })).toMatch(/DATA_ENCRYPTION_KEY: must differ/);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SIGNING_KEY_SECRET: 's'.repeat(40), DATA_ENCRYPTION_KEY: 's'.repeat(40) })).toMatch(/DATA_ENCRYPTION_KEY: must differ/);
    expect(problemsOf({ DATA_ENCRYPTION_KEY: 'short' })).toMatch(/DATA_ENCRYPTION_KEY: must be at least 32/);
    // Development keeps working with its default.
    expect(loadConfig({}).dataEncryption.key.length).toBeGreaterThanOrEqual(32);
  });

  it('DATA_ENCRYPTION_KEY_PREVIOUS lists retired keys, each at least 32 characters', () => {
    const c = loadConfig({ DATA_ENCRYPTION_KEY: 'n'.repeat(40), DATA_ENCRYPTION_KEY_PREVIOUS: ` ${'a'.repeat(32)} ,${'b'.repeat(40)},` });
    expect(c.dataEncryption).toEqual({ key: 'n'.repeat(40), previousKeys: ['a'.repeat(32), 'b'.repeat(40)] });
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY_PREVIOUS: 'too-short' })).toThrow(/DATA_ENCRYPTION_KEY_PREVIOUS/);
  });

  it('an empty variable counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('PostgreSQL URL switches off demo data by default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).demoData).toBe(false);
  });
});
