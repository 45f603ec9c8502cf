/**
 * Any JSON API to the civic feed, through a declarative field mapping. The mapping is data:
 * nothing in it is evaluated, it can only copy values from the response into the feed.
 *
 * ## The mapping format
 *
 * ```json
 * {
 *   "title": "Riverside Library events",
 *   "timezone": "America/Chicago",
 *   "events": {
 *     "items": "data.items",
 *     "fields": {
 *       "id": "uuid",
 *       "title": "name.text",
 *       "start": "start.utc",
 *       "end": "end.utc",
 *       "url": "links.self",
 *       "topics": "tags[*].label",
 *       "location.name": "venue.name",
 *       "location.address": { "join": ["venue.street", "venue.city"], "separator": ", " },
 *       "status": { "path": "state", "map": { "CANCELED": "cancelled", "LIVE": "scheduled" } },
 *       "cost": { "path": "price", "default": "free" },
 *       "attendanceMode": { "const": "in-person" }
 *     }
 *   },
 *   "groups":    { "items": "…", "fields": { "id": "…", "name": "…" } },
 *   "resources": { "items": "…", "fields": { "id": "…", "title": "…", "url": "…" } },
 *   "places":    { "items": "…", "fields": { "id": "…", "name": "…", "lat": "…", "lon": "…" } }
 * }
 * ```
 *
 * - **Lists.** `events`, `groups`, `resources` and `places` are each optional, but at least one
 *   must be given. Each has `fields` and an optional `items`.
 * - **`items`** is the path from the response to the list of items. `""` or `"$"` (the default)
 *   is the response itself, for APIs that answer with a bare array. A path that leads to a single
 *   object gives a list of one; `null` gives an empty list; a path that finds nothing is an error.
 * - **`fields`** maps a field of the feed's item (see feed-format.md) to where its value comes
 *   from. Dots in the key build nested fields: `location.name`, `organizer.email`, `image.url`,
 *   `cost.amount`, `cost.currency`, `rsvp.endpoint` (at most 4 levels). Fields the feed does not
 *   know are kept in the item's `extra`. The required fields must be mapped: `id`, `title`,
 *   `start` for events; `id`, `name` for groups; `id`, `title`, `url` for resources; `id`,
 *   `name`, `lat`, `lon` for places. An item whose required value is missing is skipped and
 *   reported, with the path it was looked for at.
 * - **Sources.** A field's value is one of:
 *   - `"path"`: the value at that path in the item;
 *   - `{ "path": "…", "default": v }`: `v` when the path finds nothing (nothing, `null`, `""`,
 *     or an empty list);
 *   - `{ "path": "…", "split": ";" }` (or `[";", ","]`): text found there cut into a list at each separator
 *     (for a spreadsheet cell that holds several topics); the pieces are trimmed, empty ones
 *     dropped; `map` and `default` may be added;
 *   - `{ "path": "…", "map": { "from": "to", … } }`: the value found, translated through the
 *     table (values not in the table pass unchanged; with `[*]`, each one is translated);
 *     `default` may be added;
 *   - `{ "const": v }`: the same value for every item;
 *   - `{ "join": ["path", "path", …], "separator": ", " }`: the text found at each path, empty
 *     ones left out, joined (the separator defaults to `", "`); `default` may be added.
 * - **Paths** are dot-separated keys (`name.text`); `[n]` takes an array's n-th element (`[-1]`
 *   the last); `[*]` collects from every element and gives a list (`tags[*].label`); `["a.b"]`
 *   quotes a key that holds dots, brackets or spaces. `""` is the item itself. A path starting
 *   with `$` (`$`, `$.meta.tz`) reads from the whole response instead of the item.
 * - **Dates.** A number read into `start`, `end`, `exdates`, `recurrenceId`, `rsvp.opens`,
 *   `rsvp.closes`, `published` or `added` is Unix time: seconds, or milliseconds when it is
 *   larger than 10¹¹. Strings pass as they are (RFC 3339 date-times, floating local times, or
 *   dates, read in `timezone`).
 * - **`title` and `timezone`** at the top are text, or a source (`{ "path": "…" }`,
 *   `{ "const": … }`) read from the whole response.
 * - **Safety.** The keys `__proto__`, `constructor` and `prototype` are refused in paths and in
 *   field names, only a value's own properties are read, paths are at most 32 steps long, a
 *   list has at most 100 fields, and values nested more than 32 levels deep are left out.
 *   Every value still goes through the normalizer, which drops anything that breaks the feed
 *   contract (a `javascript:` link, a date that is not a date).
 *
 * The mapping reaches the adapter as `context.mapping`: the parsed object, `{ "url": "…" }` to
 * fetch it from, or `{ "invalid": "message" }` when the page's inline mapping did not parse.
 */
