// @ts-check
/**
 * The live feed: every source of the config read on its own schedule (with conditional requests),
 * and the merged feed rebuilt when one of them changes. A source that fails keeps its last good
 * items, marked stale, and never takes the others down. The last merged feed is kept on disk, so
 * a restart while a source is down still serves its items.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { feedIcs, normalizeFeed } from '../../lib/feed.js';
import { mergeResults, memoriesFromOutput, publicSourceStates, readConfiguredSource } from '../feed-sources.mjs';
import { writeFileAtomic } from '../write-atomic.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** How long a failed source waits before it is asked again, at most (it backs off up to its refresh). */
const RETRY_MS = 60_000;
const LAST_FEED_FILE = 'last-feed.json';

/**
 * One rendering of the feed, ready to send: its bytes, compressed once, and its validators.
 * @typedef {object} Body
 * @property {Buffer} identity
 * @property {Buffer} [gzip]
 * @property {Buffer} [br]
 * @property {string} etag
 * @property {string} contentType
 */

/**
 * @typedef {object} Snapshot
 * @property {import('../../lib/feed.js').Feed} feed
 * @property {Body} json
 * @property {() => Promise<Body>} ics made on first request, then kept until the feed changes
 * @property {Date} builtAt
 * @property {number} version increases with each rebuild
 */

/**
 * @typedef {object} SourceStatus
 * @property {string} label
 * @property {string} where the address (hosts only) or the file
 * @property {import('../feed-sources.mjs').SourceResult | undefined} last the last read's result
 * @property {string | undefined} nextReadAt
 * @property {boolean} reading
 */

export class LiveFeed {
  /**
   * @param {import('../config.mjs').Config} config
   * @param {{ dataDir: string, log?: (line: string) => void, now?: () => number }} options
   */
  constructor(config, options) {
    this.config = config;
    this.dataDir = options.dataDir;
    this.log = options.log ?? ((line) => console.log(line));
    /** @type {Map<string, import('../feed-sources.mjs').SourceMemory>} */
    this.memories = new Map();
    /** @type {Map<string, import('../feed-sources.mjs').SourceResult>} */
    this.results = new Map();
    /** @type {Map<string, { timer?: NodeJS.Timeout, nextAt?: number, reading: boolean, failures: number }>} */
    this.schedule = new Map(config.sources.map((s) => [s.label, { reading: false, failures: 0 }]));
    /** @type {Snapshot | undefined} */
    this.snapshot = undefined;
    this.version = 0;
    this.abort = new AbortController();
    /** @type {Promise<void>} */
    this.saving = Promise.resolve();
  }

  /** Reads every source once (a failed one falls back on the last feed kept on disk), then keeps them fresh. */
  async start() {
    await this.restore();
    await Promise.all(this.config.sources.map((source) => this.refresh(source)));
    await this.rebuild();
  }

  /** Stops the timers and any read in progress. */
  async stop() {
    this.abort.abort();
    for (const state of this.schedule.values()) clearTimeout(state.timer);
    await this.saving;
  }

  /** The feed being served. */
  current() {
    if (!this.snapshot) throw new Error('the live feed has not been built yet (call start)');
    return this.snapshot;
  }

  /** @returns {SourceStatus[]} */
  status() {
    return this.config.sources.map((source) => {
      const state = this.schedule.get(source.label);
      return {
        label: source.label,
        where: source.url ? new URL(source.url).origin : source.file ?? '',
        last: this.results.get(source.label),
        nextReadAt: state?.nextAt ? new Date(state.nextAt).toISOString() : undefined,
        reading: state?.reading ?? false,
      };
    });
  }

