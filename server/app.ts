import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Deps } from './deps';
import { actionPlanRoutes } from './modules/action-plans/routes';
import { auditRoutes } from './modules/audit/routes';
import { createAuth, sessionTimings } from './modules/auth/better-auth';
import { authRoutes } from './modules/auth/routes';
import { createSessionLookup } from './modules/auth/session-lookup';
import { sessionPlugin } from './modules/auth/session-plugin';
import { createLoginThrottle } from './modules/auth/throttle';
import { coachOptionRoutes } from './modules/coach-options/routes';
import { competencyRoutes } from './modules/competencies/routes';
import { competencyProfileRoutes } from './modules/competency-profile/routes';
import { developmentPlanFollowUpRoutes } from './modules/development-plans/routes-followup';
import { developmentPlanVersionRoutes } from './modules/development-plans/routes-versions';
import { feedbackRoutes } from './modules/feedback/routes';
import { healthRoutes } from './modules/health/routes';
import { iluoRoutes } from './modules/iluo/routes';
import { instrumentAttachmentRoutes } from './modules/instruments/attachment-routes';
import { instrumentRoutes } from './modules/instruments/routes';
import { listRoutes } from './modules/lists/routes';
import { createMailer } from './modules/mail/mailer';
import { observationRoutes } from './modules/observations/routes';
import { organisationRoutes } from './modules/organisation/routes';
import { participantAccountRoutes } from './modules/participants/account-routes';
import { participantImportRoutes } from './modules/participants/import/routes';
import { participantRoutes } from './modules/participants/routes';
import { pathwayRoutes } from './modules/pathways/routes';
import { privacyRoutes } from './modules/privacy/routes';
import { referrerRoutes } from './modules/referrers/routes';
import { sensitiveRoutes } from './modules/sensitive/routes';
import { setupRoutes } from './modules/setup/routes';
import { siteRoutes } from './modules/sites/routes';
import { teamRoutes } from './modules/teams/routes';
import { userRoutes } from './modules/users/routes';
import { registerCompression } from './plugins/compression';
import { answerFrameworkError, registerErrorHandler } from './plugins/errors';
import { registerNulGuard } from './plugins/nul-guard';
import { registerOpenApi } from './plugins/openapi';
import { responseSerializerCompiler } from './plugins/response-serializer';
import { registerRouteTable } from './plugins/route-table';
import { registerSecurity } from './plugins/security';
import { registerWeb } from './plugins/web';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Where the built web app lives; tests that only call the API leave it out. */
  webRoot?: string;
  /** Where log lines go instead of stdout: tests capture them to check no secret is logged. */
  logStream?: { write(line: string): void };
}

/** Query strings can hold a reset token or a person's name (searches): the log keeps the path only. */
const pathOnly = (url: string) => url.split('?')[0] ?? '';

export const defaultWebRoot = join(import.meta.dirname ?? '.', '../dist/web');

/** Builds the app without listening: main.ts listens, tests call app.inject. */
export async function buildApp({ config, database, webRoot, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Cookies and credentials never reach the log; bodies are not logged at all.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req) => ({
          method: req.method,
          url: pathOnly(req.url ?? ''),
          host: (req as { host?: string }).host,
          remoteAddress: (req as { ip?: string }).ip,
        }),
      },
      ...(logStream ? { stream: logStream } : {}),
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  registerRouteTable(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app);
  registerNulGuard(app);
  await registerSecurity(app, { production: config.NODE_ENV === 'production' });
  await registerOpenApi(app);
  if (config.COMPRESS_RESPONSES) await registerCompression(app);

  const mailer = createMailer(config, database.db, app.log);
  const auth = createAuth(config, database.db, mailer);
  const throttle = createLoginThrottle(database.db, {
    perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    perIp: config.LOGIN_MAX_FAILURES_PER_IP,
    windowMinutes: config.LOGIN_WINDOW_MINUTES,
  });
  const deps: Deps = { config, db: database.db, auth, mailer, throttle };

  await app.register(healthRoutes, { database });
  await app.register(
    async (api) => {
      const lookup = createSessionLookup(database.db, config.AUTH_SECRET, sessionTimings(config));
      await api.register(sessionPlugin, { auth, lookup, sessionMaxHours: config.SESSION_MAX_HOURS });
      for (const routes of [
        setupRoutes,
        authRoutes,
        organisationRoutes,
        siteRoutes,
        teamRoutes,
        userRoutes,
        referrerRoutes,
        listRoutes,
        participantImportRoutes,
        participantRoutes,
        participantAccountRoutes,
        coachOptionRoutes,
        observationRoutes,
        feedbackRoutes,
        competencyProfileRoutes,
        competencyRoutes,
        iluoRoutes,
        developmentPlanVersionRoutes,
        developmentPlanFollowUpRoutes,
        pathwayRoutes,
        privacyRoutes,
        // The sensitive compartment: access (grants, break-the-glass) and the PAP.
        sensitiveRoutes,
        actionPlanRoutes,
        // Instruments: definitions and results; attachments apart for their raw-body parsers.
        instrumentRoutes,
        instrumentAttachmentRoutes,
        auditRoutes,
      ]) {
        await api.register(routes, deps);
      }
    },
    { prefix: '/api/v1' },
  );
  if (webRoot) await registerWeb(app, { root: webRoot });
  return app;
}
