/**
 * Which dated occurrence a registration is for. Every date comes from `expandOccurrences`, the one
 * occurrence function, so the form and the calendar always agree on when an event happens.
 */
import { displayZone } from '../feed/display-zone.js';
import { eventIndex } from '../feed/event-index.js';
import { expandOccurrences, type Occurrence } from '../feed/occurrences.js';
import { seriesSessions, seriesSpan } from '../feed/rsvp-series.js';
import type { CivicEvent, Feed } from '../feed/types.js';
import { parseFeedDate, wallToEpoch } from '../feed/zoned-time.js';

/** How far ahead the picker looks, and how many dates it offers at most. */
const LOOKAHEAD_MS = 400 * 86_400_000;
export const MAX_PICKER_DATES = 24;

/** The zone a form shows its event's times in (display-zone.ts): the event's own, else the feed's, else the viewer's. */
export function eventZone(event: CivicEvent, feed: Pick<Feed, 'timezone'>): string {
  return displayZone({ event: event.timezone, feed: feed.timezone });
}

/** A series whose dates the visitor picks from: it has a rule and is not itself an override. */
export function isRecurring(event: CivicEvent): boolean {
  return !!event.rrule && !(event.seriesId && event.recurrenceId);
}

/** A one-off event's (or an override's) single occurrence. */
export async function singleOccurrence(event: CivicEvent, feed: Pick<Feed, 'timezone'>): Promise<Occurrence | undefined> {
  const [occurrence] = await expandOccurrences([{ ...event, rrule: undefined }], {
    from: new Date(Date.UTC(1900, 0, 1)),
    to: new Date(Date.UTC(9999, 0, 1)),
    timeZone: eventZone(event, feed),
    feedTimeZone: feed.timezone,
    limit: 1,
  });
  return occurrence;
}

/**
 * A series' occurrences that have not started yet, with the feed's overrides applied (a moved date
 * at its new time, a renamed session under its own title); cancelled ones are left out.
 */
export async function upcomingOccurrences(series: CivicEvent, feed: Feed, now: number): Promise<Occurrence[]> {
  const overrides = eventIndex(feed.events).overrides.get(series.id) ?? [];
  const all = await expandOccurrences([series, ...overrides], {
    from: new Date(now),
    to: new Date(now + LOOKAHEAD_MS),
    timeZone: eventZone(series, feed),
    feedTimeZone: feed.timezone,
    limit: MAX_PICKER_DATES * 4,
  });
  return all.filter((o) => o.status !== 'cancelled' && o.startMs > now).slice(0, MAX_PICKER_DATES);
}

/**
 * The sessions of a series that takes one registration for all of them (rsvp-series.ts), past ones
 * too, by start, and the series with its overrides (for its .ics).
 */
export async function seriesSessionsOf(series: CivicEvent, feed: Feed): Promise<{ sessions: Occurrence[]; events: CivicEvent[] }> {
  const overrides = eventIndex(feed.events).overrides.get(series.id) ?? [];
  const asked = seriesSpan(series, overrides, feed, eventZone(series, feed));
  if (!asked) return { sessions: [], events: [series] };
  return { sessions: seriesSessions(await expandOccurrences(asked.events, asked.span)).sessions, events: asked.events };
}

/**
 * The occurrence a value names (the `occurrence` attribute, a calendar's selection): the same
 * instant however its offset is written, a floating time read in `zone`, or a date.
 */
export function findOccurrence(list: Occurrence[], value: string | undefined, zone: string): Occurrence | undefined {
  if (!value) return undefined;
  const exact = list.find((o) => o.start === value);
  if (exact) return exact;
  const parsed = parseFeedDate(value.trim());
  if (!parsed) return undefined;
  if (parsed.kind === 'date') return list.find((o) => o.start.slice(0, 10) === value.trim());
  const instant = parsed.kind === 'zoned' ? parsed.wall - parsed.offset : wallToEpoch(parsed.wall, zone);
  return list.find((o) => o.startMs === instant);
}

/** The instant a feed date-time names (`opens`, `closes`), reading floating times and dates in `zone`. */
export function feedInstant(value: string | undefined, zone: string): number | undefined {
  if (!value) return undefined;
  const parsed = parseFeedDate(value.trim());
  if (!parsed) return undefined;
  return parsed.kind === 'zoned' ? parsed.wall - parsed.offset : wallToEpoch(parsed.wall, zone);
}