  /**
   * Reads one source now; on a change, the feed is rebuilt (unless `rebuild` is false, at start).
   * @param {import('../config.mjs').SourceConfig} source
   * @param {boolean} [rebuild]
   */
  async refresh(source, rebuild = false) {
    const state = this.schedule.get(source.label);
    if (!state || state.reading || this.abort.signal.aborted) return;
    state.reading = true;
    clearTimeout(state.timer);
    let result;
    try {
      result = await readConfiguredSource(source, this.memories.get(source.label), { signal: this.abort.signal });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      throw error;
    } finally {
      state.reading = false;
    }
    const previous = this.results.get(source.label);
    this.results.set(source.label, result);
    if (result.state === 'fresh' || result.state === 'unchanged') {
      state.failures = 0;
      this.memories.set(source.label, {
        feed: result.feed, skipped: result.skipped,
        ...(result.format ? { format: result.format } : {}),
        ...(result.etag ? { etag: result.etag } : {}),
        ...(result.lastModified ? { lastModified: result.lastModified } : {}),
        ...(result.lastSuccessAt ? { lastSuccessAt: result.lastSuccessAt } : {}),
      });
      if (result.state === 'fresh' && previous?.state !== 'fresh') this.log(`source "${source.label}": read, ${counts(result.feed)}${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}`);
    } else {
      state.failures++;
      this.log(`source "${source.label}": could not be read (${result.error}); ${result.state === 'stale' ? 'keeping its last good items' : 'no items to keep'}`);
    }
    const every = source.refreshMinutes * 60_000;
    const delay = state.failures ? Math.min(every, RETRY_MS * 2 ** (state.failures - 1)) : every;
    state.nextAt = Date.now() + delay;
    state.timer = setTimeout(() => void this.refresh(source, true).catch((e) => this.log(`source "${source.label}": ${e}`)), delay);
    state.timer.unref();
    if (rebuild && (result.state === 'fresh' || result.state !== previous?.state)) await this.rebuild();
  }

  /** Merges the sources' latest items into the feed served, and keeps a copy on disk. */
  async rebuild() {
    const results = this.config.sources.map((source) => this.results.get(source.label) ?? {
      label: source.label, state: /** @type {const} */ ('failed'), feed: emptyFeed(), skipped: [], elapsedMs: 0, readAt: new Date().toISOString(),
    });
    const { feed } = mergeResults(this.config, results);
    feed.windowed = true; // feed-routes.mjs answers ?from=…&to=…
    feed.extra = { ...feed.extra, generator: 'civic-widgets serve', generatedAt: new Date().toISOString(), sources: publicSourceStates(results) };
    const text = JSON.stringify(feed);
    const json = await compressed(Buffer.from(text), 'application/json; charset=utf-8');
    /** @type {Promise<Body> | undefined} */
    let ics;
    const title = this.config.title;
    const domain = this.config.subscribe ? new URL(this.config.subscribe).hostname : undefined;
    this.snapshot = {
      feed,
      json,
      ics: () => (ics ??= compressed(Buffer.from(feedIcs(feed, { ...(title ? { name: title } : {}), ...(domain ? { uidDomain: domain } : {}) })), 'text/calendar; charset=utf-8')),
      builtAt: new Date(),
      version: ++this.version,
    };
    this.saving = this.saving.then(() => writeFileAtomic(join(this.dataDir, LAST_FEED_FILE), text)).catch((error) => {
      this.log(`could not keep a copy of the feed in ${this.dataDir}: ${error instanceof Error ? error.message : error}`);
    });
    await this.saving;
  }

  /** The feed kept at the last run: each source's items and validators, to fall back on. */
  async restore() {
    let text;
    try {
      text = await readFile(join(this.dataDir, LAST_FEED_FILE), 'utf8');
    } catch {
      return;
    }
    try {
      const { feed } = normalizeFeed(JSON.parse(text));
      for (const [label, memory] of memoriesFromOutput(feed, this.config)) this.memories.set(label, memory);
    } catch (error) {
      this.log(`ignoring ${LAST_FEED_FILE}: ${error instanceof Error ? error.message : error}`);
    }
  }
}

/**
 * @param {Buffer} identity
 * @param {string} contentType
 * @returns {Promise<Body>}
 */
export async function compressed(identity, contentType) {
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  if (identity.length < 1024) return { identity, etag, contentType };
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 6 }),
    // Quality 5 compresses nearly as well as 11 for JSON, in a fraction of the time.
    brotliAsync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  return { identity, gzip: gz, br, etag, contentType };
}

/** @param {import('../../lib/feed.js').Feed} feed */
function counts(feed) {
  return (/** @type {const} */ (['events', 'groups', 'resources', 'places'])).filter((l) => feed[l].length).map((l) => `${feed[l].length} ${l}`).join(', ') || 'no items';
}

/** @returns {import('../../lib/feed.js').Feed} */
function emptyFeed() {
  return { version: '1', events: [], groups: [], resources: [], places: [] };
}
