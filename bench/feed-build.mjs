/**
 * The build row of the feed benchmark: `civic-widgets feed build`'s core reading five sources
 * (four iCalendar calendars and a spreadsheet, 20,000 events in all) from a loopback server and
 * merging them, against reading the same five sources one by one without merging, in this one
 * Node process, interleaved. Goal: the merge costs less than 20% on top. Peak memory (RSS) is
 * sampled during each build.
 *
 *   node bench/feed-build.mjs [--rounds 7]
 */
import '../scripts/build-feed-node.mjs';
import { generateIcs } from './feed/generate.mjs';
import { isMain, median, roundsOption, serve } from './harness.mjs';

const YEAR = 2026;
const PER_SOURCE = 4000;
const CALENDARS = 4;

/** A spreadsheet of events, as a library keeps them. */
function eventsCsv(count) {
  const rows = ['id,title,start,end,topics,location name,url'];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const hour = String(9 + (i % 10)).padStart(2, '0');
    rows.push(`sheet-${i},"Data help desk ${i}, drop in",${YEAR}-${month}-${day}T${hour}:00:00,${YEAR}-${month}-${day}T${hour}:45:00,"housing; open-data",Main Library,https://library.example.org/sheet/${i}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

export async function measure({ rounds = roundsOption(7) } = {}) {
  const { buildFeed, readConfiguredSource } = await import('../packages/server/src/feed-sources.mjs');
  const files = {};
  for (let k = 0; k < CALENDARS; k++) {
    // One generator, four calendars: each with UIDs and links of its own, so none is a duplicate.
    const { text } = generateIcs(PER_SOURCE, YEAR);
    files[`/calendar-${k}.ics`] = ['text/calendar', text.replaceAll('@bench.example.org', `@calendar-${k}.example.org`).replaceAll('/events/', `/c${k}/events/`)];
  }
  files['/events.csv'] = ['text/csv', eventsCsv(PER_SOURCE)];
  const server = await serve(files);
  try {
    const sources = Object.keys(files).map((path, i) => ({
      label: `source ${i + 1}`, url: `${server.url}${path}`, format: 'auto', refreshMinutes: 15, timeoutSeconds: 60, line: 0,
    }));
    const config = { path: 'bench', title: 'Bench', timezone: 'America/New_York', output: {}, sources, server: {}, text: '' };
    const times = { build: [], separate: [] };
    let events = 0;
    let peakRss = 0;
    for (let round = 0; round < rounds + 1; round++) {
      globalThis.gc?.();
      const t0 = performance.now();
      for (const source of sources) await readConfiguredSource(source, undefined);
      const separate = performance.now() - t0;
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const t1 = performance.now();
      const { feed } = await buildFeed(config, new Map());
      const build = performance.now() - t1;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      events = feed.events.length;
      if (round === 0) continue; // warm-up
      times.separate.push(separate);
      times.build.push(build);
      peakRss = Math.max(peakRss, peak);
    }
    return { rounds, events, times, peakRss };
  } finally {
    server.close();
  }
}

export function print({ rounds, events, times, peakRss }) {
  const a = median(times.build);
  const b = median(times.separate);
  console.log(`Node ${process.version}, ${rounds} rounds, medians`);
  console.log(`  (d) feed build: 5 sources, ${events} events read and merged   ${a.toFixed(1)} ms, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`  (e) the same 5 sources read one by one, not merged       ${b.toFixed(1)} ms`);
  console.log(`  (d)/(e) = ${(a / b).toFixed(2)}  (goal < 1.2)  ${a / b < 1.2 ? 'ok' : 'MISSED'}`);
}

export function rows({ events, times, peakRss }) {
  const a = median(times.build);
  const b = median(times.separate);
  return [{
    element: 'civic-widgets feed build',
    measure: `5 sources, ${events.toLocaleString('en')} events read and merged (peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB)`,
    ours: a,
    peer: b,
    peerName: 'the same sources read one by one',
    ratio: a / b,
    goal: '< 1.2',
    ok: a / b < 1.2,
  }];
}

if (isMain(import.meta.url)) print(await measure());
