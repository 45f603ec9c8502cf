/**
 * A windowed feed, one period at a time: the calendar asks its `src` with `?from=…&to=…` for the
 * month it shows (with a week's margin each side), keeps the windows it has so going back costs
 * nothing, and drops a window still loading when the visitor has moved on. Each window is one
 * `FeedController`: the same retries, `localStorage` copy, ETag revalidation, errors and warnings
 * as a whole feed. Only a windowed calendar loads this module.
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import { rememberWindowed } from '../feed/windowed-memory.js';
import type { FeedState } from '../shared/feed-context.js';
import { FeedController, type RequestOptions } from '../shared/feed-controller.js';
import { displayZone } from '../feed/display-zone.js';
import { DAY_MS } from './calendar-state.js';
import { todayIn } from '../feed/zoned-time.js';

/** Instants as RFC 3339 (UTC) for the server's `from` and `to`. */
export interface FeedWindow {
  from: string;
  to: string;
}

/** Windows kept in memory, the least recently shown dropped first. */
const KEPT = 12;
/**
 * Days added on each side of the month: a month grid shows up to six days of the months beside
 * it, and a zone is at most 14 hours from UTC, so a month's grid and any week of it fit inside.
 */
const MARGIN_DAYS = 7;

/** No styles: a LazyPart of the calendar with no view of its own. */
export const partStyles: readonly CSSResult[] = [];

type Host = ReactiveControllerHost & HTMLElement & { readonly language: string };
type Ready = Extract<FeedState, { status: 'ready' }>;

/** The window that holds every view of the month of `anchor` (a day, as in period.ts). */
export function monthWindow(anchor: number): FeedWindow {
  const d = new Date(anchor * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { from: at(first - MARGIN_DAYS * DAY_MS), to: at(next + MARGIN_DAYS * DAY_MS) };
}

export class FeedWindows {
  private readonly windows = new Map<string, FeedController>();
  private config = '';
  private src?: string;
  private options: RequestOptions = { format: 'auto', cache: true };
  private wanted?: string;
  /** The last window that was ready: shown, marked pending, while the next one loads. */
  private lastReady?: Ready;
  /** Set when the server answered a window with the whole feed: it ignores `from`/`to`. */
  private whole?: Ready;

  constructor(private readonly host: Host) {}

  /** The feed's address and options; a change forgets every window. */
  configure(src: string | undefined, options: RequestOptions): void {
    const config = JSON.stringify([src, options.format, options.cache, options.mapping]);
    if (config === this.config) return;
    this.config = config;
    this.src = src;
    this.options = options;
    for (const loader of this.windows.values()) this.drop(loader);
    this.windows.clear();
    this.wanted = this.lastReady = this.whole = undefined;
  }

  /**
   * Asks for the month of `anchor` (a day; today when undefined, in `zone`: an IANA name, `viewer`,
   * or the feed's when undefined); a window already held is not fetched again.
   */
  show(anchor: number | undefined, zone: string | undefined): void {
    if (!this.src || this.whole) return;
    const window = monthWindow(anchor ?? todayIn(displayZone({ asked: zone, feed: this.lastReady?.loaded.feed.timezone })));
    const url = new URL(this.src, document.baseURI);
    url.searchParams.set('from', window.from);
    url.searchParams.set('to', window.to);
    const key = url.href;
    if (key === this.wanted) return;
    // A window that has not arrived is no longer needed; one that failed is asked again next time.
    const left = this.wanted ? this.windows.get(this.wanted) : undefined;
    if (left && left.state.status !== 'ready') this.forget(this.wanted!);
    this.wanted = key;
    let loader = this.windows.get(key);
    if (loader) {
      this.windows.delete(key); // kept in the order shown
    } else {
      loader = new FeedController(this.host);
      loader.request(key, this.options);
    }
    this.windows.set(key, loader);
    for (const old of this.windows.keys()) {
      if (this.windows.size <= KEPT) break;
      this.forget(old);
    }
  }

  /** Where the window on screen stands; while it loads or fails, the last window that came stays up. */
  get state(): FeedState {
    if (this.whole) return this.whole;
    const state: FeedState = (this.wanted && this.windows.get(this.wanted)?.state) || { status: 'idle' };
    if (state.status === 'ready') {
      if (state !== this.lastReady) this.arrived(state);
      return this.whole ?? state;
    }
    if (!this.lastReady) return state;
    return state.status === 'error' ? { ...this.lastReady, error: state.error } : this.lastReady;
  }

  /** True while the window on screen has not arrived (its period must not show the last one's events). */
  get pending(): boolean {
    return !this.whole && this.wantedState?.status !== 'ready';
  }

  /** The window on screen failed and no copy of it is kept. */
  get failed(): boolean {
    return !this.whole && this.wantedState?.status === 'error';
  }

  private get wantedState(): FeedState | undefined {
    return this.wanted ? this.windows.get(this.wanted)?.state : undefined;
  }

  private arrived(state: Ready): void {
    this.lastReady = state;
    const windowed = state.loaded.feed.windowed === true;
    // A server that ignores from/to sent the whole feed: keep it for every period, ask no more.
    if (!windowed) this.whole = state;
    if (this.options.cache && this.src && !state.loaded.stale) rememberWindowed(new URL(this.src, document.baseURI).href, windowed);
  }

  private forget(key: string): void {
    const loader = this.windows.get(key);
    if (loader) this.drop(loader);
    this.windows.delete(key);
  }

  private drop(loader: FeedController): void {
    // Asking for nothing aborts a load in flight.
    loader.request(undefined, this.options);
    this.host.removeController(loader);
  }
}
