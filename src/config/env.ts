import { z } from 'zod';

// Configuration is read once at start-up, validated, and passed down. Nothing else reads process.env.

const DEV_SECRET = 'development-only-secret-change-me-0000000000';
const DEV_DATA_KEY = 'development-only-data-encryption-key-change-me-00';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An empty variable (`DATABASE_URL=`) means unset, as shells and .env files commonly write it. */
const optional = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === '' ? undefined : v), inner.optional());

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
    PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
    /** Encrypts the Ed25519 signing keys at rest (tickets, certificates). Defaults to SESSION_SECRET; keep it when rotating that. */
    SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Encrypts secrets the application must read back (TOTP seeds) with AES-256-GCM. A key of its own, so rotating the
     * cookie secret never locks staff out and a leaked cookie secret does not reveal second factors.
     */
    DATA_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_DATA_KEY),
    /** Comma-separated retired DATA_ENCRYPTION_KEY values: still opened, and sealed again with the new key at start-up. */
    DATA_ENCRYPTION_KEY_PREVIOUS: z.string().default(''),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
    /** Set when the app is served over TLS (directly or behind a TLS-terminating proxy): cookies become Secure. */
    TLS: bool.default(false),
    TRUST_PROXY: bool.default(false),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
    MAIL_FROM: z.string().min(3).default('Jinzai <no-reply@jinzai.invalid>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Load the demo dataset into an empty embedded database on first start. Never in production. */
    DEMO_DATA: bool.optional(),
    CLAMD_HOST: optional(z.string()),
    CLAMD_PORT: z.coerce.number().int().default(3310),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Comma-separated client IPs exempt from per-route rate limits (e.g. an agency's integration server). */
    RATE_LIMIT_ALLOW: z.string().default(''),
  })
  .superRefine((env, ctx) => {
    if (env.DATA_ENCRYPTION_KEY_PREVIOUS.split(',').some((k) => k.trim() !== '' && k.trim().length < 32))
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY_PREVIOUS'], message: 'each key must be at least 32 characters' });
    if (env.NODE_ENV === 'production') {
      if (env.SESSION_SECRET === DEV_SECRET)
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'production refuses the development default secret' });
      if (env.DATA_ENCRYPTION_KEY === DEV_DATA_KEY)
        ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'production refuses the development default key' });
      else if (env.DATA_ENCRYPTION_KEY === env.SESSION_SECRET || env.DATA_ENCRYPTION_KEY === env.SIGNING_KEY_SECRET)
        ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'must differ from SESSION_SECRET and SIGNING_KEY_SECRET' });
      if (env.DEMO_DATA === true)
        ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'production never loads demo data' });
    }
  });

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicBaseUrl: string;
  sessionSecret: string;
  /** Key-encryption secret of the signing keys (src/domain/signing/). */
  signingKeySecret: string;
  /** Field encryption at rest (src/domain/crypto/data-encryption.ts): the current key and retired ones still read. */
  dataEncryption: { key: string; previousKeys: string[] };
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  tls: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  demoData: boolean;
  clamd: { host: string; port: number } | undefined;
  login: { maxFailures: number; lockMinutes: number };
  rateLimitAllow: string[];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET,
    signingKeySecret: e.SIGNING_KEY_SECRET ?? e.SESSION_SECRET,
    dataEncryption: { key: e.DATA_ENCRYPTION_KEY, previousKeys: e.DATA_ENCRYPTION_KEY_PREVIOUS.split(',').map((k) => k.trim()).filter(Boolean) },
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    tls: e.TLS,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    // Demo data by default only in development on the embedded database.
    demoData: e.DEMO_DATA ?? (e.NODE_ENV === 'development' && e.DATABASE_URL === undefined),
    clamd: e.CLAMD_HOST ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT } : undefined,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    rateLimitAllow: e.RATE_LIMIT_ALLOW.split(',').map((ip) => ip.trim()).filter(Boolean),
  };
};

/** A config for tests: development defaults with overrides. */
export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
  ...overrides,
});
