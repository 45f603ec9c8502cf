/**
 * The SVG map: the basemap drawn once in base coordinates and moved with one transform, and a
 * layer of markers and clusters, each a focusable button, placed at base × zoom and panned with
 * the layer. Attributes only (`transform`, `d`): nothing here needs an inline style.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MapLayout } from './basemap-controller.js';
import { clusterCount } from './labels.js';
import type { MapItem } from './map-items.js';
import type { View } from './pan-zoom.js';

/** A marker or cluster as drawn. */
export interface MapMarker {
  /** The key of its first item. */
  key: string;
  /** Position in the marker layer: base coordinates times the zoom. */
  x: number;
  y: number;
  items: MapItem[];
  /** Accessible name. */
  label: string;
  /** It is, or holds, the selected item. */
  selected: boolean;
}

/**
 * A marker's dot and its hit area (24 × 24 px, WCAG 2.5.8), in pixels. Everything a marker or
 * cluster draws stays inside its hit area, so no two buttons overlap when the clusters keep them
 * `CLUSTER_RADIUS` apart.
 */
export const MARKER_RADIUS = 7;
const HIT_RADIUS = 12;
/** The largest a cluster grows, as a radius: 30 px across. */
export const MAX_CLUSTER_RADIUS = 15;

function clusterRadius(count: number): number {
  return Math.min(MAX_CLUSTER_RADIUS, 12 + 1.5 * Math.log10(count));
}

const n = (value: number) => Math.round(value * 10) / 10;

function marker(m: MapMarker, locale: string): SVGTemplateResult {
  const at = `translate(${n(m.x)} ${n(m.y)})`;
  if (m.items.length === 1) {
    return svg`<g class="marker" part=${m.selected ? 'marker marker-selected' : 'marker'} role="button" tabindex="0"
      aria-label=${m.label} aria-current=${m.selected ? 'true' : nothing} data-key=${m.key} transform=${at}>
      <circle class="hit" r=${HIT_RADIUS}></circle>
      <circle class="ring" r=${HIT_RADIUS - 1.5}></circle>
      <circle class="dot" r=${m.selected ? MARKER_RADIUS + 2 : MARKER_RADIUS}></circle>
    </g>`;
  }
  const r = clusterRadius(m.items.length);
  return svg`<g class="cluster" part=${m.selected ? 'cluster cluster-selected' : 'cluster'} role="button" tabindex="0"
    aria-label=${m.label} data-key=${m.key} transform=${at}>
    <circle class="bubble" r=${r - 1}></circle>
    <text class="count" aria-hidden="true" dy="0.35em">${clusterCount(m.items.length, locale)}</text>
  </g>`;
}

export function renderSvgMap(
  layout: MapLayout,
  view: View,
  markers: readonly MapMarker[],
  locale: string,
): TemplateResult {
  const { basemap } = layout;
  return html`<svg
    class="surface"
    width=${basemap.width}
    height=${basemap.height}
    viewBox="0 0 ${basemap.width} ${basemap.height}"
    data-region=${basemap.region}
  >
    <g class="basemap" aria-hidden="true" transform="translate(${n(view.x)} ${n(view.y)}) scale(${view.k})">
      <path class="water" d=${basemap.sphere}></path>
      <path class="land" d=${basemap.land}></path>
      ${basemap.states ? svg`<path class="land states" d=${basemap.states}></path>` : nothing}
      ${basemap.stateBorders ? svg`<path class="state-borders" d=${basemap.stateBorders}></path>` : nothing}
      <path class="borders" d=${basemap.borders}></path>
    </g>
    <g class="markers" transform="translate(${n(view.x)} ${n(view.y)})">
      ${repeat(markers, (m) => m.key, (m) => marker(m, locale))}
    </g>
  </svg>`;
}
