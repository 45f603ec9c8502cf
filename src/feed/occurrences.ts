/**
 * Occurrences: the dated instances of normalized events inside a window, whatever format the feed
 * came in. Recurrence rules run on ical.js's engine, which is imported only when some event has
 * an `rrule`, so a feed of one-off events never downloads it.
 *
 * Rules are expanded in the wall time of the event's zone (RFC 5545 §3.3.10: "every Tuesday at
 * 18:30" stays 18:30 across DST changes) and each wall time is then turned into an instant with
 * `zoned-time.ts`.
 */
import { isTimeZone } from './feed-date.js';
import type { CivicEvent, EventStatus } from './types.js';
import {
  epochToWall, formatDate, formatFloating, formatInZone, parseFeedDate, utcFields, wallToEpoch, zoneOffset,
  type ParsedFeedDate,
} from './zoned-time.js';

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
/** Candidate instants ical.js may test for one rule; an impossible rule (Feb 30th) stops here. */
const MAX_CANDIDATES_PER_SERIES = 50_000;
/** And for all rules of one call, so a feed of many impossible rules stays bounded too. */
const MAX_CANDIDATES_PER_CALL = 2_000_000;
const DAY = 86_400_000;

type Ical = typeof import('ical.js').default;
type IcalTime = InstanceType<Ical['Time']>;

/** A series' clock: wall time in its zone to instants and back. */
interface Clock {
  toEpoch(wall: number): number;
  toWall(epoch: number): number;
}

