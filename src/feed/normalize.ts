import type { FeedList } from './adapter.js';
import { canonicalFeedDate, isTimeZone } from './feed-date.js';
import { plainText, safeUrl, WEB_SCHEMES } from './text.js';
import { RSVP_MODES } from './rsvp-mode.js';
import type {
  AttendanceMode, CivicEvent, Contact, Cost, Dataset, EventStatus, Extra, Feed, FeedLabels, Group, Image,
  LabelledField, License, Location, Place, Question, QuestionType, Resource, Rsvp, SkippedItem, Translations,
} from './types.js';

/** More items than this in one list are left out: a feed is a page's worth, not a database. */
export const MAX_ITEMS = 20_000;
const MAX_TITLE = 500;
const MAX_DESCRIPTION = 50_000;
const MAX_EXTRA_DEPTH = 16;

type Json = Record<string, unknown>;

/** An item that breaks the contract: the normalizer skips it and says why. */
class Invalid extends Error {}

const STATUSES: readonly EventStatus[] = ['scheduled', 'cancelled', 'postponed', 'rescheduled'];
const MODES: readonly AttendanceMode[] = ['in-person', 'online', 'mixed'];
const QUESTION_TYPES: readonly QuestionType[] = [
  'text', 'textarea', 'email', 'tel', 'number', 'select', 'radio', 'checkbox', 'checkboxes',
];

const EVENT_FIELDS = new Set([
  'id', 'title', 'start', 'end', 'timezone', 'rrule', 'rrules', 'exdates', 'rdates', 'recurrenceId', 'seriesId',
  'thisAndFuture', 'status',
  'description', 'url', 'image', 'attendanceMode', 'location', 'onlineUrl', 'topics', 'audience',
  'accessibility', 'languages', 'cost', 'groupId', 'organizer', 'capacity', 'registered', 'waitlist', 'rsvp',
]);
const GROUP_FIELDS = new Set([
  'id', 'name', 'description', 'topics', 'datasets', 'cadence', 'attendanceMode', 'location', 'languages',
  'audience', 'url', 'joinUrl', 'contact',
]);
const RESOURCE_FIELDS = new Set([
  'id', 'title', 'url', 'description', 'type', 'topics', 'audience', 'languages', 'author', 'publisher',
  'published', 'added', 'modified', 'formats', 'license',
]);
const PLACE_FIELDS = new Set([
  'id', 'name', 'lat', 'lon', 'city', 'region', 'country', 'program', 'organizer', 'description', 'url',
  'topics', 'started',
]);
/** The fields the contract names for each list: anything else an item carries goes to `extra`. */
export const LIST_FIELDS: Readonly<Record<FeedList, ReadonlySet<string>>> = {
  events: EVENT_FIELDS,
  groups: GROUP_FIELDS,
  resources: RESOURCE_FIELDS,
  places: PLACE_FIELDS,
};
const FEED_FIELDS = new Set(['version', 'title', 'timezone', 'subscribe', 'windowed', 'events', 'groups', 'resources', 'places', 'labels']);
const LABELLED_FIELDS: readonly LabelledField[] = ['topics', 'audience', 'accessibility', 'type'];
/** Bounds on `labels`: values per field, languages per value, characters per label. */
const MAX_LABELLED_VALUES = 1000;
const MAX_LABEL_LANGUAGES = 50;
const MAX_LABEL = 200;

export interface NormalizeOptions {
  /** Resolves relative links (the feed's own URL). */
  base?: string;
  /** Where each item came from in the source (an adapter's `positions`): a skipped item's reason names it. */
  positions?: Partial<Record<FeedList, string[]>>;
  /** Items kept per list (default MAX_ITEMS, a page's worth); a server that answers by window may keep more. */
  maxItems?: number;
}

/**
 * Validates a document in the native shape and returns the feed every widget reads. An item that
 * breaks the contract is skipped and listed; a doubtful optional field is dropped; unknown fields
 * go to `extra`. Throws only when the document itself is not an object.
 */
