/**
 * The iCalendar (RFC 5545) adapter: a calendar file or feed becomes a document in the native shape
 * of feed-format.md, which `normalizeFeed` then validates. Recurrences are not expanded here; the
 * rule, its exceptions and its overrides are passed on for `expandOccurrences`.
 *
 * ical.js is imported statically because `parse-source.ts` loads this whole module on demand.
 */
import ICAL from 'ical.js';
import type { Adapter, AdapterResult } from '../adapter.js';
import { plainText } from '../text.js';
import type { SkippedItem } from '../types.js';
import { formatDate, formatFloating, parseFeedDate, wallToEpoch } from '../zoned-time.js';
import { first, firstText, param, type JComp, type JProp } from './ics-jcal.js';
import { Zones } from './ics-zones.js';

type Json = Record<string, unknown>;

/** Each VEVENT in file order: parsed, or why it could not be. */
type EventEntry = { comp: JComp } | { error: string; uid?: string };

interface Calendar {
  props: JProp[];
  zones: JComp[];
  events: EventEntry[];
}

/** A DTSTART-like value as read from the file. `zone` is an IANA name for floating values. */
interface IcsTime {
  value: string;
  kind: 'date' | 'floating' | 'utc';
  zone?: string;
}

const DAY = 86_400_000;
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}T::$/;
const DATE_TIME_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/;
/** Descriptive fields an override that leaves them out takes from its series. */
const INHERITED = ['title', 'description', 'location', 'url', 'topics', 'organizer', 'image'] as const;

/** Reads an iCalendar file. Throws an Error only when the text is not a calendar at all. */
export const icsAdapter: Adapter = async (source) => {
  const text = source.text.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) {
    throw new Error('not an iCalendar file: it does not begin with BEGIN:VCALENDAR');
  }
  try {
    return convert(readCalendar(text));
  } catch (error) {
    // Only a bug would land here; keep the promise of a plain, readable Error.
    throw new Error(`could not read the iCalendar file (${error instanceof Error ? error.message : String(error)})`);
  }
};

// ---- parsing ------------------------------------------------------------------------------

/** The whole file through ical.js, or, when that fails, block by block so one bad event costs only itself. */
function readCalendar(text: string): Calendar {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    return readLeniently(text);
  }
  const roots = (isComp(parsed) ? [parsed] : Array.isArray(parsed) ? parsed.filter(isComp) : []).filter(
    (c) => c[0] === 'vcalendar',
  );
  if (!roots.length) throw new Error('no VCALENDAR in the file');
  const calendar: Calendar = { props: [], zones: [], events: [] };
  for (const root of roots) {
    calendar.props.push(...root[1]);
    for (const sub of root[2]) {
      if (sub[0] === 'vevent') calendar.events.push({ comp: sub });
      else if (sub[0] === 'vtimezone') calendar.zones.push(sub);
    }
  }
  return calendar;
}

function isComp(value: unknown): value is JComp {
  return Array.isArray(value) && typeof value[0] === 'string' && Array.isArray(value[1]) && Array.isArray(value[2]);
}

/**
 * Splits the unfolded lines into top-level properties and VEVENT/VTIMEZONE blocks. A block that
 * ical.js refuses is read line by line, dropping the lines it cannot parse; a VEVENT the file ends
 * inside (a truncated download) is reported, not guessed at.
 */
function readLeniently(text: string): Calendar {
  const calendar: Calendar = { props: [], zones: [], events: [] };
  const lines = text.replace(/\r\n[ \t]|\n[ \t]|\r[ \t]/g, '').split(/\r\n|\n|\r/);
  let block: { name: string; lines: string[]; depth: number } | undefined;
  const finish = (complete: boolean) => {
    if (block) addBlock(calendar, block.name, block.lines, complete);
    block = undefined;
  };
  for (const line of lines) {
    if (!line.trim()) continue;
    const marker = /^(BEGIN|END):(.*)$/i.exec(line.trim());
    const kind = marker?.[1]!.toUpperCase();
    const name = marker?.[2]!.trim().toLowerCase();
    if (block) {
      if (kind === 'END' && name === block.name && block.depth === 0) {
        block.lines.push(line);
        finish(true);
      } else if ((kind === 'BEGIN' && name === block.name) || name === 'vcalendar') {
        finish(false); // the block never ended; a new one or the calendar's end cuts it off
        if (kind === 'BEGIN' && name !== 'vcalendar') block = { name: name!, lines: [line], depth: 0 };
      } else {
        if (kind === 'BEGIN') block.depth++;
        else if (kind === 'END' && block.depth > 0) block.depth--;
        block.lines.push(line);
      }
    } else if (kind === 'BEGIN' && name !== 'vcalendar') {
      block = { name: name!, lines: [line], depth: 0 };
    } else if (!kind) {
      const prop = parseProperty(line);
      if (prop) calendar.props.push(prop);
    }
  }
  finish(false);
  return calendar;
}

