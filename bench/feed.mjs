/**
 * Feed benchmark (npm run bench:feed): the iCalendar path against bare ical.js, and the native
 * JSON path, measured in Chromium with medians of interleaved rounds in one run.
 *
 *   node bench/feed.mjs [--rounds 15]
 *
 * Goals: (a) ours / (b) bare ical.js ≤ 1.2, and (c) JSON / (a) ours < 0.2.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generateIcs, generateJson } from './feed/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
const YEAR = 2026;
const ICS_EVENTS = 5000;
const JSON_EVENTS = 10000;

const ics = generateIcs(ICS_EVENTS, YEAR);
const json = generateJson(JSON_EVENTS, YEAR);
const bundle = await build({
  entryPoints: [join(root, 'bench/feed/page.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  absWorkingDir: root,
  logLevel: 'warning',
});

const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>feed bench</title><script type="module" src="/bench.js"></script>'],
  '/bench.js': ['text/javascript', bundle.outputFiles[0].text],
  '/feed.ics': ['text/calendar', ics.text],
  '/feed.json': ['application/json', json],
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
  // --expose-gc lets the page collect garbage between measurements.
  args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof globalThis.benchFeed === 'function');
  const { times, counts, phases } = await page.evaluate(
    (options) => globalThis.benchFeed(options),
    { rounds, from: `${YEAR}-01-01T00:00:00-05:00`, to: `${YEAR + 1}-01-01T00:00:00-05:00` },
  );
  const median = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const a = median(times.ours);
  const b = median(times.bare);
  const c = median(times.json);
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`Chromium ${browser.version()}, ${rounds} rounds, medians`);
  console.log(`  iCalendar: ${ICS_EVENTS} events (${ics.vevents} VEVENTs, ${(ics.text.length / 1e6).toFixed(2)} MB), one year`);
  console.log(`  (a) icsAdapter + normalizeFeed + expandOccurrences  ${ms(a)}  (${counts.ours} occurrences)`);
  const phase = (key) => ms(median(phases.map((p) => p[key])));
  console.log(`      adapter ${phase('adapter')}, normalizeFeed ${phase('normalize')}, expandOccurrences ${phase('occurrences')}`);
  console.log(`  (b) ical.js parse + Component + Event iterator      ${ms(b)}  (${counts.bare} occurrences)`);
  console.log(`  (c) JSON.parse + normalizeFeed, ${JSON_EVENTS} events       ${ms(c)}  (${counts.json} events)`);
  console.log(`  (a)/(b) = ${(a / b).toFixed(2)}  (goal ≤ 1.2)  ${a / b <= 1.2 ? 'ok' : 'MISSED'}`);
  console.log(`  (c)/(a) = ${(c / a).toFixed(2)}  (goal < 0.2)  ${c / a < 0.2 ? 'ok' : 'MISSED'}`);
} finally {
  await browser.close();
  server.close();
}
