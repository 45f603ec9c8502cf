/**
 * Keeps a Leaflet tile map in step with the element: loads Leaflet (its own chunk) the first time
 * a page sets `tiles`, adopts its stylesheet into the shadow root, and lets the map go when the
 * element leaves the page or the tiles are turned off.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapItem } from './map-items.js';
import type { TileMap, TileMapOptions } from './tile-map.js';

type Host = ReactiveControllerHost & HTMLElement;

export class TileMapController implements ReactiveController {
  /** The Leaflet map, once it is made. */
  map?: TileMap;
  private container?: HTMLElement;
  private tiles?: string;
  private loading = false;

  constructor(
    private readonly host: Host,
    private readonly options: () => Omit<TileMapOptions, 'tiles'>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release();
  }

  /** Shows `items` on tiles in `container`, or lets the map go when there is no container. */
  sync(container: HTMLElement | null, tiles: string | undefined, items: readonly MapItem[], selectedKey?: string): void {
    if (this.map && (container !== this.container || tiles !== this.tiles)) this.release();
    if (!container || !tiles) return;
    if (this.map) {
      this.map.update(items, selectedKey);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    import('./tile-map.js')
      .then((module) => {
        this.loading = false;
        const root = this.host.shadowRoot;
        const sheet = module.tileMapStyles.styleSheet;
        if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        if (!this.host.isConnected || !container.isConnected) return;
        this.container = container;
        this.tiles = tiles;
        this.map = new module.TileMap(container, { ...this.options(), tiles });
        this.host.requestUpdate();
      })
      .catch((error: unknown) => {
        this.loading = false;
        console.error('[civic-widgets] the tile map could not be loaded', error);
      });
  }

  private release(): void {
    this.map?.destroy();
    this.map = undefined;
    this.container = undefined;
    this.tiles = undefined;
  }
}
