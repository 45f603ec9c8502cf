import type { ReactiveController } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { Feed } from '../feed/types.js';
import { instantOfFeedDate } from '../feed/feed-instant.js';
import { parseFeedDate } from '../feed/zoned-time.js';
import { devWarn } from '../shared/dev.js';
import type { CivicEventSelectDetail } from '../shared/events.js';
import type { IcsFileUrls } from '../shared/ics-file-urls.js';
import { formatMessage } from '../shared/localize.js';
import type { CalendarChange, CalendarHost } from './calendar-host.js';
import { FACETS, emptyFilters, isView, parseDay, type FacetKey } from './calendar-state.js';
import { viewerZone } from '../feed/display-zone.js';
import { withFacetValue } from './filters.js';
import { dayForKey } from './grid-keys.js';
import type { SharedLink } from './event-dialog.js';
import { shiftAnchor, todayIn } from './period.js';
import type { EventLink } from './calendar-url.js';
import { linkToOccurrence } from './calendar-url-write.js';
import type { Frame } from './view-context.js';

/** What the input handlers ask of the views that own them (handed in: importing them back would be a cycle). */
export interface ShownCalendar {
  /** The last frame rendered. */
  readonly frame?: Frame;
  /** The occurrences of the period on screen. */
  readonly expansion: { readonly occurrences: readonly Occurrence[] };
  /** The change that opens an occurrence's details, announced unless `announce` is false; none when the page cancelled it. */
  openOccurrence(occurrence: Occurrence, opener: Element | null, fromDay?: number, announce?: boolean): CalendarChange | undefined;
  /** The zone times are shown in. */
  zoneFor(feed: Feed | undefined): string;
}

/** Selections fired by calendars, which calendars do not follow (two calendars would open two dialogs). */
export const ownSelections = new WeakSet<object>();

/** The element focused now, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

function isVisible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/**
 * Everything a visitor does to the calendar, in one place: clicks and keys (delegated from the
 * calendar's wrapper, so a month of events adds no listeners), the dialog's opening, closing and
 * focus return, selections from other elements on the page, the element's width, and printing.
 * The handlers work out a `CalendarChange` and hand it to the element's `apply`, the one place the
 * calendar's state is written.
 */
export class CalendarInput implements ReactiveController {
  private returnFocus?: HTMLElement | null;
  private pendingFocus = false;
  private pendingOpen?: CivicEventSelectDetail;
  private lastSelection?: unknown;
  private resize?: ResizeObserver;
  /** A zero-height line across the calendar: its width is the calendar's, and no re-render changes its size. */
  private observed?: Element;
  /** The .ics files offered for download; the helper comes with the dialog's code. */
  private icsFiles?: IcsFileUrls;
  /** The Subscribe panel is shown. */
  subscribeOpen = false;
  /** What Share did for the occurrence open in the dialog. */
  shared?: SharedLink;
  private focusSharedLink = false;

  constructor(
    private readonly host: CalendarHost,
    private readonly views: ShownCalendar,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('civic-event-select', this.onSelect);
    document.addEventListener('click', this.onDocumentClick);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    if (typeof ResizeObserver !== 'undefined') this.resize = new ResizeObserver(this.onResize);
    this.observed = undefined;
  }

  hostDisconnected(): void {
    document.removeEventListener('civic-event-select', this.onSelect);
    document.removeEventListener('click', this.onDocumentClick);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.resize?.disconnect();
    this.resize = undefined;
    this.observed = undefined;
    this.icsFiles?.revoke();
  }

  /** Keeps where focus was, to give it back when the dialog closes. */
  rememberFocus(opener: Element | null): void {
    if (this.host.selection) return;
    this.returnFocus = opener instanceof HTMLElement ? opener : deepActiveElement();
  }

  // ---- after each render ----------------------------------------------------------------------

