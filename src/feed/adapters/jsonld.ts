/**
 * schema.org `Event` (and its subtypes) to the civic feed. Reads JSON-LD given as JSON (one
 * object, an array, an `@graph`) or carried by `<script type="application/ld+json">` blocks in an
 * HTML page. The page is read with a small tokenizer rather than a DOM, so the adapter stays pure
 * and testable anywhere, and nothing in the page is ever run.
 */
import type { Adapter, AdapterResult, SourceText } from '../adapter.js';
import { canonicalFeedDate } from '../feed-date.js';
import { decodeEntities, plainText } from '../text.js';
import type { SkippedItem } from '../types.js';
import { isRecord, ownValue, type Json } from './json-path.js';

/** Visiting more nodes than this stops the walk: a page's worth of events is far fewer. */
const MAX_NODES = 200_000;
/** Deeper nesting than this is not read (hostile input, or nothing schema.org would write). */
const MAX_DEPTH = 64;

/** Event subtypes whose names do not end in "Event". */
const EVENT_TYPES = new Set(['Hackathon', 'Festival', 'CourseInstance']);

const STATUSES: Readonly<Record<string, string>> = {
  EventScheduled: 'scheduled',
  EventCancelled: 'cancelled',
  EventPostponed: 'postponed',
  EventRescheduled: 'rescheduled',
  // Moved online: still happening, so scheduled; the attendance mode says where.
  EventMovedOnline: 'scheduled',
};

const MODES: Readonly<Record<string, string>> = {
  OfflineEventAttendanceMode: 'in-person',
  OnlineEventAttendanceMode: 'online',
  MixedEventAttendanceMode: 'mixed',
};

/** Reads schema.org events from JSON-LD or from an HTML page that carries it. */
export const jsonldAdapter: Adapter = async (source: SourceText): Promise<AdapterResult> => {
  const { roots, problems } = looksLikeHtml(source)
    ? pageBlocks(source.text)
    : { roots: [parseJsonLd(source.text)], problems: [] };
  const graph = collect(roots);
  if (!graph.typed && !graph.tooDeep.length) throw new Error('no schema.org data found (no object has an "@type")');
  const result = mapEvents(graph);
  result.skipped.unshift(...problems);
  for (const node of graph.tooDeep) {
    const id = str(ownValue(node, '@id')) ?? str(node.url);
    const name = plain(node.name, 100);
    const reason = `${name ? `"${name}" is` : 'an event is'} nested more than ${MAX_DEPTH} levels deep and was not read`;
    result.skipped.push(id ? { list: 'events', index: -1, id, reason } : { list: 'events', index: -1, reason });
  }
  if (graph.cut) {
    result.skipped.push({
      list: 'events',
      index: -1,
      reason: `reading stopped after ${MAX_NODES} nodes: any events further on were not read`,
    });
  }
  return result;
};

/** The content decides first (servers mislabel JSON-LD files as HTML), then the content type. */
function looksLikeHtml(source: SourceText): boolean {
  const first = source.text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') return false;
  return first === '<' || source.contentType === 'text/html' || source.contentType === 'application/xhtml+xml';
}

function parseJsonLd(text: string): unknown {
  const value = parseLenient(text);
  if (!value.ok) throw new Error(`not valid JSON-LD (${value.error})`);
  if (typeof value.value !== 'object' || value.value === null) {
    throw new Error('the JSON-LD is not an object or a list');
  }
  return value.value;
}

/**
 * JSON.parse, retried once with raw control characters turned into spaces: pages often carry
 * literal newlines inside strings, which JSON forbids but which cannot change what a value means.
 */
function parseLenient(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (error) {
    try {
      // eslint-disable-next-line no-control-regex
      return { ok: true, value: JSON.parse(clean.replace(/[\u0000-\u001f]+/g, ' ')) };
    } catch {
      return { ok: false, error: error instanceof Error ? error.message : 'parse error' };
    }
  }
}

// ---- HTML --------------------------------------------------------------------------------

