/**
 * What `<civic-inspiration-map>` shows once it has data, and how it answers the visitor: the
 * filters, the SVG map (or the tile map) with its markers, pan and zoom, the card and the list.
 * The element's views (see shared/lazy-part.ts): loaded beside the feed, with their styles and
 * the map's English messages, so a page's first load carries only the element's shell.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Feed } from '../feed/types.js';
import { devWarn } from '../shared/dev.js';
import { emit } from '../shared/events.js';
import map from '../locales/en/map.js';
import vocabulary from '../locales/en/vocabulary.js';
import { FeedWords } from '../shared/feed-words.js';
import { BasemapController, type MapLayout } from './basemap-controller.js';
import * as clustering from './clusters.js';
import type { InspirationMapHost } from './inspiration-map-host.js';
import { numberFormat } from '../shared/intl.js';
import { clusterCount, clusterName, markerName, type Translate } from './labels.js';
import { renderMapControls } from './map-controls.js';
import { renderMapFilters } from './map-filters.js';
import { kindsOf, mapItems, matches, type MapFilter, type MapItem } from './map-items.js';
import { MapSizeController } from './map-size.js';
import { viewStyles } from './map-views.styles.js';
import { MarkerLayer } from './marker-layer.js';
import { centredOn, HOME, PanZoomController, ZOOM_STEP, type ViewSource } from './pan-zoom.js';
import { CARD_TITLE_ID, renderPlaceCard, renderSpotCard } from './place-card.js';
import { renderPlaceList } from './place-list.js';
import { placeSelectDetail, type CivicPlaceSelectDetail, type Where } from './place-select.js';
import type { RegionOption } from './projection.js';
import { renderSvgMap } from './svg-map.js';
import { TileMapController } from './tile-map-controller.js';
import { tileTemplate } from './tile-template.js';

export const partStyles = [viewStyles];
/** The map's words arrive with the code that says them. */
export const messages = [map, vocabulary];

const REGIONS: readonly string[] = ['auto', 'us', 'north-america', 'world'];
/** The deepest zoom of the SVG map, relative to the fit: a city block on a map of the world. */
const MAX_ZOOM = 256;
/**
 * Markers closer than this many pixels, across or down, become a cluster. No less than the
 * biggest cluster (30 px) and half a marker and half a cluster (24 + 30) / 2: buttons never overlap.
 */
const CLUSTER_RADIUS = 30;

/**
 * The map's views and their state (filter, selection, view), made once per element when the
 * module has loaded. The element hands over its updates: `willUpdate`, `render`, `updated`.
 */
export class MapViews {
  private filter: MapFilter;
  private selectedKey?: string;
  /** Keys of places at one spot, listed in the card. */
  private spotKeys?: string[];

  private readonly basemap: BasemapController;
  private readonly markerLayer = new MarkerLayer(CLUSTER_RADIUS, MAX_ZOOM);
  private readonly panZoom: PanZoomController;
  private readonly tileMap: TileMapController;
  private readonly size: MapSizeController;
  /** The tile template in use, if `tiles` is one a browser may load. */
  private tileSrc?: string;
  private itemsMemo?: { feed: Feed; show: string; untitled: string; items: MapItem[] };
  private shownMemo?: { items: MapItem[]; filter: MapFilter; shown: MapItem[] };
  private layout?: MapLayout;
  private pendingSelected?: string;
  private pendingCentre?: string;
  private pendingFocus?: { card: true } | { key: string; where: Where };
  private returnTo?: { key: string; where: Where };
  private focusedItem?: string;
  private scrollListTo?: string;
  private keepCentre?: [number, number];
  private announce = false;
  private zoomNote = '';