function addBlock(calendar: Calendar, name: string, lines: string[], complete: boolean): void {
  if (name !== 'vevent' && name !== 'vtimezone') return;
  if (!complete) {
    if (name === 'vevent') {
      calendar.events.push({ error: 'the VEVENT is cut off (no END:VEVENT)', ...uidOf(lines) });
    }
    return;
  }
  const comp = parseBlock(lines);
  if (name === 'vevent') calendar.events.push({ comp });
  else if (comp[1].length) calendar.zones.push(comp);
}

function parseBlock(lines: string[]): JComp {
  try {
    const parsed: unknown = ICAL.parse(lines.join('\r\n'));
    if (isComp(parsed)) return parsed;
  } catch {
    // fall through to line by line
  }
  const props: JProp[] = [];
  let depth = 0;
  for (const line of lines.slice(1, -1)) {
    if (/^BEGIN:/i.test(line)) depth++;
    else if (/^END:/i.test(line)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const prop = parseProperty(line);
      if (prop) props.push(prop);
    }
  }
  return [lines[0]!.slice(6).trim().toLowerCase(), props, []];
}

function parseProperty(line: string): JProp | undefined {
  try {
    const prop: unknown = ICAL.parse.property(line);
    return Array.isArray(prop) && typeof prop[0] === 'string' && typeof prop[2] === 'string' ? (prop as JProp) : undefined;
  } catch {
    return undefined;
  }
}

function uidOf(lines: string[]): { uid?: string } {
  const line = lines.find((l) => /^UID[;:]/i.test(l));
  const uid = line?.slice(line.indexOf(':') + 1).trim();
  return uid ? { uid } : {};
}

// ---- conversion ---------------------------------------------------------------------------

function convert(calendar: Calendar): AdapterResult {
  const zones = new Zones(calendar.zones);
  const native: Json = { version: '1' };
  const title = firstText(calendar.props, 'x-wr-calname') ?? firstText(calendar.props, 'name');
  if (title) native.title = plainText(title, 500);
  const feedZone = firstText(calendar.props, 'x-wr-timezone');
  const zone = feedZone ? zones.iana(feedZone.trim()) : undefined;
  if (zone) native.timezone = zone;

  const skipped: SkippedItem[] = [];
  // Each VEVENT's UID, read once: three passes below need it.
  const uids = calendar.events.map((entry) => ('comp' in entry ? firstText(entry.comp[1], 'uid')?.trim() || undefined : undefined));
  const superseded = olderVersions(calendar.events, uids, zones);
  const masters = masterStarts(calendar.events, uids, zones, superseded);
  const events: Json[] = [];
  calendar.events.forEach((entry, index) => {
    const older = superseded.get(index);
    if (older) return void skipped.push({ list: 'events', index, ...older });
    const result = 'comp' in entry ? convertEvent(entry.comp, uids[index], zones, masters, index) : entry;
    if ('error' in result) {
      const id = result.uid ? { id: result.uid } : {};
      skipped.push({ list: 'events', index, ...id, reason: result.error });
    } else {
      events.push(result.event);
      const id = String(result.event.id);
      for (const reason of result.warnings ?? []) skipped.push({ list: 'events', index, id, reason, kept: true });
    }
  });
  inheritFromSeries(events);
  // SUMMARY is optional (RFC 5545 §3.6.1): an event without one, even after inheriting, is untitled.
  for (const event of events) event.title ??= '';
  native.events = events;
  return { document: native, skipped };
}

