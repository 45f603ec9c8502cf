/**
 * Writes iCalendar (RFC 5545): one occurrence, a whole series with its overrides, or a whole feed
 * (what `civic-widgets feed build --ics` and the server's /feed.ics publish for subscribers).
 * Pure data, for the browser's "Add to calendar" and for Node alike. Built here in a few hundred
 * lines: the common iCalendar writers are large or not open-source licensed.
 */
import { isTimeZone } from './feed-date.js';
import type { Occurrence } from './occurrences.js';
import { hasMarkup, plainText } from './text.js';
import type { CivicEvent, Feed } from './types.js';
import {
  epochToWall, formatDate, formatFloating, parseFeedDate, wallToEpoch, zoneOffset, type ParsedFeedDate,
} from './zoned-time.js';

const DAY = 86_400_000;
const PRODID = '-//civic-widgets//Event calendar//EN';

export interface IcsOptions {
  /** The time written in DTSTAMP (default: now). */
  now?: Date;
  /** Right-hand side of each UID, e.g. the feed's host (default `civic-widgets`). */
  uidDomain?: string;
  /** The feed's zone, for floating times of events that name none. */
  feedTimeZone?: string;
}

// ---- RFC 5545 text ---------------------------------------------------------------------------

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (§3.3.11), controls dropped. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

