/**
 * The SVG basemap, drawn once per projection and size: the land, borders and (for the US) states
 * become path strings in base coordinates, which the map then pans and zooms with one transform.
 * This module and d3-geo load only when an SVG map is on the page; the element imports it lazily.
 */
import { geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { loadedGeometry, loadGeometry, type Geometry } from './geometry.js';
import { chooseRegion, extentOf, fitExtent, fittedProjection, type MapRegion, type RegionOption } from './projection.js';

export { chooseRegion, extentOf, loadGeometry, loadedGeometry };
export type { MapRegion, RegionOption };

export interface Basemap {
  region: MapRegion;
  width: number;
  height: number;
  /** The globe's outline: the water. */
  sphere: string;
  land: string;
  borders: string;
  states: string;
  stateBorders: string;
  /** [lon, lat] → base coordinates, or null where the projection has no point. */
  project(lon: number, lat: number): [number, number] | null;
  /** Base coordinates → [lon, lat]. */
  invert(x: number, y: number): [number, number] | null;
}

/**
 * Room kept free around the places when the map is fitted to them, in pixels: a marker's size
 * all round, and the zoom buttons' width at the start. The whole globe needs less.
 */
const PLACES_INSETS = { top: 28, end: 28, bottom: 28, start: 64 };
const SPHERE_INSETS = { top: 8, end: 8, bottom: 8, start: 56 };

/**
 * The basemap for the region, fitted to the places (and, for a region named in the attribute, to
 * the whole region) in a `width` × `height` box. The region's geometry must have loaded.
 */
export function drawBasemap(
  geometry: Geometry,
  region: MapRegion,
  explicit: boolean,
  places: Iterable<{ lat: number; lon: number }>,
  width: number,
  height: number,
): Basemap {
  const target = fitExtent(region, explicit, extentOf(places));
  const insets = target === 'sphere' ? SPHERE_INSETS : PLACES_INSETS;
  const projection: GeoProjection = fittedProjection(region, target, width, height, insets);
  // Two decimals are finer than a pixel at the deepest zoom the map allows, and keep the strings short.
  const path = geoPath(projection).digits(2);
  const collection = (features: Geometry['land']): FeatureCollection => ({ type: 'FeatureCollection', features });
  return {
    region,
    width,
    height,
    sphere: path({ type: 'Sphere' }) ?? '',
    land: path(collection(geometry.land)) ?? '',
    borders: path(geometry.borders) ?? '',
    states: geometry.states ? (path(collection(geometry.states)) ?? '') : '',
    stateBorders: geometry.stateBorders ? (path(geometry.stateBorders) ?? '') : '',
    project: (lon, lat) => projection([lon, lat]),
    invert: (x, y) => projection.invert?.([x, y]) ?? null,
  };
}
