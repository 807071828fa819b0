/**
 * npm run seed -- --scale workplace|umbrella [--seed N] [--reference-date YYYY-MM-DD]
 *                 [--database-url URL | --data-dir DIR] [--reset]
 * Generates the named scale (same seed → same data) and loads it into the database the server would use
 * (DATABASE_URL, else DATA_DIR, else ./data). Refuses a database that already holds organisations unless --reset,
 * which drops every table first. Every account gets the password printed at the end.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import { describeTarget, openForLoading, targetFrom } from './database';
import { DatabaseNotEmptyError, loadDataset } from './load';
import { DEMO_PASSWORD, type ScaleName, scaleNames, scales } from './scales';
import { generateScale } from './scenario';
import { formatSummary } from './summary';

class UsageError extends Error {}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'workplace' },
      seed: { type: 'string', default: '1' },
      'reference-date': { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  if (!scaleNames.includes(values.scale as ScaleName)) {
    throw new UsageError(`Unknown scale "${values.scale}". Choose one of: ${scaleNames.join(', ')}.`);
  }
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new UsageError('--reference-date must be YYYY-MM-DD.');
  }
  const scale = scales[values.scale as ScaleName];
  const target = targetFrom({ databaseUrl: values['database-url'], dataDir: values['data-dir'] });

  const started = performance.now();
  const generated = generateScale(scale, { seed: values.seed, referenceDate });
  const generatedMs = performance.now() - started;
  const database = await openForLoading(target, { reset: values.reset });
  let loaded: Record<string, number>;
  const loadStarted = performance.now();
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    loaded = await loadDataset(database.db, generated.dataset, {
      passwordHash,
      origin: { scale: scale.name, seed: values.seed, referenceDate: generated.referenceDate },
      concurrency: database.kind === 'postgres' ? 3 : 1,
      bulk: generated.bulk,
      onOrganisation: (done, total) =>
        console.log(
          `  organisation ${done} of ${total} loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        ),
    });
  } finally {
    await database.close();
  }
  const loadMs = performance.now() - loadStarted;
  const totalMs = performance.now() - started;
  const rows = Object.values(loaded).reduce((a, b) => a + b, 0);
  console.log(
    `Loaded scale ${scale.name} (seed ${values.seed}, histories up to ${generated.referenceDate}) into ${describeTarget(target)}.`,
  );
  console.log(formatSummary(generated.dataset, loaded));
  console.log(
    `  time:         ${(totalMs / 1000).toFixed(1)} s (the people ${(generatedMs / 1000).toFixed(1)} s; generating their history while loading ${(loadMs / 1000).toFixed(1)} s: ${Math.round(rows / (loadMs / 1000)).toLocaleString('en')} rows/s)`,
  );
  console.log(`  password of every account: ${DEMO_PASSWORD}`);
}

main().catch((err) => {
  if (err instanceof UsageError || err instanceof DatabaseNotEmptyError) {
    console.error(
      err.message + (err instanceof DatabaseNotEmptyError ? ' Add --reset to replace everything in it.' : ''),
    );
  } else {
    console.error(err);
  }
  process.exit(1);
});
