/**
 * Dates and times for the form, through `Intl`, in the event's zone, naming the zone when the
 * visitor's is a different one ("6:30 – 8:00 PM Eastern Standard Time").
 */
import type { Occurrence } from '../feed/occurrences.js';
import { viewerZone } from '../feed/display-zone.js';
import { dateTimeFormat as format } from '../shared/intl.js';

const DAY = 86_400_000;


const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** Whether times in `zone` need its name beside them for this visitor. */
export function zoneDiffers(zone: string): boolean {
  return zone !== viewerZone();
}

/** When an occurrence happens, as a date line and a time line (empty for all-day ones). */
export function formatWhen(occurrence: Occurrence, locale: string, zone: string): { date: string; time: string } {
  if (occurrence.allDay) {
    const first = Date.parse(`${occurrence.start}T00:00:00Z`);
    const last = Date.parse(`${occurrence.end}T00:00:00Z`) - DAY;
    const days = format(locale, { ...LONG_DATE, timeZone: 'UTC' });
    return { date: last > first ? days.formatRange(first, last) : days.format(first), time: '' };
  }
  const date = format(locale, { ...LONG_DATE, timeZone: zone });
  const { startMs, endMs } = occurrence;
  // The zone's name is appended rather than asked of formatRange, which abbreviates it in some browsers.
  const zoneName = zoneDiffers(zone) ? ` ${nameOfZone(startMs, locale, zone)}` : '';
  const clock = format(locale, { ...CLOCK, timeZone: zone });
  if (endMs <= startMs) return { date: date.format(startMs), time: clock.format(startMs) + zoneName };
  if (date.format(startMs) === date.format(endMs)) {
    return { date: date.format(startMs), time: clock.formatRange(startMs, endMs) + zoneName };
  }
  const both = format(locale, { month: 'short', day: 'numeric', ...CLOCK, timeZone: zone });
  return { date: date.format(startMs), time: both.formatRange(startMs, endMs) + zoneName };
}

/** The zone's long name at an instant, in the locale: "Eastern Standard Time", "hora estándar del este". */
function nameOfZone(epoch: number, locale: string, zone: string): string {
  const parts = format(locale, { timeZone: zone, timeZoneName: 'long' }).formatToParts(epoch);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** An occurrence as one line, for the date picker: "Wednesday, March 11, 6:00 PM". */
export function formatOption(occurrence: Occurrence, locale: string, zone: string): string {
  if (occurrence.allDay) {
    return format(locale, { ...LONG_DATE, timeZone: 'UTC' }).format(Date.parse(`${occurrence.start}T00:00:00Z`));
  }
  const named = zoneDiffers(zone);
  return format(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...CLOCK,
    timeZone: zone,
    ...(named ? { timeZoneName: 'short' as const } : {}),
  }).format(occurrence.startMs);
}

/** A moment such as a registration window's edge: "Monday, March 2, 2026, 9:00 AM". */
export function formatMoment(epoch: number, locale: string, zone: string): string {
  const named = zoneDiffers(zone);
  return format(locale, {
    ...LONG_DATE,
    ...CLOCK,
    timeZone: zone,
    ...(named ? { timeZoneName: 'short' as const } : {}),
  }).format(epoch);
}
