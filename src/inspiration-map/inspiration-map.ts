import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { InspirationMapHost } from './inspiration-map-host.js';
import type { MapViews } from './map-views.js';
import type { RegionOption } from './projection.js';
import { styles } from './inspiration-map.styles.js';

export type { CivicPlaceSelectDetail } from './place-select.js';

/**
 * Places and programs worth learning from, on a map with a list beside it (below it on narrow
 * screens). Private by default: the basemap is drawn from geometry bundled with the widget, so
 * no tile server or other third party is contacted unless the page sets `tiles`.
 *
 * Markers are buttons named after their place, reached with Tab from west to east; markers that
 * overlap at the current zoom become a cluster ("3 places: …") that zooms in when activated.
 * Zoom and pan with the buttons, the wheel, a drag or a pinch, or the keyboard when the map has
 * focus (arrow keys, + and −, 0 for everything). Activating a marker or a list entry opens a card
 * with the program, organizer, city, description, year started and link; Escape closes it.
 *
 * @summary Inspiring places on a map that contacts no third party, with a synchronized, filterable list.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped (e.g. places with invalid coordinates). `detail: { skipped, src }`.
 * @event civic-place-select - The visitor opened a place on the map or in the list. `detail: { kind, id, place | event | group, source: 'map' | 'list' }`; cancel it to keep the card closed.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart base - The widget's wrapper.
 * @csspart filters - The topic and program filters and the count.
 * @csspart status - The count of places shown, announced politely.
 * @csspart map - The map (SVG, or Leaflet's container with `tiles`).
 * @csspart controls - The zoom buttons.
 * @csspart control - Each zoom button.
 * @csspart marker - A place's marker; `marker-selected` too when its card is open.
 * @csspart cluster - A cluster of markers; `cluster-selected` too when it holds the open place.
 * @csspart card - The card of the place opened.
 * @csspart card-title - The card's heading.
 * @csspart card-link - The link to the program's website.
 * @csspart close-button - The card's Close button.
 * @csspart list-area - The box around the list (it scrolls beside the map on wide layouts).
 * @csspart list - The list of places.
 * @csspart list-item - Each entry of the list; `list-item-selected` too for the open place.
 * @csspart empty - The message shown when no place is shown.
 * @csspart attribution - The tile credit, with `tiles`.
 * @cssprop --civic-map-land - Fill of the land (default: the text colour at 12% over the background).
 * @cssprop --civic-map-water - Fill of the water (default: the accent colour at 16% over the background).
 * @cssprop --civic-map-border - Lines between countries and states (default: the text colour at 40%).
 * @cssprop --civic-map-marker - Markers and clusters (default: the accent colour).
 * @cssprop --civic-color-accent - Markers, links and focus rings (default: the page's link colour).
 * @cssprop --civic-color-border - Borders of the map, card and list (default: the text colour, faded).
 * @cssprop --civic-color-surface - Background of the card and controls; the ring around markers (default: the page's background).
 * @cssprop --civic-color-muted - Counts and details (default: the text colour, faded).
 * @cssprop --civic-space - The spacing unit (default: 1rem).
 * @cssprop --civic-radius - Corner radius (default: 0.375rem).
 */
export class CivicInspirationMap extends CivicElement implements InspirationMapHost {
  static override styles = [...CivicElement.styles, styles];

  /** Everything the map shows with data: loaded beside the feed, with its styles and words. */
  protected override readonly views = new LazyPart<typeof import('./map-views.js')>(this, 'views', () => import('./map-views.js'));

  /** Which of the feed's lists to map, comma-separated: `places` (the default), `events`, `groups`. */
  @property({ converter: listConverter }) show: string[] = ['places'];

  /** The part of the world to show: `auto` (from where the places are), `us`, `north-america` or `world`. */
  @property({ reflect: true }) region: RegionOption = 'auto';

  /** A tile URL template (`https://tiles.example.org/{z}/{x}/{y}.png`): a tiled Leaflet map, loaded from that server. Without it, no tile server is contacted. */
  @property() tiles?: string;

  /** Credit for the tiles, shown on the map as plain text (required by most tile servers). */
  @property() attribution?: string;

  /** A topic to filter by at first, e.g. `housing`. */
  @property() topic = '';

  /** A program to filter by at first, e.g. `Data Day`. */
  @property() program = '';

  /** The place to open at first: its id (`event:ID` or `group:ID` for events and groups). */
  @property() selected?: string;

  /** The views' state and controllers, made when their module has loaded. */
  private mapViews?: MapViews;

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back after a CMS moved it: the tile map and observers were let go on the way out.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const module = this.views.module;
    if (!module) return;
    this.mapViews ??= new module.MapViews(this, (key, values) => this.i18n.t(key, values));
    this.mapViews.willUpdate(changed, this.shownFeed?.feed);
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    // The base renders this only once the views are here, and willUpdate has made them by then.
    return this.mapViews!.render(feed);
  }

  protected override updated(): void {
    super.updated();
    this.mapViews?.updated();
  }
}
