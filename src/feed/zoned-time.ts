/**
 * Time-zone arithmetic on IANA names with nothing but `Intl.DateTimeFormat`, which every browser
 * ships with current zone data. ical.js only knows the zones a file defines in VTIMEZONE blocks,
 * and a native JSON feed has none, so recurring events are expanded in "wall time" and converted
 * here.
 *
 * A wall time is written as a number: the milliseconds `Date.UTC` gives for its fields, as if the
 * zone were UTC. That keeps conversions to plain arithmetic once a zone's offset is known.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The three forms a normalized feed date takes, read into numbers. */
export type ParsedFeedDate =
  | { kind: 'date'; wall: number }
  | { kind: 'floating'; wall: number }
  | { kind: 'zoned'; wall: number; offset: number; utc: boolean };

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * Reads a feed date (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or that with `Z`/`±HH:MM`).
 * `wall` is the written local time; for zoned values `offset` is what to subtract to get UTC.
 */
export function parseFeedDate(value: string): ParsedFeedDate | undefined {
  const f = canonicalFields(value);
  if (f) {
    const wall = utcFields(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    if (f.kind !== 'zoned') return { kind: f.kind, wall };
    return { kind: 'zoned', wall, offset: f.offsetMinutes * MINUTE, utc: f.utc };
  }
  const m = DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z, sign, oh, om] = m;
  const wall = utcFields(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (h === undefined) return { kind: 'date', wall };
  if (z) return { kind: 'zoned', wall, offset: 0, utc: true };
  if (!sign) return { kind: 'floating', wall };
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * HOUR + Number(om) * MINUTE);
  return { kind: 'zoned', wall, offset, utc: false };
}

/** The numbers of a date written in one of the canonical spellings, read without a regex. */
export interface CanonicalFields {
  kind: 'date' | 'floating' | 'zoned';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** East of UTC, in minutes (zoned only). */
  offsetMinutes: number;
  /** Written with `Z`. */
  utc: boolean;
}

/** The number in `value` from `start` to `end`, all ASCII digits; NaN otherwise. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The fields of a date spelled exactly as a normalized feed spells it (`YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SS`, with `Z` or `±HH:MM`), or undefined for any other spelling, which the
 * callers read with their full patterns. A feed's dates are read tens of thousands of times (when
 * normalized, expanded and laid out), and nearly all are in this form.
 */
