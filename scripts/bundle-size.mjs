#!/usr/bin/env node
/**
 * What a participant's phone downloads on first load, in gzipped JavaScript: the entry chunk, everything it imports
 * statically, and the chunks of the participant's landing route (/mijn-pad) with their static imports. Reads the
 * manifest of a `vite build` (build.manifest in vite.config.ts). Budget: issue 5, 250 KB.
 *
 *   node scripts/bundle-size.mjs [dist folder]     prints the chunks and the total (default dist/web)
 *
 * test/bundle-budget.test.ts runs the same measurement after the build of `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 250;
/** The participant's landing route: its page module as the manifest names it (relative to web/). */
export const LANDING_ROUTE_SOURCES = ['features/portal/MyPathPage.tsx'];

/** @param {string} dir a vite build's output folder; null when it has no manifest (no build yet). */
export function measureFirstLoad(dir, routeSources = LANDING_ROUTE_SOURCES) {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  /** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const missing = routeSources.filter((key) => !manifest[key]);
  const keys = new Set();
  const visit = (key) => {
    if (keys.has(key) || !manifest[key]) return;
    keys.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const key of [...entries, ...routeSources]) visit(key);
  const chunks = [...keys]
    .map((key) => manifest[key].file)
    .filter((file, i, all) => file.endsWith('.js') && all.indexOf(file) === i)
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dir, file))).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalBytes = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { entries, missing, chunks, totalBytes, totalKb: totalBytes / 1024 };
}

export function report(result) {
  const lines = result.chunks.map((c) => `${(c.gzipBytes / 1024).toFixed(1).padStart(8)} KB  ${c.file}`);
  lines.push(`${result.totalKb.toFixed(1).padStart(8)} KB  participant first load (gzip), budget ${BUDGET_KB} KB`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist/web');
  const result = measureFirstLoad(dir);
  if (!result) {
    console.error(`No ${join(dir, '.vite', 'manifest.json')}: run \`npx vite build\` first.`);
    process.exit(2);
  }
  console.log(report(result));
  if (result.missing.length) console.error(`Not in the build: ${result.missing.join(', ')}`);
  process.exit(result.totalKb <= BUDGET_KB && !result.missing.length ? 0 : 1);
}