/** Elements whose content is raw text: a `<script` inside them is not a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);

/**
 * The parsed JSON of every ld+json block in a page. Blocks that do not parse are reported (they
 * may have held events) unless none parses, which is an error.
 */
function pageBlocks(html: string): { roots: unknown[]; problems: SkippedItem[] } {
  const blocks = ldJsonBlocks(html);
  if (!blocks.length) throw new Error('the page has no <script type="application/ld+json"> block');
  const roots: unknown[] = [];
  const errors: string[] = [];
  const problems: SkippedItem[] = [];
  blocks.forEach((block, n) => {
    const result = parseLenient(unwrapBlock(block));
    if (result.ok) return void roots.push(result.value);
    errors.push(result.error);
    problems.push({ list: 'events', index: -1, reason: `JSON-LD block ${n + 1} is not valid JSON (${result.error})` });
  });
  if (!roots.length) throw new Error(`the page's JSON-LD is not valid JSON (${errors[0]})`);
  return { roots, problems };
}

/** Some CMSes wrap script content in HTML comments or CDATA markers; JSON does not want them. */
function unwrapBlock(text: string): string {
  return text.replace(/^\s*(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '').replace(/(?:\/\/\s*)?(?:-->|\]\]>)\s*$/, '');
}

/**
 * The text of every `<script type="application/ld+json">` in a page, in order. A tokenizer,
 * not a regex over the whole page: comments, other scripts and raw-text elements are stepped
 * over, attributes may come in any order and quoting, and an unclosed script runs to the end
 * of the page (as a browser reads it).
 */
export function ldJsonBlocks(html: string): string[] {
  const blocks: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40))?.[1]?.toLowerCase();
    if (!name) {
      i = lt + 1;
      continue;
    }
    const tag = readAttributes(html, lt + 1 + name.length);
    if (!RAW_TEXT.has(name)) {
      i = tag.end;
      continue;
    }
    const close = new RegExp(`</${name}[\\s/>]`, 'ig');
    close.lastIndex = tag.end;
    const found = close.exec(html);
    const contentEnd = found ? found.index : html.length;
    if (name === 'script' && isLdJson(tag.attributes.get('type'))) blocks.push(html.slice(tag.end, contentEnd));
    i = found ? skipTag(html, found.index) : html.length;
  }
  return blocks;
}

function isLdJson(type: string | undefined): boolean {
  return type?.split(';')[0]?.trim().toLowerCase() === 'application/ld+json';
}

/** Index just past the `>` that ends the tag starting at `from` (or the end of the page). */
function skipTag(html: string, from: number): number {
  const gt = html.indexOf('>', from);
  return gt < 0 ? html.length : gt + 1;
}