export function canonicalFields(value: string): CanonicalFields | undefined {
  const length = value.length;
  if (length !== 10 && length !== 19 && length !== 20 && length !== 25) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined; // '-'
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (Number.isNaN(year + month + day)) return undefined;
  if (length === 10) return { kind: 'date', year, month, day, hour: 0, minute: 0, second: 0, offsetMinutes: 0, utc: false };
  // 'T', ':' and ':'
  if (value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return undefined;
  const hour = digitsAt(value, 11, 13);
  const minute = digitsAt(value, 14, 16);
  const second = digitsAt(value, 17, 19);
  if (Number.isNaN(hour + minute + second)) return undefined;
  if (length === 19) return { kind: 'floating', year, month, day, hour, minute, second, offsetMinutes: 0, utc: false };
  if (length === 20) {
    return value.charCodeAt(19) === 90 // 'Z'
      ? { kind: 'zoned', year, month, day, hour, minute, second, offsetMinutes: 0, utc: true }
      : undefined;
  }
  const sign = value.charCodeAt(19); // '+' 43, '-' 45
  if ((sign !== 43 && sign !== 45) || value.charCodeAt(22) !== 58) return undefined;
  const offsetHours = digitsAt(value, 20, 22);
  const offsetMinutes = digitsAt(value, 23, 25);
  if (!(offsetHours <= 23 && offsetMinutes <= 59)) return undefined;
  const offset = offsetHours * 60 + offsetMinutes;
  return { kind: 'zoned', year, month, day, hour, minute, second, offsetMinutes: sign === 45 ? -offset : offset, utc: false };
}

/** `YYYY-MM-DD` of a wall time. */
export function formatDate(wall: number): string {
  return datePart(Math.floor(wall / DAY));
}

/** `YYYY-MM-DDTHH:MM:SS` of a wall time (a floating date-time). */
export function formatFloating(wall: number): string {
  const day = Math.floor(wall / DAY);
  const seconds = Math.floor((wall - day * DAY) / 1000);
  const time = `${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
  return `${datePart(day)}T${time}`;
}

// Formatting runs once or twice per occurrence, tens of thousands of times for a big feed, and
// toISOString() was a tenth of the time spent; days repeat, so their text is kept.
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayTexts = new Map<number, string>();

/** Years outside 0–9999 come out with a sign (`+010000-…`), which no feed date reader accepts. */
function datePart(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

/** `±HH:MM`, or `Z` for zero. Offsets with seconds (historic mean time) are rounded to minutes. */
export function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const minutes = Math.round(Math.abs(offset) / MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** RFC 3339 for an instant as the clock reads in `timeZone`, e.g. `2026-11-05T18:30:00-05:00`. */
export function formatInZone(epoch: number, timeZone: string): string {
  const offset = zoneOffset(epoch, timeZone);
  return `${formatFloating(epoch + offset)}${formatOffset(offset)}`;
}

/** The day (days since 1970-01-01) it is now, or at `now`, in `timeZone`. */
export function todayIn(timeZone: string, now = Date.now()): number {
  return Math.floor(epochToWall(now, timeZone) / 86_400_000);
}

/** The wall time in `timeZone` at an instant. */
export function epochToWall(epoch: number, timeZone: string): number {
  return epoch + zoneOffset(epoch, timeZone);
}

/**
 * The instant a wall time in `timeZone` names. A time skipped by a spring-forward change moves
 * forward by the gap (02:30 becomes 03:30); a time that happens twice at a fall-back change is
 * the earlier one. Both match what calendar programs and Temporal's default do.
 */
export function wallToEpoch(wall: number, timeZone: string): number {
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyFits = zoneOffset(early, timeZone) === before;
  const lateFits = zoneOffset(late, timeZone) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  // In the gap: read the clock with the offset from before the change, which lands past it.
  return early;
}

// ---- offsets ------------------------------------------------------------------------------

/**
 * Per zone, the offset at the start of each UTC day, and for the few days with a change in them
 * the instant of the change. Asking Intl costs microseconds; a year of weekly events in one zone
 * then costs about 370 questions instead of one per occurrence.
 */
type DayOffsets = number | { change: number; before: number; after: number };
const zoneDays = new Map<string, Map<number, DayOffsets>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds to add to UTC to read the clock in `timeZone` at `epoch` (negative west of Greenwich). */
export function zoneOffset(epoch: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const day = Math.floor(epoch / DAY);
  let days = zoneDays.get(timeZone);
  if (!days) zoneDays.set(timeZone, (days = new Map()));
  let entry = days.get(day);
  if (entry === undefined) {
    entry = dayOffsets(day * DAY, timeZone);
    // Keeps memory bounded for callers that wander across centuries.
    if (days.size > 50_000) days.clear();
    days.set(day, entry);
  }
  if (typeof entry === 'number') return entry;
  return epoch < entry.change ? entry.before : entry.after;
}

function dayOffsets(dayStart: number, timeZone: string): DayOffsets {
  const before = rawOffset(dayStart, timeZone);
  const after = rawOffset(dayStart + DAY, timeZone);
  if (before === after) return before;
  // A change happens within this day: find its minute by bisection (at most 11 steps).
  let low = dayStart;
  let high = dayStart + DAY;
  while (high - low > MINUTE) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (rawOffset(mid, timeZone) === before) low = mid;
    else high = mid;
  }
  return { change: high, before, after };
}

/** The offset straight from Intl, to the second. */
function rawOffset(epoch: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of format.formatToParts(epoch)) {
    if (part.type === 'era') bc = /^b/i.test(part.value);
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - fields.year! : fields.year!;
  const wall = utcFields(year, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  const whole = epoch - (((epoch % 1000) + 1000) % 1000);
  return wall - whole;
}

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would become 1900–1999). */
export function utcFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(Date.UTC(2000, month, day, hour, minute, second));
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}
