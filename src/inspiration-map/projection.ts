/**
 * Which part of the Earth the map shows and how it is flattened: a region is chosen from the
 * attribute or from where the places are, then a projection suited to it is fitted to the places.
 */
import { geoAlbers, geoConicEqualArea, geoEqualEarth, type GeoProjection } from 'd3-geo';
import type { MultiPoint } from 'geojson';

/** What the `region` attribute accepts. */
export type RegionOption = 'auto' | MapRegion;
export type MapRegion = 'us' | 'north-america' | 'world';

export const REGIONS: readonly RegionOption[] = ['auto', 'us', 'north-america', 'world'];

/** A box in degrees. `west` > `east` never happens here: extents that cross ±180° are the world. */
export interface GeoExtent {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The area each region shows at least, when it is chosen by name. */
const REGION_BOUNDS: Record<Exclude<MapRegion, 'world'>, GeoExtent> = {
  // The contiguous United States.
  us: { west: -124.8, south: 24.5, east: -66.9, north: 49.4 },
  'north-america': { west: -168, south: 7, east: -52, north: 72 },
};

/** The boxes within which places make `auto` choose a region: each a little wider than the region. */
const AUTO_BOUNDS: [Exclude<MapRegion, 'world'>, GeoExtent][] = [
  ['us', { west: -130, south: 23, east: -60, north: 52 }],
  ['north-america', { west: -170, south: 5, east: -50, north: 84 }],
];

/** Smallest area shown around the places (degrees of longitude, latitude), so one place is not a blur. */
const MIN_SPAN: Record<MapRegion, [number, number]> = {
  us: [8, 5],
  'north-america': [12, 8],
  world: [30, 20],
};

/** The bounding box of the points, or undefined for none. */
export function extentOf(points: Iterable<{ lat: number; lon: number }>): GeoExtent | undefined {
  let extent: GeoExtent | undefined;
  for (const { lat, lon } of points) {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (!extent) extent = { west: lon, south: lat, east: lon, north: lat };
    else {
      extent.west = Math.min(extent.west, lon);
      extent.east = Math.max(extent.east, lon);
      extent.south = Math.min(extent.south, lat);
      extent.north = Math.max(extent.north, lat);
    }
  }
  return extent;
}

function within(inner: GeoExtent, outer: GeoExtent): boolean {
  return inner.west >= outer.west && inner.east <= outer.east && inner.south >= outer.south && inner.north <= outer.north;
}

/** The region `option` names, or for `auto` the smallest one that holds every place (the world for none). */
export function chooseRegion(option: RegionOption | string | undefined, extent: GeoExtent | undefined): MapRegion {
  if (option === 'us' || option === 'north-america' || option === 'world') return option;
  if (!extent) return 'world';
  for (const [region, box] of AUTO_BOUNDS) if (within(extent, box)) return region;
  return 'world';
}

/** A fresh projection suited to the region: conic equal-area for the US and North America, Equal Earth for the world. */
export function projectionFor(region: MapRegion): GeoProjection {
  switch (region) {
    case 'us':
      // Albers: equal-area, standard parallels 29.5° and 45.5°, centred on the contiguous states.
      return geoAlbers();
    case 'north-america':
      return geoConicEqualArea().parallels([20, 60]).rotate([100, 0]).center([0, 45]);
    default:
      return geoEqualEarth();
  }
}

/** The box to fit: the places' extent grown to a minimum size, and the named region when one was asked for. */
export function fitExtent(region: MapRegion, explicit: boolean, places: GeoExtent | undefined): GeoExtent | 'sphere' {
  if (explicit && region === 'world') return 'sphere';
  let box = places ? grow(places, MIN_SPAN[region]) : undefined;
  if (explicit || !box) {
    if (region === 'world') return box ?? 'sphere';
    const named = REGION_BOUNDS[region];
    box = box ? union(box, named) : { ...named };
  }
  return box.east - box.west >= 300 ? 'sphere' : box;
}

function grow(box: GeoExtent, [minLon, minLat]: [number, number]): GeoExtent {
  const padLon = Math.max(0, (minLon - (box.east - box.west)) / 2);
  const padLat = Math.max(0, (minLat - (box.north - box.south)) / 2);
  return {
    west: Math.max(-180, box.west - padLon),
    east: Math.min(180, box.east + padLon),
    south: Math.max(-85, box.south - padLat),
    north: Math.min(85, box.north + padLat),
  };
}

function union(a: GeoExtent, b: GeoExtent): GeoExtent {
  return {
    west: Math.min(a.west, b.west),
    south: Math.min(a.south, b.south),
    east: Math.max(a.east, b.east),
    north: Math.max(a.north, b.north),
  };
}

/**
 * The outline of a box as points along its edges. Fitting to points rather than to a polygon
 * sidesteps great-circle edges and winding order: a parallel stays a parallel.
 */
export function outline(box: GeoExtent, steps = 12): MultiPoint {
  const coordinates: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = box.west + ((box.east - box.west) * i) / steps;
    const lat = box.south + ((box.north - box.south) * i) / steps;
    coordinates.push([lon, box.south], [lon, box.north], [box.west, lat], [box.east, lat]);
  }
  return { type: 'MultiPoint', coordinates };
}

/** Room kept free around the fitted area, in pixels: the map's zoom buttons sit at the start edge. */
export interface Insets {
  top: number;
  end: number;
  bottom: number;
  start: number;
}

/** The region's projection, scaled and translated so that `target` fills `width` × `height` less `insets`. */
export function fittedProjection(
  region: MapRegion,
  target: GeoExtent | 'sphere',
  width: number,
  height: number,
  insets: Insets,
): GeoProjection {
  const projection = projectionFor(region);
  // On a tiny map the insets give way, so the places never get squeezed into nothing.
  const x0 = Math.min(insets.start, width / 4);
  const x1 = width - Math.min(insets.end, width / 4);
  const y0 = Math.min(insets.top, height / 4);
  const y1 = height - Math.min(insets.bottom, height / 4);
  const object: MultiPoint | { type: 'Sphere' } = target === 'sphere' ? { type: 'Sphere' } : outline(target);
  return projection.fitExtent(
    [
      [x0, y0],
      [Math.max(x0 + 1, x1), Math.max(y0 + 1, y1)],
    ],
    object,
  );
}