export function normalizeFeed(
  input: unknown,
  alreadySkipped: SkippedItem[] = [],
  options: NormalizeOptions = {},
): { feed: Feed; skipped: SkippedItem[] } {
  if (!isObject(input)) throw new TypeError('the feed is not a JSON object');
  const skipped = [...alreadySkipped];
  const base = options.base;
  const limit = options.maxItems ?? MAX_ITEMS;
  const feed: Feed = {
    version: '1',
    events: list(input, 'events', skipped, (raw) => normalizeEvent(raw, base), options.positions?.events, limit),
    groups: list(input, 'groups', skipped, (raw) => normalizeGroup(raw, base), options.positions?.groups, limit),
    resources: list(input, 'resources', skipped, (raw) => normalizeResource(raw, base), options.positions?.resources, limit),
    places: list(input, 'places', skipped, (raw) => normalizePlace(raw, base), options.positions?.places, limit),
  };
  const title = text(input.title, MAX_TITLE);
  if (title) feed.title = title;
  if (isTimeZone(input.timezone)) feed.timezone = input.timezone;
  // A `webcal:` address is the same file over the web; relative ones sit beside the feed.
  const subscribe = safeUrl(typeof input.subscribe === 'string' ? input.subscribe.trim().replace(/^webcals?:/i, 'https:') : undefined, base, WEB_SCHEMES);
  if (subscribe) feed.subscribe = subscribe;
  if (input.windowed === true) feed.windowed = true;
  assign(feed, 'labels', labels(input.labels, skipped));
  const extra = extraOf(input, FEED_FIELDS);
  if (extra) feed.extra = extra;
  return { feed, skipped };
}

function list<T extends { id: string }>(
  doc: Json,
  name: string,
  skipped: SkippedItem[],
  normalize: (raw: Json) => T,
  positions: readonly string[] | undefined,
  limit: number,
): T[] {
  const raw = doc[name];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    skipped.push({ list: name, index: -1, reason: `"${name}" is not a list` });
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const id = isObject(item) ? idOf(item.id) : undefined;
    const where = positions?.[index];
    const skip = (why: string) => {
      const reason = where ? `${where}: ${why}` : why;
      skipped.push(id ? { list: name, index, id, reason } : { list: name, index, reason });
    };
    if (index >= limit) return skip(`more than ${limit} items`);
    if (!isObject(item)) return skip('not an object');
    try {
      const value = normalize(item);
      if (seen.has(value.id)) return skip(`duplicate id "${value.id}"`);
      seen.add(value.id);
      out.push(value);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      skip(error.message);
    }
  });
  return out;
}

function normalizeEvent(raw: Json, base?: string): CivicEvent {
  const start = canonicalFeedDate(raw.start);
  if (!start) throw new Invalid(raw.start === undefined ? 'no "start"' : `"start" is not a date: ${clip(raw.start)}`);
  const event: CivicEvent = { id: required(raw, 'id'), title: eventTitle(raw), start: start.value };
  const end = canonicalFeedDate(raw.end);
  if (end && (end.kind === 'date') === (start.kind === 'date') && !endsBeforeStart(start, end)) {
    event.end = end.value;
  }
  if (isTimeZone(raw.timezone)) event.timezone = raw.timezone;
  // `rrules` holds every rule when there are several; `rrule` alone (or when `rrules` is unusable) the one.
  const listed = Array.isArray(raw.rrules) ? raw.rrules.map(rule).filter((r) => r !== undefined) : [];
  const rules = listed.length ? listed : [rule(raw.rrule)].filter((r) => r !== undefined);
  if (rules.length) event.rrule = rules[0];
  if (rules.length > 1) event.rrules = rules.slice(0, 20);
  const exdates = dates(raw.exdates);
  if (exdates) event.exdates = exdates;
  assign(event, 'rdates', rdates(raw.rdates));
  const recurrenceId = canonicalFeedDate(raw.recurrenceId);
  const seriesId = idOf(raw.seriesId);
  if (recurrenceId && seriesId) {
    event.recurrenceId = recurrenceId.value;
    event.seriesId = seriesId;
    if (raw.thisAndFuture === true) event.thisAndFuture = true;
  }
  const status = oneOf(raw.status, STATUSES);
  if (status) event.status = status;
  assign(event, 'description', text(raw.description, MAX_DESCRIPTION, true));
  assign(event, 'url', safeUrl(raw.url, base, WEB_SCHEMES));
  assign(event, 'image', image(raw.image, base));
  assign(event, 'attendanceMode', oneOf(raw.attendanceMode, MODES));
  assign(event, 'location', location(raw.location));
  assign(event, 'onlineUrl', safeUrl(raw.onlineUrl, base, WEB_SCHEMES));
  assign(event, 'topics', strings(raw.topics));
  assign(event, 'audience', strings(raw.audience));
  assign(event, 'accessibility', strings(raw.accessibility));
  assign(event, 'languages', languages(raw.languages));
  assign(event, 'cost', cost(raw.cost));
  assign(event, 'groupId', idOf(raw.groupId));
  assign(event, 'organizer', contact(raw.organizer, base));
  assign(event, 'capacity', count(raw.capacity));
  assign(event, 'registered', count(raw.registered));
  if (typeof raw.waitlist === 'boolean') event.waitlist = raw.waitlist;
  assign(event, 'rsvp', rsvp(raw.rsvp, base));
  assign(event, 'extra', extraOf(raw, EVENT_FIELDS));
  return event;
}

