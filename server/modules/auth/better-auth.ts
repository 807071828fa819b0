import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins/username';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { account, session, user, verification } from '../../db/schema';
import type { Mailer } from '../mail/mailer';
import { organisationName } from './accounts';
import { isInvitation } from './invitations';
import { invitationMail, passwordResetMail } from './mails';
import type { SessionTimings } from './session-lookup';

/** Inactivity timeout: the session slides forward while used, in steps of updateAge. */
export function sessionTimings(config: Pick<Config, 'SESSION_IDLE_MINUTES'>): SessionTimings {
  const idleSeconds = config.SESSION_IDLE_MINUTES * 60;
  return { expiresInSeconds: idleSeconds, updateAgeSeconds: Math.max(60, Math.floor(idleSeconds / 12)) };
}

/**
 * better-auth owns password hashing, sessions in the database, cookies and reset tokens.
 * Its own HTTP endpoints are not mounted: our /api/v1/auth routes call its server API,
 * so every request still goes through our validation, throttling, policy and audit.
 */
export function createAuth(config: Config, db: Db, mailer: Mailer) {
  const { expiresInSeconds, updateAgeSeconds } = sessionTimings(config);
  return betterAuth({
    appName: 'Groeipad',
    secret: config.AUTH_SECRET,
    baseURL: config.PUBLIC_URL,
    basePath: '/api/auth',
    telemetry: { enabled: false },
    logger: { level: 'error' },
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin or a coach, never by self-registration.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user: u, token }) => {
        const target = u as typeof u & { organisationId: string };
        const link = `${config.PUBLIC_URL}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`;
        const mail = isInvitation(u.email)
          ? invitationMail(u.name, await organisationName(db, target.organisationId), link)
          : passwordResetMail(u.name, link);
        await mailer.send({ organisationId: target.organisationId, to: u.email, ...mail });
      },
    },
    user: {
      additionalFields: {
        organisationId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: true, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    account: {
      additionalFields: { organisationId: { type: 'string', required: true, input: false } },
    },
    session: {
      expiresIn: expiresInSeconds,
      updateAge: updateAgeSeconds,
      // No cookie cache: deactivating a user must end their sessions at the next request.
      cookieCache: { enabled: false },
      additionalFields: { organisationId: { type: 'string', required: true, input: false } },
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 30 })],
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'groeipad',
      useSecureCookies: config.NODE_ENV === 'production',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // joins: the per-request session lookup reads session and user in one query (relations in schema/auth.ts).
      database: { generateId: () => crypto.randomUUID(), joins: true },
    },
    databaseHooks: {
      account: {
        create: {
          before: async (a) => {
            const [owner] = await db
              .select({ organisationId: user.organisationId })
              .from(user)
              .where(eq(user.id, a.userId));
            return owner ? { data: { ...a, organisationId: owner.organisationId } } : false;
          },
        },
      },
      session: {
        create: {
          // A session carries its user's organisation, so row-level security covers sessions too.
          before: async (s) => {
            const [owner] = await db
              .select({ organisationId: user.organisationId, deactivatedAt: user.deactivatedAt })
              .from(user)
              .where(eq(user.id, s.userId));
            if (!owner || owner.deactivatedAt) return false;
            return { data: { ...s, organisationId: owner.organisationId } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
