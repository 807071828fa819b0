import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** The message loadConfig throws for this environment; fails the test if it does not throw a ConfigError. */
function errorFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: './data',
      SESSION_IDLE_MINUTES: 60,
      SESSION_MAX_HOURS: 12,
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
      SMTP_SECURE: false,
      PUBLIC_URL: 'http://localhost:3000',
      RETENTION_NIGHTLY_AT: '02:15',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('reads the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/groeipad',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '8',
      TRUST_PROXY: 'true',
      SMTP_SECURE: '1',
      AUTH_SECRET: SECRET,
      PUBLIC_URL: 'https://groeipad.example.org',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: '/srv/groeipad',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 8,
      TRUST_PROXY: true,
      SMTP_SECURE: true,
      AUTH_SECRET: SECRET,
      PUBLIC_URL: 'https://groeipad.example.org',
    });
  });

  it('derives PUBLIC_URL from PORT when it is not set', () => {
    expect(loadConfig({ PORT: '3300' }).PUBLIC_URL).toBe('http://localhost:3300');
  });

  it('uses the fallback secret (the embedded one) only when AUTH_SECRET is not set', () => {
    const fallback = 'f'.repeat(43);
    expect(loadConfig({}, () => fallback).AUTH_SECRET).toBe(fallback);
    expect(loadConfig({ AUTH_SECRET: SECRET }, () => fallback).AUTH_SECRET).toBe(SECRET);
  });

  it('names PORT when it is not a number', () => {
    const message = errorFor({ PORT: 'abc' });
    expect(message).toContain('Invalid configuration');
    expect(message).toMatch(/^\s+PORT: /m);
  });

  it('names PORT when it is out of range', () => {
    expect(errorFor({ PORT: '70000' })).toMatch(/^\s+PORT: .*65535/m);
    expect(errorFor({ PORT: '-1' })).toMatch(/^\s+PORT: /m);
  });

  it('takes the nightly retention time as HH:MM or off, and names anything else', () => {
    expect(loadConfig({ RETENTION_NIGHTLY_AT: 'off' }).RETENTION_NIGHTLY_AT).toBe('off');
    expect(loadConfig({ RETENTION_NIGHTLY_AT: '23:59' }).RETENTION_NIGHTLY_AT).toBe('23:59');
    for (const bad of ['24:00', '2:15', '02:60', 'nightly']) {
      expect(errorFor({ RETENTION_NIGHTLY_AT: bad })).toMatch(/^\s+RETENTION_NIGHTLY_AT: must be HH:MM/m);
    }
  });

  it('names DATABASE_URL when it is not a PostgreSQL address', () => {
    const message = errorFor({ DATABASE_URL: 'mysql://x', AUTH_SECRET: SECRET });
    expect(message).toMatch(/^\s+DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//m);
  });

  it('accepts postgres:// and postgresql:// addresses', () => {
    for (const url of ['postgres://u:p@db:5432/groeipad', 'postgresql://db/groeipad']) {
      expect(loadConfig({ DATABASE_URL: url, AUTH_SECRET: SECRET }).DATABASE_URL).toBe(url);
    }
  });

  it('names AUTH_SECRET when it is too short', () => {
    expect(errorFor({ AUTH_SECRET: 'short' })).toMatch(/^\s+AUTH_SECRET: must be at least 32 characters/m);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(errorFor({ NODE_ENV: 'production' })).toMatch(/^\s+AUTH_SECRET: is required in production/m);
    // A fallback secret does not stand in for it: production needs a secret the operator chose.
    expect(() => loadConfig({ NODE_ENV: 'production' }, () => 'f'.repeat(43))).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
  });

  it('requires AUTH_SECRET with DATABASE_URL outside tests, as instances must share it', () => {
    expect(errorFor({ DATABASE_URL: 'postgres://db/groeipad' })).toMatch(
      /^\s+AUTH_SECRET: is required with DATABASE_URL/m,
    );
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://db/groeipad' }).DATABASE_URL).toBeDefined();
  });

  it('names every bad variable at once', () => {
    const message = errorFor({ PORT: 'abc', LOG_LEVEL: 'loud', SESSION_MAX_HOURS: '0', TRUST_PROXY: 'yes' });
    for (const name of ['PORT', 'LOG_LEVEL', 'SESSION_MAX_HOURS', 'TRUST_PROXY']) {
      expect(message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
    }
  });

  it('names NODE_ENV when it is not a known environment', () => {
    expect(errorFor({ NODE_ENV: 'staging' })).toMatch(/^\s+NODE_ENV: /m);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '',
      DATA_DIR: '',
      DATABASE_URL: '',
      AUTH_SECRET: '',
      PUBLIC_URL: '',
      SESSION_IDLE_MINUTES: '',
      SESSION_MAX_HOURS: '',
      NODE_ENV: '',
      LOG_LEVEL: '',
    });
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      SESSION_IDLE_MINUTES: 60,
      SESSION_MAX_HOURS: 12,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PUBLIC_URL: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats blank values as unset too, so a stray space does not mean port 0', () => {
    expect(loadConfig({ PORT: ' ', SESSION_IDLE_MINUTES: '\t' })).toMatchObject({
      PORT: 3000,
      SESSION_IDLE_MINUTES: 60,
    });
  });

  it('treats an empty AUTH_SECRET in production as missing, not as a short secret', () => {
    expect(errorFor({ NODE_ENV: 'production', AUTH_SECRET: '' })).toMatch(
      /^\s+AUTH_SECRET: is required in production/m,
    );
  });
});
