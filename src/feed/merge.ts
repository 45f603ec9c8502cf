/**
 * Many sources, one feed: what `civic-widgets feed build` and the server do with a library's
 * calendars, spreadsheets and catalogues. Pure data: the command reads the sources, this decides
 * what the merged feed holds.
 *
 * - `withDefaults` fills the fields a source's items lack (topics, audience, location, organizer,
 *   a time zone…) before the normalizer checks them, and pins each event to its own calendar's
 *   zone, so floating times keep their meaning once calendars from several zones share one feed.
 * - `mergeFeeds` joins normalized feeds. Every item remembers its source (`extra.source`), so a
 *   later build can keep a failing source's items from the previous output. The same event seen
 *   twice (same id, or same link, at the same start) is kept once; two different events that
 *   happen to share an id are both kept, the later one renamed.
 */
import type { FeedList } from './adapter.js';
import { LIST_FIELDS } from './normalize.js';
import type { CivicEvent, Extra, Feed } from './types.js';

type Json = Record<string, unknown>;

const LISTS: readonly FeedList[] = ['events', 'groups', 'resources', 'places'];

/** One source's normalized feed, under the label the report names it by. */
export interface LabelledFeed {
  label: string;
  feed: Feed;
}

/** An item left out of the merged feed, or renamed in it. */
export interface MergeNote {
  source: string;
  list: FeedList;
  id: string;
  reason: string;
}

/**
 * A source's raw document with `defaults` filled in where its items lack a field (only fields
 * the item's list knows), and its events pinned to the document's zone (or `defaults.timezone`).
 */
export function withDefaults(raw: Json, defaults: Json | undefined): Json {
  const zone = typeof defaults?.timezone === 'string' ? defaults.timezone : typeof raw.timezone === 'string' ? raw.timezone : undefined;
  const out: Json = { ...raw };
  for (const list of LISTS) {
    const items = raw[list];
    if (!Array.isArray(items)) continue;
    out[list] = items.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      const filled: Json = { ...(item as Json) };
      for (const [field, value] of Object.entries(defaults ?? {})) {
        if (!LIST_FIELDS[list].has(field) || field === 'id' || isPresent(filled[field])) continue;
        filled[field] = structuredClone(value);
      }
      if (list === 'events' && zone && !isPresent(filled.timezone)) filled.timezone = zone;
      return filled;
    });
  }
  return out;
}

/** Joins the feeds in order: where two carry the same item, the earlier source's copy stays. */
export function mergeFeeds(sources: readonly LabelledFeed[], head: Pick<Feed, 'title' | 'timezone'> = {}): { feed: Feed; notes: MergeNote[] } {
  const feed: Feed = { version: '1', events: [], groups: [], resources: [], places: [] };
  if (head.title) feed.title = head.title;
  if (head.timezone) feed.timezone = head.timezone;
  const notes: MergeNote[] = [];
  const eventsById = new Map<string, { event: CivicEvent; source: string }>();
  const eventsByLink = new Map<string, string>();
  const seen: Record<Exclude<FeedList, 'events'>, Map<string, string>> = { groups: new Map(), resources: new Map(), places: new Map() };
  const resourceLinks = new Map<string, string>();

  for (const { label, feed: part } of sources) {
    const renamed = new Map<string, string>();
    const keptHere: CivicEvent[] = [];
    for (const event of part.events) {
      const key = event.url ? `${event.url} ${event.start}` : undefined;
      const same = eventsById.get(event.id);
      if (same && same.event.start === event.start && same.event.seriesId === event.seriesId) {
        notes.push({ source: label, list: 'events', id: event.id, reason: `the same event as in ${same.source}: kept once` });
        continue;
      }
      if (key && eventsByLink.has(key)) {
        notes.push({ source: label, list: 'events', id: event.id, reason: `the same link and start as an event of ${eventsByLink.get(key)}: kept once` });
        continue;
      }
      let id = event.id;
      if (same) {
        id = uniqueId(`${event.id}~${slug(label)}`, eventsById);
        renamed.set(event.id, id);
        notes.push({ source: label, list: 'events', id: event.id, reason: `another event of ${same.source} has this id: renamed "${id}"` });
      }
      const kept = tagged(id === event.id ? event : { ...event, id }, label);
      eventsById.set(id, { event: kept, source: label });
      if (key) eventsByLink.set(key, label);
      feed.events.push(kept);
      keptHere.push(kept);
    }
    // An override names its series by id: follow the series if it was renamed (a copy, so the
    // source's own item keeps the id it came with).
    if (renamed.size) {
      for (let i = 0; i < keptHere.length; i++) {
        const event = keptHere[i]!;
        const series = event.seriesId ? renamed.get(event.seriesId) : undefined;
        if (!series) continue;
        const moved = { ...event, seriesId: series };
        feed.events[feed.events.indexOf(event)] = moved;
        eventsById.set(moved.id, { event: moved, source: label });
      }
    }
    for (const list of ['groups', 'resources', 'places'] as const) {
      for (const item of part[list]) {
        const first = seen[list].get(item.id);
        const link = list === 'resources' ? (item as { url: string }).url : undefined;
        const sameLink = link ? resourceLinks.get(link) : undefined;
        if (first !== undefined || sameLink !== undefined) {
          const reason = first !== undefined ? `the same id as in ${first}: the first is kept` : `the same link as a resource of ${sameLink}: kept once`;
          notes.push({ source: label, list, id: item.id, reason });
          continue;
        }
        seen[list].set(item.id, label);
        if (link) resourceLinks.set(link, label);
        (feed[list] as unknown[]).push(tagged(item, label));
      }
    }
  }
  return { feed, notes };
}

/** A feed's items that came from one source (read back from an earlier merged output). */
export function itemsFrom(feed: Feed, label: string): Feed {
  const from = <T extends { extra?: Extra }>(items: T[]) => items.filter((item) => item.extra?.source === label);
  return { version: '1', events: from(feed.events), groups: from(feed.groups), resources: from(feed.resources), places: from(feed.places) };
}

/**
 * Marks an item with its source, in place: a source's items are its own, and only ever marked
 * with its own label, so marking them again (the next build) changes nothing.
 */
function tagged<T extends { extra?: Extra }>(item: T, label: string): T {
  if (item.extra?.source !== label) item.extra = { ...item.extra, source: label };
  return item;
}

function uniqueId(base: string, taken: Map<string, unknown>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'source';
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length);
}
