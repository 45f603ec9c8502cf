import type { LoadedFeed } from './types.js';

/** A kept copy of a feed, with what is needed to ask the server whether it changed. */
export interface CachedFeed {
  loaded: LoadedFeed;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

/** Every key this library keeps starts so: `clearCachedFeeds` and the total size count them all. */
export const PREFIX = 'civic-widgets:feed:v1:';
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

/** Removes every copy this library kept. */
export function clearCachedFeeds(): void {
  const store = storage();
  if (!store) return;
  for (const e of entries(store)) store.removeItem(e.key);
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