  constructor(
    private readonly host: InspirationMapHost,
    private readonly t: Translate,
  ) {
    // What the attributes asked for before these views arrived.
    this.filter = { topic: host.topic, program: host.program };
    this.pendingSelected = host.selected;
    this.tileSrc = tileTemplate(host.tiles, host.attribution);
    this.checkRegion();
    this.basemap = new BasemapController(host);
    this.panZoom = new PanZoomController(host, { maxZoom: MAX_ZOOM, changed: (source) => this.viewChanged(source) });
    this.tileMap = new TileMapController(host, () => ({
      clustering,
      zoomStep: ZOOM_STEP,
      clusterRadius: CLUSTER_RADIUS,
      reducedMotion: this.panZoom.reducedMotion,
      activate: (key) => this.activate(key),
      label: (items) => (items.length === 1 ? markerName(items[0]!) : clusterName(items, this.t, this.host.language)),
      count: (n) => clusterCount(n, this.host.language),
    }));
    this.size = new MapSizeController(host, '.svg-map', (width, height) => this.resized(width, height));
  }

  /** Takes the element's changed properties, and (when it is shown) its feed, before a render. */
  willUpdate(changed: PropertyValues<InspirationMapHost>, feed: Feed | undefined): void {
    const host = this.host;
    if (changed.has('topic') || changed.has('program')) this.filter = { topic: host.topic, program: host.program };
    if (changed.has('selected')) this.pendingSelected = host.selected;
    if (changed.has('tiles') || changed.has('attribution')) this.tileSrc = tileTemplate(host.tiles, host.attribution);
    if (changed.has('region')) this.checkRegion();
    const active = (host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.focusedItem = active?.closest?.('.marker, .cluster') ? (active.dataset.key ?? undefined) : undefined;

    if (!feed) return;
    const shown = this.shownOf(this.itemsOf(feed));
    if (this.pendingSelected !== undefined) {
      const wanted = this.pendingSelected;
      this.pendingSelected = undefined;
      const item = shown.find((i) => i.key === wanted || (i.kind === 'place' && i.id === wanted));
      this.selectedKey = item?.key;
      this.spotKeys = undefined;
      this.pendingCentre = item?.key;
    }
    if (this.selectedKey && !shown.some((i) => i.key === this.selectedKey)) {
      this.selectedKey = undefined;
      this.returnTo = undefined;
    }
  }

  render(feed: Feed): TemplateResult {
    const t = this.t;
    const locale = this.host.language;
    const items = this.itemsOf(feed);
    const shown = this.shownOf(items);
    const words = new FeedWords(feed.labels, locale, t);
    const tiles = this.tileSrc;
    const map = tiles ? this.renderTileMap() : this.renderSvg(items, shown);
    const empty = items.length ? t('mapEmptyFiltered') : t('mapEmpty');
    const attribution = this.host.attribution;
    return html`<div class="widget" part="base" @keydown=${this.onWidgetKey}>
      ${renderMapFilters(items, shown, {
        t,
        locale,
        words,
        filter: this.filter,
        change: (name, value) => {
          this.filter = { ...this.filter, [name]: value };
          this.spotKeys = undefined;
          this.host.requestUpdate();
        },
      })}
      <div class="layout">
        <div class="map-area">
          ${renderMapControls(t, {
            zoomIn: () => this.zoomStep(1),
            zoomOut: () => this.zoomStep(-1),
            reset: () => this.resetView(),
          })}
          ${map}
          <p id="map-help" class="visually-hidden">${t('mapHelp')}</p>
          <p class="visually-hidden" role="status">${this.zoomNote}</p>
          ${tiles && attribution ? html`<p class="attribution" part="attribution">${t('mapTiles', { attribution })}</p>` : nothing}
          ${this.renderCard(shown, words)}
        </div>
        <div class="list-area" part="list-area" tabindex="-1">
          ${shown.length
            ? guard([shown, this.selectedKey, locale, t('mapListLabel')], () =>
                renderPlaceList(shown, {
                  t,
                  locale,
                  selectedKey: this.selectedKey,
                  select: (key) => {
                    const item = shown.find((i) => i.key === key);
                    if (item) this.select(item, 'list');
                  },
                }),
              )
            : html`<p class="empty" part="empty">${empty}</p>`}
        </div>
      </div>
    </div>`;
  }

  /** After each render: the tile map follows, the focus goes where it was asked to, the list scrolls. */
  updated(): void {
    const tiles = this.tileSrc;
    const container = tiles ? this.host.renderRoot.querySelector<HTMLElement>('.tile-map') : null;
    this.tileMap.sync(container, tiles, this.shownMemo?.shown ?? [], this.selectedKey);
    this.restoreFocus();
    if (this.scrollListTo) {
      const key = this.scrollListTo;
      this.scrollListTo = undefined;
      this.scrollListEntry(key);
    }
  }

  private checkRegion(): void {
    const region = this.host.region;
    if (!REGIONS.includes(region)) {
      devWarn('map-region', `<civic-inspiration-map region="${region}"> is not one of ${REGIONS.join(', ')}; using auto.`);
    }
  }

  // ---- data ----------------------------------------------------------------------------------------

  private itemsOf(feed: Feed): MapItem[] {
    const show = kindsOf(this.host.show).join(',');
    const untitled = this.t('untitledEvent');
    let memo = this.itemsMemo;
    if (memo?.feed !== feed || memo.show !== show || memo.untitled !== untitled) {
      memo = this.itemsMemo = { feed, show, untitled, items: mapItems(feed, kindsOf(this.host.show), untitled) };
    }
    return memo.items;
  }

  private shownOf(items: MapItem[]): MapItem[] {
    const memo = this.shownMemo;
    if (memo?.items !== items || memo.filter !== this.filter) {
      const filter = this.filter;
      const active = filter.topic || filter.program;
      this.shownMemo = { items, filter, shown: active ? items.filter((i) => matches(i, filter)) : items };
    }
    return this.shownMemo!.shown;
  }

  // ---- the maps ------------------------------------------------------------------------------------

  private renderSvg(items: MapItem[], shown: MapItem[]): TemplateResult {
    const t = this.t;
    const locale = this.host.language;
    const { width, height } = this.size;
    const region: RegionOption = REGIONS.includes(this.host.region) ? this.host.region : 'auto';
    const layout = this.basemap.layout(items, region, width, height);
    let content: TemplateResult;
    if (this.basemap.status === 'error') {
      content = html`<p class="map-message">${t('mapUnavailable')}</p>`;
    } else if (!layout) {
      content = html`<p class="map-message">${t('mapLoading')}</p>`;
    } else {
      this.placeView(layout, shown);
      const clustered = this.markerLayer.cluster(layout, shown, this.panZoom.zoom);
      const markers = this.markerLayer.markers(clustered, this.panZoom.view, { t, locale, selectedKey: this.selectedKey });
      if (this.announce) {
        this.announce = false;
        const zoom = `${numberFormat(locale, { maximumFractionDigits: 1 }).format(this.panZoom.view.k)}×`;
        this.zoomNote = t('mapZoomStatus', { zoom, count: markers.length });
      }
      content = renderSvgMap(layout, this.panZoom.view, markers, locale);
    }
    return html`<div
      class="map svg-map ${this.panZoom.zoom > 1 ? 'zoomed' : ''}"
      part="map"
      role="group"
      aria-roledescription=${t('mapRoleDescription')}
      aria-label=${t('mapLabel')}
      aria-describedby="map-help"
      aria-busy=${this.panZoom.moving || (!layout && this.basemap.status !== 'error') ? 'true' : nothing}
      tabindex="0"
      @pointerdown=${this.panZoom.onPointerDown}
      @pointermove=${this.panZoom.onPointerMove}
      @pointerup=${this.panZoom.onPointerUp}
      @pointercancel=${this.panZoom.onPointerUp}
      @wheel=${this.panZoom.onWheel}
      @keydown=${this.onMapKey}
      @click=${this.onMapClick}
    >
      ${content}
    </div>`;
  }

  private renderTileMap(): TemplateResult {
    const t = this.t;
    // Leaflet owns this element's classes and children: the template binds nothing else on it.
    return html`<div
      class="map tile-map"
      part="map"
      role="group"
      aria-roledescription=${t('mapRoleDescription')}
      aria-label=${t('mapLabel')}
      aria-describedby="map-help"
      tabindex="0"
    ></div>`;
  }

  /** Keeps the view in step with a new layout: a resize keeps the centre, new places start over. */
  private placeView(layout: MapLayout, shown: MapItem[]): void {
    const previous = this.layout;
    this.layout = layout;
    if (previous && previous !== layout) {
      const xy = this.keepCentre && layout.basemap.project(this.keepCentre[0], this.keepCentre[1]);
      const { width, height } = layout.basemap;
      if (xy) this.panZoom.set(centredOn(xy[0], xy[1], this.panZoom.view.k, width, height), 'program', false);
      else this.panZoom.set(HOME, 'program', false);
    }
    this.keepCentre = undefined;
    if (this.pendingCentre) {
      const item = shown.find((i) => i.key === this.pendingCentre);
      this.pendingCentre = undefined;
      if (item) this.centreOn(item, false);
    }
  }

  private readonly onMapKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | SVGElement;
    const key = target.dataset?.key;
    if (key && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.activate(key);
      return;
    }
    if (this.panZoom.handleKey(e)) e.preventDefault();
  };