/** Reads a start tag's attributes (first one of a name wins, as in HTML) up to its `>`. */
function readAttributes(html: string, from: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let i = from;
  for (;;) {
    while (i < html.length && /[\s/]/.test(html[i]!)) i++;
    if (i >= html.length) return { attributes, end: html.length };
    if (html[i] === '>') return { attributes, end: i + 1 };
    let nameEnd = i + 1;
    while (nameEnd < html.length && !/[\s/>=]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    while (i < html.length && /\s/.test(html[i]!)) i++;
    let value = '';
    if (html[i] === '=') {
      ({ value, next: i } = attributeValue(html, i + 1));
    }
    if (!attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
}

function attributeValue(html: string, from: number): { value: string; next: number } {
  let i = from;
  while (i < html.length && /\s/.test(html[i]!)) i++;
  const quote = html[i];
  if (quote === '"' || quote === "'") {
    const end = html.indexOf(quote, i + 1);
    return end < 0 ? { value: html.slice(i + 1), next: html.length } : { value: html.slice(i + 1, end), next: end + 1 };
  }
  let end = i;
  while (end < html.length && !/[\s>]/.test(html[end]!)) end++;
  return { value: html.slice(i, end), next: end };
}

// ---- the graph ---------------------------------------------------------------------------

interface Graph {
  /** Event nodes, in document order. */
  events: Json[];
  /** Event nodes nested deeper than {@link MAX_DEPTH}: found, so they can be named, but not read. */
  tooDeep: Json[];
  /** True when the walk stopped at {@link MAX_NODES} with nodes left unvisited. */
  cut: boolean;
  /** How many objects carried an `@type` at all: zero means this is not schema.org data. */
  typed: number;
  /** Nodes by `@id`, to follow references like `"location": { "@id": "#library" }`. */
  byId: Map<string, Json>;
}

interface Visit {
  value: unknown;
  depth: number;
  /** False below an event (except through `subEvent`): a `superEvent` is not listed on its own. */
  collect: boolean;
}

/**
 * Walks every root without recursion (so no nesting can overflow the stack) and collects event
 * nodes. Events are looked for anywhere (`@graph`, `ItemList` items, an organization's `event`),
 * but below an event only its `subEvent`s count. Below {@link MAX_DEPTH} the walk goes on only
 * to name the events it leaves out, so that every item not shown is in `skipped`.
 */
function collect(roots: unknown[]): Graph {
  const graph: Graph = { events: [], tooDeep: [], cut: false, typed: 0, byId: new Map() };
  const stack: Visit[] = roots.map((value) => ({ value, depth: 0, collect: true })).reverse();
  let visited = 0;
  while (stack.length) {
    if (visited++ >= MAX_NODES) {
      graph.cut = true;
      break;
    }
    const { value, depth, collect: collecting } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let k = value.length - 1; k >= 0; k--) {
        stack.push({ value: value[k], depth: depth + 1, collect: collecting });
      }
      continue;
    }
    if (!isRecord(value)) continue;
    const event = depth > MAX_DEPTH ? noteTooDeep(graph, value, collecting) : noteNode(graph, value, collecting);
    const children: Visit[] = [];
    for (const [key, child] of Object.entries(value)) {
      if (typeof child !== 'object' || child === null) continue;
      const isSub = key === 'subEvent' || key === 'subEvents';
      children.push({ value: child, depth: depth + 1, collect: collecting && (!event || isSub) });
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return graph;
}

/** Records a node's `@type` and `@id`; returns whether it is an event. */
function noteNode(graph: Graph, node: Json, collecting: boolean): boolean {
  const types = typeNames(node);
  if (types.length) graph.typed++;
  const id = ownValue(node, '@id');
  if (typeof id === 'string' && Object.keys(node).length > 1 && !graph.byId.has(id)) graph.byId.set(id, node);
  const event = isEvent(types);
  if (event && collecting) graph.events.push(node);
  return event;
}

/** A node too deep to read: only whether it is an event that would have been listed. */
function noteTooDeep(graph: Graph, node: Json, collecting: boolean): boolean {
  const event = isEvent(typeNames(node));
  if (event && collecting) graph.tooDeep.push(node);
  return event;
}

function isEvent(types: string[]): boolean {
  return types.some((t) => t.endsWith('Event') || EVENT_TYPES.has(t));
}

/** Local type names: `"Event"`, `"schema:Event"` and `"https://schema.org/Event"` all give `Event`. */
function typeNames(node: Json): string[] {
  const raw = ownValue(node, '@type');
  return (Array.isArray(raw) ? raw : [raw]).filter((t): t is string => typeof t === 'string').map(localName);
}

function localName(iri: string): string {
  return iri.trim().replace(/^.*[/#:]/, '');
}

// ---- values ------------------------------------------------------------------------------

/** Any JSON-LD property may be a list; where one value is wanted, take the first. */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A scalar: unwraps lists and `{ "@value": … }` objects (language-tagged strings). */
function scalar(value: unknown): unknown {
  const one = first(value);
  return isRecord(one) && Object.hasOwn(one, '@value') ? one['@value'] : one;
}

/** A string (numbers become strings), trimmed; undefined when empty or not text. */
function str(value: unknown): string | undefined {
  const one = scalar(value);
  const text =
    typeof one === 'number' && Number.isFinite(one) ? String(one) : typeof one === 'string' ? one.trim() : '';
  return text || undefined;
}

/** Plain text of a property (entities decoded, tags and scripts dropped). */
function plain(value: unknown, max = 1000): string | undefined {
  const text = str(value);
  return text ? plainText(text, max) || undefined : undefined;
}

/** An enumeration value's local name, whether given as a string or as `{ "@id": … }`. */
function enumName(value: unknown): string | undefined {
  const one = first(value);
  const text = isRecord(one) ? str(ownValue(one, '@id')) : str(one);
  return text ? localName(text) : undefined;
}

function integer(value: unknown): number | undefined {
  const one = scalar(value);
  const n = typeof one === 'string' && /^\s*\d+\s*$/.test(one) ? Number(one) : one;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function isTrue(value: unknown): boolean {
  const one = scalar(value);
  return one === true || (typeof one === 'string' && /^(?:https?:\/\/schema\.org\/)?true$/i.test(one.trim()));
}

/** Comma lists and arrays of strings or named things, flattened, trimmed and deduplicated. */
function terms(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const item of many(value)) {
      const text = isRecord(item) && !Object.hasOwn(item, '@value') ? plain(item.name) : plain(item);
      for (const part of text?.split(',') ?? []) {
        const term = part.trim();
        if (term && !out.includes(term)) out.push(term);
      }
    }
  }
  return out;
}

// ---- events ------------------------------------------------------------------------------

interface Mapper {
  deref(value: unknown): unknown;
}

function mapEvents(graph: Graph): AdapterResult {
  const mapper: Mapper = { deref: (value) => deref(graph, value) };
  const events: Json[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Map<string, string>();
  graph.events.forEach((node, index) => {
    const mapped = mapEvent(node, mapper);
    if (typeof mapped === 'string') {
      const id = str(ownValue(node, '@id')) ?? str(node.url);
      skipped.push(id ? { list: 'events', index, id, reason: mapped } : { list: 'events', index, reason: mapped });
      return;
    }
    const id = uniqueId(mapped, node, seen);
    if (!id) return; // the same event again (two blocks, or an inline copy): keep the first
    events.push({ ...mapped, id });
  });
  return { document: { version: '1', events }, skipped };
}

/** `{ "@id": x }` alone is a reference to a node described elsewhere in the graph. */
function deref(graph: Graph, value: unknown): unknown {
  const one = first(value);
  if (!isRecord(one)) return one;
  const id = ownValue(one, '@id');
  const isReference = typeof id === 'string' && Object.keys(one).every((k) => k === '@id' || k === '@type');
  return isReference ? (graph.byId.get(id) ?? one) : one;
}

/**
 * The id: `@id`, else the page URL, else a hash of name and start. An `@id` seen twice is the
 * same node; a URL shared by events with different starts (a listing page) gets the start added.
 * Returns undefined for a true duplicate.
 */
function uniqueId(event: Json, node: Json, seen: Map<string, string>): string | undefined {
  const key = `${String(event.title)}\u0000${String(event.start)}`;
  const explicit = str(ownValue(node, '@id'));
  const url = str(node.url);
  const candidates = explicit ? [explicit] : url ? [url, `${url}#${String(event.start)}`] : [];
  if (!explicit) candidates.push(`jsonld-${hash(key)}`);
  for (const candidate of candidates) {
    const earlier = seen.get(candidate);
    if (earlier === undefined) {
      seen.set(candidate, key);
      return candidate;
    }
    if (earlier === key || explicit) return undefined;
  }
  return undefined;
}

/** A mapped event without its id, or the reason it cannot be mapped. */
function mapEvent(node: Json, m: Mapper): Json | string {
  const title = plain(node.name, 500);
  if (!title) return 'no "name"';
  const event: Json = { title };
  const when = dates(node, m);
  if (!when.start) return node.startDate === undefined ? 'no "startDate"' : '"startDate" is not a date';
  Object.assign(event, when);
  const description = str(node.description);
  if (description) event.description = decodeEntities(description);
  assign(event, 'url', str(node.url));
  assign(event, 'image', image(node.image, m));
  Object.assign(event, place(node.location, m));
  const status = enumName(node.eventStatus);
  assign(event, 'status', lookup(STATUSES, status));
  assign(event, 'attendanceMode', lookup(MODES, enumName(node.eventAttendanceMode)));
  if (status === 'EventMovedOnline') event.attendanceMode = 'online';
  assign(event, 'cost', cost(node, m));
  assign(event, 'organizer', contact(node.organizer, m));
  assignList(event, 'languages', languages(node.inLanguage, m));
  assignList(event, 'topics', terms(node.keywords, node.about));
  assignList(event, 'audience', audience(node.audience, m));
  Object.assign(event, seats(node));
  return event;
}

/** A table entry by own key only, so `"constructor"` in the data finds nothing. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function assign(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function assignList(target: Json, key: string, value: string[]): void {
  if (value.length) target[key] = value;
}

// ---- dates and schedules -----------------------------------------------------------------

interface When {
  start?: string;
  end?: string;
  timezone?: string;
  rrule?: string;
  exdates?: string[];
}

/**
 * Start, end and recurrence. schema.org gives a date-only event's `endDate` as its last day;
 * the feed's all-day end is exclusive, so it moves one day on. Without a `startDate`, an
 * `eventSchedule` can supply it.
 */
function dates(node: Json, m: Mapper): When {
  const schedule = m.deref(node.eventSchedule);
  let when: When = { start: str(node.startDate), end: str(node.endDate) };
  if (isRecord(schedule)) when = withSchedule(when, schedule);
  if (!when.start) return {};
  const start = canonicalFeedDate(when.start);
  const end = canonicalFeedDate(when.end);
  if (start?.kind === 'date' && end?.kind === 'date') {
    when.end = end.value >= start.value ? addDays(end.value, 1) : undefined;
  }
  // Beside a schedule, an `endDate` days after the start is the series' end, not this event's.
  if (when.rrule && start && end && end.value.slice(0, 10) > addDays(start.value.slice(0, 10), 1)) delete when.end;
  if (!when.end) delete when.end;
  return when;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_NAMES: Readonly<Record<string, string>> = {
  Sunday: 'SU',
  Monday: 'MO',
  Tuesday: 'TU',
  Wednesday: 'WE',
  Thursday: 'TH',
  Friday: 'FR',
  Saturday: 'SA',
};

const FREQUENCY_WORDS: Readonly<Record<string, Rule['freq']>> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
  annually: 'YEARLY',
};
const FREQUENCY_UNITS: Readonly<Record<string, Rule['freq']>> = { D: 'DAILY', W: 'WEEKLY', M: 'MONTHLY', Y: 'YEARLY' };

interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  days: string[];
  weeks: number[];
  monthDays: number[];
  months: number[];
}

/**
 * Adds what a schema.org `Schedule` says: a start from its `startDate` + `startTime` when the
 * event has none, and an RRULE when its parts translate exactly. Anything that does not (an
 * unknown frequency, `PublicHolidays`, an end bound that cannot be placed) leaves the rule out
 * rather than guessing occurrences.
 */
function withSchedule(when: When, schedule: Json): When {
  const rule = ruleOf(schedule);
  const out: When = { ...when };
  const zone = str(schedule.scheduleTimezone);
  if (!out.start) {
    const derived = scheduleStart(schedule, rule);
    if (!derived) return out;
    Object.assign(out, derived);
  }
  if (zone && canonicalFeedDate(out.start)?.kind === 'floating') out.timezone = zone;
  if (!rule) return out;
  const rrule = rruleText(rule, schedule, out.start!);
  if (rrule) {
    out.rrule = rrule;
    const exdates = exceptions(schedule, out.start!);
    if (exdates.length) out.exdates = exdates;
  }
  return out;
}

function ruleOf(schedule: Json): Rule | undefined {
  const frequency = frequencyOf(str(schedule.repeatFrequency));
  if (!frequency) return undefined;
  const days: string[] = [];
  for (const day of many(schedule.byDay)) {
    const name = enumName(day);
    const code =
      lookup(DAY_NAMES, name) ?? (name && /^(MO|TU|WE|TH|FR|SA|SU)$/i.test(name) ? name.toUpperCase() : undefined);
    if (!code) return undefined; // PublicHolidays, or something unreadable
    if (!days.includes(code)) days.push(code);
  }
  const weeks = ints(schedule.byMonthWeek, 1, 5);
  const monthDays = ints(schedule.byMonthDay, 1, 31);
  const months = ints(schedule.byMonth, 1, 12);
  if (!weeks || !monthDays || !months) return undefined;
  if (weeks.length && (frequency.freq !== 'MONTHLY' || !days.length)) return undefined;
  return { ...frequency, days, weeks, monthDays, months };
}

/** `P1W`, `P2W`, `P1D`, `P1M`, `P1Y` (one unit only) or the words daily/weekly/monthly/yearly. */
function frequencyOf(text: string | undefined): Pick<Rule, 'freq' | 'interval'> | undefined {
  if (!text) return undefined;
  const word = lookup(FREQUENCY_WORDS, text.toLowerCase());
  if (word) return { freq: word, interval: 1 };
  const m = /^P(\d{1,3})([DWMY])$/i.exec(text);
  const freq = m ? lookup(FREQUENCY_UNITS, m[2]!.toUpperCase()) : undefined;
  return freq && Number(m![1]) >= 1 ? { freq, interval: Number(m![1]) } : undefined;
}

/** Integers in [min, max] from a value or list; undefined when any is out of range. */
function ints(value: unknown, min: number, max: number): number[] | undefined {
  const out: number[] = [];
  for (const item of many(value)) {
    const n = integer(item);
    if (n === undefined || n < min || n > max) return undefined;
    out.push(n);
  }
  return out;
}

function rruleText(rule: Rule, schedule: Json, start: string): string | undefined {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.days.length) {
    const days = rule.weeks.length ? rule.weeks.flatMap((w) => rule.days.map((d) => `${w}${d}`)) : rule.days;
    parts.push(`BYDAY=${days.join(',')}`);
  }
  if (rule.monthDays.length) parts.push(`BYMONTHDAY=${rule.monthDays.join(',')}`);
  if (rule.months.length) parts.push(`BYMONTH=${rule.months.join(',')}`);
  const count = integer(schedule.repeatCount);
  if (count) {
    parts.push(`COUNT=${count}`);
  } else if (str(schedule.endDate)) {
    const until = untilOf(str(schedule.endDate)!, start);
    if (!until) return undefined;
    parts.push(`UNTIL=${until}`);
  }
  return parts.join(';');
}

/**
 * RFC 5545 wants UNTIL in the start's own form: a date for a date, local time for a floating
 * time, UTC for a zoned one. The schedule's `endDate` is a last day, so the bound is its last
 * second. For a zoned start that day's offset is unknown (DST), so the start's offset is used;
 * that is exact unless the events start within an hour of midnight, and then the rule is left
 * out.
 */
function untilOf(endDate: string, start: string): string | undefined {
  const end = canonicalFeedDate(endDate);
  const from = canonicalFeedDate(start);
  if (!end || !from) return undefined;
  const day = end.value.slice(0, 10);
  if (day < from.value.slice(0, 10)) return undefined;
  const compact = day.replaceAll('-', '');
  if (from.kind === 'date') return compact;
  if (from.kind === 'floating') return `${compact}T235959`;
  const hour = Number(from.value.slice(11, 13));
  if (hour < 1 || hour > 22) return undefined;
  const offset = offsetMinutes(from.value);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, 23, 59, 59) - offset * 60_000);
  return utc
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function offsetMinutes(zoned: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(zoned);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The first occurrence from a schedule's `startDate` (+ `startTime`). RFC 5545 always counts
 * DTSTART as an occurrence, so the date moves forward to the first day the rule selects.
 */
function scheduleStart(schedule: Json, rule: Rule | undefined): When | undefined {
  const date = canonicalFeedDate(str(schedule.startDate));
  if (!date) return undefined;
  let day = date.value.slice(0, 10);
  if (rule) {
    const found = firstMatch(day, rule);
    if (!found) return undefined;
    day = found;
  }
  const startTime = timeOf(str(schedule.startTime)) ?? (date.kind === 'date' ? undefined : date.value.slice(11));
  if (!startTime) return { start: day };
  const endTime = timeOf(str(schedule.endTime));
  const start = `${day}T${startTime}`;
  if (!endTime) return { start };
  const endDay = endTime.slice(0, 8) > startTime.slice(0, 8) ? day : addDays(day, 1);
  return { start, end: `${endDay}T${endTime}` };
}

/** `19:00`, `19:00:00`, optionally with `Z` or an offset, as `HH:MM:SS[zone]`. */
function timeOf(text: string | undefined): string | undefined {
  const m = text ? /^(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/i.exec(text) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]}:${m[2]}:${m[3] ?? '00'}${m[4]?.toUpperCase() ?? ''}`;
}

function firstMatch(from: string, rule: Rule): string | undefined {
  for (let k = 0; k < 400; k++) {
    const day = addDays(from, k);
    if (matches(day, rule)) return day;
  }
  return undefined;
}

function matches(day: string, rule: Rule): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  if (rule.months.length && !rule.months.includes(m)) return false;
  if (rule.monthDays.length && !rule.monthDays.includes(d)) return false;
  if (rule.days.length && !rule.days.includes(weekday)) return false;
  return !rule.weeks.length || rule.weeks.includes(Math.ceil(d / 7));
}

/**
 * `exceptDate`s as occurrence starts. A bare date takes the start's time of day; for a zoned
 * start the offset on that day is unknown, so only full date-times are kept.
 */
function exceptions(schedule: Json, start: string): string[] {
  const from = canonicalFeedDate(start);
  if (!from) return [];
  const out: string[] = [];
  for (const item of many(schedule.exceptDate)) {
    const date = canonicalFeedDate(str(item));
    if (!date) continue;
    if (from.kind === 'date') out.push(date.value.slice(0, 10));
    else if (date.kind !== 'date') out.push(date.value);
    else if (from.kind === 'floating') out.push(`${date.value}${from.value.slice(10)}`);
  }
  return out;
}

// ---- places, offers, people --------------------------------------------------------------

/** `location`: a Place, a PostalAddress, a VirtualLocation, text, or a list mixing them. */
function place(value: unknown, m: Mapper): Json {
  let location: Json | undefined;
  let onlineUrl: string | undefined;
  for (const item of many(value).slice(0, 20)) {
    const node = m.deref(item);
    if (typeof node === 'string' || typeof node === 'number') {
      const text = str(node);
      if (text && /^https?:\/\//i.test(text)) onlineUrl ??= text;
      else if (text) location ??= { name: plainText(text) };
    } else if (isRecord(node)) {
      const types = typeNames(node);
      if (types.includes('VirtualLocation')) onlineUrl ??= str(node.url);
      else location ??= nonEmpty(types.includes('PostalAddress') ? { address: address(node, m) } : physical(node, m));
    }
  }
  const out: Json = {};
  if (location) out.location = location;
  if (onlineUrl) out.onlineUrl = onlineUrl;
  if (onlineUrl) out.attendanceMode = out.location ? 'mixed' : 'online';
  return out;
}

function nonEmpty(value: Json): Json | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

function physical(node: Json, m: Mapper): Json {
  const out: Json = {};
  assign(out, 'name', plain(node.name));
  assign(out, 'address', address(m.deref(node.address), m));
  const geo = m.deref(node.geo);
  const source = isRecord(geo) ? geo : node;
  const lat = scalar(source.latitude);
  const lon = scalar(source.longitude);
  if (lat !== undefined && lon !== undefined) {
    out.lat = lat;
    out.lon = lon;
  }
  return out;
}

/** An address as one line: "street, locality, region postalCode". */
function address(value: unknown, m: Mapper): string | undefined {
  const node = m.deref(value);
  if (!isRecord(node)) return plain(node);
  const tail = [plain(node.addressRegion), plain(node.postalCode)].filter(Boolean).join(' ');
  const line = [plain(node.streetAddress), plain(node.addressLocality), tail].filter(Boolean).join(', ');
  return line || plain(node.name);
}

function image(value: unknown, m: Mapper): Json | undefined {
  for (const item of many(value).slice(0, 20)) {
    const node = m.deref(item);
    if (typeof node === 'string') return { url: node.trim() };
    if (!isRecord(node)) continue;
    const url = str(node.url) ?? str(node.contentUrl);
    if (!url) continue;
    const alt = plain(m.deref(node.caption)) ?? plain(node.name);
    return alt ? { url, alt } : { url };
  }
  return undefined;
}

/** Free when the event says so or its first priced offer costs 0; else that offer's price. */
function cost(node: Json, m: Mapper): unknown {
  if (isTrue(node.isAccessibleForFree)) return 'free';
  for (const item of many(node.offers).slice(0, 50)) {
    const offer = m.deref(item);
    if (!isRecord(offer)) continue;
    if (isTrue(offer.isAccessibleForFree)) return 'free';
    const spec = m.deref(offer.priceSpecification);
    const priced = offer.price !== undefined || offer.lowPrice !== undefined || !isRecord(spec) ? offer : spec;
    const found = offerCost(priced);
    if (found !== undefined) return found;
  }
  return undefined;
}

function offerCost(offer: Json): unknown {
  const raw = scalar(offer.price ?? offer.lowPrice);
  const amount = price(raw);
  if (amount === undefined) return undefined;
  if (amount === 0) return 'free';
  const currency = str(offer.priceCurrency)?.toUpperCase();
  return currency && /^[A-Z]{3}$/.test(currency) ? { amount, currency } : undefined;
}

/** A price as a number: 10, "10", "10.00", "$10", "1,000.50", "10,50"; "Free" is 0. */
function price(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\s*free\s*$/i.test(value)) return 0;
  let digits = value.replace(/[^\d.,]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) digits = digits.replaceAll(',', '');
  else if (/^\d+,\d{1,2}$/.test(digits)) digits = digits.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : undefined;
}

/** The first organizer: a Person or Organization (name, email, url) or just a name. */
function contact(value: unknown, m: Mapper): Json | undefined {
  const node = m.deref(first(value));
  if (typeof node === 'string') return plain(node) ? { name: plain(node) } : undefined;
  if (!isRecord(node)) return undefined;
  const out: Json = {};
  assign(out, 'name', plain(node.name));
  assign(out, 'email', str(node.email));
  assign(out, 'url', str(node.url));
  return Object.keys(out).length ? out : undefined;
}

/** `inLanguage`: BCP 47 text, or a Language whose `alternateName` is the code. */
function languages(value: unknown, m: Mapper): string[] {
  return many(value).flatMap((item) => {
    const node = m.deref(item);
    const tag = isRecord(node) ? (str(node.alternateName) ?? str(node.name)) : str(node);
    return tag ? [tag] : [];
  });
}

function audience(value: unknown, m: Mapper): string[] {
  const names = many(value).map((item) => {
    const node = m.deref(item);
    return isRecord(node) ? (node.audienceType ?? node.name) : node;
  });
  return terms(names);
}

/** Seats: capacity, and how many are taken when the remaining count is given too. */
function seats(node: Json): Json {
  const capacity = integer(node.maximumAttendeeCapacity);
  if (capacity === undefined) return {};
  const remaining = integer(node.remainingAttendeeCapacity);
  return remaining !== undefined && remaining <= capacity
    ? { capacity, registered: capacity - remaining }
    : { capacity };
}

// ---- ids -----------------------------------------------------------------------------------

/**
 * A stable hash as 16 hex digits (two 32-bit FNV-1a passes with different seeds and primes):
 * the same name and start give the same id on every load, so bookmarks and RSVPs keep working.
 */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
