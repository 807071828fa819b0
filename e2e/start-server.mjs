/**
 * Playwright's webServer: the real server on a fresh embedded database in ./data-e2e, port 3300.
 * The folder is wiped first, so every Playwright run starts before the setup wizard.
 * Same as `DATA_DIR=data-e2e PORT=3300 npx tsx server/main.ts`, without npx's extra process.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// E2E_DATA_DIR (with another E2E_PORT) lets two Playwright runs work side by side.
const dataDir = process.env.E2E_DATA_DIR || join(root, 'data-e2e');
rmSync(dataDir, { recursive: true, force: true });

const env = { ...process.env, DATA_DIR: dataDir, PORT: process.env.E2E_PORT || '3300', LOG_LEVEL: 'warn' };
// Always the embedded database: a DATABASE_URL from the developer's shell must not be wiped or reused.
for (const name of ['DATABASE_URL', 'NODE_ENV', 'PUBLIC_URL', 'HOST', 'AUTH_SECRET']) delete env[name];

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
