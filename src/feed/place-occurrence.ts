/**
 * Placing dated instances: when an event starts and how long it lasts on which clock, which starts
 * its exceptions and overrides take away, and the occurrence objects themselves. Both one-off
 * events (here) and series (recurrence-set.ts, loaded only for feeds that recur) use these.
 */
import { isTimeZone } from './feed-date.js';
import type { Occurrence } from './occurrence.js';
import type { CivicEvent } from './types.js';
import {
  epochToWall, formatDate, formatFloating, formatInZone, parseFeedDate, wallToEpoch, zoneOffset,
  type ParsedFeedDate,
} from './zoned-time.js';

export const DAY = 86_400_000;

/** A series' clock: wall time in its zone to instants and back. */
export interface Clock {
  toEpoch(wall: number): number;
  toWall(epoch: number): number;
}

/** What one event needs resolved before it can be placed on the calendar. */
export interface Timing {
  start: ParsedFeedDate;
  allDay: boolean;
  /** The zone floating times of this event are read in. */
  floating: Clock;
  /** The clock its rule runs on. */
  clock: Clock;
  /** Timed: exact length in ms. All-day: length in days. */
  length: number;
}

/** Instants and dates at which a series has no generated occurrence (EXDATE, or an override). */
export interface Exclusions {
  instants: Set<number>;
  dates: Set<string>;
}

/** One expansion: its window, display zone, the occurrences so far and its remaining budget. */
export interface Context {
  from: number;
  to: number;
  display: string;
  feedZone?: string;
  out: Occurrence[];
  /** What is left of the candidates ical.js may test in this call (see occurrences.ts). */
  candidates: number;
}

/** An event that replaces one occurrence of a series. */
export function isOverride(event: CivicEvent): event is CivicEvent & { recurrenceId: string; seriesId: string } {
  return !!event.recurrenceId && !!event.seriesId;
}

/** An event with starts beyond its own: a rule, or RDATEs. */
export function isRecurring(event: CivicEvent): boolean {
  return !!event.rrule || !!event.rdates?.length;
}

/** A one-off event at its own start, unless one of its overrides took that place. */
export function placeOneOff(event: CivicEvent, context: Context, overrides: CivicEvent[] | undefined): void {
  const timing = timingOf(event, context);
  if (timing) placeSingle(event, context, timing, undefined, exclusions(overrides?.map((o) => o.recurrenceId!) ?? [], timing));
}

/** The event at its own start, unless an override took that place. */
export function placeSingle(
  event: CivicEvent,
  context: Context,
  timing = timingOf(event, context),
  seriesId?: string,
  replaced?: Exclusions,
): void {
  if (!timing) return;
  const wall = timing.start.wall;
  if (timing.allDay) {
    if (!replaced?.dates.has(formatDate(wall))) emitAllDay(event, wall, timing.length, context, seriesId);
    return;
  }
  const startMs = instantOf(timing.start, timing.floating);
  if (replaced && isExcluded(replaced, startMs, () => timing.clock.toWall(startMs))) return;
  emitTimed(event, startMs, timing.length, context, seriesId);
}

export function timingOf(event: CivicEvent, context: Context): Timing | undefined {
  const start = parseFeedDate(event.start);
  if (!start) return undefined;
  const floatingZone = isTimeZone(event.timezone) ? event.timezone : (context.feedZone ?? context.display);
  const floating = zoneClock(floatingZone);
  const end = event.end ? parseFeedDate(event.end) : undefined;
  if (start.kind === 'date') {
    const days = end?.kind === 'date' ? Math.round((end.wall - start.wall) / DAY) : 1;
    return { start, allDay: true, floating, clock: floating, length: Math.max(1, days) };
  }
  const clock = start.kind === 'zoned' ? zonedClock(event, start, context) : floating;
  const startMs = start.kind === 'zoned' ? start.wall - start.offset : floating.toEpoch(start.wall);
  const endMs = end && end.kind !== 'date' ? instantOf(end, floating) : startMs;
  return { start, allDay: false, floating, clock, length: Math.max(0, endMs - startMs) };
}

