/**
 * Feed benchmark (npm run bench:feed): the iCalendar path against bare ical.js, and the native
 * JSON path, measured in Chromium with medians of interleaved rounds in one run.
 *
 *   node bench/feed.mjs [--rounds 15]
 *
 * Goals: (a) ours / (b) bare ical.js ≤ 1.2, and (c) JSON / (a) ours < 0.2.
 */
import { bundle, inChromium, isMain, median, openPage, roundsOption } from './harness.mjs';
import { generateIcs, generateJson } from './feed/generate.mjs';

const YEAR = 2026;
const ICS_EVENTS = 5000;
const JSON_EVENTS = 10000;

/** Runs the benchmark in Chromium; resolves to the raw figures. */
export async function measure({ rounds = roundsOption(15) } = {}) {
  const ics = generateIcs(ICS_EVENTS, YEAR);
  const json = generateJson(JSON_EVENTS, YEAR);
  const code = await bundle('bench/feed/page.js');

  const files = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>feed bench</title><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', code],
    '/feed.ics': ['text/calendar', ics.text],
    '/feed.json': ['application/json', json],
  };
  return inChromium(files, async ({ browser, url }) => {
    const page = await openPage(browser, url, () => typeof globalThis.benchFeed === 'function');
    const { times, counts, phases } = await page.evaluate(
      (options) => globalThis.benchFeed(options),
      { rounds, from: `${YEAR}-01-01T00:00:00-05:00`, to: `${YEAR + 1}-01-01T00:00:00-05:00` },
    );
    return { version: browser.version(), rounds, ics, times, counts, phases };
  });
}

/** Prints the report, as `npm run bench:feed` shows it. */
export function print({ version, rounds, ics, times, counts, phases }) {
  const a = median(times.ours);
  const b = median(times.bare);
  const c = median(times.json);
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`Chromium ${version}, ${rounds} rounds, medians`);
  console.log(`  iCalendar: ${ICS_EVENTS} events (${ics.vevents} VEVENTs, ${(ics.text.length / 1e6).toFixed(2)} MB), one year`);
  console.log(`  (a) icsAdapter + normalizeFeed + expandOccurrences  ${ms(a)}  (${counts.ours} occurrences)`);
  const phase = (key) => ms(median(phases.map((p) => p[key])));
  console.log(`      adapter ${phase('adapter')}, normalizeFeed ${phase('normalize')}, expandOccurrences ${phase('occurrences')}`);
  console.log(`  (b) ical.js parse + Component + Event iterator      ${ms(b)}  (${counts.bare} occurrences)`);
  console.log(`  (c) JSON.parse + normalizeFeed, ${JSON_EVENTS} events       ${ms(c)}  (${counts.json} events)`);
  console.log(`  (a)/(b) = ${(a / b).toFixed(2)}  (goal ≤ 1.2)  ${a / b <= 1.2 ? 'ok' : 'MISSED'}`);
  console.log(`  (c)/(a) = ${(c / a).toFixed(2)}  (goal < 0.2)  ${c / a < 0.2 ? 'ok' : 'MISSED'}`);
}

/** The figures as rows for bench/all.mjs (see harness.mjs). */
export function rows({ times }) {
  const a = median(times.ours);
  const b = median(times.bare);
  const c = median(times.json);
  return [
    {
      element: 'civic-feed',
      measure: `iCalendar: ${ICS_EVENTS.toLocaleString('en')} events parsed and expanded over a year`,
      ours: a,
      peer: b,
      peerName: 'bare ical.js',
      ratio: a / b,
      goal: '≤ 1.2',
      ok: a / b <= 1.2,
    },
    {
      element: 'civic-feed',
      measure: `JSON: ${JSON_EVENTS.toLocaleString('en')} events parsed and normalized`,
      ours: c,
      peer: a,
      peerName: `our iCalendar path (${ICS_EVENTS.toLocaleString('en')} events)`,
      ratio: c / a,
      goal: '< 0.2',
      ok: c / a < 0.2,
    },
  ];
}

export async function run(options) {
  return rows(await measure(options));
}

if (isMain(import.meta.url)) print(await measure());
