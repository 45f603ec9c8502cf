/**
 * "Add to calendar": links that open Google Calendar's and Outlook.com's "new event" pages, and
 * the .ics files of src/feed/ics-writer.ts. Nothing is requested from anyone until a visitor
 * follows a link.
 */
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { descriptionText, placeText, utcStamp } from '../feed/ics-writer.js';

export { descriptionText, escapeText, foldLine, occurrenceIcs, placeText, seriesIcs } from '../feed/ics-writer.js';
export type { IcsOptions } from '../feed/ics-writer.js';

// ---- links ---------------------------------------------------------------------------------------

function linkDetails(event: CivicEvent): string {
  const text = descriptionText(event.description, 1500);
  return [text, event.url ?? ''].filter(Boolean).join('\n\n');
}

/** Google Calendar's "new event" page, filled in with the occurrence. */
export function googleCalendarUrl(occurrence: Occurrence): string {
  const { event } = occurrence;
  const dates = occurrence.allDay
    ? `${occurrence.start.replace(/-/g, '')}/${occurrence.end.replace(/-/g, '')}`
    : `${utcStamp(occurrence.startMs)}/${utcStamp(Math.max(occurrence.endMs, occurrence.startMs))}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates });
  const details = linkDetails(event);
  if (details) params.set('details', details);
  const place = placeText(event);
  if (place) params.set('location', place);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** Outlook.com's "new event" page, filled in with the occurrence. */
export function outlookCalendarUrl(occurrence: Occurrence): string {
  const { event } = occurrence;
  const iso = (epoch: number) => new Date(epoch).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: occurrence.allDay ? occurrence.start : iso(occurrence.startMs),
    enddt: occurrence.allDay ? occurrence.end : iso(Math.max(occurrence.endMs, occurrence.startMs)),
    allday: String(occurrence.allDay),
  });
  const details = linkDetails(event);
  if (details) params.set('body', details);
  const place = placeText(event);
  if (place) params.set('location', place);
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}

/** A file name for the download: the title's words, `.ics`. */
export function icsFileName(event: CivicEvent): string {
  const base = event.title.normalize('NFKD').replace(/[^\w\s-]+/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60);
  return `${base || 'event'}.ics`;
}
