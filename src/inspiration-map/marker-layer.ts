/**
 * The SVG map's markers: the shown places clustered for the zoom the view is heading to, kept
 * until the places, the layout or that zoom change; and, per frame, those in view.
 */
import type { MapLayout } from './basemap-controller.js';
import { clusterPoints, inseparable, westToEast, zoomToSeparate, type Cluster, type ClusterPoint } from './clusters.js';
import { clusterName, markerName, type Translate } from './labels.js';
import type { MapItem } from './map-items.js';
import { centredOn, viewOfBox, ZOOM_STEP, type View } from './pan-zoom.js';
import type { MapMarker } from './svg-map.js';

/** Markers this far outside the viewport are still drawn, so a small pan shows no gap. */
const CULL_MARGIN = 48;

export interface Clustered {
  shown: readonly MapItem[];
  layout: MapLayout;
  k: number;
  /** The shown items the projection could place, and their base positions. */
  placed: MapItem[];
  points: ClusterPoint[];
  /** West to east. */
  clusters: Cluster[];
  byKey: Map<string, Cluster>;
  /** Item key → key of the marker or cluster that holds it. */
  holder: Map<string, string>;
}

export class MarkerLayer {
  private memo?: Clustered;
  /** Accessible names by cluster key, in the language of `labelsIn`. */
  private labels = new Map<string, string>();
  private labelsIn = '';

  constructor(
    private readonly radius: number,
    /** The deepest zoom, relative to the fit. */
    private readonly maxZoom: number,
  ) {}

  /** The clusters last made, if any. */
  get current(): Clustered | undefined {
    return this.memo;
  }

  /** The shown items clustered at zoom `k`. */
  cluster(layout: MapLayout, shown: readonly MapItem[], k: number): Clustered {
    const memo = this.memo;
    if (memo && memo.shown === shown && memo.layout === layout && memo.k === k) return memo;
    let placed: MapItem[] = [];
    let points: ClusterPoint[] = [];
    if (memo && memo.shown === shown && memo.layout === layout) {
      ({ placed, points } = memo);
    } else {
      for (const item of shown) {
        const xy = layout.positions.get(item.key);
        if (!xy) continue;
        placed.push(item);
        points.push({ x: xy[0], y: xy[1] });
      }
    }
    const clusters = westToEast(clusterPoints(points, placed.map((i) => i.key), k, this.radius));
    const byKey = new Map<string, Cluster>();
    const holder = new Map<string, string>();
    for (const cluster of clusters) {
      byKey.set(cluster.key, cluster);
      for (const m of cluster.members) holder.set(placed[m]!.key, cluster.key);
    }
    this.labels.clear();
    this.memo = { shown, layout, k, placed, points, clusters, byKey, holder };
    return this.memo;
  }

  /** The markers and clusters of `c` in view (and a margin), west to east. */
  markers(c: Clustered, view: View, ctx: { t: Translate; locale: string; selectedKey?: string }): MapMarker[] {
    const { k, x, y } = view;
    const { width, height } = c.layout.basemap;
    const { t, locale } = ctx;
    const selectedHolder = ctx.selectedKey ? c.holder.get(ctx.selectedKey) : undefined;
    // Names are made once per cluster, and again when the language (or its catalogue, loaded late) changes.
    const language = `${locale}:${t('mapMore', { count: 2 })}`;
    if (this.labelsIn !== language) {
      this.labels.clear();
      this.labelsIn = language;
    }
    const markers: MapMarker[] = [];
    for (const cluster of c.clusters) {
      const sx = cluster.x * k;
      const sy = cluster.y * k;
      if (sx + x < -CULL_MARGIN || sx + x > width + CULL_MARGIN || sy + y < -CULL_MARGIN || sy + y > height + CULL_MARGIN) {
        continue;
      }
      const items = cluster.members.map((m) => c.placed[m]!);
      let label = this.labels.get(cluster.key);
      if (label === undefined) {
        label = items.length === 1 ? markerName(items[0]!) : clusterName(items, t, locale);
        this.labels.set(cluster.key, label);
      }
      markers.push({ key: cluster.key, x: sx, y: sy, items, label, selected: cluster.key === selectedHolder });
    }
    return markers;
  }

  /**
   * The view that zooms in on a cluster far enough to split it (a step at least), or undefined
   * when its members share a spot no zoom can split.
   */
  viewInto(c: Clustered, cluster: Cluster, zoom: number): View | undefined {
    if (inseparable(c.points, cluster.members, this.maxZoom, this.radius)) return undefined;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const m of cluster.members) {
      const p = c.points[m]!;
      [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
    }
    const { width, height } = c.layout.basemap;
    const fit = viewOfBox([x0, y0, x1, y1], width, height, this.radius * 1.5, this.maxZoom);
    const k = Math.min(this.maxZoom, Math.max(fit.k, zoom * ZOOM_STEP));
    return centredOn((x0 + x1) / 2, (y0 + y1) / 2, k, width, height);
  }

  /** The view centred on an item, zoomed in just far enough that it stands alone. */
  viewOnto(c: Clustered, item: MapItem, zoom: number): View | undefined {
    const index = c.placed.indexOf(item);
    if (index < 0) return undefined;
    const p = c.points[index]!;
    const k = zoomToSeparate(c.points, index, zoom, this.maxZoom, this.radius);
    return centredOn(p.x, p.y, k, c.layout.basemap.width, c.layout.basemap.height);
  }
}