  afterRender(): void {
    const { host } = this;
    const root = host.renderRoot as ShadowRoot;
    const sizer = root.querySelector('.sizer');
    if (sizer && sizer !== this.observed && this.resize) {
      if (this.observed) this.resize.unobserve(this.observed);
      this.resize.observe(sizer);
      this.observed = sizer;
    }
    // The dialog opens when its content can be drawn: its code comes in idle time or on the first selection.
    const dialog = host.dialogPart.module ? root.querySelector('dialog') : null;
    if (dialog) {
      if (host.selection && !dialog.open) {
        dialog.showModal();
        root.querySelector<HTMLElement>('#dialog-title')?.focus();
      } else if (!host.selection && dialog.open) {
        dialog.close();
      } else if (host.selection && host.selection !== this.lastSelection) {
        root.querySelector<HTMLElement>('#dialog-title')?.focus();
      }
    }
    this.lastSelection = host.selection;
    if (this.focusSharedLink) {
      this.focusSharedLink = false;
      const field = root.querySelector<HTMLInputElement>('#share-link');
      field?.focus();
      field?.select();
    }
    if (this.pendingFocus) {
      this.pendingFocus = false;
      root.querySelector<HTMLElement>(`[role="gridcell"][data-day="${this.views.frame?.focusDay}"]`)?.focus();
    }
    if (this.pendingOpen && this.views.frame && !this.views.frame.pending) {
      const wanted = this.pendingOpen;
      this.pendingOpen = undefined;
      const found = this.findSelected(wanted);
      if (found) queueMicrotask(() => this.apply(this.views.openOccurrence(found, this.returnFocus ?? null, undefined, false)));
    }
  }

  // ---- clicks ----------------------------------------------------------------------------------

  readonly onClick = (e: MouseEvent): void => {
    this.apply(this.clicked(e.target as Element));
  };

  private apply(change: CalendarChange | undefined): void {
    if (change) this.host.apply(change);
  }

  private clicked(target: Element): CalendarChange | undefined {
    const { host } = this;
    const el = target.closest<HTMLElement>('[data-key],[data-more],[data-action],[data-view],[role="gridcell"]');
    if (!el) return undefined;
    const { key, more, view, action } = el.dataset;
    if (key) {
      const occurrence = this.views.expansion.occurrences.find((o) => o.key === key);
      const fromDay = host.selection?.kind === 'day' ? host.selection.day : undefined;
      return occurrence && this.views.openOccurrence(occurrence, el, fromDay);
    }
    if (more) return this.openDay(Number(more), el);
    if (isView(view)) return { chosenView: view };
    if (action) return this.act(action, el);
    if (el.getAttribute('role') === 'gridcell') {
      const day = Number(el.dataset.day);
      if (host.narrow && this.views.frame?.days.get(day)?.length) return { focusDay: day, ...this.openDay(day, el) };
      return { focusDay: day };
    }
    return undefined;
  }

  private act(action: string, el: HTMLElement): CalendarChange | undefined {
    const { host } = this;
    const frame = this.views.frame;
    const selection = host.selection;
    switch (action) {
      case 'previous':
      case 'next':
        if (!frame) return undefined;
        return { anchor: shiftAnchor(frame.view, frame.period.anchor, action === 'next' ? 1 : -1), focusDay: undefined };
      case 'today':
        return { anchor: todayIn(frame?.zone ?? viewerZone()), focusDay: undefined };
      case 'zone':
        return { zoneOverride: host.zoneOverride ? undefined : viewerZone() };
      case 'clear-filters':
        (host.renderRoot as ShadowRoot).querySelector<HTMLElement>('#calendar-search')?.focus();
        return { filters: emptyFilters() };
      case 'close':
        return { selection: undefined };
      case 'subscribe':
        this.subscribeOpen = !this.subscribeOpen;
        // The panel comes with the dialog's code, usually here by now; it renders again when it arrives.
        void host.dialogPart.load();
        host.requestUpdate();
        return undefined;
      case 'back':
        if (selection?.kind === 'register') return { selection: { kind: 'event', occurrence: selection.occurrence, fromDay: selection.fromDay } };
        if (selection?.kind === 'event' && selection.fromDay !== undefined) return { selection: { kind: 'day', day: selection.fromDay } };
        return undefined;
      case 'register':
        if (selection?.kind !== 'event') return undefined;
        void import('../rsvp-form/define.js');
        return { selection: { kind: 'register', occurrence: selection.occurrence, fromDay: selection.fromDay } };
      case 'share':
        if (selection?.kind === 'event') this.share(selection.occurrence);
        return undefined;
      case 'ics-occurrence':
      case 'ics-series':
        if (selection?.kind === 'event') this.prepareDownload(el as HTMLAnchorElement, selection.occurrence, action === 'ics-series');
        return undefined;
      default:
        return undefined;
    }
  }

