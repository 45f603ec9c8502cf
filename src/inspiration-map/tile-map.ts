/**
 * The map on raster tiles, for a page that sets `tiles`: Leaflet, loaded only then, with the same
 * clustered markers, keys and buttons as the SVG map. Leaflet positions its panes through the
 * CSSOM (`element.style`), which a strict Content-Security-Policy allows; its stylesheet is ours
 * (tile-map.styles.ts), adopted into the element's shadow root.
 */
import {
  divIcon,
  latLngBounds,
  map as createMap,
  marker as createMarker,
  tileLayer,
  type LatLngBounds,
  type Map as LeafletMap,
  type Marker,
} from 'leaflet/dist/leaflet-src.esm.js';
import type { ClusterPoint } from './clusters.js';
import type { MapItem } from './map-items.js';
import { tileMapStyles } from './tile-map.styles.js';

export { tileMapStyles };

/**
 * The clustering functions (clusters.ts), handed over by the element rather than imported: they
 * live in the element's chunk, and an import from this lazy chunk would tie the two together.
 */
export type Clustering = Pick<typeof import('./clusters.js'), 'clusterPoints' | 'westToEast' | 'zoomToSeparate' | 'inseparable'>;

export interface TileMapOptions {
  /** The tile URL template, `{z}/{x}/{y}`. */
  tiles: string;
  clustering: Clustering;
  /** The zoom factor of one step of the buttons and keys (a power of 2: Leaflet zooms by levels). */
  zoomStep: number;
  /** Screen pixels within which markers merge. */
  clusterRadius: number;
  /** No animated zoom or pan. */
  reducedMotion: boolean;
  /** A marker or cluster (named by its first item's key) was activated. */
  activate: (key: string, element: HTMLElement) => void;
  /** Accessible name of a marker (one item) or cluster. */
  label: (items: readonly MapItem[]) => string;
  /** The count drawn on a cluster. */
  count: (n: number) => string;
}

const MAX_ZOOM = 18;
const MIN_ZOOM = 1;
const PADDING = 32;
const CONTROLS_INSET = 64;

interface Drawn {
  marker: Marker;
  element: HTMLElement;
  items: MapItem[];
  signature: string;
}