/** A parameter value (`CN=…`): quoted when it holds `:;,`; double quotes cannot appear at all. */
function paramValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence, with CRLF and a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function toIcs(lines: string[]): string {
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** `YYYYMMDDTHHMMSS` of a wall time, `YYYYMMDD` of a day. */
function basicDateTime(wall: number): string {
  return formatFloating(wall).replace(/[-:]/g, '');
}

function basicDate(wall: number): string {
  return formatDate(wall).replace(/-/g, '');
}

/** `YYYYMMDDTHHMMSSZ`, the UTC form of a date-time. */
export function utcStamp(epoch: number): string {
  return `${basicDateTime(epoch)}Z`;
}

function uidPart(text: string): string {
  return text.replace(/[^\w.-]+/g, '-').slice(0, 200) || 'event';
}

/** A description as plain text with its paragraphs kept: markup's blocks and breaks become line breaks. */
export function descriptionText(description: string | undefined, max = 8000): string {
  if (!description) return '';
  const blocks = hasMarkup(description)
    ? description.split(/<br\s*\/?>|<\/(?:p|li|h[1-6]|div|blockquote)\s*>/i).map((part) => plainText(part, max))
    : description.replace(/\r\n?/g, '\n').split(/\n/).map((line) => line.trim());
  return blocks.join('\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, max);
}

/** The lines every VEVENT of an event shares: what it is, where, who, and its state. */
function describe(event: CivicEvent): string[] {
  const lines = [`SUMMARY:${escapeText(event.title)}`];
  const details = [descriptionText(event.description), event.url ?? ''].filter(Boolean);
  if (details.length) lines.push(`DESCRIPTION:${escapeText(details.join('\n\n'))}`);
  const place = placeText(event);
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  const { lat, lon } = event.location ?? {};
  if (typeof lat === 'number' && typeof lon === 'number') lines.push(`GEO:${lat};${lon}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.organizer?.email) {
    const cn = event.organizer.name ? `;CN=${paramValue(event.organizer.name)}` : '';
    lines.push(`ORGANIZER${cn}:mailto:${event.organizer.email}`);
  }
  lines.push(`STATUS:${statusOf(event)}`);
  return lines;
}

function statusOf(event: CivicEvent): string {
  if (event.status === 'cancelled') return 'CANCELLED';
  return event.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED';
}

/** "Room 2, 100 Main St" (or the online link when there is no place). */
export function placeText(event: CivicEvent): string {
  const parts = [event.location?.name, event.location?.address].filter((p): p is string => !!p);
  if (parts.length === 2 && parts[1]!.includes(parts[0]!)) parts.shift();
  return parts.join(', ') || event.onlineUrl || '';
}

function wrap(body: string[]): string {
  return toIcs(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...body, 'END:VCALENDAR']);
}

// ---- one occurrence --------------------------------------------------------------------------

/** An .ics file with one occurrence as a standalone event, its times in UTC. */
export function occurrenceIcs(occurrence: Occurrence, options: IcsOptions = {}): string {
  const { event } = occurrence;
  const now = (options.now ?? new Date()).getTime();
  const stamp = occurrence.allDay ? occurrence.start.replace(/-/g, '') : utcStamp(occurrence.startMs);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uidPart(event.id)}-${stamp}@${options.uidDomain ?? 'civic-widgets'}`,
    `DTSTAMP:${utcStamp(now)}`,
  ];
  if (occurrence.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${occurrence.start.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${occurrence.end.replace(/-/g, '')}`);
  } else {
    lines.push(`DTSTART:${utcStamp(occurrence.startMs)}`);
    // Without DTEND a timed event ends when it starts (§3.6.1), which is what a zero length means.
    if (occurrence.endMs > occurrence.startMs) lines.push(`DTEND:${utcStamp(occurrence.endMs)}`);
  }
  lines.push(...describe(event), 'END:VEVENT');
  return wrap(lines);
}

// ---- a series ----------------------------------------------------------------------------------

/** How a series' times are written: local times in a named zone, UTC, floating, or a fixed offset. */
type SeriesClock =
  | { kind: 'zone'; tzid: string }
  | { kind: 'fixed'; tzid: string; offset: number }
  | { kind: 'utc' }
  | { kind: 'floating' };

/** The clock a series recurs on, chosen as the occurrence function chooses it. */
function clockOf(event: CivicEvent, start: ParsedFeedDate, feedZone?: string): SeriesClock {
  if (isTimeZone(event.timezone)) return { kind: 'zone', tzid: event.timezone };
  if (start.kind === 'floating' || start.kind === 'date') return isTimeZone(feedZone) ? { kind: 'zone', tzid: feedZone } : { kind: 'floating' };
  if (start.utc) return { kind: 'utc' };
  if (isTimeZone(feedZone) && zoneOffset(start.wall - start.offset, feedZone) === start.offset) return { kind: 'zone', tzid: feedZone };
  const sign = start.offset < 0 ? '-' : '+';
  const minutes = Math.abs(start.offset) / 60_000;
  const tzid = `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { kind: 'fixed', tzid, offset: start.offset };
}

/** The instant a feed date names, reading floating times on the series' clock. */
function instantOf(date: ParsedFeedDate, clock: SeriesClock): number {
  if (date.kind === 'zoned') return date.wall - date.offset;
  if (clock.kind === 'zone') return wallToEpoch(date.wall, clock.tzid);
  if (clock.kind === 'fixed') return date.wall - clock.offset;
  return date.wall;
}

/** The wall time a date shows on the series' clock. */
function localWall(date: ParsedFeedDate, clock: SeriesClock): number {
  if (date.kind !== 'zoned' || clock.kind === 'floating') return date.wall;
  const epoch = instantOf(date, clock);
  if (clock.kind === 'zone') return epochToWall(epoch, clock.tzid);
  return clock.kind === 'fixed' ? epoch + clock.offset : epoch;
}

/** A property value with its parameters, e.g. `DTSTART;TZID=America/New_York:20261001T183000`. */
function timeProperty(name: string, date: ParsedFeedDate, clock: SeriesClock, allDay: boolean): string {
  if (allDay) return `${name};VALUE=DATE:${basicDate(date.wall)}`;
  if (clock.kind === 'floating') return `${name}:${basicDateTime(date.wall)}`;
  if (clock.kind === 'utc') return `${name}:${utcStamp(instantOf(date, clock))}`;
  return `${name};TZID=${paramValue(clock.tzid)}:${basicDateTime(localWall(date, clock))}`;
}

/** A series' VEVENTs and the zones their times name. */
interface SeriesPart {
  lines: string[];
  zones: SeriesClock[];
  /** The instant the series begins: its VTIMEZONEs spell out the zone's changes from there. */
  from: number;
}

/**
 * An .ics file with a whole series: its rule, its exceptions, and the occurrences that were moved,
 * renamed or cancelled (as VEVENTs with RECURRENCE-ID). Local times name their zone, with a
 * VTIMEZONE that spells out the zone's changes around the series.
 */
export function seriesIcs(event: CivicEvent, allEvents: readonly CivicEvent[], options: IcsOptions = {}): string {
  const overrides = allEvents.filter((other) => other.seriesId === event.id && other.recurrenceId);
  const part = seriesPart(event, overrides, options);
  if (!part) return wrap([]);
  return wrap([...timezones([part]), ...part.lines]);
}

/**
 * Every event of a feed in one calendar, for subscribers: each series with its overrides, each
 * one-off event, and one VTIMEZONE per zone they name.
 */
export function feedIcs(feed: Feed, options: IcsOptions & { name?: string } = {}): string {
  const feedOptions = { ...options, feedTimeZone: options.feedTimeZone ?? feed.timezone };
  const byId = new Map(feed.events.map((event) => [event.id, event]));
  const overridesOf = new Map<string, CivicEvent[]>();
  const parts: SeriesPart[] = [];
  for (const event of feed.events) {
    if (!event.seriesId || !event.recurrenceId || !byId.has(event.seriesId)) continue;
    const list = overridesOf.get(event.seriesId) ?? [];
    list.push(event);
    overridesOf.set(event.seriesId, list);
  }
  for (const event of feed.events) {
    if (event.seriesId && event.recurrenceId && byId.has(event.seriesId)) continue; // written with its series
    const part = seriesPart(event, overridesOf.get(event.id) ?? [], feedOptions);
    if (part) parts.push(part);
  }
  const name = options.name ?? feed.title;
  const header = name ? [`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`] : [];
  if (feed.timezone) header.push(`X-WR-TIMEZONE:${feed.timezone}`);
  return wrap([...header, ...timezones(parts), ...parts.flatMap((part) => part.lines)]);
}

/** One VTIMEZONE per zone, covering the changes from the earliest series that names it. */
function timezones(parts: readonly SeriesPart[]): string[] {
  const zones = new Map<string, { clock: SeriesClock; from: number }>();
  for (const part of parts) {
    for (const clock of part.zones) {
      if (clock.kind !== 'zone' && clock.kind !== 'fixed') continue;
      const seen = zones.get(clock.tzid);
      if (!seen || part.from < seen.from) zones.set(clock.tzid, { clock, from: part.from });
    }
  }
  return [...zones.values()].flatMap(({ clock, from }) => vtimezone(clock, from));
}

function seriesPart(event: CivicEvent, overrides: readonly CivicEvent[], options: IcsOptions): SeriesPart | undefined {
  const start = parseFeedDate(event.start);
  if (!start) return undefined;
  const allDay = start.kind === 'date';
  const clock = clockOf(event, start, options.feedTimeZone);
  const uid = `${uidPart(event.id)}@${options.uidDomain ?? 'civic-widgets'}`;
  const stamp = `DTSTAMP:${utcStamp((options.now ?? new Date()).getTime())}`;
  const end = event.end ? parseFeedDate(event.end) : undefined;
  const lines = ['BEGIN:VEVENT', `UID:${uid}`, stamp, timeProperty('DTSTART', start, clock, allDay)];
  if (end && (allDay ? end.kind === 'date' && end.wall > start.wall : end.kind !== 'date')) {
    lines.push(timeProperty('DTEND', end, clock, allDay));
  }
  if (event.rrule) lines.push(`RRULE:${event.rrule.replace(/[\r\n]/g, '')}`);
  // A date among the exceptions of a timed series means that day's occurrence, at the series' time.
  const atSeriesTime = (date: ParsedFeedDate): ParsedFeedDate =>
    !allDay && date.kind === 'date' ? { kind: 'floating', wall: date.wall + (localWall(start, clock) % DAY) } : date;
  for (const value of event.exdates ?? []) {
    const date = parseFeedDate(value);
    if (date) lines.push(timeProperty('EXDATE', atSeriesTime(date), clock, allDay));
  }
  lines.push(...describe(event), 'END:VEVENT');

  const zones = [clock];
  for (const other of overrides) {
    const id = parseFeedDate(other.recurrenceId ?? '');
    const ownStart = parseFeedDate(other.start);
    if (!id || !ownStart) continue;
    const ownEnd = other.end ? parseFeedDate(other.end) : undefined;
    const ownDay = ownStart.kind === 'date';
    const ownClock = clockOf(other, ownStart, options.feedTimeZone);
    zones.push(ownClock);
    lines.push('BEGIN:VEVENT', `UID:${uid}`, stamp, timeProperty('RECURRENCE-ID', atSeriesTime(id), clock, allDay));
    lines.push(timeProperty('DTSTART', ownStart, ownClock, ownDay));
    if (ownEnd && (ownDay ? ownEnd.kind === 'date' : ownEnd.kind !== 'date')) lines.push(timeProperty('DTEND', ownEnd, ownClock, ownDay));
    lines.push(...describe(other), 'END:VEVENT');
  }
  return { lines, zones: allDay ? [] : zones, from: instantOf(start, clock) };
}

// ---- VTIMEZONE ---------------------------------------------------------------------------------

/** Years of a zone's changes written out after the series begins; calendars that know the zone by name need none. */
const ZONE_YEARS = 3;

function offsetText(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** A VTIMEZONE with one observance per change from a year before `from` to ZONE_YEARS after. */
function vtimezone(clock: SeriesClock, from: number): string[] {
  if (clock.kind === 'fixed') {
    const o = offsetText(clock.offset);
    return ['BEGIN:VTIMEZONE', `TZID:${clock.tzid}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${o}`, `TZOFFSETTO:${o}`, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  if (clock.kind !== 'zone') return [];
  const zone = clock.tzid;
  const first = Math.floor(from / DAY) - 366;
  const last = first + 366 * (ZONE_YEARS + 1);
  const changes: { at: number; before: number; after: number }[] = [];
  for (let day = first; day < last; day++) {
    const before = zoneOffset(day * DAY, zone);
    const after = zoneOffset((day + 1) * DAY, zone);
    if (before === after) continue;
    let low = day * DAY;
    let high = (day + 1) * DAY;
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 120_000) * 60_000;
      if (zoneOffset(mid, zone) === before) low = mid;
      else high = mid;
    }
    changes.push({ at: high, before, after });
  }
  const initial = zoneOffset(first * DAY, zone);
  const offsets = [initial, ...changes.map((c) => c.after)];
  const standard = Math.min(...offsets);
  const observance = (start: string, before: number, after: number) => {
    const kind = after > standard ? 'DAYLIGHT' : 'STANDARD';
    return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`];
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${paramValue(zone)}`];
  lines.push(...observance(basicDateTime(first * DAY), initial, initial));
  // DTSTART of an observance is the local time just before the change, in the old offset.
  for (const c of changes) lines.push(...observance(basicDateTime(c.at + c.before), c.before, c.after));
  lines.push('END:VTIMEZONE');
  return lines;
}