function normalizeGroup(raw: Json, base?: string): Group {
  const group: Group = { id: required(raw, 'id'), name: requiredText(raw, 'name') };
  assign(group, 'description', text(raw.description, MAX_DESCRIPTION, true));
  assign(group, 'topics', strings(raw.topics));
  assign(group, 'datasets', datasets(raw.datasets, base));
  assign(group, 'cadence', text(raw.cadence));
  assign(group, 'attendanceMode', oneOf(raw.attendanceMode, MODES));
  assign(group, 'location', location(raw.location));
  assign(group, 'languages', languages(raw.languages));
  assign(group, 'audience', strings(raw.audience));
  assign(group, 'url', safeUrl(raw.url, base, WEB_SCHEMES));
  assign(group, 'joinUrl', safeUrl(raw.joinUrl, base));
  assign(group, 'contact', contact(raw.contact, base));
  assign(group, 'extra', extraOf(raw, GROUP_FIELDS));
  return group;
}

function normalizeResource(raw: Json, base?: string): Resource {
  const url = safeUrl(raw.url, base, WEB_SCHEMES);
  if (!url) throw new Invalid(raw.url === undefined ? 'no "url"' : `"url" is not an http(s) link: ${clip(raw.url)}`);
  const resource: Resource = { id: required(raw, 'id'), title: requiredText(raw, 'title'), url };
  assign(resource, 'description', text(raw.description, MAX_DESCRIPTION, true));
  assign(resource, 'type', text(raw.type, 60)?.toLowerCase());
  assign(resource, 'topics', strings(raw.topics));
  assign(resource, 'audience', strings(raw.audience));
  assign(resource, 'languages', languages(raw.languages));
  assign(resource, 'author', text(raw.author));
  assign(resource, 'publisher', text(raw.publisher));
  assign(resource, 'published', canonicalFeedDate(raw.published)?.value);
  assign(resource, 'added', canonicalFeedDate(raw.added)?.value);
  assign(resource, 'modified', canonicalFeedDate(raw.modified)?.value);
  assign(resource, 'formats', strings(raw.formats));
  assign(resource, 'license', license(raw.license, base));
  assign(resource, 'extra', extraOf(raw, RESOURCE_FIELDS));
  return resource;
}

function normalizePlace(raw: Json, base?: string): Place {
  const lat = coordinate(raw.lat, 90);
  const lon = coordinate(raw.lon, 180);
  if (lat === undefined || lon === undefined) {
    throw new Invalid(`coordinates are not valid WGS 84: lat ${clip(raw.lat)}, lon ${clip(raw.lon)}`);
  }
  const place: Place = { id: required(raw, 'id'), name: requiredText(raw, 'name'), lat, lon };
  for (const key of ['city', 'region', 'country', 'program', 'organizer'] as const) assign(place, key, text(raw[key]));
  assign(place, 'description', text(raw.description, MAX_DESCRIPTION, true));
  assign(place, 'url', safeUrl(raw.url, base, WEB_SCHEMES));
  assign(place, 'topics', strings(raw.topics));
  const started = count(raw.started);
  if (started !== undefined && started > 0 && started < 10000) place.started = started;
  assign(place, 'extra', extraOf(raw, PLACE_FIELDS));
  return place;
}

