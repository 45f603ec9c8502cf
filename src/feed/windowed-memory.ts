/**
 * What the calendar remembers about a feed's address: that its document said `windowed: true`.
 * Kept apart from the copy (feed-cache.ts), because a whole feed too large to keep is exactly the
 * one whose next visit should ask for one period at a time; under the same prefix, so that
 * clearing the copies clears it too. Its own module: only the calendar loads it.
 */
import { PREFIX } from './feed-cache.js';

const key = (url: string) => `${PREFIX}windowed:${url}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled by the browser or a sandboxed iframe
  }
}

/** Remembers whether the feed at `url` can be windowed. */
export function rememberWindowed(url: string, windowed: boolean): void {
  try {
    if (windowed) storage()?.setItem(key(url), '1');
    else storage()?.removeItem(key(url));
  } catch {
    // Quota: the next visit reads the whole feed once more.
  }
}

/** True when the feed at `url` said it can be windowed on an earlier visit. */
export function rememberedWindowed(url: string): boolean {
  try {
    return storage()?.getItem(key(url)) === '1';
  } catch {
    return false;
  }
}
