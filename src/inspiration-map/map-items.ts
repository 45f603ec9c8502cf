/**
 * What the map shows, in one shape: the feed's places, and, when asked, the events and groups that
 * have coordinates. Pure functions of the normalized feed.
 */
import type { CivicEvent, Feed, Group, Place } from '../feed/types.js';

export type MapItemKind = 'place' | 'event' | 'group';

/** The `show` attribute's words, in the order the lists are read. */
export const SHOW_VALUES = { places: 'place', events: 'event', groups: 'group' } as const;
export type ShowValue = keyof typeof SHOW_VALUES;

export interface MapItem {
  /** Unique across kinds: `place:pittsburgh-data-day`. */
  key: string;
  kind: MapItemKind;
  id: string;
  name: string;
  lat: number;
  lon: number;
  program?: string;
  organizer?: string;
  /** City, or a venue's name and address. */
  city?: string;
  region?: string;
  /** ISO 3166 code, as the feed gives it. */
  country?: string;
  description?: string;
  url?: string;
  /** Year a program started. */
  started?: number;
  /** An event's start, as the feed gives it. */
  start?: string;
  /** When a group meets, in words. */
  cadence?: string;
  topics: string[];
  source: Place | CivicEvent | Group;
}

/** The kinds `show` asks for (unknown words ignored); places when it names none. */
export function kindsOf(show: readonly string[]): MapItemKind[] {
  const kinds = new Set<MapItemKind>();
  for (const word of show) {
    const key = word.trim().toLowerCase();
    if (key in SHOW_VALUES) kinds.add(SHOW_VALUES[key as ShowValue]);
  }
  return kinds.size ? [...kinds] : ['place'];
}

const located = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) &&
  Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function fromPlace(p: Place): MapItem {
  return {
    key: `place:${p.id}`,
    kind: 'place',
    id: p.id,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    program: p.program,
    organizer: p.organizer,
    city: p.city,
    region: p.region,
    country: p.country,
    description: p.description,
    url: p.url,
    started: p.started,
    topics: p.topics ?? [],
    source: p,
  };
}

function fromEvent(e: CivicEvent, untitled: string): MapItem | undefined {
  const at = e.location;
  if (!at || !located(at.lat, at.lon)) return undefined;
  return {
    key: `event:${e.id}`,
    kind: 'event',
    id: e.id,
    name: e.title || untitled,
    lat: at.lat!,
    lon: at.lon!,
    organizer: e.organizer?.name,
    city: at.name ?? at.address,
    description: e.description,
    url: e.url,
    start: e.start,
    topics: e.topics ?? [],
    source: e,
  };
}

function fromGroup(g: Group): MapItem | undefined {
  const at = g.location;
  if (!at || !located(at.lat, at.lon)) return undefined;
  return {
    key: `group:${g.id}`,
    kind: 'group',
    id: g.id,
    name: g.name,
    lat: at.lat!,
    lon: at.lon!,
    organizer: g.contact?.name,
    city: at.name ?? at.address,
    description: g.description,
    url: g.url,
    cadence: g.cadence,
    topics: g.topics ?? [],
    source: g,
  };
}

/**
 * The items to map, in the feed's order: places, then events, then groups. An event that replaces
 * one date of a series is left out (its series is on the map already), as is anything without
 * valid coordinates. `untitled` names an event without a title, in the map's language.
 */
export function mapItems(feed: Feed, kinds: readonly MapItemKind[], untitled = ''): MapItem[] {
  const items: MapItem[] = [];
  if (kinds.includes('place')) {
    for (const p of feed.places) if (located(p.lat, p.lon)) items.push(fromPlace(p));
  }
  if (kinds.includes('event')) {
    for (const e of feed.events) {
      if (e.recurrenceId && e.seriesId) continue;
      const item = fromEvent(e, untitled);
      if (item) items.push(item);
    }
  }
  if (kinds.includes('group')) {
    for (const g of feed.groups) {
      const item = fromGroup(g);
      if (item) items.push(item);
    }
  }
  return items;
}

/** What the visitor filters by. Empty strings mean "any". */
export interface MapFilter {
  topic: string;
  program: string;
}

export function matches(item: MapItem, filter: MapFilter): boolean {
  if (filter.topic && !item.topics.includes(filter.topic)) return false;
  if (filter.program && item.program !== filter.program) return false;
  return true;
}

/** The distinct topics and programs among the items, each in first-seen order. */
export function facetsOf(items: readonly MapItem[]): { topics: string[]; programs: string[] } {
  const topics = new Set<string>();
  const programs = new Set<string>();
  for (const item of items) {
    item.topics.forEach((t) => topics.add(t));
    if (item.program) programs.add(item.program);
  }
  return { topics: [...topics], programs: [...programs] };
}
