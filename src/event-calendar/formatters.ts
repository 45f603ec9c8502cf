/**
 * Dates and times in the visitor's language, through `Intl`. A calendar formats thousands of
 * times per render and the same few values repeat (every 18:30 reads the same), so the `Intl`
 * objects are made once per locale and the texts are kept.
 */
import type { Occurrence } from '../feed/occurrences.js';
import { dayOf, type Period } from './period.js';
import { DAY_MS } from './calendar-state.js';
import { dateTimeFormat as format, numberFormat } from '../shared/intl.js';

const texts = new Map<string, string>();


function remember(key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    if (texts.size > 20_000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** Days and wall times are formatted as UTC instants, so no zone can shift them. */
const UTC = { timeZone: 'UTC' } as const;

export type DayStyle = 'full' | 'long' | 'medium' | 'short' | 'weekday' | 'narrow' | 'initial' | 'number' | 'month' | 'monthShort';

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  full: { ...UTC, dateStyle: 'full' },
  long: { ...UTC, weekday: 'long', month: 'long', day: 'numeric' },
  medium: { ...UTC, dateStyle: 'medium' },
  short: { ...UTC, weekday: 'short', month: 'short', day: 'numeric' },
  weekday: { ...UTC, weekday: 'long' },
  narrow: { ...UTC, weekday: 'short' },
  initial: { ...UTC, weekday: 'narrow' },
  number: { ...UTC, day: 'numeric' },
  month: { ...UTC, month: 'long', year: 'numeric' },
  monthShort: { ...UTC, month: 'short', day: 'numeric' },
};

/** A day in the locale: `full` "Tuesday, March 3, 2026", `number` "3", `month` "March 2026", … */
export function formatDayAs(locale: string, day: number, style: DayStyle): string {
  return remember(`d|${locale}|${style}|${day}`, () => format(locale, DAY_OPTIONS[style]).format(day * DAY_MS));
}

/** A wall-clock time (`HH:MM`) in the locale: "6:30 PM", "18:30", "下午6:30". */
export function formatClock(locale: string, hhmm: string): string {
  return remember(`t|${locale}|${hhmm}`, () =>
    format(locale, { ...UTC, hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2000, 0, 1, +hhmm.slice(0, 2), +hhmm.slice(3, 5))),
  );
}

/** When an occurrence starts, for a chip: its clock time, or nothing for all-day ones. */
export function startClock(locale: string, occurrence: Occurrence): string {
  return occurrence.allDay ? '' : formatClock(locale, occurrence.start.slice(11, 16));
}

/** "6:30 – 8:00 PM" on its day, "Mar 3, 10 PM – Mar 4, 2 AM" across days, or "" for all-day ones. */
export function timeRange(locale: string, occurrence: Occurrence): string {
  if (occurrence.allDay) return '';
  const { start, end } = occurrence;
  if (occurrence.endMs <= occurrence.startMs) return formatClock(locale, start.slice(11, 16));
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  const key = `r|${locale}|${sameDay ? start.slice(11, 16) : start.slice(0, 16)}|${sameDay ? end.slice(11, 16) : end.slice(0, 16)}`;
  return remember(key, () => {
    const options: Intl.DateTimeFormatOptions = sameDay
      ? { ...UTC, hour: 'numeric', minute: '2-digit' }
      : { ...UTC, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    return format(locale, options).formatRange(wallOf(start), wallOf(end));
  });
}

/** The local wall time written in an RFC 3339 string, as a UTC instant for formatting. */
function wallOf(time: string): number {
  return dayOf(time) * DAY_MS + (+time.slice(11, 13) * 60 + +time.slice(14, 16)) * 60_000;
}

/** The dates an all-day occurrence covers: "March 3" or "March 3 – 5". */
export function dayRange(locale: string, first: number, last: number): string {
  if (first === last) return formatDayAs(locale, first, 'full');
  return remember(`dr|${locale}|${first}|${last}`, () =>
    format(locale, { ...UTC, dateStyle: 'full' }).formatRange(first * DAY_MS, last * DAY_MS),
  );
}

/** The period's title: "March 2026", or the week's "Mar 1 – 7, 2026". */
export function periodTitle(locale: string, period: Period): string {
  if (period.view !== 'week') return formatDayAs(locale, period.monthStart, 'month');
  return remember(`w|${locale}|${period.start}`, () =>
    format(locale, { ...UTC, month: 'short', day: 'numeric', year: 'numeric' }).formatRange(
      period.start * DAY_MS,
      (period.end - 1) * DAY_MS,
    ),
  );
}

/** The zone's name for people: "Eastern Time (New York)". */
export function zoneName(locale: string, timeZone: string): string {
  return remember(`z|${locale}|${timeZone}`, () => {
    let name = '';
    try {
      const parts = format(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(Date.now());
      name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      // an engine without longGeneric: the city alone
    }
    const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : '';
    if (!name) return city || timeZone;
    return city && !name.includes(city) ? `${name} (${city})` : name;
  });
}

/** The zone's short name at an instant, for a time in the details: "EST", "GMT+1". */
export function zoneAbbreviation(locale: string, timeZone: string, epoch: number): string {
  try {
    const parts = format(locale, { timeZone, timeZoneName: 'short' }).formatToParts(epoch);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** A number in the locale. */
export function formatCount(locale: string, n: number): string {
  return numberFormat(locale).format(n);
}

