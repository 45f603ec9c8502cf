// @ts-check
/**
 * `civic-widgets feed check <url|file> [--format F] [--origin URL] [--list L] [--mapping M]`:
 * reads a source as a widget would, and says what it read, what it skipped and why, what a widget
 * would show first, and, for an address, whether a page on --origin may read it.
 *
 * Exit status: 0 the source is readable (by a page on --origin, when given); 1 it is not; 2 a
 * usage error.
 */
import { resolve } from 'node:path';
import { CROSS_ORIGIN_FIXES, describeSkipped, expandOccurrences, FEED_FORMATS, isTimeZone } from '../../lib/feed.js';
import { parseCommandArgs, UsageError, withExitStatus } from '../cli-args.mjs';
import { DEFAULT_TIMEOUT_SECONDS } from '../config.mjs';
import { readConfiguredSource } from '../feed-sources.mjs';

const USAGE = 'civic-widgets feed check <url|file> [--format F] [--origin https://your-library.org] [--list L] [--mapping FILE|URL] [--timezone Z]';
const LISTS = /** @type {const} */ (['events', 'groups', 'resources', 'places']);
const SHOWN = 5;
const DAY = 86_400_000;

/** @param {string[]} args */
export function run(args) {
  return withExitStatus(async () => {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        format: { type: 'string', short: 'f' },
        origin: { type: 'string' },
        list: { type: 'string' },
        mapping: { type: 'string' },
        timezone: { type: 'string' },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new UsageError(`give one source: an address or a file\nUsage: ${USAGE}`);
    const where = /** @type {string} */ (positionals[0]);
    const format = /** @type {import('../../lib/feed.js').FeedFormat} */ (values.format ?? 'auto');
    if (!FEED_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FEED_FORMATS.join(', ')}`);
    if (values.list && !LISTS.includes(/** @type {'events'} */ (values.list))) throw new UsageError(`--list must be one of ${LISTS.join(', ')}`);
    if (values.timezone && !isTimeZone(values.timezone)) throw new UsageError(`--timezone "${values.timezone}" is not a time zone this machine knows`);
    const origin = values.origin ? originOf(values.origin) : undefined;
    const isUrl = /^(https?|webcal):\/\//i.test(where);
    const url = isUrl ? where.replace(/^webcal:/i, 'https:') : undefined;

    const source = {
      label: where,
      ...(url ? { url } : { file: resolve(where) }),
      format: values.mapping && format === 'auto' && !/\.(csv|tsv)$|output=csv/i.test(where) ? 'mapping' : format,
      ...(values.list ? { list: /** @type {'events'} */ (values.list) } : {}),
      ...(values.mapping ? { mapping: { url: /^https?:/i.test(values.mapping) ? values.mapping : new URL(`file://${resolve(values.mapping)}`).href } } : {}),
      refreshMinutes: 0,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      line: 0,
    };
    // Asked as a page on --origin would ask (or as a page on an unnamed other site).
    const asked = url ? origin ?? 'https://another-site.invalid' : undefined;
    const result = await readConfiguredSource(/** @type {import('../config.mjs').SourceConfig} */ (source), undefined, asked ? { origin: asked } : {});
    if (result.state === 'failed') {
      console.log(`✗ ${where} cannot be read: ${result.error}`);
      return 1;
    }
    const { feed } = result;
    // A `kept` entry is an item shown after a repair (a made-up id, swapped times): a warning, not a loss.
    const skipped = result.skipped.filter((item) => !item.kept);
    const repaired = result.skipped.filter((item) => item.kept);
    console.log(`✓ ${where}: read as ${result.format} in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    for (const list of LISTS) {
      const count = feed[list].length;
      const left = skipped.filter((s) => s.list === list).length;
      if (count || left) console.log(`  ${list}: ${count} read${left ? `, ${left} skipped` : ''}`);
    }
    if (!LISTS.some((list) => feed[list].length)) console.log('  nothing a widget could show');
    if (skipped.length) {
      console.log(`\nSkipped (the rest shows):`);
      for (const item of skipped) console.log(`  ${describeSkipped(item)}`);
    }
    if (repaired.length) {
      console.log(`\nRepaired and shown:`);
      for (const item of repaired) console.log(`  ${describeSkipped(item)}`);
    }
    await printFirst(feed, values.timezone);
    if (!url) return 0;
    return printCors(result.cors, origin) ? 0 : 1;
  });
}

/**
 * What a widget would show first: the next occurrences, and the first items of the other lists.
 * @param {import('../../lib/feed.js').Feed} feed
 * @param {string | undefined} zone
 */
async function printFirst(feed, zone) {
  const timeZone = zone ?? feed.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (feed.events.length) {
    const now = Date.now();
    const window = { timeZone, ...(feed.timezone ? { feedTimeZone: feed.timezone } : {}) };
    const upcoming = await expandOccurrences(feed.events, { ...window, from: new Date(now), to: new Date(now + 366 * DAY), limit: SHOWN });
    console.log(`\nA calendar would show first (${timeZone}):`);
    if (upcoming.length) {
      for (const o of upcoming) console.log(`  ${when(o, timeZone)}  ${o.event.title}${o.status === 'cancelled' ? ' (cancelled)' : ''}`);
    } else {
      const past = await expandOccurrences(feed.events, { ...window, from: new Date(now - 5 * 366 * DAY), to: new Date(now) });
      const last = past.at(-1);
      console.log(`  no event in the coming year${last ? `; the last one was ${when(last, timeZone)} ${last.event.title}` : ''}`);
    }
  }
  for (const list of /** @type {const} */ (['groups', 'resources', 'places'])) {
    if (!feed[list].length) continue;
    console.log(`\nFirst ${list}:`);
    for (const item of feed[list].slice(0, SHOWN)) console.log(`  ${'name' in item ? item.name : item.title}`);
  }
}

/**
 * @param {import('../../lib/feed.js').Occurrence} occurrence
 * @param {string} timeZone
 */
function when(occurrence, timeZone) {
  if (occurrence.allDay) {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${occurrence.start}T00:00:00Z`));
  }
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(occurrence.startMs));
}

/**
 * Whether a page may read the address, as a browser decides it; false only when --origin was
 * given and a page there may not.
 * @param {{ allowOrigin: string | null, allowed: boolean } | undefined} cors
 * @param {string | undefined} origin
 */
function printCors(cors, origin) {
  const allowOrigin = cors?.allowOrigin;
  console.log('');
  if (allowOrigin?.trim() === '*') {
    console.log('Cross-origin: any page may read it (Access-Control-Allow-Origin: *).');
    return true;
  }
  if (origin && cors?.allowed) {
    console.log(`Cross-origin: a page on ${origin} may read it (Access-Control-Allow-Origin: ${allowOrigin}).`);
    return true;
  }
  const who = origin ? `a page on ${origin}` : 'a page on another site';
  const why = allowOrigin ? `it allows only ${allowOrigin}` : 'it sends no Access-Control-Allow-Origin header';
  console.log(`Cross-origin: ${who} may NOT read it: ${why}. A widget pointed at it shows "could not be reached".`);
  console.log('Fix it without a third party, with a copy of the feed on your own site:');
  for (const fix of CROSS_ORIGIN_FIXES) console.log(`  ${fix.command.padEnd(56)} (${fix.gives})`);
  console.log('See docs/sources.md.');
  if (!origin) console.log(`(Give --origin https://your-library.org to check the site your widgets are on.)`);
  return !origin;
}

/** @param {string} value */
function originOf(value) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.origin;
  } catch {
    throw new UsageError(`--origin must be a site's address, such as https://your-library.org (got "${value}")`);
  }
}