  /**
   * Share: the system's share sheet where the browser has one, else the clipboard, else the link
   * shown selected for copying. The call starts within the click, which both APIs require.
   */
  private share(occurrence: Occurrence): void {
    const dialog = this.host.dialogPart.module;
    if (!dialog) return;
    this.shared = undefined;
    this.host.requestUpdate();
    const url = linkToOccurrence(location.href, this.host.urlPrefix ?? 'calendar', occurrence);
    void dialog.shareLink(url, occurrence.event.title).then((outcome) => {
      if (this.host.selection?.kind !== 'event' || this.host.selection.occurrence !== occurrence) return;
      this.shared = { key: occurrence.key, url, outcome };
      this.focusSharedLink = outcome === 'manual';
      this.host.requestUpdate();
    });
  }

  private openDay(day: number, opener: Element): CalendarChange {
    this.rememberFocus(opener);
    return { selection: { kind: 'day', day } };
  }

  /**
   * Builds the .ics file when it is asked for, and points the link at it before the browser follows it.
   * The link is drawn by the dialog's code, which brings the writer with it: it is here by now.
   */
  private prepareDownload(link: HTMLAnchorElement, occurrence: Occurrence, series: boolean): void {
    const feed = this.host.loadedFeed;
    const dialog = this.host.dialogPart.module;
    if (!feed || !dialog) return;
    const untitled = formatMessage(this.host.language, 'untitledEvent');
    const text = dialog.icsFor(feed, occurrence, series, location.hostname || 'civic-widgets', untitled);
    link.href = (this.icsFiles ??= new dialog.IcsFileUrls()).add(text);
  }

  readonly onDialogClose = (): void => {
    this.host.apply({ selection: undefined });
    this.shared = undefined;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    // The link's download has started by now; its file is no longer needed.
    setTimeout(() => this.icsFiles?.revoke(), 1000);
    if (target?.isConnected && isVisible(target)) {
      target.focus();
    } else {
      this.pendingFocus = this.views.frame?.view === 'month';
      this.host.requestUpdate();
    }
  };

  // ---- keys ------------------------------------------------------------------------------------

  readonly onKeydown = (e: KeyboardEvent): void => {
    const frame = this.views.frame;
    const target = e.target as HTMLElement;
    if (!frame || e.defaultPrevented || e.altKey) return;
    if (e.key === 'Escape' && this.subscribeOpen && target.closest('.subscribe')) {
      e.preventDefault();
      this.closeSubscribe(true);
      return;
    }
    if (target.getAttribute('role') === 'gridcell') {
      const day = Number(target.dataset.day);
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.enterDay(target, day);
        return;
      }
      const next = dayForKey(e, day, frame.firstDay, frame.dir === 'rtl');
      if (next === undefined) return;
      e.preventDefault();
      this.apply(this.moveTo(next));
      return;
    }
    const cell = target.closest<HTMLElement>('[role="gridcell"]');
    if (!cell || !target.matches('button')) return;
    const buttons = [...cell.querySelectorAll<HTMLElement>('button')].filter(isVisible);
    const index = buttons.indexOf(target);
    if (e.key === 'Escape') {
      e.preventDefault();
      cell.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(index + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
    }
  };

  /** Enter on a day: into its events, or the whole day in the dialog when they are not shown. */
  private enterDay(cell: HTMLElement, day: number): void {
    if (!this.views.frame?.days.get(day)?.length) return;
    const first = [...cell.querySelectorAll<HTMLElement>('button')].find(isVisible);
    if (first) first.focus();
    else this.apply(this.openDay(day, cell));
  }

  private moveTo(day: number): CalendarChange {
    const period = this.views.frame?.period;
    this.pendingFocus = true;
    return period && (day < period.monthStart || day >= period.monthEnd) ? { anchor: day, focusDay: day } : { focusDay: day };
  }

  // ---- the Subscribe panel: a disclosure that gets out of the way -----------------------------