/**
 * The feed's own labels, by field, value and language. What breaks the contract (a field we do
 * not label, a value that is not a map of languages, a bad tag, a label that is not text) is left
 * out and listed under `labels`, with the path as its id; the rest is kept.
 */
function labels(value: unknown, skipped: SkippedItem[]): FeedLabels | undefined {
  if (value === undefined || value === null) return undefined;
  const skip = (id: string | undefined, reason: string) =>
    skipped.push(id ? { list: 'labels', index: -1, id, reason } : { list: 'labels', index: -1, reason });
  if (!isObject(value)) return void skip(undefined, '"labels" is not an object');
  const out: FeedLabels = {};
  for (const field of Object.keys(value)) {
    if (!(LABELLED_FIELDS as readonly string[]).includes(field)) {
      skip(short(field), 'not a field with labels (topics, audience, accessibility, type)');
      continue;
    }
    const byValue = value[field];
    if (!isObject(byValue)) {
      skip(field, 'not an object of values');
      continue;
    }
    const kept: Record<string, Translations> = {};
    let count = 0;
    for (const [rawKey, languages] of Object.entries(byValue)) {
      // Resource types are matched in lower case, as the normalizer stores them.
      const key = field === 'type' ? rawKey.trim().toLowerCase() : rawKey.trim();
      const id = `${field}.${short(key)}`;
      if (!key || key.length > 100 || key === '__proto__') {
        skip(id, 'not a usable value');
        continue;
      }
      if (++count > MAX_LABELLED_VALUES) {
        skip(field, `more than ${MAX_LABELLED_VALUES} values`);
        break;
      }
      const translations = labelTranslations(languages, (reason) => skip(id, reason));
      if (translations) kept[key] = translations;
    }
    if (Object.keys(kept).length) out[field as LabelledField] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A key as an id in `skipped`: as written, cut short. */
function short(key: string): string {
  return key.length > 60 ? `${key.slice(0, 59)}…` : key;
}

function labelTranslations(value: unknown, skip: (reason: string) => void): Translations | undefined {
  if (!isObject(value)) return void skip('not an object of languages');
  const out: Translations = {};
  let count = 0;
  for (const [rawTag, raw] of Object.entries(value)) {
    const tag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(rawTag) ? canonicalTag(rawTag) : null;
    if (!tag) {
      skip(`${clip(rawTag)} is not a BCP 47 language tag`);
      continue;
    }
    const label = typeof raw === 'string' ? plainText(raw, MAX_LABEL).trim() : '';
    if (!label) {
      skip(`the "${tag}" label is empty or not text`);
      continue;
    }
    if (++count > MAX_LABEL_LANGUAGES) {
      skip(`more than ${MAX_LABEL_LANGUAGES} languages`);
      break;
    }
    out[tag] = label;
  }
  return count ? out : undefined;
}

// ---- fields -------------------------------------------------------------------------------

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return id && id.length <= 500 ? id : undefined;
}

function required(raw: Json, key: string): string {
  const id = idOf(raw[key]);
  if (!id) throw new Invalid(raw[key] === undefined ? `no "${key}"` : `"${key}" is not a usable string`);
  return id;
}

function requiredText(raw: Json, key: string): string {
  const value = text(raw[key], MAX_TITLE);
  if (!value) throw new Invalid(raw[key] === undefined ? `no "${key}"` : `"${key}" is empty or not text`);
  return value;
}

/**
 * An event's title. Exactly `""` is an untitled event (iCalendar's SUMMARY is optional), which
 * elements name in their own language; any other text that cleans to nothing is a broken title.
 */
function eventTitle(raw: Json): string {
  return raw.title === '' ? '' : requiredText(raw, 'title');
}

function rule(value: unknown): string | undefined {
  return typeof value === 'string' && /FREQ=/i.test(value) ? value.replace(/^RRULE:/i, '').trim().slice(0, 1000) : undefined;
}

/** RDATEs: dates like `start`, or `start/end` periods whose end is of the same kind and not earlier. */
function rdates(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value.slice(0, 5000)) {
    if (typeof item !== 'string') continue;
    const [first, second, ...rest] = item.split('/');
    const start = canonicalFeedDate(first);
    if (!start || rest.length) continue;
    if (second === undefined) {
      out.push(start.value);
      continue;
    }
    // A doubtful end is dropped, as an event's is: the start still counts.
    const end = canonicalFeedDate(second);
    const fits = end && (end.kind === 'date') === (start.kind === 'date') && !endsBeforeStart(start, end);
    out.push(fits ? `${start.value}/${end.value}` : start.value);
  }
  return out.length ? out : undefined;
}