/**
 * VEVENTs that another VEVENT of the same UID and RECURRENCE-ID replaces: an update re-sent in the
 * same file (RFC 5546 §2.1.5). The highest SEQUENCE wins, then the latest DTSTAMP, then the
 * latest LAST-MODIFIED; a true tie keeps the first. Values are keyed by the loser's position.
 */
function olderVersions(
  entries: EventEntry[],
  uids: (string | undefined)[],
  zones: Zones,
): Map<number, { id: string; reason: string }> {
  const older = new Map<number, { id: string; reason: string }>();
  // Most UIDs occur once: only those seen again are compared (a file of thousands stays cheap).
  const firstAt = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  uids.forEach((uid, index) => {
    if (!uid) return;
    const at = firstAt.get(uid);
    const list = repeated.get(uid);
    if (at === undefined) firstAt.set(uid, index);
    else if (list) list.push(index);
    else repeated.set(uid, [at, index]);
  });
  for (const [uid, indexes] of repeated) {
    const newest = new Map<string, { index: number; rank: Rank }>();
    for (const index of indexes) {
      const props = (entries[index] as { comp: JComp }).comp[1];
      const recurrence = readTime(first(props, 'recurrence-id'), zones)?.value ?? '';
      const sequence = Number(first(props, 'sequence')?.[3]);
      const rank: Rank = [
        Number.isInteger(sequence) ? sequence : 0,
        stamp(first(props, 'dtstamp')),
        stamp(first(props, 'last-modified')),
      ];
      const current = newest.get(recurrence);
      if (!current) {
        newest.set(recurrence, { index, rank });
        continue;
      }
      const order = compareRanks(rank, current.rank);
      const [loser, lost] = order > 0 ? [current.index, current.rank] : [index, rank];
      const reason = order
        ? `an older version (SEQUENCE ${lost[0]}${lost[1] ? `, DTSTAMP ${lost[1]}` : ''}${lost[2] ? `, LAST-MODIFIED ${lost[2]}` : ''}) of an event the file has again: the newest is shown`
        : 'the same event again (same UID, SEQUENCE and DTSTAMP): the first copy is shown';
      older.set(loser, { id: recurrence ? `${uid}#${recurrence}` : uid, reason });
      if (order > 0) newest.set(recurrence, { index, rank });
    }
  }
  return older;
}

/** SEQUENCE, DTSTAMP, LAST-MODIFIED: what tells two versions of one event apart. */
type Rank = [number, string, string];

/** A UTC DATE-TIME as sortable text ('' when absent or not UTC, which loses to any stamp). */
function stamp(prop: JProp | undefined): string {
  const value = prop?.[3];
  return typeof value === 'string' && /Z$/.test(value) ? value : '';
}

function compareRanks(a: Rank, b: Rank): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** The start of each series' master, so overrides write their RECURRENCE-ID the same way. */
function masterStarts(
  entries: EventEntry[],
  uids: (string | undefined)[],
  zones: Zones,
  superseded: Map<number, unknown>,
): Map<string, IcsTime> {
  const starts = new Map<string, IcsTime>();
  // Only series that have overrides need it: most events of a big file are read once, not twice.
  const overridden = new Set<string>();
  entries.forEach((entry, index) => {
    const uid = uids[index];
    if (uid && 'comp' in entry && first(entry.comp[1], 'recurrence-id')) overridden.add(uid);
  });
  if (!overridden.size) return starts;
  for (const [index, entry] of entries.entries()) {
    const uid = uids[index];
    if (!uid || !overridden.has(uid) || starts.has(uid) || !('comp' in entry) || superseded.has(index)) continue;
    if (first(entry.comp[1], 'recurrence-id')) continue;
    const start = readTime(first(entry.comp[1], 'dtstart'), zones);
    if (start) starts.set(uid, start);
  }
  return starts;
}

