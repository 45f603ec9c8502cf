/**
 * A series' occurrences, loaded only for feeds that recur. Rules run on ical.js's engine, itself
 * imported only when some event has a rule (RDATEs alone need none); ical.js expands one rule
 * from its start, and the recurrence set of RFC 5545 §3.8.5 (several rules, RDATEs, EXDATEs,
 * overrides, THISANDFUTURE changes) is built here around it.
 */
import { MAX_STEPS_PER_SERIES } from './occurrence.js';
import {
  DAY, emitAllDay, emitTimed, exclusions, instantOf, isExcluded, placeSingle, startWall, timingOf,
  type Context, type Exclusions, type Timing,
} from './place-occurrence.js';
import type { CivicEvent } from './types.js';
import { formatDate, parseFeedDate, utcFields, wallToEpoch } from './zoned-time.js';

/** Candidate instants ical.js may test for one rule; an impossible rule (Feb 30th) stops here. */
const MAX_CANDIDATES_PER_SERIES = 50_000;
const HOUR = 3_600_000;

type Ical = typeof import('ical.js').default;
type IcalTime = InstanceType<Ical['Time']>;

let icalModule: Promise<Ical> | undefined;

/** ical.js, fetched once and only for feeds that recur. A failed load may be retried. */
export function loadIcal(): Promise<Ical> {
  icalModule ??= import('ical.js').then(
    (module) => module.default,
    (error: unknown) => {
      icalModule = undefined;
      throw error;
    },
  );
  return icalModule;
}

/**
 * Places a recurring event (one with a rule or RDATEs): the union of the starts of its rules and
 * its RDATEs, minus its EXDATEs and the starts its overrides replace, each start once; a
 * THISANDFUTURE override changes every start from its RECURRENCE-ID on.
 */
export function placeSeries(event: CivicEvent, context: Context, overrides: CivicEvent[] | undefined, ical?: Ical): void {
  const timing = timingOf(event, context);
  if (!timing) return;
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

// ---- rules ---------------------------------------------------------------------------------

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