  private readonly onMapClick = (e: MouseEvent): void => {
    const target = (e.target as Element).closest<HTMLElement | SVGElement>('[data-key]');
    if (this.panZoom.takeDrag() || !target?.dataset.key) return;
    this.activate(target.dataset.key);
  };

  private viewChanged(source: ViewSource): void {
    if (source === 'key' || source === 'button') this.announce = true;
  }

  private zoomStep(direction: 1 | -1): void {
    const tiles = this.tileMap.map;
    if (tiles) {
      if (direction > 0) tiles.zoomIn();
      else tiles.zoomOut();
      return;
    }
    this.panZoom.zoomBy(direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, 'button');
  }

  private resetView(): void {
    if (this.tileMap.map) this.tileMap.map.reset();
    else this.panZoom.reset('button');
  }

  // ---- selection -----------------------------------------------------------------------------------

  /** A marker or cluster was activated, on the SVG map or the tile map. */
  private activate(markerKey: string): void {
    const tiles = this.tileMap.map;
    if (tiles) {
      const items = tiles.itemsOf(markerKey) ?? [];
      // Zooming in on a cluster keeps the focus on what holds its first item: the tile map sees to it.
      if (items.length === 1) this.select(items[0]!, 'map');
      else if (items.length > 1 && !tiles.zoomToCluster(items)) this.openSpot(items);
      return;
    }
    const c = this.markerLayer.current;
    const cluster = c?.byKey.get(markerKey);
    if (!c || !cluster) return;
    const items = cluster.members.map((m) => c.placed[m]!);
    if (items.length === 1) {
      this.select(items[0]!, 'map');
      return;
    }
    const view = this.markerLayer.viewInto(c, cluster, this.panZoom.zoom);
    if (!view) {
      this.openSpot(items);
      return;
    }
    this.pendingFocus = { key: items[0]!.key, where: 'map' };
    this.panZoom.set(view, 'button');
  }

