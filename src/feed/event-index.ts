/**
 * A feed's events, indexed once per events array so a window's occurrences cost what the window
 * holds, not what the feed holds: one-off events (and overrides shown at their own time) sorted by
 * the day they start, long ones apart, recurring series listed to be expanded per window, and the
 * overrides of each series. Built lazily, kept in a WeakMap: it lives as long as the feed does.
 */
import { isOverride, isRecurring } from './place-occurrence.js';
import type { CivicEvent } from './types.js';
import { parseFeedDate, type ParsedFeedDate } from './zoned-time.js';

const DAY = 86_400_000;
/**
 * Days added on each side of a window. A one-off event is sorted by the day of its start read as
 * if in UTC; its true instant is at most 14 hours away, whichever zone places it.
 */
const MARGIN_DAYS = 1;
/** One-off events lasting longer than this are kept apart and checked for every window. */
const SHORT_DAYS = 7;

export interface EventIndex {
  readonly events: readonly CivicEvent[];
  /** Overrides by the id of the series (or one-off event) they replace an occurrence of. */
  readonly overrides: ReadonlyMap<string, CivicEvent[]>;
  /** Ids of the series: events with a rule or RDATEs that are not themselves overrides. */
  readonly recurring: ReadonlySet<string>;
  /** Some series has a rule (ical.js is needed). */
  readonly hasRules: boolean;
  /** Positions in `events` of the series and their THISANDFUTURE overrides: expanded for every window. */
  readonly series: readonly number[];
  /** Short one-off events: positions sorted by first day, and each one's first and last day. */
  readonly shortPositions: Int32Array;
  readonly shortFirst: Float64Array;
  readonly shortLast: Float64Array;
  /** One-off events longer than a week, with their first and last day. */
  readonly long: readonly { position: number; first: number; last: number }[];
}

const indexes = new WeakMap<readonly CivicEvent[], EventIndex>();

/** The index of `events`, built the first time it is asked for. */
export function eventIndex(events: readonly CivicEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = buildIndex(events);
    indexes.set(events, index);
  }
  return index;
}

function buildIndex(events: readonly CivicEvent[]): EventIndex {
  const overrides = new Map<string, CivicEvent[]>();
  const recurring = new Set<string>();
  let hasRules = false;
  for (const event of events) {
    if (isOverride(event)) {
      const list = overrides.get(event.seriesId);
      if (list) list.push(event);
      else overrides.set(event.seriesId, [event]);
    } else if (isRecurring(event)) {
      recurring.add(event.id);
      hasRules ||= !!event.rrule;
    }
  }
  const series: number[] = [];
  const short: { position: number; first: number; last: number }[] = [];
  const long: { position: number; first: number; last: number }[] = [];
  events.forEach((event, position) => {
    if (isOverride(event) ? event.thisAndFuture && recurring.has(event.seriesId) : recurring.has(event.id)) {
      series.push(position);
      return;
    }
    const days = daysOf(event);
    // A start that cannot be read is never placed.
    if (!days) return;
    (days.last - days.first > SHORT_DAYS ? long : short).push({ position, ...days });
  });
  short.sort((a, b) => a.first - b.first || a.position - b.position);
  return {
    events,
    overrides,
    recurring,
    hasRules,
    series,
    shortPositions: Int32Array.from(short, (s) => s.position),
    shortFirst: Float64Array.from(short, (s) => s.first),
    shortLast: Float64Array.from(short, (s) => s.last),
    long,
  };
}

/**
 * The UTC days a one-off event's wall times fall on, from its start to its end, as placing it
 * reads them (place-occurrence.ts `timingOf`): all-day without a date end lasts a day, timed
 * without a time end lasts no time.
 */
function daysOf(event: CivicEvent): { first: number; last: number } | undefined {
  const start = parseFeedDate(event.start);
  if (!start) return undefined;
  const end = event.end ? parseFeedDate(event.end) : undefined;
  const from = approximate(start);
  let to: number;
  if (start.kind === 'date') to = end?.kind === 'date' ? Math.max(end.wall, from + DAY) : from + DAY;
  else to = end && end.kind !== 'date' ? Math.max(approximate(end), from) : from;
  return { first: Math.floor(from / DAY), last: Math.floor(to / DAY) };
}

/** An instant within 14 hours of the one a date names, whatever zone reads it. */
function approximate(date: ParsedFeedDate): number {
  return date.kind === 'zoned' ? date.wall - date.offset : date.wall;
}

/**
 * The events that may have an occurrence in [from, to): every series, and the one-off events whose
 * days come near the window. In feed order, so results do not depend on the index.
 */
export function candidates(index: EventIndex, from: number, to: number): CivicEvent[] {
  const lo = Math.floor(from / DAY) - MARGIN_DAYS;
  const hi = Math.floor(to / DAY) + MARGIN_DAYS;
  const positions: number[] = [...index.series];
  const { shortFirst, shortLast, shortPositions } = index;
  // The first short event that starts late enough to reach the window.
  let i = lowerBound(shortFirst, lo - SHORT_DAYS);
  for (; i < shortFirst.length && shortFirst[i]! <= hi; i++) {
    if (shortLast[i]! >= lo) positions.push(shortPositions[i]!);
  }
  for (const entry of index.long) if (entry.first <= hi && entry.last >= lo) positions.push(entry.position);
  positions.sort((a, b) => a - b);
  return positions.map((p) => index.events[p]!);
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
