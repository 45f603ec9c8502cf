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
  const m = PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { value: date, kind: 'date' };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  // Already canonical (the usual case): hand back the same string rather than build a new one.
  const canonical = !fraction && s !== '60' && (zone === undefined || zone === 'Z' || /^[+-]\d\d:\d\d$/.test(zone));
  if (canonical && value.length === (zone ? 19 + zone.length : 19) && value[10] === 'T' && zone !== '+00:00' && zone !== '-00:00') {
    return { value, kind: zone ? 'zoned' : 'floating' };
  }
  const time = `${date}T${h}:${mi}:${s === '60' ? '59' : s}`;
  if (!zone) return { value: time, kind: 'floating' };
  if (zone === 'Z' || zone === 'z') return { value: `${time}Z`, kind: 'zoned' };
  const offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59) return undefined;
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