  /** Opens the card of places that share one spot. */
  private openSpot(items: MapItem[]): void {
    this.selectedKey = undefined;
    this.spotKeys = items.map((i) => i.key);
    this.returnTo = { key: items[0]!.key, where: 'map' };
    this.pendingFocus = { card: true };
    this.host.requestUpdate();
  }

  /** Opens an item's card: from a marker, the list entry is scrolled into view; from the list, the marker is centred. */
  private select(item: MapItem, where: Where): void {
    if (!emit<CivicPlaceSelectDetail>(this.host, 'civic-place-select', placeSelectDetail(item, where))) return;
    const fromSpot = !!this.spotKeys;
    this.selectedKey = item.key;
    this.spotKeys = undefined;
    if (!fromSpot) this.returnTo = { key: item.key, where };
    this.pendingFocus = { card: true };
    if (where === 'list') this.centreOn(item, true);
    else this.scrollListTo = item.key;
    this.host.requestUpdate();
  }

  private closeCard(): void {
    const back = this.returnTo;
    this.selectedKey = undefined;
    this.spotKeys = undefined;
    this.returnTo = undefined;
    if (back) this.pendingFocus = back;
    this.host.requestUpdate();
  }

  /** Centres an item, zoomed in just far enough that it stands alone. */
  private centreOn(item: MapItem, animate: boolean): void {
    if (this.tileMap.map) {
      this.tileMap.map.centreOn(item.key);
      return;
    }
    const layout = this.layout;
    const shown = this.shownMemo?.shown;
    if (!layout || !shown) {
      this.pendingCentre = item.key;
      return;
    }
    const view = this.markerLayer.viewOnto(this.markerLayer.cluster(layout, shown, this.panZoom.zoom), item, this.panZoom.zoom);
    if (view) this.panZoom.set(view, 'program', animate);
  }

