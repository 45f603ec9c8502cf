import { type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed, LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { devWarn } from '../shared/dev.js';
import { LazyPart } from '../shared/lazy-part.js';
import { urlStatePrefix } from '../shared/url-state.js';
import { isView, parseDay, emptyFilters, type CalendarView, type Filters } from './calendar-state.js';
import type { CalendarChange, CalendarHost } from './calendar-host.js';
import type { CalendarViews } from './calendar-views.js';
import type { Selection } from './event-dialog.js';
import { readCalendarState, type EventLink } from './calendar-url.js';
import type { FeedWindows } from './feed-windows.js';
import { rememberedWindowed, rememberWindowed } from '../feed/windowed-memory.js';
import type { FeedState } from '../shared/feed-context.js';
import type { RequestOptions } from '../shared/feed-controller.js';

/**
 * The library's events in a month grid, a week with times, or a list by day: with filters,
 * search, recurring series, time zones, details in a dialog, add-to-calendar, sharing and
 * registration, and Subscribe when the feed names its iCalendar address.
 *
 * @summary Month, week and list views of a feed's events, with filters and details.
 * @event civic-event-select - A visitor opened an occurrence. `detail: { event, occurrence }` (its start). Cancel it to show your own details instead. The calendar also opens occurrences that other elements select.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart base - The calendar's wrapper.
 * @csspart toolbar - Previous, today and next, the title and the view switcher.
 * @csspart nav-button - The previous, today and next buttons.
 * @csspart heading - The period's title.
 * @csspart view-switcher - The month, week and list buttons.
 * @csspart subscribe - The Subscribe button and its panel, shown when the feed names an iCalendar address (`subscribe`).
 * @csspart subscribe-button - The button that shows and hides the Subscribe panel.
 * @csspart subscribe-panel - The panel of ways to subscribe.
 * @csspart subscribe-link - A way to subscribe: Apple Calendar and other apps (webcal:), Google Calendar, Outlook.com, Microsoft 365, the .ics address.
 * @csspart zone-note - The note naming the time zone, when it is not the visitor's.
 * @csspart filters - The search and filters.
 * @csspart search - The search field.
 * @csspart filter-panel - The collapsible panel of filters.
 * @csspart count - The number of events shown (a polite live region).
 * @csspart empty - The message shown when no event is in the period or matches.
 * @csspart month - The month grid.
 * @csspart weekday - A weekday's column header.
 * @csspart day - A day of the month grid (also `today`, `outside` for days of other months).
 * @csspart week - The week view.
 * @csspart week-day - A day of the week view (also `today`).
 * @csspart list - The list view.
 * @csspart list-date - A day's heading in the list.
 * @csspart list-item - An occurrence in the list.
 * @csspart event - An occurrence's button, in any view.
 * @csspart status - The words "Cancelled", "Postponed" or "Rescheduled".
 * @csspart more - The "+N more" button that opens a day.
 * @csspart dialog - The details dialog.
 * @csspart description - The event's description in the dialog.
 * @csspart dialog-actions - The dialog's actions.
 * @csspart action - A link or button among the dialog's actions (also `register`, `share`).
 * @csspart share-status - The words that say the event's link was copied (a polite live region).
 * @csspart share-link - The event's link, selected for copying, when the browser refused to copy it.
 * @csspart rsvp-form - The registration form opened from the dialog.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @cssprop --civic-color-accent - Links, focus rings, today, the event bars (default: the page's link colour).
 * @cssprop --civic-color-border - Grid lines (default: the text colour, faded).
 * @cssprop --civic-color-surface - The dialog's and the cells' background (default: the page's).
 * @cssprop --civic-color-muted - Days of other months, secondary text.
 * @cssprop --civic-color-error - Cancelled events' mark.
 * @cssprop --civic-radius - Corners.
 * @cssprop --civic-space - Spacing unit.
 * @cssprop --civic-focus-ring - The focus outline.
 * @cssprop --civic-font-family - Font (default: inherited from the page).
 */
export class CivicEventCalendar extends CivicElement implements CalendarHost {

  /** `month`, `week` or `list`. Default: month, or list when the calendar is narrower than about 40rem. */
  @property({ reflect: true }) view?: CalendarView;

  /** A day in the period to show, `YYYY-MM-DD`. Default: today. */
  @property({ reflect: true }) date?: string;

  /** Zone to show times in: an IANA name, or `viewer` for the visitor's own. Default: the feed's zone. */
  @property({ reflect: true }) timezone?: string;

  /** Topics to filter by from the start, e.g. `topics="housing,environment"`. */
  @property({ converter: listConverter }) topics: string[] = [];

  /** Keep view, period, filters and the open event in the page's URL so a link shares them; the value prefixes the parameters (default `calendar`). */
  @property({ attribute: 'url-state' }) urlState?: string;

  /**
   * Ask `src` for one month at a time (`?from=…&to=…`), for a server that can (`civic-widgets serve`).
   * Without it, a feed that says `"windowed": true` is read whole once, then by the month on later visits.
   */
  @property({ type: Boolean, reflect: true }) windowed = false;

  /** Leave out the schema.org Event JSON-LD the calendar adds to the page for search engines. */
  @property({ type: Boolean, attribute: 'no-seo' }) noSeo = false;

  /** @internal The day whose period is shown; undefined for today. */
  @state() anchor?: number;
  /** @internal A view the visitor picked, over the `view` attribute. */
  @state() chosenView?: CalendarView;
  /** @internal The search and filters in force. */
  @state() filters: Filters = emptyFilters();
  /** @internal Narrower than about 40rem (set by a ResizeObserver). */
  @state() narrow = false;
  /** @internal A zone the visitor switched to with the zone note's button. */
  @state() zoneOverride?: string;
  /** @internal What the dialog shows. */
  @state() selection?: Selection;
  /** @internal The month grid's focusable day. */
  @state() focusDay?: number;
  /** @internal Rendering the list for a print. */
  @state() printing = false;

  /** The grid, week and list, their controls and input: loaded beside the feed (calendar-views.ts). */
  protected override readonly views = new LazyPart(this, 'views', () => import('./calendar-views.js'));
  /** @internal The details dialog's content, the add-to-calendar writer and Subscribe's panel, loaded in idle time or when first wanted. */
  readonly dialogPart = new LazyPart(this, 'dialog', () => import('./event-dialog.js'));
  /** @internal The week view, loaded when the week is first shown. */
  readonly weekPart = new LazyPart(this, 'week view', () => {
    // Fetched at once, adopted after the views: the week's sheet overrides theirs.
    const week = import('./week-view.js');
    return this.views.load().then(() => week);
  });
  /** @internal The months of a windowed feed: feed-windows.ts, loaded only for a windowed calendar. */
  readonly windowsPart = new LazyPart(this, 'windowed feed', () => import('./feed-windows.js'));
  private windowsOf?: FeedWindows;
  /** True when `src` is read a month at a time. */
  private windowing = false;
  /** How `src` is read, for the windows. */
  private windowOptions?: RequestOptions;
  /** The whole feed last checked for `windowed: true`. */
  private noted?: LoadedFeed;
  private viewsOf?: CalendarViews;
  private urlRead = false;
  /** An event the page's URL asks to open (a shared link), until the feed is here to open it. */
  private linkedEvent?: EventLink;
  private seoTimer?: ReturnType<typeof setTimeout>;
  /** The JSON-LD writer (seo.ts), loaded after the first events are drawn. */
  private seo?: typeof import('./seo.js');

  /** @internal The frame last drawn: what the views showed (the benchmark checks it). */
  get frame(): CalendarViews['frame'] {
    return this.viewsOf?.frame;
  }

  /** The views at work for this calendar, once their code is here. */
  private get shown(): CalendarViews | undefined {
    const module = this.views.module;
    if (module && !this.viewsOf) this.viewsOf = new module.CalendarViews(this);
    return this.viewsOf;
  }

  /** @internal The prefix of the URL parameters, when `url-state` is set. */
  get urlPrefix(): string | undefined {
    return urlStatePrefix(this.urlState, 'calendar');
  }

  /** @internal The view on screen. */
  get currentView(): CalendarView {
    if (this.chosenView) return this.chosenView;
    if (isView(this.view)) return this.view;
    return this.narrow ? 'list' : 'month';
  }

  /** @internal The week is on screen (a print shows the list instead): its code must be loaded. */
  get showsWeek(): boolean {
    return this.currentView === 'week' && !this.printing;
  }

  /** @internal The feed's data, when it is ready. */
  get loadedFeed(): Feed | undefined {
    const state = this.feedState;
    return state.status === 'ready' ? state.loaded.feed : undefined;
  }

  /** @internal The months of a windowed feed, when this calendar reads one and their code is here. */
  get feedWindows(): FeedWindows | undefined {
    return this.windowing && !this.feed ? this.windows : undefined;
  }

  /** The windows, once their code is here. */
  private get windows(): FeedWindows | undefined {
    const module = this.windowsPart.module;
    if (module && !this.windowsOf) this.windowsOf = new module.FeedWindows(this);
    return this.windowsOf;
  }

  protected override get feedState(): FeedState {
    if (!this.windowing || this.feed) return super.feedState;
    if (this.windowsPart.error) {
      return { status: 'error', error: { kind: 'network', src: this.src, message: this.i18n.t('errorCode', { detail: String(this.windowsPart.error) }) } };
    }
    return this.windows?.state ?? { status: 'loading' };
  }

  protected override requestSource(): void {
    const options = this.sourceOptions();
    const url = this.src ? new URL(this.src, document.baseURI).href : undefined;
    this.windowing = !!url && (this.windowed || (options.cache && rememberedWindowed(url)));
    if (this.windowed && !url && !this.feed) devWarn('calendar-windowed', '<civic-event-calendar windowed> needs a src of its own: inside <civic-feed> it shows the whole feed.', 'loading');
    this.windowOptions = options;
    if (!this.windowing) {
      this.windowsOf?.configure(undefined, options);
      super.requestSource();
      return;
    }
    this.loader.request(undefined, options);
    void this.windowsPart.load();
  }

  /** Asks the windows for the month on screen. */
  private showWindow(): void {
    const windows = this.windows;
    if (!windows || !this.windowOptions) return;
    windows.configure(this.src, this.windowOptions);
    windows.show(this.anchor, this.zoneOverride ?? this.timezone);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('windowed') && !changed.has('src')) this.requestSource();
    if (changed.has('date')) {
      this.anchor = parseDay(this.date);
      if (this.date && this.anchor === undefined) devWarn('calendar-date', `<civic-event-calendar> date="${this.date}" is not a YYYY-MM-DD day.`);
    }
    if (changed.has('view')) {
      if (this.hasUpdated) this.chosenView = undefined;
      if (this.view && !isView(this.view)) devWarn('calendar-view', `<civic-event-calendar> view="${this.view}" is not month, week or list.`);
    }
    if (changed.has('topics')) this.filters = { ...this.filters, topics: [...this.topics] };
    if (!this.urlRead) {
      this.urlRead = true;
      // A shared link opens its event on any calendar; view, period and filters only with `url-state`.
      const fromUrl = readCalendarState(this.urlPrefix ?? 'calendar');
      this.linkedEvent = fromUrl.event;
      if (this.urlPrefix) {
        if (fromUrl.view) this.chosenView = fromUrl.view;
        if (fromUrl.date) this.anchor = parseDay(fromUrl.date);
        if (fromUrl.filters) this.filters = fromUrl.filters;
      }
    }
    if (changed.has('selection') && this.selection) {
      // The dialog opens once its code is here (calendar-input.ts); when it cannot come, nothing is open.
      void this.dialogPart.load().then((part) => {
        if (!part) this.selection = undefined;
      });
    }
    if (this.windowing) this.showWindow();
    else this.rememberWholeFeed();
    if (this.showsWeek) void this.weekPart.load();
    const feed = this.shownFeed?.feed;
    const shown = feed && this.shown;
    if (shown) {
      // The linked event is handed over once, with the first feed shown.
      shown.request(feed, this.linkedEvent);
      this.linkedEvent = undefined;
    }
  }

  /** A whole feed that says it can be windowed is read a month at a time on the next visit. */
  private rememberWholeFeed(): void {
    const state = this.loader.state;
    if (this.feed || !this.src || this.noCache || state.status !== 'ready' || state.loaded === this.noted) return;
    this.noted = state.loaded;
    if (state.loaded.src && !state.loaded.stale) rememberWindowed(state.loaded.src, state.loaded.feed.windowed === true);
  }

  protected override updated(): void {
    super.updated();
    const frame = this.viewsOf?.afterRender();
    if (!frame) return;
    this.scheduleSeo(frame);
    // Once the events are drawn, the dialog's code comes in idle time, so a first click opens it at once.
    if (!frame.pending) this.dialogPart.loadWhenIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.seoTimer);
  }

  /**
   * Search engines read the page after it settles, so the JSON-LD waits for the frame to be drawn,
   * and its writer is loaded only then. Without the writer loaded, no JSON-LD was ever written.
   */
  private scheduleSeo(frame: NonNullable<CalendarViews['frame']>): void {
    clearTimeout(this.seoTimer);
    if (this.noSeo) {
      this.seo?.writeJsonLd(this, undefined);
      return;
    }
    if (frame.pending) return;
    const shown = frame.placed.filter((p) => p.last >= frame.rangeStart && p.first < frame.rangeEnd).map((p) => p.occurrence);
    const timer = (this.seoTimer = setTimeout(() => {
      void import('./seo.js').then((seo) => {
        this.seo = seo;
        // A later frame, `no-seo` or a disconnection while the writer loaded cleared or replaced the timer.
        if (this.seoTimer === timer && !this.noSeo && this.isConnected) seo.writeJsonLd(this, shown, this.i18n.t('untitledEvent'));
      }, () => undefined);
    }, 50));
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    // renderFeed runs once the views are here (see CivicElement).
    return this.shown!.render(feed);
  }

  /** @internal The one place the visitor's changes are written (calendar-input.ts works them out). */
  apply(change: CalendarChange): void {
    Object.assign(this, change);
  }

  /** @internal Prints show the list. It renders at once: a print started by script lays out before any await. */
  renderForPrint(on: boolean): void {
    this.printing = on;
    this.performUpdate();
  }
}



