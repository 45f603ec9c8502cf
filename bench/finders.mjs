/**
 * Finders benchmark (npm run bench:finders): <civic-resource-list> with 5,000 resources and
 * <civic-group-finder> with 1,000 groups, generated, in Chromium. It reports the median time to
 * first render (setting `feed` to cards laid out, normalizing included) and per search keystroke
 * (input event to cards laid out), over repeated rounds.
 *
 *   node bench/finders.mjs [--rounds 9]
 *
 * Goal: under 16 ms per keystroke at 5,000 resources (one frame at 60 Hz).
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generateGroups, generateResources } from './finders/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 9;
const RESOURCES = 5000;
const GROUPS = 1000;
const GOAL_MS = 16;

const { groups, events } = generateGroups(GROUPS);
const data = JSON.stringify({ resources: generateResources(RESOURCES), groups, events });
const bundle = await build({
  entryPoints: [join(root, 'bench/finders/page.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  absWorkingDir: root,
  logLevel: 'warning',
  // Lit's decorators as the project compiles them (tsconfig.json).
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  // The production build's define: no dev-mode warnings.
  define: { __CIVIC_PROD__: 'true' },
});

const files = {
  '/': ['text/html', '<!doctype html><html lang="en"><meta charset="utf-8"><title>finders bench</title><body><script type="module" src="/bench.js"></script></body></html>'],
  '/bench.js': ['text/javascript', bundle.outputFiles[0].text],
  '/data.json': ['application/json', data],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url, 'http://localhost').pathname];
  response.writeHead(file ? 200 : 404, { 'content-type': file ? `${file[0]}; charset=utf-8` : 'text/plain' });
  response.end(file ? file[1] : 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof globalThis.benchFinders === 'function');
  const result = await page.evaluate((options) => globalThis.benchFinders(options), {
    rounds,
    now: '2026-06-01T12:00:00Z',
  });
  const quantile = (list, q) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const lo = Math.floor(at);
    return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
  };
  const ms = (n) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(`Chromium ${browser.version()}, ${rounds} rounds (after one warm-up), medians (p95)`);
  const rows = [
    [`<civic-resource-list>, ${RESOURCES.toLocaleString('en')} resources`, result.resources],
    [`<civic-group-finder>, ${GROUPS.toLocaleString('en')} groups`, result.groups],
  ];
  for (const [label, r] of rows) {
    console.log(`  ${label} (${r.cards} cards rendered)`);
    console.log(`    first render         ${ms(quantile(r.first, 0.5))}  (${ms(quantile(r.first, 0.95)).trim()})`);
    console.log(`    search keystroke     ${ms(quantile(r.keys, 0.5))}  (${ms(quantile(r.keys, 0.95)).trim()}, ${r.keys.length} keystrokes)`);
  }
  const key = quantile(result.resources.keys, 0.5);
  console.log(`  keystroke at ${RESOURCES.toLocaleString('en')} resources: ${key.toFixed(1)} ms (goal < ${GOAL_MS} ms)  ${key < GOAL_MS ? 'ok' : 'MISSED'}`);
} finally {
  await browser.close();
  server.close();
}
