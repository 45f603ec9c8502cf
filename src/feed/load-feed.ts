import type { AdapterContext, FeedFormat, SourceText } from './adapter.js';
import { readCachedFeed, writeCachedFeed, type CachedFeed } from './feed-cache.js';
import { feedReader } from './feed-reader.js';
import type { LoadedFeed } from './types.js';

/** Why a feed could not be loaded: the network (or the server) or its content. */
export class FeedError extends Error {
  constructor(
    readonly kind: 'network' | 'format',
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface LoadOptions {
  format?: FeedFormat;
  /** Keep and use a copy in `localStorage` (default true). */
  cache?: boolean;
  /** For `format="mapping"`: the mapping object, or a URL to fetch it from. */
  mapping?: unknown;
  signal?: AbortSignal;
  /** Milliseconds before one attempt gives up (default 10 000). */
  timeout?: number;
  /** Attempts after the first, on network errors and 5xx (default 2). */
  retries?: number;
  /** Resolves a relative `src` (default: the document's base URI). */
  base?: string;
}

/** A load's result; `error` says why a fresh copy could not be had when `stale` is true. */
export type LoadResult = LoadedFeed & { error?: Error };

const BACKOFF_MS = [400, 1600];

/**
 * Fetches `src`, turns it into the normalized feed and keeps the last good copy. When the source
 * cannot be reached or read and a copy is kept, that copy comes back marked `stale`.
 */
export async function loadFeed(src: string, options: LoadOptions = {}): Promise<LoadResult> {
  const url = new URL(src, options.base ?? globalThis.document?.baseURI).href;
  const format = options.format ?? 'auto';
  const useCache = options.cache !== false;
  const cached = useCache ? readCachedFeed(url, format) : undefined;
  // The reader travels beside the feed; a saved copy or a 304 does not need it.
  const reader = feedReader();
  reader.catch(() => undefined);
  try {
    const response = await fetchWithRetry(url, options, cached);
    if (response.status === 304 && cached) {
      const fresh: CachedFeed = { ...cached, fetchedAt: Date.now() };
      writeCachedFeed(url, format, fresh);
      return { ...fresh.loaded, fetchedAt: fresh.fetchedAt, stale: false, src: url };
    }
    const source: SourceText = {
      text: await response.text(),
      contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      url: response.url || url,
    };
    const context = adapterContext(options);
    const { parseSource, normalizeFeed } = await reader.catch((cause: unknown) => {
      throw new FeedError('network', cause instanceof Error ? cause.message : String(cause));
    });
    const parsed = await parseSource(source, format, context).catch((cause: unknown) => {
      if (options.signal?.aborted) throw cause;
      throw new FeedError('format', cause instanceof Error ? cause.message : String(cause));
    });
    const { feed, skipped } = normalizeFeed(parsed.document, parsed.skipped, { base: source.url, ...(parsed.positions ? { positions: parsed.positions } : {}) });
    const loaded: LoadedFeed = { feed, skipped, stale: false, fetchedAt: Date.now(), src: url };
    if (useCache) {
      writeCachedFeed(url, format, {
        loaded,
        fetchedAt: loaded.fetchedAt,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
      });
    }
    return loaded;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (!cached) throw error;
    return {
      ...cached.loaded,
      fetchedAt: cached.fetchedAt,
      stale: true,
      src: url,
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }
}

async function fetchWithRetry(url: string, options: LoadOptions, cached?: CachedFeed): Promise<Response> {
  const retries = options.retries ?? 2;
  const headers: Record<string, string> = {};
  if (cached?.etag) headers['If-None-Match'] = cached.etag;
  if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    let response: Response | undefined;
    try {
      response = await fetchOnce(url, options, headers);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (last) throw networkError(error);
    }
    if (response) {
      if (response.ok || response.status === 304) return response;
      // 4xx will not get better by asking again; 5xx might.
      if (response.status < 500 || last) throw new FeedError('network', `HTTP ${response.status}`);
    }
    await sleep(BACKOFF_MS[attempt] ?? BACKOFF_MS.at(-1)!, options.signal);
  }
}

async function fetchOnce(url: string, options: LoadOptions, headers: Record<string, string>): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeout ?? 10_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  // Credentials stay home: a feed is public data, and a patron's cookies are not the feed's business.
  // `no-store`: we keep our own copy and revalidate it ourselves, so the 304 must reach us.
  return fetch(url, { headers, signal, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
}

function networkError(error: unknown): FeedError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new FeedError('network', 'timed out');
  }
  return new FeedError('network', error instanceof Error ? error.message : String(error));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function adapterContext(options: LoadOptions): AdapterContext {
  return {
    mapping: options.mapping,
    async fetchJson(url: string): Promise<unknown> {
      const response = await fetchWithRetry(url, options);
      return response.json();
    },
  };
}
