// @ts-check
/**
 * The feed's three forms of time (feed-format.md "Event" `start`): RFC 3339 with an offset, a
 * floating local date-time read in a time zone, and a date. The RSVP server needs them to compare
 * occurrences and registration windows, and must not depend on the built browser library.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * @typedef {object} FeedTime
 * @property {'date' | 'floating' | 'instant'} kind
 * @property {number} wallMs the written date and time read as if it were UTC
 * @property {number} [epochMs] the instant, for `instant` times
 */

/**
 * Parses a feed time, or returns undefined when it is not one of the three forms or names a day
 * or hour that does not exist (2026-02-30, 25:00).
 * @param {string} text
 * @returns {FeedTime | undefined}
 */
export function parseFeedTime(text) {
  const date = DATE.exec(text);
  if (date) {
    const wallMs = wall(date[1], date[2], date[3], '0', '0', '0', undefined);
    return wallMs === undefined ? undefined : { kind: 'date', wallMs };
  }
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const wallMs = wall(m[1], m[2], m[3], m[4], m[5], m[6] ?? '0', m[7]);
  if (wallMs === undefined) return undefined;
  const zone = m[8];
  if (!zone) return { kind: 'floating', wallMs };
  if (zone === 'Z' || zone === 'z') return { kind: 'instant', wallMs, epochMs: wallMs };
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return { kind: 'instant', wallMs, epochMs: wallMs - sign * (hours * 60 + minutes) * 60_000 };
}

/**
 * The instant a feed time stands for: floating times and dates are read in `timeZone` (a date
 * means its midnight), or in UTC when no usable zone is known.
 * @param {FeedTime} time
 * @param {string} [timeZone]
 */
export function toEpochMs(time, timeZone) {
  if (time.epochMs !== undefined) return time.epochMs;
  return timeZone && isTimeZone(timeZone) ? wallToEpoch(time.wallMs, timeZone) : time.wallMs;
}

/**
 * One spelling per occurrence, so that "10:00-05:00", "15:00Z" and a floating "10:00" in New York
 * count against the same seats: an instant in UTC (`…T15:00:00.000Z`), or the date of an all-day
 * occurrence. A floating time with no known zone stays floating, with seconds written out.
 * @param {FeedTime} time
 * @param {string} [timeZone]
 */
export function occurrenceKey(time, timeZone) {
  if (time.kind === 'date') return new Date(time.wallMs).toISOString().slice(0, 10);
  if (time.kind === 'floating' && !(timeZone && isTimeZone(timeZone))) {
    return new Date(time.wallMs).toISOString().slice(0, 19);
  }
  return new Date(toEpochMs(time, timeZone)).toISOString();
}

/** @type {Map<string, Intl.DateTimeFormat | null>} */
const formats = new Map();

/**
 * The formatter that writes an instant as wall time in `timeZone`, or null for an unknown zone.
 * Zones come from configuration, so the cache stays small.
 * @param {string} timeZone
 */
function formatIn(timeZone) {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      format = null;
    }
    if (formats.size < 1000) formats.set(timeZone, format);
  }
  return format;
}

/** @param {string} timeZone */
export function isTimeZone(timeZone) {
  return formatIn(timeZone) !== null;
}

/**
 * The zone's offset from UTC at `epochMs`, in milliseconds.
 * @param {number} epochMs
 * @param {string} timeZone
 */
function offsetAt(epochMs, timeZone) {
  const format = /** @type {Intl.DateTimeFormat} */ (formatIn(timeZone));
  /** @type {Record<string, number>} */
  const f = {};
  for (const part of format.formatToParts(new Date(epochMs))) f[part.type] = Number(part.value);
  const seconds = Math.floor(epochMs / 1000) * 1000;
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - seconds;
}

/**
 * Wall time in `timeZone` to an instant. The offset is looked up twice because the first guess
 * may sit on the other side of a daylight-saving change; times in a spring-forward gap land
 * after it, as in RFC 5545.
 * @param {number} wallMs
 * @param {string} timeZone
 */
function wallToEpoch(wallMs, timeZone) {
  const first = wallMs - offsetAt(wallMs, timeZone);
  return wallMs - offsetAt(first, timeZone);
}

/**
 * @param {string} y @param {string} mo @param {string} d
 * @param {string} h @param {string} mi @param {string} s
 * @param {string | undefined} fraction
 * @returns {number | undefined}
 */
function wall(y, mo, d, h, mi, s, fraction) {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  return new Date(value).getUTCDate() === day ? value : undefined;
}
