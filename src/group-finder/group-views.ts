/**
 * What `<civic-group-finder>` shows once its data is here, loaded beside the feed: the faceted
 * list, the cards with their next meetings, and "near me".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Occurrence } from '../feed/occurrences.js';
import type { AttendanceMode, Feed, Group, LoadedFeed } from '../feed/types.js';
import { emit, type CivicEventSelectDetail } from '../shared/events.js';
import { FacetedListController } from '../shared/faceted-list/faceted-list-controller.js';
import { renderFacetedList } from '../shared/faceted-list/faceted-list-template.js';
import { facetedListStyles } from '../shared/faceted-list/faceted-list.styles.js';
import { foldText } from '../shared/text-search.js';
import { capitalize, collator, formatNumber, languageName } from '../shared/faceted-list/labels.js';
import { FeedWords } from '../shared/feed-words.js';
import type { ListViews } from '../shared/faceted-list/views-slot.js';
import type { LocalizeController, MessageKey } from '../shared/localize.js';
import { urlStatePrefix } from '../shared/url-state.js';
import { renderGroupCard } from './group-card.js';
import { groupFinderOptions, MODE_KEYS } from './group-facets.js';
import type { CivicGroupSelectDetail, GroupFinderHost } from './group-finder-host.js';
import { styles } from './group-finder.styles.js';
import { distanceKm, distanceUnit, formatDistance, knownPlaces, pointOf, type NearPoint } from './near-me.js';
import { displayZone, viewerZone } from '../feed/display-zone.js';
import { NextMeetingsController } from './next-meetings.js';
import lists from '../locales/en/lists.js';
import groups from '../locales/en/groups.js';
import vocabulary from '../locales/en/vocabulary.js';

/** The strings only the list uses come with it. */
export const messages = [lists, groups, vocabulary];

/** Sheets the views add after the element's own. */
export const partStyles = [facetedListStyles, styles];

const LEGENDS: Record<string, MessageKey> = {
  topic: 'facetTopic',
  dataset: 'facetDataset',
  mode: 'facetMode',
  language: 'facetLanguage',
};

/** The browser's location: kept in memory for this page only, never in the URL or an event. */
const MINE = 'mine';

/** One group finder's list, meetings and "near me" state. */
export class GroupFinderViews implements ListViews {
  /** The point groups are sorted by distance from, if any. */
  private origin?: NearPoint;
  private locating = false;
  private locateFailed = false;
  private pendingNear?: string;
  private places: NearPoint[] = [];
  private placesOf?: Feed;
  private readonly upcoming: NextMeetingsController;
  private readonly list: FacetedListController<Group>;
  private words?: FeedWords;

  constructor(
    private readonly host: GroupFinderHost,
    private readonly i18n: LocalizeController,
  ) {
    this.upcoming = new NextMeetingsController(host);
    this.list = new FacetedListController<Group>(
      host,
      { ...groupFinderOptions, orders: { distance: (g) => this.distanceTo(g) } },
      () => ({
        locale: host.language,
        pageSize: host.pageSize,
        urlPrefix: urlStatePrefix(host.urlState, 'groups'),
        order: this.origin ? 'distance' : undefined,
        label: (key, value) => this.valueLabel(key, value),
      }),
    );
  }

  willUpdate(changed: ReadonlySet<PropertyKey>, first: boolean): void {
    const { host, list } = this;
    if (changed.has('topics')) list.preset('topic', host.topics);
    if (changed.has('datasets')) list.preset('dataset', host.datasets);
    if (changed.has('modes')) list.preset('mode', host.modes);
    if (changed.has('languages')) list.preset('language', host.languages);
    if (changed.has('query')) list.presetSearch(host.query);
    if (changed.has('near')) this.pendingNear = host.near ?? '';
    if (first) {
      const stored = list.restoreFromUrl().get('near');
      if (stored) this.pendingNear = stored[0] ?? '';
    }
  }

  render({ feed }: LoadedFeed): TemplateResult {
    const { host, list } = this;
    const locale = host.language;
    const t = this.i18n.t.bind(this.i18n);
    const words = (this.words = new FeedWords(feed.labels, locale, t));
    list.setItems(feed.groups);
    this.updatePlaces(feed);
    this.resolvePendingNear();
    const meetings = this.upcoming.of(feed, host.now, Math.max(0, Math.floor(host.meetings)), list.visible);
    const timeZone = displayZone({ feed: feed.timezone });
    const showZone = timeZone !== viewerZone();
    const calendar = this.hasCalendar();
    const unit = host.distanceUnit ?? distanceUnit(locale);
    const status = list.status;
    const none: Occurrence[] = [];
    return renderFacetedList(list, {
      t,
      locale,
      regionLabel: t('groupsSearchRegion'),
      searchLabel: t('groupsSearch'),
      legend: (key) => t(LEGENDS[key]!),
      labelLang: (key, value) => (key === 'topic' ? words.word('topics', value).lang : undefined),
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
          words,
          meetings: meetings.get(group.id) ?? none,
          timeZone,
          showZone,
          calendar,
          distance: Number.isNaN(km) ? undefined : t('distanceAway', { distance: formatDistance(km, locale, unit) }),
          select: (g, action, event) => {
            if (!emit<CivicGroupSelectDetail>(host, 'civic-group-select', { group: g, action })) event.preventDefault();
          },
          showInCalendar: (occurrence) =>
            emit<CivicEventSelectDetail>(host, 'civic-event-select', {
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
    const sorter = collator(this.host.language);
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
    const stored = point && point.key !== MINE ? [point.key] : this.host.near ? [] : undefined;
    this.list.writeUrl(new Map([['near', stored]]));
    this.list.reorder();
  }

  /** Asks the browser for the visitor's location, only now that they asked for it. */
  private locate(): void {
    // aria-disabled, not disabled, while it works: a disabled button would drop the visitor's focus.
    if (this.locating) return;
    this.setLocating(true, false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!this.host.isConnected) return;
        this.setLocating(false, false);
        const { latitude: lat, longitude: lon } = position.coords;
        this.setNear({ key: MINE, name: this.i18n.t('nearMine'), lat, lon });
      },
      () => this.setLocating(false, true),
      { maximumAge: 10 * 60_000, timeout: 20_000 },
    );
  }

  private setLocating(locating: boolean, failed: boolean): void {
    this.locating = locating;
    this.locateFailed = failed;
    this.host.requestUpdate();
  }

  /** Whether a calendar on the same page (or in the same shadow root) can show a meeting. */
  private hasCalendar(): boolean {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    return !!(root.querySelector?.('civic-event-calendar') ?? document.querySelector('civic-event-calendar'));
  }

  private valueLabel(key: string, value: string): string {
    const locale = this.host.language;
    if (key === 'mode' && value in MODE_KEYS) return this.i18n.t(MODE_KEYS[value as AttendanceMode]);
    if (key === 'language') return capitalize(languageName(value, locale), locale);
    if (key === 'dataset') return value;
    const words = this.words ?? new FeedWords(undefined, locale, this.i18n.t.bind(this.i18n));
    return words.text('topics', value);
  }
}
