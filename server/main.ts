import { ConfigError, loadConfig } from './config';
import { DataFolderInUseError } from './db/embedded';
import { UnsafeDatabaseError } from './db/safety';
import { embeddedSecret } from './secret';
import { start } from './start';

class PortInUseError extends Error {}

async function main() {
  const config = loadConfig(process.env, () => embeddedSecret(process.env.DATA_DIR || './data'));
  const { app, database } = await start(config);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    try {
      await app.close();
    } finally {
      // PGlite checkpoints on close; without it the next start has to recover.
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (err) {
    // Close the database so the data folder's lock is released and PGlite checkpoints.
    await app.close().catch(() => {});
    await database.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(
        `Port ${config.PORT} on ${config.HOST} is already in use. Stop what listens there, or set PORT to another port.`,
      );
    }
    throw err;
  }
  app.log.info(
    `Groeipad is running at ${config.PUBLIC_URL} on ${database.kind === 'pglite' ? `the embedded database in ${config.DATA_DIR}` : 'PostgreSQL'}`,
  );
}

main().catch((err) => {
  if (
    err instanceof ConfigError ||
    err instanceof DataFolderInUseError ||
    err instanceof UnsafeDatabaseError ||
    err instanceof PortInUseError
  ) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
