import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AttendanceMode, LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { ViewsSlot } from '../shared/faceted-list/views-slot.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { CivicGroupSelectDetail, GroupFinderHost } from './group-finder-host.js';
import type { GroupFinderViews } from './group-views.js';

export type { CivicGroupSelectDetail };

declare global {
  interface HTMLElementEventMap {
    'civic-group-select': CustomEvent<CivicGroupSelectDetail>;
  }
  interface DocumentEventMap {
    'civic-group-select': CustomEvent<CivicGroupSelectDetail>;
  }
}

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
export class CivicGroupFinder extends CivicElement implements GroupFinderHost {
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

  protected override readonly views = new LazyPart<typeof import('./group-views.js')>(this, 'views', () => import('./group-views.js'));
  private readonly viewsSlot = new ViewsSlot<GroupFinderViews>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const views = this.views.module;
    this.viewsSlot.willUpdate(changed, views && (() => new views.GroupFinderViews(this, this.i18n)));
  }

  protected renderFeed(loaded: LoadedFeed): TemplateResult {
    return this.viewsSlot.views!.render(loaded);
  }
}