export class TileMap {
  private readonly map: LeafletMap;
  private readonly resize: ResizeObserver;
  private items: readonly MapItem[] = [];
  private selectedKey?: string;
  private drawn = new Map<string, Drawn>();
  /** Positions at zoom 0, in Leaflet's pixel space: multiply by 2^zoom for any zoom. */
  private points: ClusterPoint[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly options: TileMapOptions,
  ) {
    const still = options.reducedMotion;
    this.map = createMap(container, {
      zoomControl: false,
      attributionControl: false,
      // Keys are the element's: the same ones as on the SVG map, on the map and on its markers.
      keyboard: false,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      inertia: !still,
      zoomSnap: 1,
    });
    tileLayer(options.tiles, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM }).addTo(this.map);
    this.map.on('zoomend moveend', () => this.draw());
    // Busy while the view moves, as on the SVG map: every zoom and pan ends with a moveend.
    this.map.on('movestart', () => container.setAttribute('aria-busy', 'true'));
    this.map.on('moveend', () => container.removeAttribute('aria-busy'));
    container.addEventListener('keydown', this.onKey);
    this.resize = new ResizeObserver(() => this.map.invalidateSize({ animate: false }));
    this.resize.observe(container);
  }

  /** Shows these items (and marks the selected one), fitting the map to them when they change. */
  update(items: readonly MapItem[], selectedKey: string | undefined): void {
    const changed = items !== this.items;
    this.items = items;
    this.selectedKey = selectedKey;
    if (changed) {
      this.points = items.map((item) => this.map.project([item.lat, item.lon], 0));
      if (!this.fitted) this.reset(false);
    }
    this.draw();
  }

  private fitted = false;

  zoomIn(): void {
    this.map.zoomIn(Math.log2(this.options.zoomStep), { animate: this.animate });
  }

  zoomOut(): void {
    this.map.zoomOut(Math.log2(this.options.zoomStep), { animate: this.animate });
  }

  /** Fits the map to every item (the whole world when there are none). */
  reset(animate = this.animate): void {
    this.fitted = true;
    const bounds = this.bounds(this.items);
    if (!bounds) this.map.setView([20, 0], MIN_ZOOM, { animate });
    // The zoom buttons sit over the start corner: keep the places clear of them.
    else this.map.fitBounds(bounds, { paddingTopLeft: [CONTROLS_INSET, PADDING], paddingBottomRight: [PADDING, PADDING], maxZoom: 10, animate });
  }

  /** Centres an item, zoomed in far enough that it stands alone. */
  centreOn(key: string): void {
    const index = this.items.findIndex((item) => item.key === key);
    if (index < 0) return;
    const zoom = this.map.getZoom();
    const k = this.options.clustering.zoomToSeparate(this.points, index, 2 ** zoom, 2 ** MAX_ZOOM, this.options.clusterRadius);
    const item = this.items[index]!;
    this.map.setView([item.lat, item.lon], Math.round(Math.log2(k)), { animate: this.animate });
  }

  /**
   * Zooms in on a cluster's items; false when they cannot be told apart at any zoom (one spot),
   * and the caller should list them instead.
   */
  zoomToCluster(items: readonly MapItem[]): boolean {
    const indices = items.map((item) => this.items.indexOf(item)).filter((i) => i >= 0);
    if (this.options.clustering.inseparable(this.points, indices, 2 ** MAX_ZOOM, this.options.clusterRadius)) return false;
    const bounds = this.bounds(items)!;
    const zoom = this.map.getZoom();
    const fit = Math.max(zoom + 1, this.map.getBoundsZoom(bounds.pad(0.2)));
    this.map.setView(bounds.getCenter(), Math.min(MAX_ZOOM, fit), { animate: this.animate });
    return true;
  }

  /** The items of the marker or cluster named `key` (its first item's key). */
  itemsOf(key: string): MapItem[] | undefined {
    return this.drawn.get(key)?.items;
  }

  /** Focuses the marker or cluster that holds the item; false when none is drawn. */
  focusItem(key: string): boolean {
    for (const drawn of this.drawn.values()) {
      if (drawn.items.some((item) => item.key === key)) {
        drawn.element.focus({ preventScroll: true });
        return true;
      }
    }
    return false;
  }

  destroy(): void {
    this.resize.disconnect();
    this.container.removeEventListener('keydown', this.onKey);
    this.map.remove();
    this.drawn.clear();
  }

  /** Whether to animate a move: not when motion is reduced, nor in a hidden tab, which draws no frames. */
  private get animate(): boolean {
    return !this.options.reducedMotion && !document.hidden;
  }

  private bounds(items: readonly MapItem[]): LatLngBounds | undefined {
    return items.length ? latLngBounds(items.map((item) => [item.lat, item.lon])) : undefined;
  }

  /** Clusters for the current zoom; only those in view (and a margin) get a marker, west to east. */
  private draw(): void {
    if (!this.fitted) return;
    const zoom = this.map.getZoom();
    const keys = this.items.map((item) => item.key);
    const { clusterPoints, westToEast } = this.options.clustering;
    const clusters = westToEast(clusterPoints(this.points, keys, 2 ** zoom, this.options.clusterRadius));
    const view = this.map.getBounds().pad(0.25);
    const focused = (this.container.getRootNode() as ShadowRoot | Document).activeElement;
    const focusedItem = [...this.drawn.values()].find((d) => d.element === focused)?.items[0]?.key;
    const next = new Map<string, Drawn>();
    let previous: HTMLElement | undefined;
    for (const cluster of clusters) {
      const items = cluster.members.map((m) => this.items[m]!);
      const at = this.map.unproject([cluster.x, cluster.y], 0);
      if (!view.contains(at)) continue;
      const signature = items.map((i) => i.key).join('|');
      let drawn = this.drawn.get(cluster.key);
      if (drawn && drawn.signature === signature) {
        drawn.marker.setLatLng(at);
        this.drawn.delete(cluster.key);
      } else {
        if (drawn) this.remove(drawn);
        this.drawn.delete(cluster.key);
        drawn = this.create(cluster.key, items, at, signature);
      }
      this.mark(drawn);
      next.set(cluster.key, drawn);
      // Keep the pane in west-to-east order, which is the order Tab follows.
      if (previous && previous.nextElementSibling !== drawn.element && drawn.element !== focused) {
        previous.after(drawn.element);
      }
      previous = drawn.element;
    }
    for (const stale of this.drawn.values()) this.remove(stale);
    this.drawn = next;
    // The focused marker merged into a cluster or split: focus what holds its first item now.
    if (focusedItem && focused && !focused.isConnected && !this.focusItem(focusedItem)) this.container.focus();
  }

  private create(key: string, items: MapItem[], at: { lat: number; lng: number }, signature: string): Drawn {
    const single = items.length === 1;
    const visual = document.createElement('span');
    visual.className = single ? 'tile-dot' : 'tile-bubble';
    visual.setAttribute('aria-hidden', 'true');
    if (!single) visual.textContent = this.options.count(items.length);
    const size = single ? 24 : 30;
    const marker = createMarker(at, {
      icon: divIcon({ html: visual, className: `tile-icon ${single ? 'is-marker' : 'is-cluster'}`, iconSize: [size, size] }),
      // Leaflet makes the icon a focusable role="button"; it carries the name.
      keyboard: true,
    });
    marker.addTo(this.map);
    const element = marker.getElement()!;
    element.dataset.key = key;
    element.setAttribute('aria-label', this.options.label(items));
    marker.on('click', () => this.options.activate(key, element));
    return { marker, element, items, signature };
  }

  /** Marks the marker or cluster that holds the selected item, in place (recreating it would lose focus). */
  private mark(drawn: Drawn): void {
    const selected = !!this.selectedKey && drawn.items.some((item) => item.key === this.selectedKey);
    const kind = drawn.items.length === 1 ? 'marker' : 'cluster';
    drawn.element.classList.toggle('is-selected', selected);
    drawn.element.setAttribute('part', selected ? `${kind} ${kind}-selected` : kind);
    if (selected && kind === 'marker') drawn.element.setAttribute('aria-current', 'true');
    else drawn.element.removeAttribute('aria-current');
  }

  private remove(drawn: Drawn): void {
    drawn.marker.off();
    drawn.marker.remove();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const key = target.dataset?.key;
    if (key && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.options.activate(key, target);
      return;
    }
    const animate = this.animate;
    const step = 80;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key in pans) this.map.panBy(pans[e.key]!, { animate });
    else if (e.key === '+' || e.key === '=') this.zoomIn();
    else if (e.key === '-' || e.key === '_') this.zoomOut();
    else if (e.key === '0') this.reset();
    else return;
    e.preventDefault();
  };
}
