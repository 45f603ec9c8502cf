import type { Feed, Location } from '../feed/types.js';
import { foldText } from '../shared/text-search.js';

/** A point on the globe (WGS 84 degrees). */
export interface Point {
  lat: number;
  lon: number;
}

/** A point a visitor may measure from: a place of the feed, or the browser's location. */
export interface NearPoint extends Point {
  /** `place:<id>` or `location:<name>` for the feed's own places; `mine` for the browser's location. */
  key: string;
  name: string;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A location's point, when it has one. */
export function pointOf(location: Location | undefined): Point | undefined {
  return location && typeof location.lat === 'number' && typeof location.lon === 'number'
    ? { lat: location.lat, lon: location.lon }
    : undefined;
}

/**
 * The points a visitor can choose from, all from the feed itself (nothing is looked up
 * elsewhere): its `places`, then the locations of its groups and events. A location at the same
 * point as one already listed is left out, so one branch's rooms make one entry.
 */
export function knownPlaces(feed: Feed): NearPoint[] {
  const out: NearPoint[] = [];
  const names = new Set<string>();
  const points = new Set<string>();
  const add = (key: string, name: string, point: Point) => {
    const folded = foldText(name);
    const at = `${point.lat.toFixed(4)},${point.lon.toFixed(4)}`;
    if (names.has(folded) || points.has(at)) return;
    names.add(folded);
    points.add(at);
    out.push({ key, name, ...point });
  };
  for (const place of feed.places) add(`place:${place.id}`, place.name, place);
  const locations = [...feed.groups.map((g) => g.location), ...feed.events.map((e) => e.location)];
  // Shorter names first, so "Main Branch" wins over "Main Branch, Room 204" at the same point.
  const located = locations
    .filter((l): l is Location & { name: string } => !!l?.name && !!pointOf(l))
    .sort((a, b) => a.name.length - b.name.length);
  for (const location of located) add(`location:${location.name}`, location.name, pointOf(location)!);
  return out;
}

/** Regions whose people measure distance in miles. */
const MILE_REGIONS = new Set(['US', 'GB', 'LR', 'MM']);

/** `mile` where the locale's region measures in miles (en-US, en-GB), else `kilometer`. */
export function distanceUnit(locale: string): 'kilometer' | 'mile' {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && MILE_REGIONS.has(region) ? 'mile' : 'kilometer';
  } catch {
    return 'kilometer';
  }
}

const KM_PER_MILE = 1.609344;

const distanceFormats = new Map<string, Intl.NumberFormat>();

/** A distance in the locale's words and unit: "2.4 mi", "3,9 km". */
export function formatDistance(km: number, locale: string, unit: 'kilometer' | 'mile'): string {
  const value = unit === 'mile' ? km / KM_PER_MILE : km;
  const digits = value < 10 ? 1 : 0;
  const key = `${locale}:${unit}:${digits}`;
  let format = distanceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
    distanceFormats.set(key, format);
  }
  return format.format(value);
}