import type { Adapter, AdapterContext, AdapterResult, SourceText } from '../adapter.js';
import type { SkippedItem } from '../types.js';
import {
  FORBIDDEN_KEYS,
  isRecord,
  nestsWithin,
  ownValue,
  parsePath,
  readPath,
  type Json,
  writePath,
  type PathSegment,
} from './json-path.js';

const LISTS = ['events', 'groups', 'resources', 'places'] as const;
type ListName = (typeof LISTS)[number];

/** The fields an item of each list cannot do without. */
export const REQUIRED: Readonly<Record<ListName, readonly string[]>> = {
  events: ['id', 'title', 'start'],
  groups: ['id', 'name'],
  resources: ['id', 'title', 'url'],
  places: ['id', 'name', 'lat', 'lon'],
};

/** Targets where a number is read as Unix time. */
const DATE_TARGETS = new Set([
  'start',
  'end',
  'exdates',
  'recurrenceId',
  'rsvp.opens',
  'rsvp.closes',
  'published',
  'added',
]);

const MAX_FIELDS = 100;
const MAX_TARGET_DEPTH = 4;
/** Values nested deeper than this (in the mapping or the response) are not copied into the feed. */
const MAX_VALUE_DEPTH = 32;

interface Path {
  /** Read from the whole response rather than the item. */
  root: boolean;
  segments: PathSegment[];
  text: string;
}

