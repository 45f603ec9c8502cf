/**
 * The Events Calendar (WordPress) REST API v1 to the civic feed. `GET /wp-json/tribe/events/v1/events`
 * answers `{ events, rest_url, next_rest_url?, previous_rest_url?, total, total_pages }`; the
 * adapter follows `next_rest_url` within bounds and maps each event. Fields as the plugin's own
 * REST documentation names them (Post_Repository / Event_Definition_Provider); `is_virtual` and
 * `virtual_url` come from its Virtual Events add-on.
 */
import type { Adapter, AdapterContext, AdapterResult, SourceText } from '../adapter.js';
import { isTimeZone } from '../feed-date.js';
import { describeJunk, jsonAfterJunk } from '../json-after-junk.js';
import { decodeEntities, plainText } from '../text.js';
import type { SkippedItem } from '../types.js';
import { isRecord, type Json } from './json-path.js';

/** Pages followed at most, counting the first. */
export const TRIBE_MAX_PAGES = 20;
/** Events read at most; pagination stops once this many are in. */
export const TRIBE_MAX_EVENTS = 5000;

/**
 * Currency symbols that name one currency (so not `kr` or `¥`). `$` alone is read as US dollars:
 * the plugin only sends `currency_code` in recent versions, and a dollar sign shown as USD is
 * what the site itself shows.
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₩': 'KRW',
  '₪': 'ILS',
  '₱': 'PHP',
  '₦': 'NGN',
  R$: 'BRL',
  zł: 'PLN',
  CHF: 'CHF',
};

/** Reads The Events Calendar's REST answer, following its pages. */
export const tribeAdapter: Adapter = async (source: SourceText, context: AdapterContext): Promise<AdapterResult> => {
  const skipped: SkippedItem[] = [];
  const firstPage = parsePage(source.text, skipped);
  const raw = await allEvents(firstPage, source.url, context, skipped);
  const events: Json[] = [];
  raw.forEach((item, index) => {
    const mapped = mapEvent(item);
    if (typeof mapped !== 'string') return void events.push(mapped);
    const id = isRecord(item) ? idOf(item.id) : undefined;
    skipped.push(id ? { list: 'events', index, id, reason: mapped } : { list: 'events', index, reason: mapped });
  });
  const native: Json = { version: '1', events };
  const zone = events.map((e) => e.timezone).find(isTimeZone);
  if (zone) native.timezone = zone;
  return { document: native, skipped };
};

