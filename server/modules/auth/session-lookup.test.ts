import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { loggedIn } from '../../../test/support/factories';
import { loadConfig } from '../../config';
import { sessionTimings } from './better-auth';
import { createSessionLookup, type SessionLookup, verifiedToken } from './session-lookup';

// The secret createTestApp's config gets: cookies the app signs must verify with it here.
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const timings = sessionTimings(config);

let t: TestApp;
let lookup: SessionLookup;

beforeAll(async () => {
  t = await createTestApp();
  lookup = createSessionLookup(t.database.db, config.AUTH_SECRET, timings);
});
afterAll(() => t.close());

/** The cookie value with its last signature character swapped for another base64 character. */
/**
 * Another first character of the signature: all six of its bits count. (The last one before the padding carries
 * bits the decoder drops, so changing it could leave the signature as it was.)
 */
const tamperSignature = (cookie: string) => {
  const decoded = decodeURIComponent(cookie.split('=').slice(1).join('='));
  const dot = decoded.lastIndexOf('.');
  const first = decoded[dot + 1] === 'A' ? 'B' : 'A';
  return `groeipad.session_token=${encodeURIComponent(`${decoded.slice(0, dot + 1)}${first}${decoded.slice(dot + 2)}`)}`;
};

describe('the plain-case session lookup', () => {
  it('answers a fresh login with the same user better-auth has', async () => {
    const { user, cookie } = await loggedIn(t.app, t.database.db, 'coach');
    const found = await lookup(cookie);
    expect(found?.user).toEqual({
      id: user.id,
      name: user.name,
      role: 'coach',
      organisationId: user.organisationId,
      deactivatedAt: null,
    });
    expect(found?.token).toBe(decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0]);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(me.json().user.id).toBe(user.id);
  });

  it('finds the cookie among others, with the __Secure- prefix production uses', async () => {
    const { user, cookie } = await loggedIn(t.app, t.database.db, 'supervisor');
    const found = await lookup(`theme=dark; __Secure-${cookie}; lang=nl`);
    expect(found?.user.id).toBe(user.id);
  });

  it('refuses a cookie whose signature does not match its token', async () => {
    const { cookie } = await loggedIn(t.app, t.database.db, 'coach');
    expect(await lookup(tamperSignature(cookie))).toBeUndefined();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants',
      headers: { cookie: tamperSignature(cookie) },
    });
    expect(res.statusCode).toBe(401);
  });

  it('leaves a session due for its sliding refresh, or expired, to better-auth', async () => {
    const { cookie } = await loggedIn(t.app, t.database.db, 'coach');
    const now = Date.now();
    expect(await lookup(cookie, now)).toBeDefined();
    expect(await lookup(cookie, now + timings.updateAgeSeconds * 1000 + 1000)).toBeUndefined();
    expect(await lookup(cookie, now + timings.expiresInSeconds * 1000 + 1000)).toBeUndefined();
  });

  it('leaves a "don\'t remember me" session to better-auth, which never slides it', async () => {
    const { cookie } = await loggedIn(t.app, t.database.db, 'coach');
    expect(await lookup(`${cookie}; groeipad.dont_remember=x`)).toBeUndefined();
  });

  it('finds nothing for a session that was deleted (logged out, deactivated)', async () => {
    const { cookie } = await loggedIn(t.app, t.database.db, 'coach');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBeLessThan(300);
    expect(await lookup(cookie)).toBeUndefined();
  });

  it('never accepts, and never throws on, a cookie header it did not sign', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (token, signature) => {
        const header = `groeipad.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
        expect(verifiedToken(header, config.AUTH_SECRET)).toBeUndefined();
        expect(verifiedToken(`groeipad.session_token=${token}%E0%A4%A`, config.AUTH_SECRET)).toBeUndefined();
      }),
    );
  });
});
