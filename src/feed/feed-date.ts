/** The three forms a feed date takes (feed-format.md): a date, a floating local time, or an instant. */
export type FeedDateKind = 'date' | 'floating' | 'zoned';

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a feed date and returns it in one canonical spelling (`YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SS`, or that with `Z`/`±HH:MM`), or undefined when it is not a real date.
 */
export function canonicalFeedDate(value: unknown): { value: string; kind: FeedDateKind } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = PATTERN.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', , zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { value: date, kind: 'date' };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const time = `${date}T${h}:${mi}:${s === '60' ? '59' : s}`;
  if (!zone) return { value: time, kind: 'floating' };
  if (zone === 'Z' || zone === 'z') return { value: `${time}Z`, kind: 'zoned' };
  const offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59) return undefined;
  return { value: `${time}${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`, kind: 'zoned' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