function convertEvent(
  comp: JComp,
  uid: string | undefined,
  zones: Zones,
  masters: Map<string, IcsTime>,
  index: number,
): { event: Json; warnings?: string[] } | { error: string; uid?: string } {
  const props = comp[1];
  const dtstart = first(props, 'dtstart');
  if (!dtstart) return { error: 'no DTSTART', ...(uid ? { uid } : {}) };
  let start = readTime(dtstart, zones);
  if (!start) return { error: 'DTSTART is not a valid date or date-time', ...(uid ? { uid } : {}) };
  const summary = firstText(props, 'summary');

  // UID is required, but several exporters leave it out; such an event is kept under a made-up id.
  const event: Json = { id: uid ?? madeUpId(start.value, summary, index), start: start.value };
  // Things repaired rather than left out: said in `skipped`, marked `kept`.
  let warnings: string[] | undefined;
  if (!uid) warnings = ['no UID: id made up from DTSTART, SUMMARY and position'];
  if (summary !== undefined) event.title = plainText(summary, 500);
  let end = endOf(props, start, zones);
  if (end && endsBefore(end, start)) {
    // An end before the start is a typo far more often than an event that runs backwards.
    (warnings ??= []).push('DTEND is before DTSTART: the two were swapped');
    [start, end] = [{ ...start, value: end }, start.value];
    event.start = start.value;
  }
  if (start.zone) event.timezone = start.zone;
  if (end) event.end = end;
  addRecurrence(event, props, start, zones);
  const recurrenceId = uid ? first(props, 'recurrence-id') : undefined;
  const recurrence = readTime(recurrenceId, zones);
  if (recurrence) {
    const value = inFormOf(recurrence, masters.get(uid!) ?? start);
    event.id = `${uid}#${value}`;
    event.recurrenceId = value;
    event.seriesId = uid;
    if (param(recurrenceId!, 'range')?.trim().toUpperCase() === 'THISANDFUTURE') event.thisAndFuture = true;
  }
  addDetails(event, props);
  return warnings ? { event, warnings } : { event };
}

