/**
 * Loads the SVG map's code and geometry the first time a map needs them (their own chunks), once
 * the map comes within a screen of the viewport, and keeps the drawn basemap and the places'
 * positions until the places, region or size change. A map far down a page costs nothing while
 * the page loads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Basemap, RegionOption } from './basemap.js';
import type { MapItem } from './map-items.js';

type BasemapModule = typeof import('./basemap.js');

export interface MapLayout {
  basemap: Basemap;
  /** Each item's position in base coordinates, by key; items the projection cannot place are absent. */
  positions: Map<string, [number, number]>;
}

export type BasemapStatus = 'loading' | 'ready' | 'error';

export class BasemapController implements ReactiveController {
  status: BasemapStatus = 'loading';
  private module?: BasemapModule;
  private loading?: Promise<unknown>;
  private memo?: { items: readonly MapItem[]; region: string; width: number; height: number; layout: MapLayout };
  /** The map has come within a screen of the viewport (or the browser cannot tell). */
  private near = typeof IntersectionObserver !== 'function';
  private watcher?: IntersectionObserver;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    this.watcher = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.near = true;
        this.watcher?.disconnect();
        this.host.requestUpdate();
      },
      { rootMargin: '100% 0px' },
    );
    this.watcher.observe(this.host);
  }

  hostDisconnected(): void {
    this.watcher?.disconnect();
  }

  /**
   * The layout for these items in a `width` × `height` map, or undefined while code or geometry
   * load (the host renders again when they have).
   */
  layout(items: readonly MapItem[], option: RegionOption, width: number, height: number): MapLayout | undefined {
    if (!this.near) return undefined;
    const module = this.module;
    if (!module) {
      this.load(() => import('./basemap.js').then((m) => (this.module = m)));
      return undefined;
    }
    const region = module.chooseRegion(option, module.extentOf(items));
    const geometry = module.loadedGeometry(region);
    if (!geometry) {
      this.load(() => module.loadGeometry(region));
      return undefined;
    }
    if (!(width > 0 && height > 0)) return undefined;
    const memo = this.memo;
    const key = `${option}:${region}`;
    if (memo && memo.items === items && memo.region === key && memo.width === width && memo.height === height) {
      return memo.layout;
    }
    const basemap = module.drawBasemap(geometry, region, option === region, items, width, height);
    const positions = new Map<string, [number, number]>();
    for (const item of items) {
      const xy = basemap.project(item.lon, item.lat);
      if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) positions.set(item.key, xy);
    }
    const layout = { basemap, positions };
    this.memo = { items, region: key, width, height, layout };
    this.status = 'ready';
    return layout;
  }

  private load(step: () => Promise<unknown>): void {
    if (this.loading || this.status === 'error') return;
    this.status = 'loading';
    this.loading = step().then(
      () => {
        this.loading = undefined;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.status = 'error';
        console.error('[civic-widgets] the map could not be loaded', error);
        this.host.requestUpdate();
      },
    );
  }
}