/**
 * The clock a start written with an offset recurs on: the event's own zone when it names one, the
 * feed's zone when the offset agrees with it, else the fixed offset (`Z` recurs in UTC, as in
 * RFC 5545).
 */
function zonedClock(event: CivicEvent, start: ParsedFeedDate & { kind: 'zoned' }, context: Context): Clock {
  if (isTimeZone(event.timezone)) return zoneClock(event.timezone);
  const epoch = start.wall - start.offset;
  if (!start.utc && context.feedZone && zoneOffset(epoch, context.feedZone) === start.offset) {
    return zoneClock(context.feedZone);
  }
  return fixedClock(start.offset);
}

function zoneClock(timeZone: string): Clock {
  return { toEpoch: (wall) => wallToEpoch(wall, timeZone), toWall: (epoch) => epochToWall(epoch, timeZone) };
}

function fixedClock(offset: number): Clock {
  return { toEpoch: (wall) => wall - offset, toWall: (epoch) => epoch + offset };
}

export function instantOf(date: ParsedFeedDate, floating: Clock): number {
  return date.kind === 'zoned' ? date.wall - date.offset : floating.toEpoch(date.wall);
}

/** EXDATE or RECURRENCE-ID values as instants (timed values) and dates (date values). */
export function exclusions(values: string[], timing: Timing): Exclusions {
  const out: Exclusions = { instants: new Set(), dates: new Set() };
  for (const value of values) {
    const date = parseFeedDate(value);
    if (!date) continue;
    if (date.kind === 'date' || timing.allDay) out.dates.add(formatDate(date.wall));
    else out.instants.add(instantOf(date, timing.floating));
  }
  return out;
}

/** Whether a timed start is excluded by instant, or by its local date (`wall` is computed only then). */
export function isExcluded(exclusions: Exclusions, startMs: number, wall: () => number): boolean {
  if (exclusions.instants.has(startMs)) return true;
  return exclusions.dates.size > 0 && exclusions.dates.has(formatDate(wall()));
}

export function startWall(timing: Timing): number {
  const start = timing.start;
  return start.kind === 'zoned' ? timing.clock.toWall(start.wall - start.offset) : start.wall;
}

// ---- output -------------------------------------------------------------------------------

export function emitTimed(event: CivicEvent, startMs: number, length: number, context: Context, seriesId?: string): void {
  const endMs = startMs + length;
  if (!overlaps(startMs, endMs, context)) return;
  const occurrence: Occurrence = {
    key: `${event.id}@${formatFloating(startMs)}Z`,
    event,
    start: formatInZone(startMs, context.display),
    end: formatInZone(endMs, context.display),
    allDay: false,
    startMs,
    endMs,
    status: event.status ?? 'scheduled',
  };
  if (seriesId) occurrence.seriesId = seriesId;
  context.out.push(occurrence);
}

/** All-day occurrences keep their dates in every zone; only their instants follow the display zone. */
export function emitAllDay(event: CivicEvent, wall: number, days: number, context: Context, seriesId?: string): void {
  const startMs = wallToEpoch(wall, context.display);
  const endMs = wallToEpoch(wall + days * DAY, context.display);
  if (!overlaps(startMs, endMs, context)) return;
  const start = formatDate(wall);
  const occurrence: Occurrence = {
    key: `${event.id}@${start}`,
    event,
    start,
    end: formatDate(wall + days * DAY),
    allDay: true,
    startMs,
    endMs,
    status: event.status ?? 'scheduled',
  };
  if (seriesId) occurrence.seriesId = seriesId;
  context.out.push(occurrence);
}

/** Overlap with [from, to); a zero-length event counts when its instant is inside. */
function overlaps(startMs: number, endMs: number, context: Context): boolean {
  return startMs < context.to && (endMs > context.from || (endMs === startMs && startMs >= context.from));
}