/** Plain text, or (for descriptions) the text as given, to be sanitized when shown. */
function text(value: unknown, max = 1000, keepMarkup = false): string | undefined {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  if (keepMarkup) {
    const trimmed = value.trim();
    return trimmed ? trimmed.slice(0, max) : undefined;
  }
  return plainText(value, max) || undefined;
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') value = value.split(',');
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const s = text(item, 100);
    if (s && !out.includes(s)) out.push(s);
    if (out.length === 100) break;
  }
  return out.length ? out : undefined;
}

const canonicalTags = new Map<string, string | null>();

function languages(value: unknown): string[] | undefined {
  const tags = strings(value);
  if (!tags) return undefined;
  const out: string[] = [];
  for (const tag of tags) {
    const canonical = canonicalTag(tag);
    if (canonical && !out.includes(canonical)) out.push(canonical);
  }
  return out.length ? out : undefined;
}

/** The canonical BCP 47 spelling, or null; remembered, since a feed repeats the same few tags. */
function canonicalTag(tag: string): string | null {
  let canonical = canonicalTags.get(tag);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(tag)[0] ?? null;
    } catch {
      canonical = null; // not a BCP 47 tag: leave it out
    }
    if (canonicalTags.size < 1000) canonicalTags.set(tag, canonical);
  }
  return canonical;
}

function dates(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.map((v) => canonicalFeedDate(v)?.value).filter((v): v is string => !!v).slice(0, 5000);
  return out.length ? out : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return allowed.find((a) => a === lower);
}

function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1e9 ? n : undefined;
}

function coordinate(value: unknown, limit: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

function image(value: unknown, base?: string): Image | undefined {
  const raw = typeof value === 'string' ? { url: value } : value;
  if (!isObject(raw)) return undefined;
  const url = safeUrl(raw.url, base, WEB_SCHEMES);
  if (!url) return undefined;
  const alt = typeof raw.alt === 'string' ? plainText(raw.alt) : undefined;
  return alt !== undefined ? { url, alt } : { url };
}

function location(value: unknown): Location | undefined {
  if (typeof value === 'string') value = { name: value };
  if (!isObject(value)) return undefined;
  const out: Location = {};
  assign(out, 'name', text(value.name));
  assign(out, 'address', text(value.address));
  const lat = coordinate(value.lat, 90);
  const lon = coordinate(value.lon, 180);
  if (lat !== undefined && lon !== undefined) {
    out.lat = lat;
    out.lon = lon;
  }
  return Object.keys(out).length ? out : undefined;
}

function contact(value: unknown, base?: string): Contact | undefined {
  if (typeof value === 'string') value = { name: value };
  if (!isObject(value)) return undefined;
  const out: Contact = {};
  assign(out, 'name', text(value.name));
  const email = typeof value.email === 'string' ? value.email.trim().replace(/^mailto:/i, '') : '';
  if (/^[^\s@<>"]+@[^\s@<>"]+$/.test(email) && email.length <= 254) out.email = email;
  assign(out, 'url', safeUrl(value.url, base, WEB_SCHEMES));
  return Object.keys(out).length ? out : undefined;
}

function license(value: unknown, base?: string): License | undefined {
  const raw = typeof value === 'string' ? (safeUrl(value, base, WEB_SCHEMES) ? { url: value } : { name: value }) : value;
  if (!isObject(raw)) return undefined;
  const out: License = {};
  assign(out, 'name', text(raw.name, 200));
  assign(out, 'url', safeUrl(raw.url, base, WEB_SCHEMES));
  return Object.keys(out).length ? out : undefined;
}

function cost(value: unknown): Cost | undefined {
  if (value === 0 || (typeof value === 'string' && value.trim().toLowerCase() === 'free')) return 'free';
  if (!isObject(value)) return undefined;
  const amount = typeof value.amount === 'string' ? Number(value.amount) : value.amount;
  const currency = typeof value.currency === 'string' ? value.currency.trim().toUpperCase() : '';
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || !/^[A-Z]{3}$/.test(currency)) {
    return undefined;
  }
  return { amount, currency };
}

