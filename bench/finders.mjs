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
import { LIT_TSCONFIG, budgetRow, bundle, inChromium, isMain, openPage, quantile, roundsOption } from './harness.mjs';
import { generateGroups, generateResources } from './finders/generate.mjs';

const RESOURCES = 5000;
const GROUPS = 1000;
const GOAL_MS = 16;

/** Runs the benchmark in Chromium; resolves to the raw figures. */
export async function measure({ rounds = roundsOption(9) } = {}) {
  const { groups, events } = generateGroups(GROUPS);
  const data = JSON.stringify({ resources: generateResources(RESOURCES), groups, events });
  const code = await bundle('bench/finders/page.js', {
    tsconfigRaw: LIT_TSCONFIG,
    // The production build's define: no dev-mode warnings.
    define: { __CIVIC_PROD__: 'true' },
  });

  const files = {
    '/': ['text/html', '<!doctype html><html lang="en"><meta charset="utf-8"><title>finders bench</title><body><script type="module" src="/bench.js"></script></body></html>'],
    '/bench.js': ['text/javascript', code],
    '/data.json': ['application/json', data],
  };
  return inChromium(files, async ({ browser, url }) => {
    const page = await openPage(browser, url, () => typeof globalThis.benchFinders === 'function', {
      contextOptions: { viewport: { width: 1280, height: 900 } },
    });
    const result = await page.evaluate((options) => globalThis.benchFinders(options), {
      rounds,
      now: '2026-06-01T12:00:00Z',
    });
    return { version: browser.version(), rounds, result };
  });
}

/** Prints the report, as `npm run bench:finders` shows it. */
export function print({ version, rounds, result }) {
  const ms = (n) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(`Chromium ${version}, ${rounds} rounds (after one warm-up), medians (p95)`);
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
}

/**
 * The figures as rows for bench/all.mjs (see harness.mjs). No peer: a keystroke's goal is one
 * frame, for the group finder too; first render has no goal.
 */
export function rows({ result }) {
  const median = (list) => quantile(list, 0.5);
  const out = [];
  for (const [element, label, r] of [
    ['civic-resource-list', `${RESOURCES.toLocaleString('en')} resources`, result.resources],
    ['civic-group-finder', `${GROUPS.toLocaleString('en')} groups`, result.groups],
  ]) {
    out.push(budgetRow(element, `first render, ${label}`, median(r.first), null));
    out.push(budgetRow(element, `search keystroke, ${label}`, median(r.keys), GOAL_MS));
  }
  return out;
}

export async function run(options) {
  return rows(await measure(options));
}

if (isMain(import.meta.url)) print(await measure());
