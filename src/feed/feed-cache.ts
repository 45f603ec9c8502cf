import type { LoadedFeed } from './types.js';

/** A kept copy of a feed, with what is needed to ask the server whether it changed. */
export interface CachedFeed {
  loaded: LoadedFeed;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

const PREFIX = 'civic-widgets:feed:v1:';
/** One copy may take this many characters of storage; a larger feed is not kept. */
const MAX_ENTRY = 1_000_000;
/** All copies together; the oldest go first. */
const MAX_TOTAL = 2_500_000;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled by the browser or a sandboxed iframe
  }
}

function keyOf(url: string, format: string): string {
  return `${PREFIX}${format}:${url}`;
}

export function readCachedFeed(url: string, format: string): CachedFeed | undefined {
  try {
    const text = storage()?.getItem(keyOf(url, format));
    if (!text) return undefined;
    const value = JSON.parse(text) as CachedFeed;
    return value && typeof value.fetchedAt === 'number' && value.loaded?.feed ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedFeed(url: string, format: string, value: CachedFeed): void {
  const store = storage();
  if (!store) return;
  const key = keyOf(url, format);
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return; // nothing worth keeping can fail to serialize; keep no copy rather than fail the load
  }
  if (text.length > MAX_ENTRY) {
    store.removeItem(key);
    return;
  }
  const others = entries(store).filter((e) => e.key !== key);
  let total = others.reduce((sum, e) => sum + e.size, 0) + text.length;
  for (const old of others.sort((a, b) => a.fetchedAt - b.fetchedAt)) {
    if (total <= MAX_TOTAL) break;
    store.removeItem(old.key);
    total -= old.size;
  }
  try {
    store.setItem(key, text);
  } catch {
    // Quota exceeded: the page's own data matters more than our copy.
  }
}

const WINDOWED_PREFIX = 'civic-widgets:windowed:v1:';

/** Removes every copy this library kept, and what it remembered about windowed feeds. */
export function clearCachedFeeds(): void {
  const store = storage();
  if (!store) return;
  for (const e of entries(store)) store.removeItem(e.key);
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (key?.startsWith(WINDOWED_PREFIX)) store.removeItem(key);
  }
}

function entries(store: Storage): { key: string; size: number; fetchedAt: number }[] {
  const found = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const text = store.getItem(key) ?? '';
    const fetchedAt = Number(/"fetchedAt":(\d+)/.exec(text)?.[1] ?? 0);
    found.push({ key, size: text.length, fetchedAt });
  }
  return found;
}

/**
 * Remembers that the feed at `url` declared `windowed: true`, apart from its copy: a whole feed
 * too large to keep is exactly the one whose next visit should ask for one period at a time.
 */
export function rememberWindowed(url: string, windowed: boolean): void {
  try {
    if (windowed) storage()?.setItem(WINDOWED_PREFIX + url, '1');
    else storage()?.removeItem(WINDOWED_PREFIX + url);
  } catch {
    // Quota or disabled storage: the next visit downloads the whole feed once more.
  }
}

/** True when the feed at `url` said it can be windowed on an earlier visit. */
export function rememberedWindowed(url: string): boolean {
  try {
    return storage()?.getItem(WINDOWED_PREFIX + url) === '1';
  } catch {
    return false;
  }
}