type Source =
  | { kind: 'path'; path: Path; fallback?: unknown; table?: Json; split?: string[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'join'; paths: Path[]; separator: string; fallback?: unknown };

interface Field {
  target: string[];
  name: string;
  source: Source;
}

interface ListMapping {
  items: Path;
  fields: Field[];
}

interface Mapping {
  title?: Source;
  timezone?: Source;
  lists: Partial<Record<ListName, ListMapping>>;
}

/** Maps any JSON API through `context.mapping` (see the format above). */
export const mappingAdapter: Adapter = async (source: SourceText, context: AdapterContext): Promise<AdapterResult> => {
  const { document: native, skipped } = mapResponse(await mappingObject(context), parseResponse(source.text));
  return { document: native, skipped };
};

/**
 * Applies a mapping object to a response that is already parsed: JSON from an API, or the rows of
 * a spreadsheet (the CSV adapter's objects keyed by column header). `kept` gives, for each list,
 * the index in the response of each item it holds.
 */
export function mapResponse(mappingValue: unknown, response: unknown): AdapterResult & { kept: Partial<Record<ListName, number[]>> } {
  const mapping = compileMapping(mappingValue);
  const native: Json = { version: '1' };
  const skipped: SkippedItem[] = [];
  const kept: Partial<Record<ListName, number[]>> = {};
  assignText(native, 'title', mapping.title, response);
  assignText(native, 'timezone', mapping.timezone, response);
  for (const name of LISTS) {
    const list = mapping.lists[name];
    if (list) native[name] = mapList(name, list, response, skipped, (kept[name] = []));
  }
  return { document: native, skipped, kept };
}

/** The mapping object itself: given, fetched from its URL, or the reason it is unusable. */
export async function mappingObject(context: AdapterContext): Promise<unknown> {
  const given = context.mapping;
  if (given === undefined || given === null) {
    throw new Error('format "mapping" needs a field mapping, and none was given');
  }
  if (isRecord(given) && typeof given.invalid === 'string') throw new Error(given.invalid);
  const hasList = isRecord(given) && LISTS.some((name) => Object.hasOwn(given, name));
  if (isRecord(given) && typeof given.url === 'string' && !hasList) return context.fetchJson(given.url);
  return given;
}

function parseResponse(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
}

// ---- compiling the mapping -------------------------------------------------------------------

/** Checks the whole mapping up front, so a mistake is reported even when the API has no items. */
export function compileMapping(value: unknown): Mapping {
  if (!isRecord(value)) throw new Error('the mapping is not a JSON object');
  const mapping: Mapping = { lists: {} };
  for (const name of LISTS) {
    const list = ownValue(value, name);
    if (list !== undefined) mapping.lists[name] = compileList(name, list);
  }
  if (!Object.keys(mapping.lists).length) {
    throw new Error('the mapping names none of "events", "groups", "resources", "places"');
  }
  mapping.title = compileTopLevel(ownValue(value, 'title'), 'title');
  mapping.timezone = compileTopLevel(ownValue(value, 'timezone'), 'timezone');
  return mapping;
}

function compileList(name: ListName, value: unknown): ListMapping {
  if (!isRecord(value)) throw new Error(`the mapping's "${name}" is not an object`);
  const items = ownValue(value, 'items') ?? '';
  if (typeof items !== 'string') throw new Error(`the mapping's "${name}.items" is not a path`);
  const fieldsValue = ownValue(value, 'fields');
  if (!isRecord(fieldsValue)) throw new Error(`the mapping's "${name}.fields" is not an object`);
  const entries = Object.entries(fieldsValue);
  if (entries.length > MAX_FIELDS) throw new Error(`the mapping's "${name}.fields" has more than ${MAX_FIELDS} fields`);
  const fields = entries.map(([target, spec]) => ({
    target: targetPath(target, name),
    name: target,
    source: compileSource(spec, `${name}.fields.${target}`),
  }));
  const missing = REQUIRED[name].filter((key) => !fields.some((f) => f.name === key));
  if (missing.length) {
    throw new Error(`the mapping's "${name}.fields" has no ${missing.map((k) => `"${k}"`).join(', ')}`);
  }
  return { items: compilePath(items, `${name}.items`), fields };
}

function targetPath(target: string, list: string): string[] {
  const parts = target.split('.');
  const bad = parts.find((p) => !p.trim() || FORBIDDEN_KEYS.has(p) || /[[\]]/.test(p));
  if (bad !== undefined || parts.length > MAX_TARGET_DEPTH) {
    throw new Error(`the mapping's "${list}.fields" has an unusable field name "${target}"`);
  }
  return parts;
}

function compileSource(spec: unknown, where: string): Source {
  if (typeof spec === 'string') return { kind: 'path', path: compilePath(spec, where) };
  if (!isRecord(spec)) throw new Error(`the mapping's "${where}" is neither a path nor a source object`);
  if (!nestsWithin(spec, MAX_VALUE_DEPTH)) throw new Error(`the mapping's "${where}" is nested too deeply`);
  if (Object.hasOwn(spec, 'const')) return { kind: 'const', value: spec.const };
  const fallback = Object.hasOwn(spec, 'default') ? { fallback: spec.default } : {};
  const join = ownValue(spec, 'join');
  if (join !== undefined) {
    if (!Array.isArray(join) || !join.length || !join.every((p) => typeof p === 'string')) {
      throw new Error(`the mapping's "${where}.join" is not a list of paths`);
    }
    const separator = ownValue(spec, 'separator') ?? ', ';
    if (typeof separator !== 'string') throw new Error(`the mapping's "${where}.separator" is not text`);
    return { kind: 'join', paths: join.map((p: string) => compilePath(p, where)), separator, ...fallback };
  }
  const path = ownValue(spec, 'path');
  if (typeof path !== 'string') throw new Error(`the mapping's "${where}" has no "path", "const" or "join"`);
  const table = ownValue(spec, 'map');
  if (table !== undefined && !isRecord(table)) throw new Error(`the mapping's "${where}.map" is not an object`);
  const splitValue = ownValue(spec, 'split');
  const split = typeof splitValue === 'string' ? [splitValue] : splitValue;
  const separator = (s: unknown) => typeof s === 'string' && s.length > 0 && s.length <= 10;
  if (split !== undefined && (!Array.isArray(split) || !split.length || split.length > 5 || !split.every(separator))) {
    throw new Error(`the mapping's "${where}.split" is not a separator (1 to 10 characters) or a list of them`);
  }
  return { kind: 'path', path: compilePath(path, where), ...fallback, ...(table ? { table } : {}), ...(split ? { split } : {}) };
}

/** Top-level `title` / `timezone`: plain text is the value itself; an object is a source. */
function compileTopLevel(value: unknown, where: string): Source | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { kind: 'const', value };
  const source = compileSource(value, where);
  // Relative paths at the top level read the response: there is no item there.
  if (source.kind === 'path') source.path.root = true;
  if (source.kind === 'join') source.paths.forEach((p) => (p.root = true));
  return source;
}

