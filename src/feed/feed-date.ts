import { canonicalFields } from './zoned-time.js';

/** The three forms a feed date takes (feed-format.md): a date, a floating local time, or an instant. */
export type FeedDateKind = 'date' | 'floating' | 'zoned';

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a feed date and returns it in one canonical spelling (`YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SS`, or that with `Z`/`±HH:MM`), or undefined when it is not a real date.
 */
export function canonicalFeedDate(input: unknown): { value: string; kind: FeedDateKind } | undefined {
  if (typeof input !== 'string') return undefined;
  const value = input.trim();
  // Already canonical (the usual case): check its ranges and hand back the same string.
  const f = canonicalFields(value);
  if (f && f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysInMonth(f.year, f.month)) {
    if (f.kind === 'date') return { value, kind: 'date' };
    // `+00:00` is spelled `Z` (the full reading below rewrites it).
    const zoneOk = f.kind !== 'zoned' || f.utc || f.offsetMinutes !== 0;
    if (f.hour <= 23 && f.minute <= 59 && f.second <= 59 && zoneOk) return { value, kind: f.kind };
  }
  const m = PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', , zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { value: date, kind: 'date' };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const offset = zone && zone.length > 1 ? (zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : undefined;
  if (offset && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return undefined;
  const time = `${date}T${h}:${mi}:${s === '60' ? '59' : s}`;
  if (!zone) return { value: time, kind: 'floating' };
  if (zone === 'Z' || zone === 'z') return { value: `${time}Z`, kind: 'zoned' };
  return { value: `${time}${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`, kind: 'zoned' };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const zoneCache = new Map<string, boolean>();

/** True when the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone || zone.length > 64) return false;
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneCache.set(zone, ok);
  }
  return ok;
}