/** A stable id for an event without UID: the same file gives the same ids on every load. */
function madeUpId(start: string, summary: string | undefined, index: number): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: short, and enough to tell events of one file apart
  for (const char of `${start}\n${summary ?? ''}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `no-uid-${hash.toString(16).padStart(8, '0')}-${index}`;
}

/**
 * Whether an end written like `start` (see `inFormOf`) comes before it. A local time and an
 * instant (an end in another zone) cannot be compared without zone data: they are let through.
 */
function endsBefore(end: string, start: IcsTime): boolean {
  // One spelling (same length, both or neither in UTC) compares as text.
  const value = start.value;
  return end.length === value.length && end.endsWith('Z') === value.endsWith('Z') && end < value;
}

function addRecurrence(event: Json, props: JProp[], start: IcsTime, zones: Zones): void {
  let rules: string[] | undefined;
  let exdates: string[] | undefined;
  let rdates: string[] | undefined;
  for (const prop of props) {
    const name = prop[0];
    if (name === 'rrule' && prop[2] === 'recur') {
      // RFC 2445 allowed several RRULEs and exporters still write them: every one is kept.
      const rule = ruleString(prop);
      if (rule) (rules ??= []).push(rule);
    } else if (name === 'exdate' && prop[2] !== 'period') {
      for (let i = 3; i < prop.length; i++) {
        const time = readTime(prop, zones, i);
        if (time) (exdates ??= []).push(inFormOf(time, start));
      }
    } else if (name === 'rdate') {
      for (let i = 3; i < prop.length; i++) {
        const rdate = rdateOf(prop, i, start, zones);
        if (rdate && (rdates ??= []).length < 5000) rdates.push(rdate);
      }
    }
  }
  if (rules) event.rrule = rules[0];
  if (rules && rules.length > 1) event.rrules = rules;
  if (exdates) event.exdates = exdates;
  if (rdates) event.rdates = rdates;
}

/**
 * Value `index` of an RDATE, written like the start; a VALUE=PERIOD one as `start/end`, its end
 * given or computed from its duration. ical.js reads the values; the recurrence set is ours.
 */
function rdateOf(prop: JProp, index: number, start: IcsTime, zones: Zones): string | undefined {
  if (prop[2] !== 'period') {
    const time = readTime(prop, zones, index);
    return time && inFormOf(time, start);
  }
  const period = prop[index];
  if (!Array.isArray(period) || typeof period[0] !== 'string' || typeof period[1] !== 'string') return undefined;
  const from = readTime([prop[0], prop[1], 'date-time', period[0]], zones);
  if (!from) return undefined;
  const begin = inFormOf(from, start);
  const until = readTime([prop[0], prop[1], 'date-time', period[1]], zones);
  const duration = until ? undefined : durationOf([prop[0], {}, 'duration', period[1]]);
  const end = until
    ? inFormOf(until, start)
    : duration && addDuration({ ...start, value: begin, kind: start.kind === 'date' ? 'date' : from.kind }, duration);
  return end && start.kind !== 'date' && !endsBefore(end, { ...start, value: begin }) ? `${begin}/${end}` : begin;
}

/** The RRULE as RFC 5545 text; ical.js parsed it into a jCal object, and its Recur writes it back. */
function ruleString(prop: JProp): string | undefined {
  try {
    const value = new ICAL.Property(prop).getFirstValue();
    return value instanceof ICAL.Recur && value.freq ? value.toString() : undefined;
  } catch {
    return undefined;
  }
}

function addDetails(event: Json, props: JProp[]): void {
  const status = firstText(props, 'status')?.trim().toUpperCase();
  if (status === 'CANCELLED') event.status = 'cancelled';
  else if (status === 'CONFIRMED' || status === 'TENTATIVE') event.status = 'scheduled';
  const description = firstText(props, 'description');
  if (description?.trim()) event.description = description;
  const url = firstText(props, 'url');
  if (url) event.url = url.trim();
  const topics = categories(props);
  if (topics.length) event.topics = topics;
  const location = locationOf(props);
  if (location) event.location = location;
  const organizer = organizerOf(first(props, 'organizer'));
  if (organizer) event.organizer = organizer;
  const image = imageOf(props);
  if (image) event.image = { url: image };
}

function categories(props: JProp[]): string[] {
  const out = new Set<string>();
  for (const prop of props) {
    if (prop[0] !== 'categories') continue;
    for (const value of prop.slice(3)) {
      if (typeof value !== 'string') continue;
      for (const part of value.split(',')) {
        const topic = plainText(part, 100).toLowerCase();
        if (topic) out.add(topic);
      }
    }
  }
  return [...out];
}

function locationOf(props: JProp[]): Json | undefined {
  const location: Json = {};
  const name = firstText(props, 'location');
  if (name?.trim()) location.name = plainText(name);
  const geo = first(props, 'geo')?.[3];
  if (Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    location.lat = geo[0];
    location.lon = geo[1];
  }
  return Object.keys(location).length ? location : undefined;
}

function organizerOf(prop: JProp | undefined): Json | undefined {
  if (!prop) return undefined;
  const organizer: Json = {};
  const name = param(prop, 'cn');
  if (name?.trim()) organizer.name = plainText(name);
  const value = typeof prop[3] === 'string' ? prop[3].trim() : '';
  if (/^mailto:/i.test(value)) organizer.email = value.slice(7);
  else if (/^https?:/i.test(value)) organizer.url = value;
  return Object.keys(organizer).length ? organizer : undefined;
}

/** RFC 7986 IMAGE, else an ATTACH that says it is an image; only links, never inline data. */
function imageOf(props: JProp[]): string | undefined {
  for (const prop of props) {
    const isImage = prop[0] === 'image' || (prop[0] === 'attach' && /^image\//i.test(param(prop, 'fmttype') ?? ''));
    if (isImage && prop[2] === 'uri' && typeof prop[3] === 'string' && /^https?:/i.test(prop[3])) return prop[3];
  }
  return undefined;
}

/** Overrides often carry only what changed (or, when cancelled, almost nothing). */
function inheritFromSeries(events: Json[]): void {
  const masters = new Map<unknown, Json>();
  for (const event of events) if (!event.seriesId && !masters.has(event.id)) masters.set(event.id, event);
  for (const event of events) {
    const master = event.seriesId ? masters.get(event.seriesId) : undefined;
    if (!master) continue;
    for (const key of INHERITED) if (event[key] === undefined && master[key] !== undefined) event[key] = master[key];
  }
}

// ---- times --------------------------------------------------------------------------------

/**
 * DTEND, else DTSTART plus DURATION, else (for a date) the next day; written like the start. An
 * all-day start with a timed end (Lotus, some CMS exports) lasts through the end's day.
 */
function endOf(props: JProp[], start: IcsTime, zones: Zones): string | undefined {
  const end = readTime(first(props, 'dtend'), zones);
  if (end && start.kind === 'date' && end.kind !== 'date') {
    const wall = parseFeedDate(end.value)!.wall;
    const day = Math.ceil(wall / DAY) * DAY; // midnight ends on that day; later, through it
    const startWall = parseFeedDate(start.value)!.wall;
    return formatDate(Math.max(day, startWall + DAY));
  }
  if (end) return (end.kind === 'date') === (start.kind === 'date') ? inFormOf(end, start) : undefined;
  const duration = durationOf(first(props, 'duration'));
  if (duration !== undefined) return addDuration(start, duration);
  return start.kind === 'date' ? addDuration(start, { days: 1, ms: 0 }) : undefined;
}

function durationOf(prop: JProp | undefined): { days: number; ms: number } | undefined {
  if (!prop || typeof prop[3] !== 'string') return undefined;
  try {
    const d = ICAL.Duration.fromString(prop[3]);
    if (d.isNegative) return undefined;
    return { days: d.weeks * 7 + d.days, ms: ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 };
  } catch {
    return undefined;
  }
}

/**
 * Adds a duration on the clock of the start's own zone. Whole days are nominal in RFC 5545 (a day
 * across a DST change is still "same time tomorrow"); hours are added on the clock too, which is
 * an hour off only for a duration that spans a change, a trade for not needing zone data here.
 */
function addDuration(start: IcsTime, duration: { days: number; ms: number }): string | undefined {
  const parsed = parseFeedDate(start.value);
  if (!parsed) return undefined;
  if (start.kind === 'date') return formatDate(parsed.wall + Math.max(1, duration.days) * DAY);
  const wall = parsed.wall + duration.days * DAY + duration.ms;
  return `${formatFloating(wall)}${start.kind === 'utc' ? 'Z' : ''}`;
}

/**
 * Reads value `index` of a DATE or DATE-TIME property, resolving its TZID. A date written without
 * VALUE=DATE (`DTSTART:20190101`) comes from ical.js as the date-time `2019-01-01T::`; it is a date.
 */
function readTime(prop: JProp | undefined, zones: Zones, index = 3): IcsTime | undefined {
  const raw = prop?.[index];
  if (!prop || typeof raw !== 'string') return undefined;
  let value = raw;
  if (value.length === 13 && prop[2] === 'date-time' && BARE_DATE.test(value)) value = value.slice(0, 10);
  if (prop[2] === 'date' || value.length === 10) {
    return DATE_VALUE.test(value) && parseFeedDate(value) ? { value, kind: 'date' } : undefined;
  }
  if (prop[2] !== 'date-time' || !DATE_TIME_VALUE.test(value)) return undefined;
  if (value.endsWith('Z')) return { value, kind: 'utc' };
  const tzid = param(prop, 'tzid')?.trim();
  if (!tzid) return { value, kind: 'floating' };
  const zone = zones.iana(tzid);
  if (zone) return { value, kind: 'floating', zone };
  const utc = zones.toUtc(tzid, value);
  // A TZID with no definition at all: read it like a floating time, in the feed's zone.
  return utc ? { value: utc, kind: 'utc' } : { value, kind: 'floating' };
}

/**
 * A time written the way `start` is, so that exdates and recurrence ids compare as text: the same
 * zone stays a floating local time, a different one becomes UTC, and dates stay dates.
 */
function inFormOf(time: IcsTime, start: IcsTime): string {
  if (start.kind === 'date' || time.kind === 'date') return time.value.slice(0, 10);
  if (time.kind === 'utc' || time.zone === start.zone || !time.zone) return time.value;
  const parsed = parseFeedDate(time.value);
  return parsed ? `${formatFloating(wallToEpoch(parsed.wall, time.zone))}Z` : time.value;
}