/** The first page; a PHP notice printed before the JSON is skipped with a warning. */
function parsePage(text: string, skipped: SkippedItem[]): Json {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const found = jsonAfterJunk(text);
    if (!found) throw new Error(`not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
    value = found.value;
    skipped.push({ list: 'events', index: -1, reason: `${describeJunk(found.junk)}: the site printed a notice`, kept: true });
  }
  return checkPage(value);
}

/** A page of events, or an Error that says what came instead (WordPress errors carry a message). */
function checkPage(value: unknown): Json {
  if (isRecord(value) && Array.isArray(value.events)) return value;
  if (isRecord(value) && typeof value.message === 'string' && typeof value.code === 'string') {
    throw new Error(
      `The Events Calendar API answered "${plainText(value.code, 100)}": ${plainText(value.message, 300)}`,
    );
  }
  throw new Error('not an answer from The Events Calendar REST API (no "events" list)');
}

/**
 * Every page's events, first page first. Stops at the page and event bounds, at a URL already
 * fetched (a server that links a page to itself or back), at a link to another site, and at a
 * page that is not a page of events or cannot be fetched (an error, a truncated answer); each
 * stop that loses events is noted in `skipped`, and the pages read before it are kept. Only an
 * abort propagates: the element no longer wants the answer.
 */
async function allEvents(page: Json, url: string, context: AdapterContext, skipped: SkippedItem[]): Promise<unknown[]> {
  const events: unknown[] = [];
  take(events, page.events as unknown[]);
  const seen = new Set<string>([absolute(url, url) ?? url]);
  const self = absolute(page.rest_url, url);
  if (self) seen.add(self);
  let current = url;
  for (let pages = 1; events.length <= TRIBE_MAX_EVENTS; pages++) {
    const next = absolute(page.next_rest_url, current);
    if (!next || seen.has(next)) break;
    const stop = stopReason(next, url, pages, events.length);
    if (stop) {
      skipped.push({ list: 'events', index: -1, reason: stop });
      break;
    }
    seen.add(next);
    try {
      page = checkPage(await context.fetchJson(next));
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      const why = error instanceof Error ? error.message : String(error);
      skipped.push({ list: 'events', index: -1, reason: `page ${pages + 1} and any after it were left out: ${why}` });
      break;
    }
    take(events, page.events as unknown[]);
    current = next;
  }
  if (events.length > TRIBE_MAX_EVENTS) {
    skipped.push({ list: 'events', index: -1, reason: `stopped after ${TRIBE_MAX_EVENTS} events` });
  }
  return events.slice(0, TRIBE_MAX_EVENTS);
}

/** Appends a page's events, no more than one past the bound (so the cut can be noted). */
function take(events: unknown[], page: unknown[]): void {
  for (const item of page.slice(0, Math.max(0, TRIBE_MAX_EVENTS + 1 - events.length))) events.push(item);
}

function stopReason(next: string, origin: string, pages: number, count: number): string | undefined {
  if (pages >= TRIBE_MAX_PAGES) return `stopped after ${TRIBE_MAX_PAGES} pages`;
  if (count >= TRIBE_MAX_EVENTS) return `stopped after ${TRIBE_MAX_EVENTS} events`;
  if (!sameOrigin(next, origin)) return `not following a next page on another site: ${next.slice(0, 100)}`;
  return undefined;
}

function absolute(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(decodeEntities(value.trim()), base || undefined);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Pages are only followed on the source's own site: a feed cannot send the browser elsewhere. */
function sameOrigin(next: string, source: string): boolean {
  try {
    return !source || new URL(next).origin === new URL(source).origin;
  } catch {
    return false;
  }
}

// ---- one event -------------------------------------------------------------------------------

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function plain(value: unknown, max = 1000): string | undefined {
  return typeof value === 'string' ? plainText(value, max) || undefined : undefined;
}

/** The event in the native shape, or why it cannot be mapped. */
function mapEvent(item: unknown): Json | string {
  if (!isRecord(item)) return 'not an object';
  const id = idOf(item.id);
  if (!id) return 'no "id"';
  const title = plain(item.title, 500);
  if (!title) return 'no "title"';
  if (item.hide_from_listings === true) return 'hidden from listings ("hide_from_listings")';
  const when = dates(item);
  if (typeof when === 'string') return when;
  const event: Json = { id, title, ...when };
  assign(event, 'description', text(item.description) ?? text(item.excerpt));
  assign(event, 'url', text(item.url) ?? text(item.website));
  assign(event, 'image', image(item.image));
  assign(event, 'cost', cost(item));
  assign(event, 'location', venue(item.venue));
  assign(event, 'organizer', organizer(item.organizer));
  const topics = [...terms(item.categories), ...terms(item.tags)];
  if (topics.length) event.topics = [...new Set(topics)];
  Object.assign(event, attendance(item, event.location !== undefined));
  return event;
}

function assign(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** `"2026-03-07 10:00:00"` → `2026-03-07T10:00:00`; anything else passes for the normalizer to judge. */
function localTime(value: unknown): string | undefined {
  const raw = text(value);
  return raw?.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
}

/**
 * Start and end. All-day events become dates with an exclusive end. Timed ones are local to the
 * event's IANA zone; WordPress sites set to a bare offset ("UTC-5", "UTC+0") have no IANA zone,
 * so the UTC copies of the times are used instead.
 */
function dates(item: Json): Json | string {
  const start = localTime(item.start_date);
  if (!start) return 'no "start_date"';
  const end = localTime(item.end_date);
  if (item.all_day === true || item.all_day === 'true' || item.all_day === 1) return allDay(start, end);
  const zone = text(item.timezone);
  if (zone && !/^UTC[+-]/i.test(zone) && isTimeZone(zone)) {
    return end ? { start, end, timezone: zone } : { start, timezone: zone };
  }
  const utcStart = localTime(item.utc_start_date);
  if (!utcStart) return end ? { start, end } : { start };
  const utcEnd = localTime(item.utc_end_date);
  return utcEnd ? { start: `${utcStart}Z`, end: `${utcEnd}Z` } : { start: `${utcStart}Z` };
}

/**
 * An all-day event runs from its start date to the day after its last day. The plugin stores
 * the last day's end as 23:59:59, or (with an "end of day cutoff") as a time that is earlier
 * than the start's, in which case that date is already the day after.
 */
function allDay(start: string, end: string | undefined): Json {
  const first = start.slice(0, 10);
  if (!end || !/^\d{4}-\d{2}-\d{2}/.test(end)) return { start: first };
  const last = end.slice(0, 10);
  const wraps = end.slice(11) !== '' && end.slice(11) < start.slice(11);
  const exclusive = wraps ? last : addDays(last, 1);
  return exclusive > first ? { start: first, end: exclusive } : { start: first, end: addDays(first, 1) };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return Number.isNaN(next.getTime()) ? date : next.toISOString().slice(0, 10);
}

/** `image` is `false` when there is none, else `{ url, … }`. */
function image(value: unknown): Json | undefined {
  if (!isRecord(value) || !text(value.url)) return undefined;
  const alt = plain(value.alt);
  return alt ? { url: text(value.url), alt } : { url: text(value.url) };
}

/**
 * `cost` is display text ("Free", "$10", "$5 – $20"); `cost_details.values` holds the numbers,
 * lowest first. The feed keeps the lowest price ("from"); when that is zero ("Free – $10"),
 * there is a way in at no cost, and the event is marked free.
 */
function cost(item: Json): unknown {
  const label = plain(item.cost) ?? '';
  if (/^free\b/i.test(label)) return 'free';
  const details = isRecord(item.cost_details) ? item.cost_details : {};
  const values = (Array.isArray(details.values) ? details.values : []).map(amount).filter((n) => n !== undefined);
  const lowest = values.length ? Math.min(...values) : labelAmount(label);
  if (lowest === undefined) return undefined;
  if (lowest === 0) return 'free';
  const currency = currencyOf(details, label);
  return currency ? { amount: lowest, currency } : undefined;
}

/** One of `cost_details.values`: a number, or a numeric string ("10", "10.50"). */
function amount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The first price in display text ("$10", "10,50 €", "$1,200"), when no values came with it. */
function labelAmount(label: string): number | undefined {
  const m = /(^|[^\d-])(\d{1,3}(?:,\d{3})+|\d+)(?:[.,](\d{1,2}))?(?!\d)/.exec(label);
  if (!m || /-\s*\D?$/.test(label.slice(0, m.index + m[1]!.length))) return undefined;
  return Number(`${m[2]!.replaceAll(',', '')}.${m[3] ?? '0'}`);
}

function currencyOf(details: Json, label: string): string | undefined {
  const code = text(details.currency_code)?.toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) return code;
  const symbol = text(details.currency_symbol) ?? /^[^\d\s]+/.exec(label)?.[0];
  const decoded = symbol ? decodeEntities(symbol).trim() : undefined;
  return decoded && Object.hasOwn(SYMBOLS, decoded) ? SYMBOLS[decoded] : undefined;
}

/** `venue` is an object, or `[]` when the event has none. */
function venue(value: unknown): Json | undefined {
  const node = Array.isArray(value) ? value.find(isRecord) : value;
  if (!isRecord(node)) return undefined;
  const out: Json = {};
  assign(out, 'name', plain(node.venue));
  const region = plain(node.stateprovince) ?? plain(node.state) ?? plain(node.province);
  const tail = [region, plain(node.zip)].filter(Boolean).join(' ');
  const line = [plain(node.address), plain(node.city), tail].filter(Boolean).join(', ');
  if (line) out.address = line;
  if (node.geo_lat !== undefined && node.geo_lng !== undefined) {
    out.lat = node.geo_lat;
    out.lon = node.geo_lng;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `organizer` is a list (an object on some versions); the first one is the contact. */
function organizer(value: unknown): Json | undefined {
  const node = Array.isArray(value) ? value.find(isRecord) : value;
  if (!isRecord(node)) return undefined;
  const out: Json = {};
  assign(out, 'name', plain(node.organizer));
  const email = text(node.email);
  if (email) out.email = decodeEntities(email);
  assign(out, 'url', text(node.website) ?? text(node.url));
  return Object.keys(out).length ? out : undefined;
}

/** Category and tag slugs (the name when a term has no slug). */
function terms(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((term) => {
    const slug = isRecord(term) ? (plain(term.slug, 100) ?? plain(term.name, 100)) : undefined;
    return slug ? [decodeURIComponentSafe(slug)] : [];
  });
}

/** WordPress percent-encodes non-ASCII slugs (`caf%c3%a9`). */
function decodeURIComponentSafe(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Virtual Events' `is_virtual` and `virtual_url`: online, or mixed when there is a venue too. */
function attendance(item: Json, hasVenue: boolean): Json {
  if (item.is_virtual === true) {
    const url = text(item.virtual_url);
    return { attendanceMode: hasVenue ? 'mixed' : 'online', ...(url ? { onlineUrl: url } : {}) };
  }
  return item.is_virtual === false && hasVenue ? { attendanceMode: 'in-person' } : {};
}
