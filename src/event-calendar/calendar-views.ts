/**
 * Everything the calendar needs to show its events, kept out of the element's first load: it is
 * fetched beside the feed (see `views` in shared/civic-element.ts). One `CalendarViews` per
 * calendar holds the occurrences of the period, the visitor's input and the frame last drawn.
 */
import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { displayZone, isUnknownZone } from '../feed/display-zone.js';
import type { Occurrence } from '../feed/occurrences.js';
import type { Feed } from '../feed/types.js';
import { devWarn } from '../shared/dev.js';
import { emit, type CivicEventSelectDetail } from '../shared/events.js';
import { formatMessage, hasCatalogue } from '../shared/localize.js';
import calendar from '../locales/en/calendar.js';
import vocabulary from '../locales/en/vocabulary.js';
import { FeedWords } from '../shared/feed-words.js';
import { renderFilters, renderToolbar, type ToolbarOptions } from './calendar-controls.js';
import { CalendarInput, ownSelections, type ShownCalendar } from './calendar-input.js';
import { styles } from './event-calendar.styles.js';
import type { CalendarChange, CalendarHost } from './calendar-host.js';
import { FACETS, hasFilters, type FacetKey, type Filters, type CalendarView } from './calendar-state.js';
import { facetValues, matcher } from './filters.js';
import { periodTitle } from './formatters.js';
import { textDirection } from '../shared/bidi.js';
import type { Translate } from './labels.js';
import { byDay, type Placed } from './layout.js';
import { renderList } from './list-view.js';
import { renderMonth } from './month-view.js';
import { OccurrenceController } from './occurrence-controller.js';
import { dayStartIn, dayText, firstDayOfWeek, periodOf, todayIn, type Period } from './period.js';
import type { Frame } from './view-context.js';
import type { EventLink } from './calendar-url.js';
import { eventLink, writeCalendarState } from './calendar-url-write.js';
import { zoneDiffers, zoneNote } from './zones.js';

/** The calendar's sheets, adopted when the views arrive: the loading message before needs none. */
export const partStyles: readonly CSSResult[] = styles;

/** Only the views speak the calendar's own strings; the shell says "Loading…" (common strings). */
export const messages = [calendar, vocabulary];

/** The facet values of each feed, worked out once for every calendar that shows it. */
const facetsOf = new WeakMap<Feed['events'], Record<FacetKey, string[]>>();

export class CalendarViews implements ShownCalendar {
  readonly expansion: OccurrenceController;
  /** Clicks, keys, the dialog, the document's selections: calendar-input.ts. */
  readonly input: CalendarInput;
  /** The last frame rendered, for the input handlers. */
  frame?: Frame;
  /** The period asked for last, in its zone, and the key of its occurrences. */
  private window?: { zone: string; period: Period; key: string };
  private filterCache?: { placed: Placed[]; filters: Filters; result: Placed[] };
  private messages?: { key: string; texts: Map<string, string> };

  constructor(private readonly host: CalendarHost) {
    this.expansion = new OccurrenceController(host);
    this.input = new CalendarInput(host, this);
  }

  /** The zone times are shown in. */
  zoneFor(feed: Feed | undefined): string {
    return this.host.zoneOverride ?? this.baseZone(feed);
  }

  /** The zone the attributes and the feed ask for. */
  private baseZone(feed: Feed | undefined): string {
    const asked = this.host.timezone;
    if (isUnknownZone(asked)) devWarn('calendar-timezone', `<civic-event-calendar> does not know the time zone "${asked!.trim()}".`);
    return displayZone({ asked, feed: feed?.timezone });
  }

  /**
   * Asks for the occurrences of the period on screen (before each render, which draws that
   * window). `linked`, an event the page's URL names, moves the period to its day first.
   */
  request(feed: Feed, linked?: EventLink): void {
    if (linked) this.input.openLinked(feed, linked);
    const zone = this.zoneFor(feed);
    const anchor = this.host.anchor ?? todayIn(zone);
    const period = periodOf(this.host.currentView, anchor, firstDayOfWeek(this.host.language));
    const request = {
      events: feed.events,
      from: dayStartIn(period.start, zone),
      to: dayStartIn(period.end, zone),
      timeZone: zone,
      feedTimeZone: feed.timezone,
    };
    this.window = { zone, period, key: OccurrenceController.keyOf(request) };
    this.expansion.request(request);
  }

  /** After each render: focus and the dialog, and the URL when it keeps the state. Gives the frame drawn. */
  afterRender(): Frame | undefined {
    const { host } = this;
    this.input.afterRender();
    if (this.frame && host.urlPrefix) {
      const selection = host.selection;
      const event = selection && selection.kind !== 'day' ? eventLink(selection.occurrence) : undefined;
      writeCalendarState(
        host.urlPrefix,
        { view: host.currentView, date: host.anchor === undefined ? '' : dayText(host.anchor), filters: host.filters, event },
        host.topics.length > 0,
      );
    }
    return this.frame;
  }

