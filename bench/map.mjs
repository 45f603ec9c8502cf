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
import { LIT_TSCONFIG, budgetRow, bundle, inChromium, isMain, openPage, quantile, roundsOption } from './harness.mjs';
import { generatePlaces } from './map/generate.mjs';

const PLACES = 2000;
const FIRST_GOAL_MS = 100;
const ZOOM_GOAL_MS = 16;

/** Runs the benchmark in Chromium; resolves to the raw figures. */
export async function measure({ rounds = roundsOption(9) } = {}) {
  const data = JSON.stringify({ places: generatePlaces(PLACES) });
  const code = await bundle('bench/map/page.js', {
    // The basemap's TopoJSON is imported as JSON, as Rollup and Vite do.
    loader: { '.json': 'json' },
    tsconfigRaw: LIT_TSCONFIG,
    // The production build's define: no dev-mode warnings.
    define: { __CIVIC_PROD__: 'true' },
  });

  const files = {
    '/': ['text/html', '<!doctype html><html lang="en"><meta charset="utf-8"><title>map bench</title><body><script type="module" src="/bench.js"></script></body></html>'],
    '/bench.js': ['text/javascript', code],
    '/data.json': ['application/json', data],
  };
  return inChromium(files, async ({ browser, url }) => {
    const page = await openPage(browser, url, () => typeof globalThis.benchMap === 'function', {
      contextOptions: { viewport: { width: 1280, height: 900 } },
      // Zoom steps land at once, as for a visitor who prefers reduced motion: the time is the work, not the animation.
      setup: (tab) => tab.emulateMedia({ reducedMotion: 'reduce' }),
    });
    const result = await page.evaluate((options) => globalThis.benchMap(options), { rounds });
    return { version: browser.version(), rounds, result };
  });
}

const SCENARIOS = [
  ['world', `${PLACES.toLocaleString('en')} places, US and world`],
  ['us', 'the US places, region="us" (with states)'],
];

/** Prints the report, as `npm run bench:map` shows it. */
export function print({ version, rounds, result }) {
  const ms = (n) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(`Chromium ${version}, ${rounds} rounds (after one warm-up), medians (p95)`);
  console.log(`  geometry and basemap code loaded once, before the rounds: ${result.geometry.toFixed(1)} ms`);
  for (const [name, label] of SCENARIOS) {
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
}

/**
 * The figures as rows for bench/all.mjs (see harness.mjs). No peer: the goals are time budgets,
 * set for the 2,000 places; the US scenario and the drag step are reported without one.
 */
export function rows({ result }) {
  const median = (list) => quantile(list, 0.5);
  const out = [];
  for (const [name] of SCENARIOS) {
    const r = result[name];
    const label = name === 'world' ? `${r.places.toLocaleString('en')} places, world` : `${r.places.toLocaleString('en')} places, region="us"`;
    const goal = (ms) => (name === 'world' ? ms : null);
    out.push(
      budgetRow('civic-inspiration-map', `first render, ${label}`, median(r.first), goal(FIRST_GOAL_MS)),
      budgetRow('civic-inspiration-map', `zoom step, ${label}`, median(r.zooms), goal(ZOOM_GOAL_MS)),
      budgetRow('civic-inspiration-map', `drag step, ${label}`, median(r.pans), null),
    );
  }
  return out;
}

export async function run(options) {
  return rows(await measure(options));
}

if (isMain(import.meta.url)) print(await measure());
