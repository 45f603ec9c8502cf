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
const HOUR = 3_600_000;

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
  const ical = events.some((e) => e.rrule && !isOverride(e)) ? await loadIcal() : undefined;
  const recurring = new Set(events.filter((e) => !isOverride(e) && isRecurring(e)).map((e) => e.id));
  for (const event of events) {
    if (isOverride(event)) {
      // A THISANDFUTURE change of a recurring series is shown through the series, at each start
      // from its RECURRENCE-ID on; one whose RECURRENCE-ID names no start changes only later ones.
      if (!event.thisAndFuture || !recurring.has(event.seriesId)) placeSingle(event, context, undefined, event.seriesId);
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

function isRecurring(event: CivicEvent): boolean {
  return !!event.rrule || !!event.rdates?.length;
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
  if (!isRecurring(event)) {
    const replaced = exclusions(overrides?.map((o) => o.recurrenceId!) ?? [], timing);
    return placeSingle(event, context, timing, undefined, replaced);
  }
  const rules = event.rrules ?? (event.rrule ? [event.rrule] : []);
  const replaced = exclusions(overrides?.filter((o) => !o.thisAndFuture).map((o) => o.recurrenceId!) ?? [], timing);
  const future = laterChanges(overrides, timing, context);
  const run: SeriesRun = {
    event,
    timing,
    removed: exclusions(event.exdates ?? [], timing),
    replaced,
    future,
    // An earlier start moved into the window by a THISANDFUTURE change must still be reached.
    slack: Math.max(0, ...future.map((f) => -f.shift + (timing.allDay ? 0 : HOUR))),
    seen: rules.length + (event.rdates?.length ?? 0) > 1 ? new Set() : undefined,
    context,
  };
  let expanded = false;
  // RFC 5545 §3.8.5.3: the set is the union of every rule's starts and the RDATEs, minus EXDATEs;
  // a start produced twice counts once (`seen`). ical.js expands one rule at a time.
  if (ical) for (const rule of rules) expanded = expandRule(ical, rule, run) || expanded;
  if (!expanded) {
    // A rule ical.js cannot read leaves the start alone, as a one-off event (changed, if so).
    if (!event.rdates?.length && !future.length) return placeSingle(event, context, timing, undefined, replaced);
    placeGenerated(run, startWall(timing), timing.length); // DTSTART is always the first instance
  }
  for (const rdate of event.rdates ?? []) placeRdate(run, rdate);
}

/** A series being placed: its exclusions, later changes and the starts it already produced. */
interface SeriesRun {
  event: CivicEvent;
  timing: Timing;
  removed: Exclusions;
  replaced: Exclusions;
  future: LaterChange[];
  /** How far past the window's end original starts are still generated (ms of wall time). */
  slack: number;
  seen?: Set<number>;
  context: Context;
}

/**
 * An override with RANGE=THISANDFUTURE (RFC 5545 §3.8.4.4): every later original start `at`
 * (an instant, or a date's wall time for an all-day series) is moved by `shift` on the series'
 * wall clock and shown as `event`, lasting `length` (ms, or days for all-day).
 */
interface LaterChange {
  at: number;
  shift: number;
  length: number;
  event: CivicEvent;
}

function laterChanges(overrides: CivicEvent[] | undefined, timing: Timing, context: Context): LaterChange[] {
  const out: LaterChange[] = [];
  for (const override of overrides ?? []) {
    if (!override.thisAndFuture) continue;
    const rid = parseFeedDate(override.recurrenceId!);
    const own = timingOf(override, context);
    if (!rid || !own) continue;
    if (timing.allDay) {
      const at = Math.floor(rid.wall / DAY) * DAY;
      const shift = own.allDay ? own.start.wall - at : 0;
      out.push({ at, shift, length: own.allDay ? own.length : timing.length, event: override });
    } else if (rid.kind !== 'date' && !own.allDay) {
      const at = instantOf(rid, timing.floating);
      const shift = timing.clock.toWall(instantOf(own.start, own.floating)) - timing.clock.toWall(at);
      out.push({ at, shift, length: own.length, event: override });
    } else {
      // A timed series changed by an all-day override (or the reverse): its fields apply, not its times.
      const at = rid.kind === 'date' ? timing.clock.toEpoch(rid.wall) : instantOf(rid, timing.floating);
      out.push({ at, shift: 0, length: timing.length, event: override });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The latest change at or before an original start, if any. */
function changeAt(future: LaterChange[], at: number): LaterChange | undefined {
  let found: LaterChange | undefined;
  for (const change of future) {
    if (change.at > at) break;
    found = change;
  }
  return found;
}

function startWall(timing: Timing): number {
  const start = timing.start;
  return start.kind === 'zoned' ? timing.clock.toWall(start.wall - start.offset) : start.wall;
}

/**
 * One RDATE. A date on a timed series starts at the series' time of day; a time on an all-day
 * series is its date; a period (`start/end`) lasts as long as it says.
 */
function placeRdate(run: SeriesRun, rdate: string): void {
  const slash = rdate.indexOf('/');
  const start = parseFeedDate(slash < 0 ? rdate : rdate.slice(0, slash));
  const end = slash < 0 ? undefined : parseFeedDate(rdate.slice(slash + 1));
  if (!start) return;
  const { timing } = run;
  let wall: number;
  if (timing.allDay) wall = Math.floor(start.wall / DAY) * DAY;
  else if (start.kind === 'date') wall = start.wall + (((startWall(timing) % DAY) + DAY) % DAY);
  else wall = timing.clock.toWall(instantOf(start, timing.floating));
  let length = timing.length;
  if (end && timing.allDay) length = Math.max(1, Math.round((end.wall - start.wall) / DAY));
  else if (end && start.kind !== 'date') length = Math.max(0, instantOf(end, timing.floating) - instantOf(start, timing.floating));
  placeGenerated(run, wall, length);
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
 * Places the occurrences of one rule. Returns false when the rule cannot be read at all, so the
 * caller shows the event once. A rule that fails part way keeps what it produced.
 */
function expandRule(ical: Ical, rrule: string, run: SeriesRun): boolean {
  const { context, timing } = run;
  const budget = Math.min(MAX_CANDIDATES_PER_SERIES, context.candidates);
  if (budget <= 0) return false;
  candidatesLeft = budget;
  try {
    const iterator = ruleIterator(ical, rrule, timing);
    if (!iterator) return false;
    try {
      for (let step = 0; step < MAX_STEPS_PER_SERIES; step++) {
        const next = iterator.next();
        if (!next || !placeGenerated(run, wallOf(next), timing.length)) break;
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
  const wall = startWall(timing);
  try {
    const rule = ical.Recur.fromString(rrule);
    if (!rule.freq) return undefined;
    fixUntil(ical, rule, timing);
    return new (guardedIterator(ical))({ rule, dtstart: timeOf(ical, wall, timing.allDay) });
  } catch {
    return undefined;
  }
}

/**
 * Places one start of a series (from a rule or an RDATE) unless it is excluded, replaced by an
 * override or already placed; a THISANDFUTURE change before it moves and restyles it. False once
 * past the window, which ends a rule.
 */
function placeGenerated(run: SeriesRun, wall: number, length: number): boolean {
  const { event, timing, removed, replaced, context } = run;
  if (timing.allDay) {
    const date = formatDate(wall);
    if (wallToEpoch(wall, context.display) >= context.to + run.slack) return false;
    if (removed.dates.has(date) || replaced.dates.has(date) || isSeen(run, wall)) return true;
    const change = run.future.length ? changeAt(run.future, wall) : undefined;
    if (change) emitAllDay(change.event, wall + change.shift, change.length, context, event.id);
    else emitAllDay(event, wall, length, context, event.id);
    return true;
  }
  const startMs = timing.clock.toEpoch(wall);
  if (startMs >= context.to + run.slack) return false;
  if (!run.future.length && startMs + length < context.from) return true;
  const local = () => wall;
  if (isExcluded(removed, startMs, local) || isExcluded(replaced, startMs, local) || isSeen(run, startMs)) return true;
  const change = run.future.length ? changeAt(run.future, startMs) : undefined;
  if (change) emitTimed(change.event, timing.clock.toEpoch(wall + change.shift), change.length, context, event.id);
  else emitTimed(event, startMs, length, context, event.id);
  return true;
}

/** Whether a series with several sources of starts already produced this one (and notes it). */
function isSeen(run: SeriesRun, start: number): boolean {
  if (!run.seen) return false;
  if (run.seen.has(start)) return true;
  run.seen.add(start);
  return false;
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