  private closeSubscribe(refocus: boolean): void {
    this.subscribeOpen = false;
    this.host.requestUpdate();
    if (refocus) (this.host.renderRoot as ShadowRoot).querySelector<HTMLElement>('[data-action="subscribe"]')?.focus();
  }

  /** The panel covers what is below it, so it closes when focus moves on past it… */
  readonly onFocusOut = (e: FocusEvent): void => {
    const box = (e.target as Element).closest('.subscribe');
    const next = e.relatedTarget as Node | null;
    if (this.subscribeOpen && box && next && !box.contains(next)) this.closeSubscribe(false);
  };

  /** …and on a click anywhere else on the page. */
  private readonly onDocumentClick = (e: MouseEvent): void => {
    if (!this.subscribeOpen) return;
    const box = (this.host.renderRoot as ShadowRoot).querySelector('.subscribe');
    if (!box || !e.composedPath().includes(box)) this.closeSubscribe(false);
  };

  // ---- search and filters ----------------------------------------------------------------------

  readonly onInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (input.dataset.action === 'search') this.host.apply({ filters: { ...this.host.filters, query: input.value } });
  };

  readonly onChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const facet = input.dataset.facet as FacetKey | undefined;
    if (!facet || !FACETS.includes(facet)) return;
    this.host.apply({ filters: withFacetValue(this.host.filters, facet, input.value, input.checked) });
  };

  // ---- the page --------------------------------------------------------------------------------

  /** Another element (the group finder's "show in calendar") selected an occurrence: go there and open it. */
  private readonly onSelect = (e: Event): void => {
    const detail = (e as CustomEvent<CivicEventSelectDetail>).detail;
    if (!detail || ownSelections.has(detail) || typeof detail.occurrence !== 'string') return;
    this.goTo(detail);
  };

  /** A link named an event (`calendar-event=ID`): go to its day and open it, as for a selection. */
  openLinked(feed: Feed, link: EventLink): void {
    const event = feed.events.find((ev) => ev.id === link.id);
    if (!event) {
      devWarn('calendar-linked-event', `<civic-event-calendar>: the page's link names the event "${link.id}", which the feed does not have.`);
      return;
    }
    this.goTo({ event, occurrence: link.occurrence ?? event.start });
  }

  /** Goes to the day of an occurrence and opens it once that period is drawn. */
  private goTo(detail: CivicEventSelectDetail): void {
    const { host } = this;
    const feed = host.loadedFeed;
    const id = detail.event?.id;
    if (!feed || !id || !feed.events.some((ev) => ev.id === id)) return;
    const day = this.dayOf(detail.occurrence, this.views.zoneFor(feed));
    if (day === undefined) return;
    this.returnFocus = deepActiveElement();
    host.apply({ selection: undefined, anchor: day, focusDay: day });
    this.pendingOpen = detail;
  }

  private dayOf(occurrence: string, zone: string): number | undefined {
    const parsed = parseFeedDate(occurrence);
    if (!parsed) return undefined;
    if (parsed.kind !== 'zoned') return parseDay(occurrence.slice(0, 10));
    return todayIn(zone, parsed.wall - parsed.offset);
  }

  private findSelected(wanted: CivicEventSelectDetail): Occurrence | undefined {
    const parsed = parseFeedDate(wanted.occurrence);
    const instant = parsed && parsed.kind !== 'date' ? instantOfFeedDate(parsed, this.views.frame?.zone ?? 'UTC') : undefined;
    const ofEvent = this.views.expansion.occurrences.filter((o) => o.event.id === wanted.event.id);
    return (
      ofEvent.find((o) => (o.allDay ? o.start === wanted.occurrence.slice(0, 10) : o.startMs === instant)) ??
      ofEvent.find((o) => o.start.slice(0, 10) === wanted.occurrence.slice(0, 10))
    );
  }

  private readonly onResize = (entries: ResizeObserverEntry[]): void => {
    const width = entries[0]?.contentRect.width ?? 0;
    if (!width) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const narrow = width < 40 * rem;
    if (narrow !== this.host.narrow) this.host.apply({ narrow });
  };

  private readonly onBeforePrint = (): void => this.host.renderForPrint(true);
  private readonly onAfterPrint = (): void => this.host.renderForPrint(false);
}
