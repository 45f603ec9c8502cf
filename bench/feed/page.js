/**
 * The code the benchmark runs in Chromium, bundled by esbuild from the TypeScript sources. Each
 * function takes the feed text and returns how many occurrences or events it produced.
 */
import ICAL from 'ical.js';
import { icsAdapter } from '../../src/feed/adapters/ics.ts';
import { normalizeFeed } from '../../src/feed/normalize.ts';
import { expandOccurrences } from '../../src/feed/occurrences.ts';

const context = { fetchJson: async () => ({}) };

/** (a) Our path: adapter, normalizer, occurrences; with the time of each step, for the report. */
async function ours(text, from, to) {
  const t0 = performance.now();
  const result = await icsAdapter({ text, contentType: 'text/calendar', url: location.href }, context);
  const t1 = performance.now();
  const { feed } = normalizeFeed(result.document, result.skipped);
  const t2 = performance.now();
  const occurrences = await expandOccurrences(feed.events, {
    from, to, timeZone: 'America/New_York', feedTimeZone: feed.timezone, limit: Infinity,
  });
  const t3 = performance.now();
  return { count: occurrences.length, phases: { adapter: t1 - t0, normalize: t2 - t1, occurrences: t3 - t2 } };
}

/**
 * (b) ical.js on its own, used the way its documentation shows (Component, Event, iterator,
 * getOccurrenceDetails), with each series given its own exceptions: without them `new ICAL.Event`
 * scans every VEVENT of the calendar for exceptions, which is quadratic and would flatter us.
 */
function bare(text, from, to) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const start = ICAL.Time.fromJSDate(from, true);
  const end = ICAL.Time.fromJSDate(to, true);
  const masters = [];
  const exceptions = new Map();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = vevent.getFirstPropertyValue('uid');
    if (!vevent.hasProperty('recurrence-id')) masters.push([uid, vevent]);
    else if (exceptions.has(uid)) exceptions.get(uid).push(vevent);
    else exceptions.set(uid, [vevent]);
  }
  const series = masters.map(
    ([uid, vevent]) => new ICAL.Event(vevent, { strictExceptions: true, exceptions: exceptions.get(uid) ?? [] }),
  );
  const out = [];
  for (const event of series) {
    if (!event.isRecurring()) {
      if (event.startDate.compare(end) < 0 && event.endDate.compare(start) > 0) {
        out.push({ title: event.summary, start: event.startDate.toJSDate(), end: event.endDate.toJSDate() });
      }
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(end) < 0; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      if (details.endDate.compare(start) <= 0) continue;
      out.push({ title: details.item.summary, start: details.startDate.toJSDate(), end: details.endDate.toJSDate() });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return { count: out.length };
}

/** (c) The native JSON feed: parse and normalize. */
function json(text) {
  return { count: normalizeFeed(JSON.parse(text)).feed.events.length };
}

/** Runs the three paths `rounds` times, interleaved so that drift in the machine hits all alike. */
async function run({ rounds, from, to }) {
  const [ics, feed] = await Promise.all([fetch('/feed.ics').then((r) => r.text()), fetch('/feed.json').then((r) => r.text())]);
  const window = [new Date(from), new Date(to)];
  const times = { ours: [], bare: [], json: [] };
  const counts = {};
  const phases = [];
  const paths = {
    ours: () => ours(ics, ...window),
    bare: () => bare(ics, ...window),
    json: () => json(feed),
  };
  for (let round = -2; round < rounds; round++) {
    const order = Object.keys(paths);
    if (round % 2) order.reverse();
    for (const name of order) {
      // Each path starts with a clean heap, so none pays for the garbage another left behind.
      globalThis.gc?.();
      const t0 = performance.now();
      const result = await paths[name]();
      const elapsed = performance.now() - t0;
      counts[name] = result.count;
      if (round < 0) continue; // the first two rounds warm the JIT up
      times[name].push(elapsed);
      if (result.phases) phases.push(result.phases);
    }
  }
  return { times, counts, phases };
}

globalThis.benchFeed = run;
