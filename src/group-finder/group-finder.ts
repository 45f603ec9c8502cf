import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Occurrence } from '../feed/occurrences.js';
import type { AttendanceMode, Feed, Group, LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { emit, type CivicEventSelectDetail } from '../shared/events.js';
import { FacetedListController } from '../shared/faceted-list/faceted-list-controller.js';
import { renderFacetedList } from '../shared/faceted-list/faceted-list-view.js';
import { facetedListStyles } from '../shared/faceted-list/faceted-list.styles.js';
import { capitalize, collator, formatNumber, humanize, languageName } from '../shared/faceted-list/labels.js';
import type { MessageKey } from '../shared/localize.js';
import { foldText } from '../shared/faceted-list/fold-text.js';
import { renderGroupCard } from './group-card.js';
import { groupFinderOptions, MODE_KEYS } from './group-facets.js';
import { styles } from './group-finder.styles.js';
import { distanceKm, distanceUnit, formatDistance, knownPlaces, pointOf, type NearPoint } from './near-me.js';
import { displayZone, NextMeetingsController } from './next-meetings.js';
import lists from '../locales/en/lists.js';
import groups from '../locales/en/groups.js';

/** Detail of `civic-group-select`: a visitor activated a group's title link (`open`) or its join link (`join`). */
export interface CivicGroupSelectDetail {
  group: Group;
  action: 'open' | 'join';
}

declare global {
  interface HTMLElementEventMap {
    'civic-group-select': CustomEvent<CivicGroupSelectDetail>;
  }
  interface DocumentEventMap {
    'civic-group-select': CustomEvent<CivicGroupSelectDetail>;
  }
}

const LEGENDS: Record<string, MessageKey> = {
  topic: 'facetTopic',
  dataset: 'facetDataset',
  mode: 'facetMode',
  language: 'facetLanguage',
};

/** The browser's location: kept in memory for this page only, never in the URL or an event. */
const MINE = 'mine';

/**
 * Helps a resident find a local data user group to join: search by name, description and
 * dataset; filter by topic, dataset, format and language; sort by distance from a place of the
 * feed or from the browser's location (asked for only on a click, and never sent anywhere). Each
 * card shows the group's next meetings, which open in a `<civic-event-calendar>` on the same page.
 *
 * @summary Local data user groups, searchable and filterable, with their next meetings.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @event civic-filter-change - The visitor changed the search, a filter or the place to sort from. `detail: { filters, query, sort, count }`.
 * @event civic-group-select - The visitor activated a group's title or join link. `detail: { group, action: 'open' | 'join' }`; cancel it to keep the link from navigating.
 * @event civic-event-select - The visitor asked to see a meeting in the page's calendar. `detail: { event, occurrence }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart filters - The search region: search field, facets and "Clear filters".
 * @csspart search - The search field.
 * @csspart facet - Each facet's fieldset.
 * @csspart clear-button - Each "Clear filters" button.
 * @csspart near - The "near me" controls: place select and location button.
 * @csspart locate-button - The "Use my location" button.
 * @csspart status - The result count, announced politely.
 * @csspart list - The list of cards.
 * @csspart card - Each group's card.
 * @csspart card-title - Each card's heading.
 * @csspart meetings - A card's next meetings.
 * @csspart meeting-status - "Cancelled", "Postponed" or "Rescheduled" on a meeting.
 * @csspart meeting-button - The "Show in calendar" button of a meeting.
 * @csspart join-link - A card's "How to join" link.
 * @csspart empty - The message shown when nothing matches.
 * @csspart show-more - The button that shows the next page of cards.
 * @cssprop --civic-color-accent - Links, focus rings and ticks (default: the page's link colour).
 * @cssprop --civic-color-border - Card, field and fieldset borders (default: the text colour, faded).
 * @cssprop --civic-color-surface - Card and field background (default: the page's background).
 * @cssprop --civic-color-muted - Counts and card details (default: the text colour, faded).
 * @cssprop --civic-color-error - The "Cancelled" mark (default: #b3261e).
 * @cssprop --civic-space - The spacing unit (default: 1rem).
 * @cssprop --civic-radius - Corner radius (default: 0.375rem).
 */
export class CivicGroupFinder extends CivicElement {
  static override styles = [...CivicElement.styles, facetedListStyles, styles];
  protected static override messages = [lists, groups];

  /** Topics to show at first, e.g. `housing,environment`. */
  @property({ converter: listConverter }) topics: string[] = [];

  /** Datasets (by name) to show at first, e.g. `Eviction filings`. */
  @property({ converter: listConverter }) datasets: string[] = [];

  /** Formats to show at first: `in-person`, `online`, `mixed`. */
  @property({ converter: listConverter }) modes: AttendanceMode[] = [];

  /** Languages (BCP 47 tags) to show at first, e.g. `es`. */
  @property({ converter: listConverter }) languages: string[] = [];

  /** Search text to start with. */
  @property() query = '';

  /** Sort by distance from this place at first: the id of one of the feed's `places`, or a group or event location's name. */
  @property() near?: string;

  /** Cards shown at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 30;

  /** Keep the search, filters and chosen place in the page's query string, under this prefix (`groups` when empty). */
  @property({ attribute: 'url-state' }) urlState?: string;

  /** Meetings listed per group. */
  @property({ type: Number }) meetings = 3;

  /** Unit of distances: `kilometer` or `mile` (default: by the locale's region, miles for en-US). */
  @property({ attribute: 'distance-unit' }) distanceUnit?: 'kilometer' | 'mile';

  /** The moment "next meetings" count from (default: the current time); for previews and tests. */
  @property({ attribute: false }) now?: Date;

  /** The point groups are sorted by distance from, if any. */
  @state() private origin?: NearPoint;
  @state() private locating = false;
  @state() private locateFailed = false;

  private pendingNear?: string;
  private places: NearPoint[] = [];
  private placesOf?: Feed;
  private readonly upcoming = new NextMeetingsController(this);

  private readonly list = new FacetedListController<Group>(
    this,
    { ...groupFinderOptions, orders: { distance: (g) => this.distanceTo(g) } },
    () => ({
      locale: this.language,
      pageSize: Math.max(1, Math.floor(this.pageSize) || 30),
      urlPrefix: this.urlState === undefined || this.urlState === null ? undefined : this.urlState.trim() || 'groups',
      order: this.origin ? 'distance' : undefined,
      label: (key, value) => this.valueLabel(key, value),
    }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('topics')) this.list.preset('topic', this.topics);
    if (changed.has('datasets')) this.list.preset('dataset', this.datasets);
    if (changed.has('modes')) this.list.preset('mode', this.modes);
    if (changed.has('languages')) this.list.preset('language', this.languages);
    if (changed.has('query')) this.list.presetSearch(this.query);
    if (changed.has('near')) this.pendingNear = this.near ?? '';
    if (!this.hasUpdated) {
      const stored = this.list.restoreFromUrl().get('near');
      if (stored) this.pendingNear = stored[0] ?? '';
    }
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const locale = this.language;
    const t = this.i18n.t.bind(this.i18n);
    this.list.setItems(feed.groups);
    this.updatePlaces(feed);
    this.resolvePendingNear();
    const meetings = this.upcoming.of(feed, this.now, Math.max(0, Math.floor(this.meetings)), this.list.visible);
    const timeZone = displayZone(feed);
    const showZone = timeZone !== Intl.DateTimeFormat().resolvedOptions().timeZone;
    const calendar = this.hasCalendar();
    const unit = this.distanceUnit ?? distanceUnit(locale);
    const status = this.list.status;
    const none: Occurrence[] = [];
    return renderFacetedList(this.list, {
      t,
      locale,
      regionLabel: t('groupsSearchRegion'),
      searchLabel: t('groupsSearch'),
      legend: (key) => t(LEGENDS[key]!),
      status: status.filtered
        ? t('groupsMatching', { count: status.count, total: formatNumber(status.total, locale) })
        : t('groupsCount', { count: status.total }),
      statusExtra: this.origin
        ? this.origin.key === MINE
          ? t('nearSortedMine')
          : t('nearSorted', { place: this.origin.name })
        : undefined,
      empty: t('groupsEmpty'),
      controls: this.places.length || this.origin ? this.renderNear() : undefined,
      key: (group) => group.id,
      card: (group) => {
        const km = this.distanceTo(group);
        return renderGroupCard(group, {
          t,
          locale,
          meetings: meetings.get(group.id) ?? none,
          timeZone,
          showZone,
          calendar,
          distance: Number.isNaN(km) ? undefined : t('distanceAway', { distance: formatDistance(km, locale, unit) }),
          select: (g, action, event) => {
            if (!emit<CivicGroupSelectDetail>(this, 'civic-group-select', { group: g, action })) event.preventDefault();
          },
          showInCalendar: (occurrence) =>
            emit<CivicEventSelectDetail>(this, 'civic-event-select', {
              event: occurrence.event,
              occurrence: occurrence.start,
            }),
        });
      },
    });
  }

  private renderNear(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const chosen = this.origin?.key ?? '';
    const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
    const option = (value: string, label: string) =>
      html`<option value=${value} .selected=${live(chosen === value)}>${label}</option>`;
    return html`<fieldset class="near" part="near">
      <legend>${t('nearLegend')}</legend>
      <div class="field">
        <label for="near-place">${t('nearLabel')}</label>
        <select id="near-place" @change=${(e: Event) => this.choosePlace((e.currentTarget as HTMLSelectElement).value)}>
          ${option('', t('nearNone'))} ${this.origin?.key === MINE ? option(MINE, t('nearMine')) : nothing}
          ${this.places.map((p) => option(p.key, p.name))}
        </select>
      </div>
      ${canLocate
        ? html`<button
            type="button"
            class="locate"
            part="locate-button"
            aria-describedby="near-privacy"
            aria-disabled=${this.locating ? 'true' : 'false'}
            @click=${() => this.locate()}
          >
            ${t('nearUseMine')}
          </button>`
        : nothing}
      <p id="near-privacy" class="near-note">${t('nearPrivacy')}</p>
      <p class="near-note" role="status">
        ${this.locating ? t('nearLocating') : this.locateFailed ? t('nearUnavailable') : ''}
      </p>
    </fieldset>`;
  }

  /** Distance in km from the chosen point, or NaN (no point chosen, or the group has no location). */
  private distanceTo(group: Group): number {
    const point = pointOf(group.location);
    return this.origin && point ? distanceKm(this.origin, point) : NaN;
  }

  private updatePlaces(feed: Feed): void {
    if (this.placesOf === feed) return;
    this.placesOf = feed;
    const sorter = collator(this.language);
    this.places = feed.groups.some((g) => pointOf(g.location))
      ? knownPlaces(feed).sort((a, b) => sorter.compare(a.name, b.name))
      : [];
  }

  /** The place asked for by the `near` attribute or the URL, once the feed's places are known. */
  private resolvePendingNear(): void {
    const wanted = this.pendingNear;
    if (wanted === undefined) return;
    this.pendingNear = undefined;
    const folded = foldText(wanted);
    this.origin = wanted
      ? this.places.find((p) => p.key === wanted || p.key === `place:${wanted}` || foldText(p.name) === folded)
      : undefined;
    this.list.invalidate();
  }

  private choosePlace(key: string): void {
    if (key === MINE) return;
    this.setNear(this.places.find((p) => p.key === key));
  }

  private setNear(point: NearPoint | undefined): void {
    this.origin = point;
    this.locateFailed = false;
    // Only the feed's own places go into the URL: a visitor's coordinates never leave the page.
    const stored = point && point.key !== MINE ? [point.key] : this.near ? [] : undefined;
    this.list.writeUrl(new Map([['near', stored]]));
    this.list.reorder();
  }

  /** Asks the browser for the visitor's location, only now that they asked for it. */
  private locate(): void {
    // aria-disabled, not disabled, while it works: a disabled button would drop the visitor's focus.
    if (this.locating) return;
    this.locating = true;
    this.locateFailed = false;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!this.isConnected) return;
        this.locating = false;
        const { latitude: lat, longitude: lon } = position.coords;
        this.setNear({ key: MINE, name: this.i18n.t('nearMine'), lat, lon });
      },
      () => {
        this.locating = false;
        this.locateFailed = true;
      },
      { maximumAge: 10 * 60_000, timeout: 20_000 },
    );
  }

  /** Whether a calendar on the same page (or in the same shadow root) can show a meeting. */
  private hasCalendar(): boolean {
    const root = this.getRootNode() as Document | ShadowRoot;
    return !!(root.querySelector?.('civic-event-calendar') ?? document.querySelector('civic-event-calendar'));
  }

  private valueLabel(key: string, value: string): string {
    const locale = this.language;
    if (key === 'mode' && value in MODE_KEYS) return this.i18n.t(MODE_KEYS[value as AttendanceMode]);
    if (key === 'language') return capitalize(languageName(value, locale), locale);
    if (key === 'dataset') return value;
    return humanize(value, locale);
  }
}
