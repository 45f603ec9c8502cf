/**
 * Occurrences: the dated instances of normalized events inside a window, whatever format the feed
 * came in. Series are placed by recurrence-set.ts, imported only when some event recurs, and its
 * rules run on ical.js's engine, imported only when some event has an `rrule`: a feed of one-off
 * events downloads neither.
 *
 * Rules are expanded in the wall time of the event's zone (RFC 5545 §3.3.10: "every Tuesday at
 * 18:30" stays 18:30 across DST changes) and each wall time is then turned into an instant with
 * `zoned-time.ts`.
 */
import { isTimeZone } from './feed-date.js';
import { isOverride, isRecurring, placeOneOff, placeSingle, type Context } from './place-occurrence.js';
import type { CivicEvent, EventStatus } from './types.js';

/** One dated instance of an event. */
export interface Occurrence {
  /** Unique in a result: the event's id and this occurrence's start. */
  key: string;
  /** The event shown: the override when one replaces this occurrence of a series. */
  event: CivicEvent;
  /** The series this occurrence belongs to (the master's id), for recurring events and overrides. */
  seriesId?: string;
  /** RFC 3339 with the display zone's offset, or `YYYY-MM-DD` for an all-day occurrence. */
  start: string;
  /** Same form as `start`; for all-day occurrences the date after the last day (exclusive). */
  end: string;
  allDay: boolean;
  /** Instants, for sorting and layout; all-day occurrences run from midnight in the display zone. */
  startMs: number;
  endMs: number;
  status: EventStatus;
}

/** Which occurrences to produce. */
export interface OccurrenceWindow {
  from: Date;
  to: Date;
  /** IANA zone the occurrences are shown in (an unknown one falls back to the browser's zone). */
  timeZone: string;
  /** The feed's `timezone`, for floating times of events that name none. */
  feedTimeZone?: string;
  /** At most this many occurrences, the earliest ones (default 10,000). */
  limit?: number;
}

/** The default `limit`. */
export const MAX_OCCURRENCES = 10_000;
/** Occurrences one rule may produce, counted from its start: `COUNT=1000000000` stops here. */
export const MAX_STEPS_PER_SERIES = 50_000;
/** Candidate instants ical.js may test for all rules of one call (recurrence-set.ts bounds each rule too). */
const MAX_CANDIDATES_PER_CALL = 2_000_000;

/**
 * Expands events into their occurrences overlapping `window` (an occurrence that began before
 * `from` and is still running counts), sorted by start. A series is the union of the starts of
 * its rules (`rrules`, else `rrule`) and its `rdates`, minus its `exdates`. An event with
 * `recurrenceId` and `seriesId` replaces that occurrence of its series (moved, renamed, or
 * cancelled through its `status`) and is shown at its own time; with `thisAndFuture` it changes
 * every start of the series from `recurrenceId` on, each moved as it was moved.
 *
 * Timed events without `end` last zero minutes; all-day events without one last a day. A rule
 * ical.js cannot read leaves its event as the single occurrence at `start`; a rule that runs away
 * stops after {@link MAX_STEPS_PER_SERIES} occurrences.
 */
export async function expandOccurrences(events: CivicEvent[], window: OccurrenceWindow): Promise<Occurrence[]> {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('the occurrence window needs valid dates');
  const context: Context = {
    from,
    to,
    display: isTimeZone(window.timeZone) ? window.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone,
    feedZone: isTimeZone(window.feedTimeZone) ? window.feedTimeZone : undefined,
    out: [],
    candidates: MAX_CANDIDATES_PER_CALL,
  };
  if (to <= from) return [];
  const overrides = overridesBySeries(events);
  const recurring = new Set(events.filter((e) => !isOverride(e) && isRecurring(e)).map((e) => e.id));
  const series = recurring.size ? await loadSeries() : undefined;
  const ical = series && events.some((e) => e.rrule && !isOverride(e)) ? await series.loadIcal() : undefined;
  for (const event of events) {
    if (isOverride(event)) {
      // A THISANDFUTURE change of a recurring series is shown through the series, at each start
      // from its RECURRENCE-ID on; one whose RECURRENCE-ID names no start changes only later ones.
      if (!event.thisAndFuture || !recurring.has(event.seriesId)) placeSingle(event, context, undefined, event.seriesId);
    } else if (series && recurring.has(event.id)) {
      series.placeSeries(event, context, overrides.get(event.id), ical);
    } else {
      placeOneOff(event, context, overrides.get(event.id));
    }
  }
  const limit = window.limit !== undefined && window.limit >= 0 ? Math.floor(window.limit) : MAX_OCCURRENCES;
  return context.out.sort(byStart).slice(0, limit);
}

function byStart(a: Occurrence, b: Occurrence): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function overridesBySeries(events: CivicEvent[]): Map<string, CivicEvent[]> {
  const map = new Map<string, CivicEvent[]>();
  for (const event of events) {
    if (!isOverride(event)) continue;
    const list = map.get(event.seriesId);
    if (list) list.push(event);
    else map.set(event.seriesId, [event]);
  }
  return map;
}

let seriesModule: Promise<typeof import('./recurrence-set.js')> | undefined;

/** The series code, fetched once and only for feeds that recur. A failed load may be retried. */
function loadSeries(): Promise<typeof import('./recurrence-set.js')> {
  seriesModule ??= import('./recurrence-set.js').catch((error: unknown) => {
    seriesModule = undefined;
    throw error;
  });
  return seriesModule;
}
