import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { README } from './dev.js';
import { emit, type CivicErrorDetail } from './events.js';
import { formatMessage } from './localize.js';
import type { FeedFormat } from '../feed/adapter.js';
import type { FeedState } from './feed-context.js';
import { feedReader, loadedReader } from '../feed/feed-reader.js';
import { FeedError, loadFeed } from '../feed/load-feed.js';
import type { Feed, LoadedFeed } from '../feed/types.js';

interface RequestOptions {
  format: FeedFormat;
  cache: boolean;
  /** A field mapping for `format="mapping"`: parsed JSON, or a URL to fetch it from. */
  mapping?: unknown;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly language: string };

/**
 * Loads one feed for one element (or for `<civic-feed>`), and keeps its state: loading, ready
 * (maybe stale), or error. Aborts when the element leaves the page and loads again when it returns.
 * It fires `civic-error` and `civic-feed-warning` from the host.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  private src?: string;
  private options: RequestOptions = { format: 'auto', cache: true };
  private abort?: AbortController;
  private objectCache = new WeakMap<Feed, FeedState>();
  /** The source whose cross-origin failure was last explained in the console: once is enough. */
  private explained?: string;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Asks for `src` in `options`; does nothing when that is what is already loaded or loading. */
  request(src: string | undefined, options: RequestOptions): void {
    const same =
      src === this.src &&
      options.format === this.options.format &&
      options.cache === this.options.cache &&
      JSON.stringify(options.mapping) === JSON.stringify(this.options.mapping);
    if (same && this.state.status !== 'idle') return;
    this.src = src;
    this.options = options;
    if (this.host.isConnected) void this.load();
  }

  /** Loads again, e.g. after a visitor pressed "Try again". */
  reload(): Promise<void> {
    return this.load();
  }

  /**
   * The state of a feed given as a JavaScript object, normalized once per object: loading while
   * the reader loads (the first time only), then ready.
   */
  fromObject(feed: Feed): FeedState {
    let state = this.objectCache.get(feed);
    if (state) return state;
    const reader = loadedReader();
    if (!reader) {
      feedReader().then(
        () => this.host.requestUpdate(),
        (cause: unknown) => {
          const error = this.describe(new FeedError('network', cause instanceof Error ? cause.message : String(cause)), 'the feed object');
          this.objectCache.set(feed, { status: 'error', error });
          emit(this.host, 'civic-error', error);
          this.host.requestUpdate();
        },
      );
      return { status: 'loading' };
    }
    // Relative links in an object (an RSVP endpoint of '/api/rsvp') resolve against the page.
    const { feed: normalized, skipped } = reader.normalizeFeed(feed, [], { base: document.baseURI });
    const loaded: LoadedFeed = { feed: normalized, skipped, stale: false, fetchedAt: Date.now() };
    state = { status: 'ready', loaded };
    this.objectCache.set(feed, state);
    this.warn(loaded);
    return state;
  }

  hostConnected(): void {
    if (this.src && this.state.status !== 'ready') void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    if (this.state.status === 'loading') this.state = { status: 'idle' };
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const src = this.src;
    if (!src) {
      this.set({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.set({ status: 'loading' });
    try {
      const loaded = await loadFeed(src, {
        format: this.options.format,
        cache: this.options.cache,
        mapping: this.options.mapping,
        signal: abort.signal,
        base: document.baseURI,
        origin: location.origin,
      });
      if (abort.signal.aborted) return;
      const error = loaded.stale && loaded.error ? this.describe(loaded.error, src) : undefined;
      this.set(error ? { status: 'ready', loaded, error } : { status: 'ready', loaded });
      this.warn(loaded);
    } catch (cause) {
      if (abort.signal.aborted) return;
      const error = this.describe(cause, src);
      this.set({ status: 'error', error });
      emit(this.host, 'civic-error', error);
    }
  }

  private describe(cause: unknown, src: string): CivicErrorDetail {
    const language = this.host.language;
    const detail = cause instanceof Error ? cause.message : String(cause);
    const kind = cause instanceof FeedError ? cause.kind : 'format';
    if (cause instanceof FeedError && cause.crossOrigin) {
      const url = new URL(src, document.baseURI);
      this.explainCrossOrigin(url, detail);
      return { kind, src, crossOrigin: true, message: formatMessage(language, 'errorCrossOrigin', { site: url.host }) };
    }
    return { kind, src, message: formatError(language, kind, detail) };
  }

  /**
   * The page cannot tell a refused cross-origin read from a site that is down, so the console names
   * the likely cause and the fix, in development and production alike: the webmaster reads it there.
   */
  private explainCrossOrigin(url: URL, detail: string): void {
    if (this.explained === url.href) return;
    this.explained = url.href;
    console.warn(
      `[civic-widgets] <${this.host.localName}> could not read ${url.href} (${detail}). ` +
        `Likely cause: ${url.origin} does not allow pages on other sites to read it ` +
        `(its answer carries no Access-Control-Allow-Origin header for ${location.origin}); it may also be offline. ` +
        'Fix: publish a copy next to the widgets with `npx civic-widgets feed build`, ' +
        'or serve the live feed from your own site with `npx civic-widgets serve`. ' +
        `See docs/sources.md, and ${README}feeds-on-other-sites`,
    );
  }

  private warn(loaded: LoadedFeed): void {
    if (!loaded.skipped.length) return;
    const where = loaded.src ?? 'the feed object';
    console.warn(
      `[civic-widgets] ${loaded.skipped.length} item(s) skipped in ${where}:\n` +
        loaded.skipped
          .map((s) => `  ${s.list}[${s.index}]${s.id ? ` (${s.id})` : ''}: ${s.reason}`)
          .join('\n'),
    );
    emit(this.host, 'civic-feed-warning', { skipped: loaded.skipped, src: loaded.src });
  }

  private set(state: FeedState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

function formatError(language: string, kind: CivicErrorDetail['kind'], detail: string): string {
  if (kind === 'network') return formatMessage(language, 'errorNetwork', { detail });
  if (kind === 'config') return formatMessage(language, 'errorNoSource');
  return formatMessage(language, 'errorFormat', { detail });
}