function datasets(value: unknown, base?: string): Dataset[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Dataset[] = [];
  for (const item of value.slice(0, 100)) {
    const raw = typeof item === 'string' ? { name: item } : item;
    if (!isObject(raw)) continue;
    const name = text(raw.name);
    if (!name) continue;
    const url = safeUrl(raw.url, base, WEB_SCHEMES);
    out.push(url ? { name, url } : { name });
  }
  return out.length ? out : undefined;
}

function rsvp(value: unknown, base?: string): Rsvp | undefined {
  if (!isObject(value)) return undefined;
  const out: Rsvp = {};
  assign(out, 'endpoint', safeUrl(value.endpoint, base, WEB_SCHEMES));
  // An unknown mode is left out: each date then takes its own registrations, as before modes.
  assign(out, 'mode', oneOf(value.mode, RSVP_MODES));
  assign(out, 'opens', canonicalFeedDate(value.opens)?.value);
  assign(out, 'closes', canonicalFeedDate(value.closes)?.value);
  if (Array.isArray(value.questions)) {
    const questions = value.questions.map(question).filter((q): q is Question => !!q).slice(0, 50);
    if (questions.length) out.questions = questions;
  }
  return out;
}

function question(value: unknown): Question | undefined {
  if (!isObject(value)) return undefined;
  const id = idOf(value.id);
  const label = text(value.label);
  const type = oneOf(value.type, QUESTION_TYPES) ?? (value.type === undefined ? 'text' : undefined);
  if (!id || !label || !type) return undefined;
  const q: Question = { id, label, type };
  if (typeof value.required === 'boolean') q.required = value.required;
  const options = strings(value.options);
  if (['select', 'radio', 'checkboxes'].includes(type) && !options) return undefined;
  if (options) q.options = options;
  assign(q, 'help', text(value.help));
  return q;
}

function extraOf(raw: Json, known: Set<string>): Extra | undefined {
  let extra: Extra | undefined;
  for (const key in raw) {
    if (known.has(key) || key === 'extra' || key === '__proto__' || !Object.hasOwn(raw, key)) continue;
    const kept = bounded(raw[key], 1);
    if (kept !== undefined) (extra ??= {})[key] = kept;
  }
  if (isObject(raw.extra)) extra = { ...(bounded(raw.extra, 1) as Json), ...extra };
  return extra;
}

function clip(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    s = typeof value; // an object with no prototype cannot be turned into a string
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * Dates and floating times of one kind compare as text (they share one spelling and one zone);
 * a floating time against an instant cannot be compared without a zone, so it is let through.
 */
function endsBeforeStart(start: { value: string; kind: string }, end: { value: string; kind: string }): boolean {
  if (start.kind !== 'zoned' || end.kind !== 'zoned') return start.kind === end.kind && end.value < start.value;
  return Date.parse(end.value) < Date.parse(start.value);
}

/** Unknown fields are kept, but not to any depth: a hostile feed must not blow the stack later. */
function bounded(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_EXTRA_DEPTH) return undefined;
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => bounded(v, depth + 1));
  const out: Json = {};
  for (const [k, v] of Object.entries(value).slice(0, 200)) {
    if (k === '__proto__') continue;
    const kept = bounded(v, depth + 1);
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}
