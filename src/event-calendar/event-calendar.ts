import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isTimeZone } from '../feed/feed-date.js';
import type { Occurrence } from '../feed/occurrences.js';
import type { Feed, LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { devWarn } from '../shared/dev.js';
import { emit, type CivicEventSelectDetail } from '../shared/events.js';
import { formatMessage, hasCatalogue } from '../shared/localize.js';
import { renderFilters, renderToolbar, type ToolbarOptions } from './calendar-controls.js';
import { CalendarInput, ownSelections } from './calendar-input.js';
import type { Selection } from './event-dialog.js';
import { styles } from './event-calendar.styles.js';
import { FACETS, emptyFilters, facetValues, hasFilters, matcher, type FacetKey, type Filters } from './filters.js';
import { periodTitle, viewerZone } from './formatters.js';
import { textDirection, type Translate } from './labels.js';
import { LazyPart } from '../shared/lazy-part.js';
import { byDay, type Placed } from './layout.js';
import { renderList } from './list-view.js';
import { renderMonth } from './month-view.js';
import { OccurrenceController } from './occurrence-controller.js';
import { dayStartIn, dayText, firstDayOfWeek, isView, parseDay, periodOf, todayIn, type CalendarView, type Period } from './period.js';
import { zoneDiffers, zoneNote } from './zones.js';
import { readCalendarState, writeCalendarState } from './url-state.js';
import type { ViewContext } from './view-context.js';
import calendar from '../locales/en/calendar.js';

/** What one render shows, worked out once. */
interface Frame extends ViewContext {
  view: CalendarView;
  zone: string;
  dir: 'ltr' | 'rtl';
  /** The days the count and the list cover: the month, or the week. */
  rangeStart: number;
  rangeEnd: number;
  count: number;
}

/**
 * The library's events in a month grid, a week with times, or a list by day: with filters,
 * search, recurring series, time zones, details in a dialog, add-to-calendar and registration.
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
 * @csspart action - A link or button among the dialog's actions (also `register`).
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
export class CivicEventCalendar extends CivicElement {
  static override styles = [...CivicElement.styles, ...styles];
  protected static override messages = [calendar];

  /** `month`, `week` or `list`. Default: month, or list when the calendar is narrower than about 40rem. */
  @property({ reflect: true }) view?: CalendarView;

  /** A day in the period to show, `YYYY-MM-DD`. Default: today. */
  @property({ reflect: true }) date?: string;

  /** Zone to show times in: an IANA name, or `viewer` for the visitor's own. Default: the feed's zone. */
  @property({ reflect: true }) timezone?: string;

  /** Topics to filter by from the start, e.g. `topics="housing,environment"`. */
  @property({ converter: listConverter }) topics: string[] = [];

  /** Keep view, period and filters in the page's URL so a link shares them; the value prefixes the parameters (default `calendar`). */
  @property({ attribute: 'url-state' }) urlState?: string;

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

  /** @internal */
  readonly expansion = new OccurrenceController(this);
  /** Clicks, keys, the dialog, the document's selections: calendar-input.ts. */
  private readonly input = new CalendarInput(this);
  /** @internal The details dialog's content and the add-to-calendar writer, loaded when a dialog first opens. */
  readonly dialogPart = new LazyPart(this, 'dialog', () => import('./event-dialog.js'));
  /** @internal The week view, loaded when the week is first shown. */
  readonly weekPart = new LazyPart(this, 'week view', () => import('./week-view.js'));
  private urlRead = false;
  private facetCache?: { events: Feed['events']; values: Record<FacetKey, string[]> };
  private filterCache?: { placed: Placed[]; filters: Filters; result: Placed[] };
  private seoTimer?: ReturnType<typeof setTimeout>;
  /** The JSON-LD writer (seo.ts), loaded after the first events are drawn. */
  private seo?: typeof import('./seo.js');
  private messages?: { key: string; texts: Map<string, string> };
  /** @internal The last frame rendered, for the input handlers. */
  frame?: Frame;

  /** @internal The prefix of the URL parameters, when `url-state` is set. */
  get urlPrefix(): string | undefined {
    return this.urlState === undefined || this.urlState === null ? undefined : this.urlState.trim() || 'calendar';
  }

  /** @internal The view on screen. */
  get currentView(): CalendarView {
    if (this.chosenView) return this.chosenView;
    if (isView(this.view)) return this.view;
    return this.narrow ? 'list' : 'month';
  }

  /** The week is on screen (a print shows the list instead): its code must be loaded. */
  private get showsWeek(): boolean {
    return this.currentView === 'week' && !this.printing;
  }

  /** @internal The feed's data, when it is ready. */
  get loadedFeed(): Feed | undefined {
    const state = this.feedState;
    return state.status === 'ready' ? state.loaded.feed : undefined;
  }

  /** @internal The zone times are shown in. */
  zoneFor(feed: Feed | undefined): string {
    return this.zoneOverride ?? this.baseZone(feed);
  }

  /** @internal The zone the attributes and the feed ask for. */
  baseZone(feed: Feed | undefined): string {
    const asked = this.timezone?.trim();
    if (asked === 'viewer') return viewerZone();
    if (isTimeZone(asked)) return asked;
    if (asked) devWarn('calendar-timezone', `<civic-event-calendar> does not know the time zone "${asked}".`);
    return isTimeZone(feed?.timezone) ? feed.timezone : viewerZone();
  }

  /** @internal */
  period(zone: string): Period {
    const anchor = this.anchor ?? todayIn(zone);
    return periodOf(this.currentView, anchor, firstDayOfWeek(this.language));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('date')) {
      this.anchor = parseDay(this.date);
      if (this.date && this.anchor === undefined) devWarn('calendar-date', `<civic-event-calendar> date="${this.date}" is not a YYYY-MM-DD day.`);
    }
    if (changed.has('view')) {
      if (this.hasUpdated) this.chosenView = undefined;
      if (this.view && !isView(this.view)) devWarn('calendar-view', `<civic-event-calendar> view="${this.view}" is not month, week or list.`);
    }
    if (changed.has('topics')) this.filters = { ...this.filters, topics: [...this.topics] };
    if (this.urlPrefix && !this.urlRead) {
      this.urlRead = true;
      const fromUrl = readCalendarState(this.urlPrefix);
      if (fromUrl.view) this.chosenView = fromUrl.view;
      if (fromUrl.date) this.anchor = parseDay(fromUrl.date);
      if (fromUrl.filters) this.filters = fromUrl.filters;
    }
    if (changed.has('selection') && this.selection) {
      // The dialog opens once its code is here (calendar-input.ts); when it cannot come, nothing is open.
      void this.dialogPart.load().then((part) => {
        if (!part) this.selection = undefined;
      });
    }
    if (this.showsWeek) void this.weekPart.load();
    const feed = this.loadedFeed;
    if (feed) {
      const zone = this.zoneFor(feed);
      const period = this.period(zone);
      this.expansion.request({
        events: feed.events,
        from: dayStartIn(period.start, zone),
        to: dayStartIn(period.end, zone),
        timeZone: zone,
        feedTimeZone: feed.timezone,
      });
    }
  }

  protected override updated(): void {
    super.updated();
    this.input.afterRender();
    const frame = this.frame;
    if (!frame) return;
    if (this.urlPrefix) {
      writeCalendarState(
        this.urlPrefix,
        { view: this.currentView, date: this.anchor === undefined ? '' : dayText(this.anchor), filters: this.filters },
        this.topics.length > 0,
      );
    }
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
  private scheduleSeo(frame: Frame): void {
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
        if (this.seoTimer === timer && !this.noSeo && this.isConnected) seo.writeJsonLd(this, shown);
      }, () => undefined);
    }, 50));
  }

  /** The facet values of the feed, worked out once per feed. */
  private facetValuesOf(feed: Feed): Record<FacetKey, string[]> {
    if (this.facetCache?.events !== feed.events) {
      const values = {} as Record<FacetKey, string[]>;
      for (const facet of FACETS) values[facet] = facetValues(feed.events, facet);
      this.facetCache = { events: feed.events, values };
    }
    return this.facetCache.values;
  }

  private filtered(placed: Placed[]): Placed[] {
    const cache = this.filterCache;
    if (cache && cache.placed === placed && cache.filters === this.filters) return cache.result;
    const test = matcher(this.filters);
    const result = hasFilters(this.filters) ? placed.filter((p) => test(p.occurrence.event)) : placed;
    this.filterCache = { placed, filters: this.filters, result };
    return result;
  }

  /**
   * Messages in `locale`, kept: a month asks for the same few dozen labels on every render, and
   * each plural message costs new Intl objects. A catalogue that arrives later starts a new set.
   */
  private translator(locale: string): Translate {
    const key = `${locale}|${hasCatalogue(locale)}`;
    if (this.messages?.key !== key) this.messages = { key, texts: new Map() };
    const texts = this.messages.texts;
    return (message, values) => {
      const id = values ? `${message}|${Object.values(values).join('|')}` : message;
      let text = texts.get(id);
      if (text === undefined) {
        text = formatMessage(locale, message, values);
        if (texts.size > 5000) texts.clear();
        texts.set(id, text);
      }
      return text;
    };
  }

  private makeFrame(feed: Feed): Frame {
    const locale = this.language;
    const zone = this.zoneFor(feed);
    const period = this.period(zone);
    const key = OccurrenceController.keyOf({ events: feed.events, from: dayStartIn(period.start, zone), to: dayStartIn(period.end, zone), timeZone: zone, feedTimeZone: feed.timezone });
    // The week's code is part of what it waits for: the count says "Loading" until the week can be drawn.
    const pending = this.expansion.doneKey !== key || this.expansion.pending || (this.showsWeek && !this.weekPart.module);
    const placed = pending ? [] : this.filtered(this.expansion.placed);
    const [rangeStart, rangeEnd] = period.view === 'week' ? [period.start, period.end] : [period.monthStart, period.monthEnd];
    let count = 0;
    for (const p of placed) if (p.last >= rangeStart && p.first < rangeEnd) count++;
    const inPeriod = (d: number | undefined) => d !== undefined && d >= period.start && d < period.end;
    return {
      locale,
      t: this.translator(locale),
      period,
      today: todayIn(zone),
      days: byDay(placed, period.start, period.end),
      placed,
      firstDay: firstDayOfWeek(locale),
      focusDay: inPeriod(this.focusDay) ? this.focusDay! : period.anchor,
      pending,
      view: this.currentView,
      zone,
      dir: textDirection(locale),
      rangeStart,
      rangeEnd,
      count,
    };
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const frame = (this.frame = this.makeFrame(feed));
    const { t, period, locale, view } = frame;
    const title = periodTitle(locale, period);
    const filtered = hasFilters(this.filters);
    const status = frame.pending
      ? t('calLoadingEvents')
      : t(filtered ? 'calCountFiltered' : 'calCount', { count: frame.count, period: title });
    const shownView = this.printing ? 'list' : view;
    return html`<div class="calendar view-${shownView}" part="base" dir=${frame.dir} @click=${this.input.onClick} @keydown=${this.input.onKeydown} @input=${this.input.onInput} @change=${this.input.onChange}>
      <div class="sizer"></div>
      ${renderToolbar({ t, view, title, dir: frame.dir, zone: this.zoneNote(frame, feed) })}
      ${renderFilters({ t, locale, filters: this.filters, values: this.facetValuesOf(feed) })}
      <p class="count" part="count" role="status">${status}</p>
      ${!frame.pending && frame.count === 0
        ? html`<p class="empty" part="empty">${t(filtered ? 'calEmptyFiltered' : 'calEmpty', { period: title })}</p>`
        : nothing}
      ${this.renderView(frame, shownView)}
      <dialog part="dialog" aria-labelledby="dialog-title" closedby="any" @close=${this.input.onDialogClose}>
        ${this.dialogPart.module?.renderDialogBody({ ...frame, feed, zoneDiffers: zoneDiffers(frame.zone, period) }, this.selection) ?? nothing}
      </dialog>
    </div>`;
  }

  private renderView(frame: Frame, view: CalendarView): TemplateResult | typeof nothing {
    // Before the first occurrences arrive (a microtask later, or once ical.js loads) there is
    // nothing to lay out; later periods keep their grid while they load, so focus stays put.
    if (frame.pending && !this.expansion.doneKey) return nothing;
    if (view === 'month') return renderMonth(frame);
    if (view !== 'week') return renderList(frame, frame.rangeStart, frame.rangeEnd);
    // Switching to the week for the first time: nothing until its code is here (the count says "Loading").
    return this.weekPart.module?.renderWeek(frame) ?? nothing;
  }

  /** "Times are in Eastern Time", with a button to switch to the visitor's zone and back. */
  private zoneNote(frame: Frame, feed: Feed): ToolbarOptions['zone'] {
    return zoneNote(frame.locale, this.baseZone(feed), frame.zone, !!this.zoneOverride, frame.period);
  }

  /** @internal Prints show the list. It renders at once: a print started by script lays out before any await. */
  renderForPrint(on: boolean): void {
    this.printing = on;
    this.performUpdate();
  }

  /** @internal Opens an occurrence's details, announcing it unless another element asked for it. */
  openOccurrence(occurrence: Occurrence, opener: Element | null, fromDay?: number, announce = true): void {
    if (announce) {
      const detail: CivicEventSelectDetail = { event: occurrence.event, occurrence: occurrence.start };
      ownSelections.add(detail);
      if (!emit(this, 'civic-event-select', detail)) return;
    }
    this.input.rememberFocus(opener);
    this.selection = { kind: 'event', occurrence, fromDay };
  }
}



