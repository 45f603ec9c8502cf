/**
 * Map benchmark (npm run bench:map): <civic-inspiration-map> with 2,000 generated places spread
 * over the US and the world, in Chromium. It reports the median time to first render (setting
 * `feed` to basemap, markers and list laid out, normalizing included, after the geometry has
 * loaded), per zoom step ("Zoom in"/"Zoom out" click to markers re-clustered and laid out) and
 * per drag step, over repeated rounds; and the same for the US-only places with `region="us"`,
 * whose basemap has the states.
 *
 *   node bench/map.mjs [--rounds 9]
 *
 * Goals: first render under 100 ms once the geometry has loaded; zoom steps under 16 ms.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generatePlaces } from './map/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 9;
const PLACES = 2000;
const FIRST_GOAL_MS = 100;
const ZOOM_GOAL_MS = 16;

const data = JSON.stringify({ places: generatePlaces(PLACES) });
const bundle = await build({
  entryPoints: [join(root, 'bench/map/page.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  absWorkingDir: root,
  logLevel: 'warning',
  // The basemap's TopoJSON is imported as JSON, as Rollup and Vite do.
  loader: { '.json': 'json' },
  // Lit's decorators as the project compiles them (tsconfig.json).
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  // The production build's define: no dev-mode warnings.
  define: { __CIVIC_PROD__: 'true' },
});

const files = {
  '/': ['text/html', '<!doctype html><html lang="en"><meta charset="utf-8"><title>map bench</title><body><script type="module" src="/bench.js"></script></body></html>'],
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
  // Zoom steps land at once, as for a visitor who prefers reduced motion: the time is the work, not the animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof globalThis.benchMap === 'function');
  const result = await page.evaluate((options) => globalThis.benchMap(options), { rounds });
  const quantile = (list, q) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const lo = Math.floor(at);
    return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
  };
  const ms = (n) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(`Chromium ${browser.version()}, ${rounds} rounds (after one warm-up), medians (p95)`);
  console.log(`  geometry and basemap code loaded once, before the rounds: ${result.geometry.toFixed(1)} ms`);
  for (const [name, label] of [['world', `${PLACES.toLocaleString('en')} places, US and world`], ['us', 'the US places, region="us" (with states)']]) {
    const r = result[name];
    console.log(`  ${label}: ${r.places.toLocaleString('en')} places, region ${r.region}, ${r.markers} markers and clusters drawn`);
    console.log(`    first render         ${ms(quantile(r.first, 0.5))}  (${ms(quantile(r.first, 0.95)).trim()})`);
    console.log(`    zoom step            ${ms(quantile(r.zooms, 0.5))}  (${ms(quantile(r.zooms, 0.95)).trim()}, ${r.zooms.length} steps)`);
    console.log(`    drag step            ${ms(quantile(r.pans, 0.5))}  (${ms(quantile(r.pans, 0.95)).trim()}, ${r.pans.length} moves)`);
  }
  const first = quantile(result.world.first, 0.5);
  const zoom = quantile(result.world.zooms, 0.5);
  console.log(`  first render at ${PLACES.toLocaleString('en')} places: ${first.toFixed(1)} ms (goal < ${FIRST_GOAL_MS} ms)  ${first < FIRST_GOAL_MS ? 'ok' : 'MISSED'}`);
  console.log(`  zoom step at ${PLACES.toLocaleString('en')} places: ${zoom.toFixed(1)} ms (goal < ${ZOOM_GOAL_MS} ms)  ${zoom < ZOOM_GOAL_MS ? 'ok' : 'MISSED'}`);
} finally {
  await browser.close();
  server.close();
}
