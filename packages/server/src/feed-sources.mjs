// @ts-check
/**
 * A config's sources read into one feed: what `feed build` writes to files and `serve` keeps in
 * memory. Each source is read, turned into the feed's shape by the widgets' own adapters, given
 * its defaults and checked by the normalizer; then all are merged. A source that cannot be read
 * keeps the items it had last time (the previous output, or the server's last good copy).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { detectFormat, itemsFrom, mergeFeeds, normalizeFeed, parseJson, parseSource, withDefaults } from '../lib/feed.js';
import { readSource, SourceError } from './read-source.mjs';

/** Sources read at once: a library has a handful, a consortium a few dozen. */
const PARALLEL_READS = 4;
/**
 * Items kept per list of one source. A widget keeps 20,000 (a page's worth); the server keeps a
 * consortium's year, since a calendar asks it for one window at a time.
 */
export const SERVER_MAX_ITEMS = 100_000;
/** Items per list of a merged feed read back (an earlier output): a config names at most 100 sources. */
export const MERGED_MAX_ITEMS = SERVER_MAX_ITEMS * 100;

/**
 * @typedef {import('./config.mjs').SourceConfig} SourceConfig
 * @typedef {import('../lib/feed.js').Feed} Feed
 * @typedef {import('../lib/feed.js').SkippedItem} SkippedItem
 */

/**
 * What one read of one source gave.
 * @typedef {object} SourceResult
 * @property {string} label
 * @property {'fresh' | 'unchanged' | 'stale' | 'failed'} state fresh: read now; unchanged: a 304,
 *   the last copy stands; stale: could not be read, its last copy stands; failed: no copy at all
 * @property {Feed} feed its items (empty when failed)
 * @property {SkippedItem[]} skipped items it could not use, with reasons
 * @property {string} [format] the format it was read as
 * @property {string} [error] why it could not be read
 * @property {string} [etag]
 * @property {string} [lastModified]
 * @property {number} elapsedMs
 * @property {string} readAt ISO time of this attempt
 * @property {string} [lastSuccessAt] ISO time of the last good read
 * @property {{ allowOrigin: string | null, allowed: boolean }} [cors] the CORS answer, when an origin was given
 */

/**
 * The last good state of a source, to ask conditionally and to fall back on.
 * @typedef {{ feed: Feed, etag?: string, lastModified?: string, lastSuccessAt?: string, skipped?: SkippedItem[], format?: string }} SourceMemory
 */

/**
 * Reads one source into the feed's shape.
 * @param {SourceConfig} source
 * @param {SourceMemory | undefined} memory
 * @param {{ signal?: AbortSignal, origin?: string }} [options] `origin`: ask as a page there would
 * @returns {Promise<SourceResult>}
 */
export async function readConfiguredSource(source, memory, options = {}) {
  const readAt = new Date().toISOString();
  const started = performance.now();
  try {
    const read = await readSource(source, {
      timeoutMs: source.timeoutSeconds * 1000,
      etag: memory?.feed ? memory.etag : undefined,
      lastModified: memory?.feed ? memory.lastModified : undefined,
      signal: options.signal,
      ...(options.origin ? { origin: options.origin } : {}),
    });
    if (read.notModified && memory) {
      return {
        label: source.label, state: 'unchanged', feed: memory.feed, skipped: memory.skipped ?? [], format: memory.format,
        etag: read.etag ?? memory.etag, lastModified: read.lastModified ?? memory.lastModified,
        elapsedMs: performance.now() - started, readAt, lastSuccessAt: readAt,
      };
    }
    const sourceText = { text: read.text, contentType: read.contentType, url: read.url };
    const context = {
      ...(source.mapping !== undefined ? { mapping: source.mapping } : {}),
      ...(source.list ? { list: source.list } : {}),
      fetchJson: (/** @type {string} */ url) => fetchJson(url, source, options.signal),
    };
    const format = source.format === 'auto' ? detectFormat(sourceText, context) : source.format;
    const parsed = await parseSource(sourceText, format, context);
    const filled = withDefaults(parsed.document, source.defaults);
    const { feed, skipped } = normalizeFeed(filled, parsed.skipped, {
      maxItems: SERVER_MAX_ITEMS,
      ...(read.url.startsWith('file:') ? {} : { base: read.url }),
      ...(parsed.positions ? { positions: parsed.positions } : {}),
    });
    return {
      label: source.label, state: 'fresh', feed, skipped, format,
      etag: read.etag, lastModified: read.lastModified,
      elapsedMs: performance.now() - started, readAt, lastSuccessAt: readAt,
      ...(read.cors ? { cors: read.cors } : {}),
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const base = { label: source.label, error: message, elapsedMs: performance.now() - started, readAt };
    if (memory?.feed) {
      return {
        ...base, state: 'stale', feed: memory.feed, skipped: memory.skipped ?? [], format: memory.format,
        etag: memory.etag, lastModified: memory.lastModified, lastSuccessAt: memory.lastSuccessAt,
      };
    }
    return { ...base, state: 'failed', feed: emptyFeed(), skipped: [] };
  }
}

/**
 * Reads every source (a few at a time) and merges them in the config's order.
 * @param {import('./config.mjs').Config} config
 * @param {Map<string, SourceMemory>} memories by label
 * @param {{ signal?: AbortSignal }} [options]
 */
export async function buildFeed(config, memories, options = {}) {
  /** @type {SourceResult[]} */
  const results = new Array(config.sources.length);
  let next = 0;
  const worker = async () => {
    while (next < config.sources.length) {
      const index = next++;
      const source = /** @type {SourceConfig} */ (config.sources[index]);
      results[index] = await readConfiguredSource(source, memories.get(source.label), options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, config.sources.length) }, worker));
  return { ...mergeResults(config, results), results };
}