/** What one event needs resolved before it can be placed on the calendar. */
interface Timing {
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
interface Exclusions {
  instants: Set<number>;
  dates: Set<string>;
}

interface Context {
  from: number;
  to: number;
  display: string;
  feedZone?: string;
  out: Occurrence[];
  /** What is left of {@link MAX_CANDIDATES_PER_CALL}. */
  candidates: number;
}

/**
 * Expands events into their occurrences overlapping `window` (an occurrence that began before
 * `from` and is still running counts), sorted by start. Recurring events follow `rrule` minus
 * `exdates`; an event with `recurrenceId` and `seriesId` replaces that occurrence of its series
 * (moved, renamed, or cancelled through its `status`) and is shown at its own time.
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
  const ical = events.some((e) => e.rrule && !isOverride(e)) ? await loadIcal() : undefined;
  for (const event of events) {
    if (isOverride(event)) {
      placeSingle(event, context, undefined, event.seriesId);
    } else {
      placeSeries(event, context, overrides.get(event.id), ical);
    }
  }
  const limit = window.limit !== undefined && window.limit >= 0 ? Math.floor(window.limit) : MAX_OCCURRENCES;
  return context.out.sort(byStart).slice(0, limit);
}

function byStart(a: Occurrence, b: Occurrence): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function isOverride(event: CivicEvent): event is CivicEvent & { recurrenceId: string; seriesId: string } {
  return !!event.recurrenceId && !!event.seriesId;
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

let icalModule: Promise<Ical> | undefined;

/** ical.js, fetched once and only for feeds that recur. A failed load may be retried. */
function loadIcal(): Promise<Ical> {
  icalModule ??= import('ical.js').then(
    (module) => module.default,
    (error: unknown) => {
      icalModule = undefined;
      throw error;
    },
  );
  return icalModule;
}

// ---- one event ----------------------------------------------------------------------------

function placeSeries(event: CivicEvent, context: Context, overrides: CivicEvent[] | undefined, ical?: Ical): void {
  const timing = timingOf(event, context);
  if (!timing) return;
  const replaced = exclusions(overrides?.map((o) => o.recurrenceId!) ?? [], timing);
  if (!event.rrule || !ical || !expandRule(ical, event, timing, replaced, context)) {
    placeSingle(event, context, timing, undefined, replaced);
  }
}

/** The event at its own start, unless an override took that place. */
function placeSingle(
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

function timingOf(event: CivicEvent, context: Context): Timing | undefined {
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

function instantOf(date: ParsedFeedDate, floating: Clock): number {
  return date.kind === 'zoned' ? date.wall - date.offset : floating.toEpoch(date.wall);
}

/** EXDATE or RECURRENCE-ID values as instants (timed values) and dates (date values). */
function exclusions(values: string[], timing: Timing): Exclusions {
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
function isExcluded(exclusions: Exclusions, startMs: number, wall: () => number): boolean {
  if (exclusions.instants.has(startMs)) return true;
  return exclusions.dates.size > 0 && exclusions.dates.has(formatDate(wall()));
}

// ---- output -------------------------------------------------------------------------------

function emitTimed(event: CivicEvent, startMs: number, length: number, context: Context, seriesId?: string): void {
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
function emitAllDay(event: CivicEvent, wall: number, days: number, context: Context, seriesId?: string): void {
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

// ---- recurrence ---------------------------------------------------------------------------

/**
 * Places the occurrences of `event.rrule`. Returns false when the rule cannot be read at all, so
 * the caller shows the event once. A rule that fails part way keeps what it produced.
 */
function expandRule(ical: Ical, event: CivicEvent, timing: Timing, replaced: Exclusions, context: Context): boolean {
  const budget = Math.min(MAX_CANDIDATES_PER_SERIES, context.candidates);
  if (budget <= 0) return false;
  candidatesLeft = budget;
  try {
    const iterator = ruleIterator(ical, event.rrule!, timing);
    if (!iterator) return false;
    const removed = exclusions(event.exdates ?? [], timing);
    try {
      for (let step = 0; step < MAX_STEPS_PER_SERIES; step++) {
        const next = iterator.next();
        if (!next || !placeGenerated(event, wallOf(next), timing, removed, replaced, context)) break;
      }
    } catch {
      // ical.js gave up on the rule, or it ran out of candidates: keep what it produced.
    }
    return true;
  } finally {
    context.candidates -= budget - Math.max(0, candidatesLeft);
  }
}

/** An iterator over the rule's starts as wall times, or undefined when ical.js rejects the rule. */
function ruleIterator(ical: Ical, rrule: string, timing: Timing): InstanceType<Ical['RecurIterator']> | undefined {
  // A zoned start is read on the series' clock; a floating one is already a wall time (and stays
  // as written even inside a DST gap, so later occurrences keep the intended hour).
  const start = timing.start;
  const wall = start.kind === 'zoned' ? timing.clock.toWall(start.wall - start.offset) : start.wall;
  try {
    const rule = ical.Recur.fromString(rrule);
    if (!rule.freq) return undefined;
    fixUntil(ical, rule, timing);
    return new (guardedIterator(ical))({ rule, dtstart: timeOf(ical, wall, timing.allDay) });
  } catch {
    return undefined;
  }
}

/** Places one generated occurrence; false once past the window, which ends the series. */
function placeGenerated(
  event: CivicEvent,
  wall: number,
  timing: Timing,
  removed: Exclusions,
  replaced: Exclusions,
  context: Context,
): boolean {
  if (timing.allDay) {
    const date = formatDate(wall);
    if (wallToEpoch(wall, context.display) >= context.to) return false;
    if (!removed.dates.has(date) && !replaced.dates.has(date)) emitAllDay(event, wall, timing.length, context, event.id);
    return true;
  }
  const startMs = timing.clock.toEpoch(wall);
  if (startMs >= context.to) return false;
  if (startMs + timing.length < context.from) return true;
  const local = () => wall;
  if (!isExcluded(removed, startMs, local) && !isExcluded(replaced, startMs, local)) {
    emitTimed(event, startMs, timing.length, context, event.id);
  }
  return true;
}

/**
 * The rule runs on wall times without a zone, so an UNTIL in UTC is moved onto the series' clock,
 * and an UNTIL of the other kind (a date for a timed series, or the reverse) is made to match.
 */
function fixUntil(ical: Ical, rule: InstanceType<Ical['Recur']>, timing: Timing): void {
  const until = rule.until;
  if (!until) return;
  let wall = wallOf(until);
  if (!until.isDate && until.zone?.tzid === 'UTC') wall = timing.clock.toWall(wall);
  if (timing.allDay) {
    rule.until = timeOf(ical, Math.floor(wall / DAY) * DAY, true);
  } else {
    rule.until = timeOf(ical, until.isDate ? wall + DAY - 1000 : wall, false);
  }
}

function timeOf(ical: Ical, wall: number, isDate: boolean): IcalTime {
  const d = new Date(wall);
  return ical.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

function wallOf(time: IcalTime): number {
  return utcFields(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

/**
 * ical.js loops inside a single `next()` until a candidate fits the rule, which never ends for a
 * rule no date satisfies (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30). Counting the candidates it tests
 * and throwing past a budget bounds every rule without judging which ones are impossible.
 */
let candidatesLeft = 0;

class OutOfCandidates extends Error {}

function spend(n: number): void {
  candidatesLeft -= n;
  if (candidatesLeft < 0) throw new OutOfCandidates('the rule tested too many candidate dates');
}

const guarded = new WeakMap<Ical, Ical['RecurIterator']>();

function guardedIterator(ical: Ical): Ical['RecurIterator'] {
  let Guarded = guarded.get(ical);
  if (!Guarded) {
    Guarded = class extends ical.RecurIterator {
      override check_contracting_rules(): boolean {
        spend(1);
        return super.check_contracting_rules();
      }

      // YEARLY rules search year by year for one that has a matching day.
      override expand_year_days(year: number): number {
        spend(20);
        return super.expand_year_days(year);
      }
    };
    guarded.set(ical, Guarded);
  }
  return Guarded;
}
