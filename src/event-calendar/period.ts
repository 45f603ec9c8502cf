/**
 * Calendar arithmetic on days. A day is a whole number: days since 1970-01-01, with no zone, so
 * adding a day never trips over a daylight-saving change. Instants only appear where a day meets
 * a time zone (`dayStartIn`, `todayIn`).
 */
import { formatDate, wallToEpoch } from '../feed/zoned-time.js';
import { DAY_MS, type CalendarView } from './calendar-state.js';

/** The days a view shows: `start` to `end` (exclusive), and the month it is about. */
export interface Period {
  view: CalendarView;
  /** The day the period was asked for (the `date` attribute, or today). */
  anchor: number;
  start: number;
  end: number;
  /** First day and the day after the last of the month containing `anchor`. */
  monthStart: number;
  monthEnd: number;
}

/** A day as `YYYY-MM-DD`. */
export function dayText(day: number): string {
  return formatDate(day * DAY_MS);
}

/** The day of a `YYYY-MM-DD…` string's date part (an RFC 3339 time's local date). */
export function dayOf(text: string): number {
  return Math.floor(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

/** `n` months later (or earlier), on the same day of the month or the month's last day. */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS);
}

/** The first day of the week containing `day`, for weeks that start on `firstDay` (0 = Sunday). */
export function weekStart(day: number, firstDay: number): number {
  return day - ((weekday(day) - firstDay + 7) % 7);
}

/**
 * The days `view` shows around `anchor`: the whole weeks covering its month for `month`, the
 * month itself for `list`, the week containing it for `week`.
 */
export function periodOf(view: CalendarView, anchor: number, firstDay: number): Period {
  const first = monthStart(anchor);
  const next = addMonths(first, 1);
  const base = { view, anchor, monthStart: first, monthEnd: next };
  if (view === 'week') {
    const start = weekStart(anchor, firstDay);
    return { ...base, start, end: start + 7 };
  }
  if (view === 'list') return { ...base, start: first, end: next };
  const start = weekStart(first, firstDay);
  return { ...base, start, end: weekStart(next - 1, firstDay) + 7 };
}

/** The anchor one period before (`step` = -1) or after (+1). */
export function shiftAnchor(view: CalendarView, anchor: number, step: number): number {
  return view === 'week' ? anchor + 7 * step : addMonths(anchor, step);
}

/** The instant a day begins in `timeZone`. */
export function dayStartIn(day: number, timeZone: string): number {
  return wallToEpoch(day * DAY_MS, timeZone);
}

// The day it is now in a zone: the feed layer's, so the windowed feed's module needs no calendar code.
export { todayIn } from '../feed/zoned-time.js';

// ---- the locale's week -------------------------------------------------------------------------

/** Regions whose weeks start on Sunday (CLDR), for engines without `Intl.Locale#getWeekInfo`. */
const SUNDAY_REGIONS = new Set(
  'AG AS AU BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '),
);
/** Regions whose weeks start on Saturday. */
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));
/** The usual region of a bare language tag, for the fallback. */
const LIKELY_REGION: Record<string, string> = { en: 'US', es: 'ES', fr: 'FR', zh: 'CN', ar: 'EG', he: 'IL', ja: 'JP', pt: 'BR', ko: 'KR', hi: 'IN' };

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

const firstDays = new Map<string, number>();

/** The first day of the week in `locale` (0 = Sunday … 6 = Saturday). */
export function firstDayOfWeek(locale: string): number {
  let first = firstDays.get(locale);
  if (first === undefined) {
    first = lookUpFirstDay(locale);
    firstDays.set(locale, first);
  }
  return first;
}

function lookUpFirstDay(locale: string): number {
  let intl: LocaleWithWeek;
  try {
    intl = new Intl.Locale(locale) as LocaleWithWeek;
  } catch {
    return 1;
  }
  try {
    // Intl numbers the days 1 = Monday … 7 = Sunday.
    const info = intl.getWeekInfo?.() ?? intl.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay % 7;
  } catch {
    // fall through to the table
  }
  const fw = /-u(?:-\w+)*?-fw-(\w{3})/.exec(locale.toLowerCase())?.[1];
  if (fw) {
    const index = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(fw);
    if (index >= 0) return index;
  }
  const region = intl.region ?? LIKELY_REGION[intl.language] ?? '';
  if (SUNDAY_REGIONS.has(region)) return 0;
  if (SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}