  private readonly onWidgetKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && (this.selectedKey || this.spotKeys)) {
      e.preventDefault();
      this.closeCard();
    }
  };

  private renderCard(shown: MapItem[], words: FeedWords): unknown {
    const t = this.t;
    const locale = this.host.language;
    const close = () => this.closeCard();
    if (this.spotKeys) {
      const keys = this.spotKeys;
      const items = shown.filter((i) => keys.includes(i.key));
      return guard([items.map((i) => i.key).join('|'), locale, t('mapClose')], () =>
        renderSpotCard(items, { t, locale, words, close, open: (item) => this.select(item, 'map') }),
      );
    }
    const item = this.selectedKey ? shown.find((i) => i.key === this.selectedKey) : undefined;
    if (!item) return nothing;
    // The card's description may be sanitized asynchronously: render it once per item, not per pan frame.
    return guard([item, locale, t('mapClose')], () => renderPlaceCard(item, { t, locale, words, close }));
  }

  // ---- after each render ---------------------------------------------------------------------------

  /** The map's box changed size: keep the centre in view at the new size. */
  private resized(width: number, height: number): void {
    const layout = this.layout;
    if (layout && this.panZoom.view.k > 1) {
      const { k, x, y } = this.panZoom.view;
      this.keepCentre = layout.basemap.invert((layout.basemap.width / 2 - x) / k, (layout.basemap.height / 2 - y) / k) ?? undefined;
    }
    this.panZoom.setSize(width, height);
  }

  private restoreFocus(): void {
    const root = this.host.renderRoot as ShadowRoot;
    const wanted = this.pendingFocus;
    this.pendingFocus = undefined;
    if (wanted && 'card' in wanted) {
      root.getElementById(CARD_TITLE_ID)?.focus();
      return;
    }
    if (wanted?.where === 'list') {
      root.querySelector<HTMLElement>(`.list [data-key="${CSS.escape(wanted.key)}"]`)?.focus();
      return;
    }
    // A marker that held the focus may have merged into a cluster or split: focus what holds its place now.
    const key = wanted?.key ?? (root.activeElement ? undefined : this.focusedItem);
    if (key) this.focusMarkerOf(key);
  }

  private focusMarkerOf(itemKey: string): void {
    const root = this.host.renderRoot as ShadowRoot;
    const tiles = this.tileMap.map;
    if (tiles) {
      if (!tiles.focusItem(itemKey)) root.querySelector<HTMLElement>('.tile-map')?.focus();
      return;
    }
    const holder = this.markerLayer.current?.holder.get(itemKey);
    const marker = holder ? root.querySelector<SVGElement>(`.markers [data-key="${CSS.escape(holder)}"]`) : null;
    (marker ?? root.querySelector<HTMLElement>('.svg-map'))?.focus({ preventScroll: true });
  }

  /** Brings a list entry into view within the list's own scroll box, never scrolling the page. */
  private scrollListEntry(key: string): void {
    const box = this.host.renderRoot.querySelector<HTMLElement>('.list-area');
    const entry = box?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!box || !entry || box.scrollHeight <= box.clientHeight) return;
    // A smooth scroll needs frames, which a hidden tab does not draw.
    const behavior = this.panZoom.reducedMotion || document.hidden ? 'auto' : 'smooth';
    const top = entry.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    const bottom = top + entry.offsetHeight;
    if (top < box.scrollTop) box.scrollTo({ top, behavior });
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTo({ top: bottom - box.clientHeight, behavior });
  }
}