/**
 * Merges what the sources gave, in the config's order (earlier sources win a duplicate).
 * @param {import('./config.mjs').Config} config
 * @param {SourceResult[]} results
 */
export function mergeResults(config, results) {
  const { feed, notes } = mergeFeeds(
    results.map((result) => ({ label: result.label, feed: result.feed })),
    { ...(config.title ? { title: config.title } : {}), ...(config.timezone ? { timezone: config.timezone } : {}) },
  );
  if (config.subscribe) feed.subscribe = config.subscribe;
  return { feed, notes };
}

/**
 * What an earlier output tells the next build: each source's items and validators.
 * @param {Feed} previous the earlier output, normalized
 * @param {import('./config.mjs').Config} config
 * @returns {Map<string, SourceMemory>}
 */
export function memoriesFromOutput(previous, config) {
  const states = Array.isArray(previous.extra?.sources) ? previous.extra.sources : [];
  /** @type {Map<string, SourceMemory>} */
  const memories = new Map();
  for (const source of config.sources) {
    const state = states.find((/** @type {any} */ s) => s && s.label === source.label);
    if (!state) continue; // a source new to the config, or renamed: read it afresh
    memories.set(source.label, {
      feed: itemsFrom(previous, source.label),
      ...(typeof state.etag === 'string' ? { etag: state.etag } : {}),
      ...(typeof state.lastModified === 'string' ? { lastModified: state.lastModified } : {}),
      ...(typeof state.lastSuccessAt === 'string' ? { lastSuccessAt: state.lastSuccessAt } : {}),
      ...(typeof state.format === 'string' ? { format: state.format } : {}),
    });
  }
  return memories;
}

/**
 * The part of each source's state a feed may show the public: no address (a calendar's private
 * iCal address is a secret), no error text (it may quote one).
 * @param {SourceResult[]} results
 */
export function publicSourceStates(results) {
  return results.map((r) => ({
    label: r.label,
    state: r.state,
    ...(r.format ? { format: r.format } : {}),
    ...(r.lastSuccessAt ? { lastSuccessAt: r.lastSuccessAt } : {}),
    ...(r.etag ? { etag: r.etag } : {}),
    ...(r.lastModified ? { lastModified: r.lastModified } : {}),
  }));
}

/** @returns {Feed} */
function emptyFeed() {
  return { version: '1', events: [], groups: [], resources: [], places: [] };
}

/**
 * A second request an adapter makes (a next page, a mapping by URL): JSON, read like the source.
 * @param {string} url
 * @param {SourceConfig} source
 * @param {AbortSignal | undefined} signal
 */
async function fetchJson(url, source, signal) {
  if (url.startsWith('file:')) return parseJson(await readFile(fileURLToPath(url), 'utf8'));
  const read = await readSource({ url }, { timeoutMs: source.timeoutSeconds * 1000, signal });
  if (!read.text.trim()) throw new SourceError(`${url} answered with nothing`);
  return parseJson(read.text);
}
