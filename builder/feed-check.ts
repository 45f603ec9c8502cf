/**
 * The builder's feed check: reads the feed as a widget on this page would (the same loader, no
 * saved copy), and says what it read per list, what it skipped and why, and, when the browser
 * refused to read a feed on another site, that this page may not read it.
 */
import type { FeedFormat, FeedList } from '../src/feed/adapter.js';
import { FeedError, loadFeed } from '../src/feed/load-feed.js';
import type { Feed, SkippedItem } from '../src/feed/types.js';

export { describeSkipped } from '../src/feed/describe-skipped.js';

export const FEED_LISTS: readonly FeedList[] = ['events', 'groups', 'resources', 'places'];

export type FeedCheck =
  | { status: 'read'; src: string; feed: Feed; counts: Record<FeedList, number>; skipped: SkippedItem[]; repaired: SkippedItem[] }
  /** The browser refused: the feed's site sends no Access-Control-Allow-Origin for this page (or is down). */
  | { status: 'refused'; src: string; site: string; detail: string }
  | { status: 'failed'; src: string; detail: string };

/** How the widget is told to read the feed: its `format`, and for `mapping` the field mapping (src/shared/mapping-option.ts). */
export interface ReadAs {
  format: FeedFormat;
  mapping?: unknown;
}

export async function checkFeed(src: string, { format, mapping }: ReadAs, signal: AbortSignal): Promise<FeedCheck> {
  const url = new URL(src, document.baseURI).href;
  try {
    const loaded = await loadFeed(url, { format, mapping, cache: false, signal, base: document.baseURI, origin: location.origin });
    const counts = Object.fromEntries(FEED_LISTS.map((list) => [list, loaded.feed[list].length])) as Record<FeedList, number>;
    return {
      status: 'read',
      src: url,
      feed: loaded.feed,
      counts,
      // Entries marked `kept` were repaired and shown: told apart from items left out.
      skipped: loaded.skipped.filter((item) => !item.kept),
      repaired: loaded.skipped.filter((item) => item.kept),
    };
  } catch (error) {
    if (signal.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof FeedError && error.crossOrigin) return { status: 'refused', src: url, site: new URL(url).host, detail };
    return { status: 'failed', src: url, detail };
  }
}

