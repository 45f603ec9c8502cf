import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type CivicErrorDetail } from './events.js';
import { formatMessage } from './localize.js';
import type { FeedFormat } from '../feed/adapter.js';
import type { FeedState } from './feed-context.js';
import { feedReader, loadedReader } from '../feed/feed-reader.js';
import { FeedError, loadFeed } from '../feed/load-feed.js';
import type { Feed, LoadedFeed } from '../feed/types.js';

export interface RequestOptions {
  format: FeedFormat;
  cache: boolean;
  /** A field mapping for `format="mapping"`: parsed JSON, or a URL to fetch it from. */
  mapping?: unknown;
}

/**
 * Feed objects normalized once for every element on the page that is handed the same object (and
 * so share one event index and its kept windows), per base address their links resolve against.
 */
const normalizedObjects = new WeakMap<Feed, { base: string; loaded: LoadedFeed }>();

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
    const base = document.baseURI;
    let known = normalizedObjects.get(feed);
    if (known?.base !== base) {
      const { feed: normalized, skipped } = reader.normalizeFeed(feed, [], { base });
      known = { base, loaded: { feed: normalized, skipped, stale: false, fetchedAt: Date.now() } };
      normalizedObjects.set(feed, known);
    }
    const loaded = known.loaded;
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
      const error = loaded.stale && loaded.error ? await this.explain(loaded.error, src) : undefined;
      if (abort.signal.aborted) return;
      this.set(error ? { status: 'ready', loaded, error } : { status: 'ready', loaded });
      this.warn(loaded);
    } catch (cause) {
      if (abort.signal.aborted) return;
      const error = await this.explain(cause, src);
      if (abort.signal.aborted) return;
      this.set({ status: 'error', error });
      emit(this.host, 'civic-error', error);
    }
  }

  private describe(cause: unknown, src: string): CivicErrorDetail {
    const language = this.host.language;
    const detail = cause instanceof Error ? cause.message : String(cause);
    const kind = cause instanceof FeedError ? cause.kind : 'format';
    return { kind, src, message: formatError(language, kind, detail) };
  }

  /** `describe`, and for a feed on another site that could not be read, words of their own (loaded then). */
  private async explain(cause: unknown, src: string): Promise<CivicErrorDetail> {
    if (!(cause instanceof FeedError && cause.crossOrigin)) return this.describe(cause, src);
    const help = await import('./cross-origin-error.js').catch(() => undefined);
    if (!help) return this.describe(cause, src);
    return help.describeCrossOrigin(this.host.localName, this.host.language, src, cause.message);
  }

  private warn(loaded: LoadedFeed): void {
    if (!loaded.skipped.length) return;
    const where = loaded.src ?? 'the feed object';
    // Entries marked `kept` are shown after all (a made-up id, a repaired date): warnings, not losses.
    const left = loaded.skipped.filter((s) => !s.kept).length;
    const kept = loaded.skipped.length - left;
    console.warn(
      `[civic-widgets] ${left} item(s) skipped${kept ? `, ${kept} repaired` : ''} in ${where}:\n` +
        loaded.skipped
          .map((s) => `  ${s.list}[${s.index}]${s.id ? ` (${s.id})` : ''}: ${s.kept ? '(shown) ' : ''}${s.reason}`)
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
