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
import { displayZone } from './display-zone.js';
import { isTimeZone } from './feed-date.js';
import { candidates, eventIndex } from './event-index.js';
import { isOverride, placeOneOff, placeSingle, type Context } from './place-occurrence.js';
import type { CivicEvent } from './types.js';

export type { Occurrence, OccurrenceWindow } from './occurrence.js';
export { MAX_OCCURRENCES, MAX_STEPS_PER_SERIES } from './occurrence.js';
import { MAX_OCCURRENCES, type Occurrence, type OccurrenceWindow } from './occurrence.js';

/** Candidate instants ical.js may test for all rules of one call (recurrence-set.ts bounds each rule too). */
const MAX_CANDIDATES_PER_CALL = 2_000_000;

/**
 * Expands events into their occurrences overlapping `span` (an occurrence that began before
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
export async function expandOccurrences(events: readonly CivicEvent[], span: OccurrenceWindow): Promise<Occurrence[]> {
  const index = eventIndex(events);
  const series = index.recurring.size ? await loadSeries() : undefined;
  const ical = series && index.hasRules ? await series.loadIcal() : undefined;
  return placeOccurrences(events, span, series && { placeSeries: series.placeSeries, ical });
}

/** What placing a series takes, once loaded: recurrence-set.ts, and ical.js when some event has a rule. */
export interface SeriesModules {
  placeSeries: typeof import('./recurrence-set.js').placeSeries;
  ical?: typeof import('ical.js').default;
}

/**
 * {@link expandOccurrences} with the series code given rather than loaded: for a caller that has it
 * at hand and cannot wait (the server, through occurrences-now.ts). Throws when some event recurs
 * and `modules` is missing.
 */
export function placeOccurrences(events: readonly CivicEvent[], span: OccurrenceWindow, modules?: SeriesModules): Occurrence[] {
  const from = span.from.getTime();
  const to = span.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('the occurrence window needs valid dates');
  const context: Context = {
    from,
    to,
    display: displayZone({ asked: span.timeZone }),
    feedZone: isTimeZone(span.feedTimeZone) ? span.feedTimeZone : undefined,
    out: [],
    candidates: MAX_CANDIDATES_PER_CALL,
  };
  if (to <= from) return [];
  // The index (built once per events array) gives the series and the one-off events near the span.
  const index = eventIndex(events);
  const { overrides, recurring } = index;
  if (recurring.size && !modules) throw new Error('placeOccurrences: no series modules');
  for (const event of candidates(index, from, to)) {
    if (isOverride(event)) {
      // A THISANDFUTURE change of a recurring series is shown through the series, at each start
      // from its RECURRENCE-ID on; one whose RECURRENCE-ID names no start changes only later ones.
      if (!event.thisAndFuture || !recurring.has(event.seriesId)) placeSingle(event, context, undefined, event.seriesId);
    } else if (modules && recurring.has(event.id)) {
      modules.placeSeries(event, context, overrides.get(event.id), modules.ical);
    } else {
      placeOneOff(event, context, overrides.get(event.id));
    }
  }
  const limit = span.limit !== undefined && span.limit >= 0 ? Math.floor(span.limit) : MAX_OCCURRENCES;
  return context.out.sort(byStart).slice(0, limit);
}

/** Windows kept per events array, the least recently asked dropped first. */
const KEPT_WINDOWS = 8;

interface Kept {
  answer: Promise<readonly Occurrence[]>;
  /** How many occurrences it holds, once known. */
  size: number;
}

const keptWindows = new WeakMap<readonly CivicEvent[], Map<string, Kept>>();

/**
 * The occurrences of `span`, as {@link expandOccurrences} gives them, kept per events array and
 * window: going to the next period and back costs what that period holds once. At most
 * {@link KEPT_WINDOWS} windows are kept, holding together no more occurrences than the feed has
 * events (or {@link MAX_OCCURRENCES}), so a large feed never keeps more than one expanded copy.
 * The array is shared: callers must not change it.
 */
export function occurrencesIn(events: readonly CivicEvent[], span: OccurrenceWindow): Promise<readonly Occurrence[]> {
  let kept = keptWindows.get(events);
  if (!kept) keptWindows.set(events, (kept = new Map()));
  const key = `${span.from.getTime()}|${span.to.getTime()}|${span.timeZone}|${span.feedTimeZone ?? ''}|${span.limit ?? ''}`;
  const found = kept.get(key);
  if (found) {
    kept.delete(key); // kept in the order asked
    kept.set(key, found);
    return found.answer;
  }
  const map = kept;
  const entry: Kept = { answer: expandOccurrences(events, span), size: 0 };
  map.set(key, entry);
  entry.answer.then(
    (list) => {
      entry.size = list.length;
      trim(map, Math.max(events.length, MAX_OCCURRENCES));
    },
    // A failure (ical.js did not load) is asked again next time.
    () => map.get(key) === entry && map.delete(key),
  );
  trim(map, Infinity);
  return entry.answer;
}

/** Drops the oldest windows past {@link KEPT_WINDOWS}, or while they hold more than `most` occurrences. */
function trim(kept: Map<string, Kept>, most: number): void {
  let total = 0;
  for (const entry of kept.values()) total += entry.size;
  for (const [key, entry] of kept) {
    if (kept.size <= 1 || (kept.size <= KEPT_WINDOWS && total <= most)) break;
    kept.delete(key);
    total -= entry.size;
  }
}

function byStart(a: Occurrence, b: Occurrence): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
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
