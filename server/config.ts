import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const duration = z.coerce.number().int().positive();

/** All configuration comes from the environment; every variable is listed in README.md. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    // Connections per server process; with several instances, keep their sum under PostgreSQL's max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Where the built web app is served from (default dist/web); lets a second build run side by side. */
    WEB_ROOT: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: duration.default(60),
    SESSION_MAX_HOURS: duration.default(12),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: duration.default(5),
    LOGIN_MAX_FAILURES_PER_IP: duration.default(30),
    LOGIN_WINDOW_MINUTES: duration.default(15),
    BODY_LIMIT_BYTES: duration.default(1_048_576),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_SECURE: bool.default(false),
    MAIL_FROM: z.string().default('Groeipad <no-reply@groeipad.local>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    /** Belgian time ("HH:MM") at which the server erases participants past their retention period, or "off". */
    RETENTION_NIGHTLY_AT: z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (24-hour clock) or off')
      .default('02:15'),
    /** Compress API responses (plugins/compression.ts); false when a reverse proxy in front already does. */
    COMPRESS_RESPONSES: bool.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production' });
    }
    if (env.DATABASE_URL && env.NODE_ENV !== 'test' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required with DATABASE_URL (several instances must share it)',
      });
    }
  });

export type Config = z.infer<typeof envSchema> & { AUTH_SECRET: string; PUBLIC_URL: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, fallbackSecret?: () => string): Config {
  // Empty or blank values count as unset: `PORT=` in an env file must not mean port 0 (Number(' ') is 0).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    AUTH_SECRET: c.AUTH_SECRET ?? fallbackSecret?.() ?? 'test-secret-test-secret-test-secret!',
    PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}