  /** The change that opens an occurrence's details, announced unless another element asked for it; none when the page cancelled it. */
  openOccurrence(occurrence: Occurrence, opener: Element | null, fromDay?: number, announce = true): CalendarChange | undefined {
    if (announce) {
      const detail: CivicEventSelectDetail = { event: occurrence.event, occurrence: occurrence.start };
      ownSelections.add(detail);
      if (!emit(this.host, 'civic-event-select', detail)) return undefined;
    }
    this.input.rememberFocus(opener);
    return { selection: { kind: 'event', occurrence, fromDay } };
  }

  /** The facet values of the feed, worked out once per feed. */
  private facetValuesOf(feed: Feed): Record<FacetKey, string[]> {
    let values = facetsOf.get(feed.events);
    if (!values) {
      values = {} as Record<FacetKey, string[]>;
      for (const facet of FACETS) values[facet] = facetValues(feed.events, facet);
      facetsOf.set(feed.events, values);
    }
    return values;
  }

  private filtered(placed: Placed[]): Placed[] {
    const { filters } = this.host;
    const cache = this.filterCache;
    if (cache && cache.placed === placed && cache.filters === filters) return cache.result;
    const test = matcher(filters);
    const result = hasFilters(filters) ? placed.filter((p) => test(p.occurrence.event)) : placed;
    this.filterCache = { placed, filters, result };
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
    const { host } = this;
    const locale = host.language;
    // The window this update asked for (willUpdate ran request() for the same feed).
    const { zone, period, key } = this.window!;
    // The week's code is part of what it waits for: the count says "Loading" until the week can be drawn.
    const pending = !!host.feedWindows?.pending || this.expansion.doneKey !== key || this.expansion.pending || (host.showsWeek && !host.weekPart.module);
    const placed = pending ? [] : this.filtered(this.expansion.placed);
    const [rangeStart, rangeEnd] = period.view === 'week' ? [period.start, period.end] : [period.monthStart, period.monthEnd];
    let count = 0;
    for (const p of placed) if (p.last >= rangeStart && p.first < rangeEnd) count++;
    const inPeriod = (d: number | undefined) => d !== undefined && d >= period.start && d < period.end;
    const t = this.translator(locale);
    return {
      locale,
      t,
      words: new FeedWords(feed.labels, locale, t),
      period,
      today: todayIn(zone),
      days: byDay(placed, period.start, period.end),
      placed,
      firstDay: firstDayOfWeek(locale),
      focusDay: inPeriod(host.focusDay) ? host.focusDay! : period.anchor,
      pending,
      view: host.currentView,
      zone,
      dir: textDirection(locale),
      rangeStart,
      rangeEnd,
      count,
    };
  }

  /** The whole calendar for `feed`. */
  render(feed: Feed): TemplateResult {
    const { host, input } = this;
    const frame = (this.frame = this.makeFrame(feed));
    const { t, period, locale, view } = frame;
    const title = periodTitle(locale, period);
    const filtered = hasFilters(host.filters);
    // A month that could not be fetched says so in the error above; the count says nothing.
    const status = host.feedWindows?.failed
      ? ''
      : frame.pending
      ? t('calLoadingEvents')
      : t(filtered ? 'calCountFiltered' : 'calCount', { count: frame.count, period: title });
    const shownView = host.printing ? 'list' : view;
    const dialog = host.dialogPart.module;
    const subscribe: ToolbarOptions['subscribe'] = feed.subscribe
      ? { open: input.subscribeOpen, panel: input.subscribeOpen && dialog ? dialog.renderSubscribePanel(t, feed.subscribe, feed.title) : nothing }
      : undefined;
    return html`<div class="calendar view-${shownView}" part="base" dir=${frame.dir} @click=${input.onClick} @keydown=${input.onKeydown} @input=${input.onInput} @change=${input.onChange} @focusout=${input.onFocusOut}>
      <div class="sizer"></div>
      ${renderToolbar({ t, view, title, dir: frame.dir, zone: this.zoneNote(frame, feed), subscribe })}
      ${renderFilters({ t, locale, words: frame.words, filters: host.filters, values: this.facetValuesOf(feed) })}
      <p class="count" part="count" role="status">${status}</p>
      ${!frame.pending && frame.count === 0
        ? html`<p class="empty" part="empty">${t(filtered ? 'calEmptyFiltered' : 'calEmpty', { period: title })}</p>`
        : nothing}
      ${this.renderView(frame, shownView)}
      <dialog part="dialog" aria-labelledby="dialog-title" closedby="any" @close=${input.onDialogClose}>
        ${dialog?.renderDialogBody({ ...frame, feed, zoneDiffers: zoneDiffers(frame.zone, period), shared: input.shared }, host.selection) ?? nothing}
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
    return this.host.weekPart.module?.renderWeek(frame) ?? nothing;
  }

  /** "Times are in Eastern Time", with a button to switch to the visitor's zone and back. */
  private zoneNote(frame: Frame, feed: Feed): ToolbarOptions['zone'] {
    return zoneNote(frame.locale, this.baseZone(feed), frame.zone, !!this.host.zoneOverride, frame.period);
  }
}