function compilePath(text: string, where: string): Path {
  const trimmed = text.trim();
  const root = trimmed === '$' || trimmed.startsWith('$.') || trimmed.startsWith('$[');
  try {
    return { root, segments: parsePath(trimmed), text: trimmed };
  } catch (error) {
    throw new Error(`the mapping's "${where}": ${(error as Error).message}`);
  }
}

// ---- applying it -----------------------------------------------------------------------------

function mapList(name: ListName, list: ListMapping, response: unknown, skipped: SkippedItem[], kept: number[]): unknown[] {
  const items = listAt(response, list.items, name);
  const out: Json[] = [];
  items.forEach((item, index) => {
    const mapped = mapItem(item, response, list.fields);
    const missing = REQUIRED[name].find((key) => isEmpty(mapped[key]));
    if (!missing) {
      kept.push(index);
      return void out.push(mapped);
    }
    const field = list.fields.find((f) => f.name === missing)!;
    const from = field.source.kind === 'path' ? ` at "${field.source.path.text}"` : '';
    const id = typeof mapped.id === 'string' || typeof mapped.id === 'number' ? String(mapped.id) : undefined;
    const reason = `no "${missing}"${from}`;
    skipped.push(id ? { list: name, index, id, reason } : { list: name, index, reason });
  });
  return out;
}

function listAt(response: unknown, path: Path, name: string): unknown[] {
  const found = readPath(response, path.segments);
  if (found === undefined) {
    throw new Error(`the mapping's "${name}.items" path "${path.text}" finds nothing in the response`);
  }
  if (found === null) return [];
  if (Array.isArray(found)) return found;
  if (isRecord(found)) return [found];
  throw new Error(`the mapping's "${name}.items" path "${path.text}" leads to ${typeof found}, not a list`);
}

function mapItem(item: unknown, response: unknown, fields: readonly Field[]): Json {
  const out: Json = {};
  for (const field of fields) {
    let value = resolve(field.source, item, response);
    if (value === undefined || !nestsWithin(value, MAX_VALUE_DEPTH)) continue;
    if (DATE_TARGETS.has(field.name)) value = unixTimes(value);
    writePath(out, field.target, value);
  }
  return out;
}

function resolve(source: Source, item: unknown, response: unknown): unknown {
  if (source.kind === 'const') return copy(source.value);
  if (source.kind === 'join') {
    const parts = source.paths.flatMap((p) => texts(read(p, item, response)));
    return parts.length ? parts.join(source.separator) : copy(source.fallback);
  }
  let value = read(source.path, item, response);
  if (source.split) value = splitText(value, source.split);
  if (source.table) {
    value = Array.isArray(value) ? value.map((v) => translate(v, source.table!)) : translate(value, source.table);
  }
  return isEmpty(value) ? copy(source.fallback) : value;
}

/** `"housing; transit"` → `["housing", "transit"]`, for a list kept in one spreadsheet cell. */
function splitText(value: unknown, separators: readonly string[]): unknown {
  if (typeof value === 'string') {
    let parts = [value];
    for (const separator of separators) parts = parts.flatMap((part) => part.split(separator));
    return parts.map((part) => part.trim()).filter(Boolean);
  }
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? (splitText(v, separators) as string[]) : [v]));
  return value;
}

function read(path: Path, item: unknown, response: unknown): unknown {
  return readPath(path.root ? response : item, path.segments);
}

/** Through a `map` table, by own key only (so `"constructor"` in the data finds nothing). */
function translate(value: unknown, table: Json): unknown {
  const key = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  return key !== undefined && !FORBIDDEN_KEYS.has(key) && Object.hasOwn(table, key) ? table[key] : value;
}

function texts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => {
    const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
    return text ? [text] : [];
  });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
}

/** Constants are copied per item, so no two items share (and could change) one object. */
function copy(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}


function unixTimes(value: unknown): unknown {
  return Array.isArray(value) ? value.map(unixTime) : unixTime(value);
}

/** Seconds (or milliseconds above 10¹¹) since 1970 as an RFC 3339 UTC time; else unchanged. */
function unixTime(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const date = new Date(Math.abs(value) > 1e11 ? value : value * 1000);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function assignText(target: Json, key: string, source: Source | undefined, response: unknown): void {
  if (!source) return;
  const value = resolve(source, response, response);
  if (typeof value === 'string' && value.trim()) target[key] = value.trim();
}
