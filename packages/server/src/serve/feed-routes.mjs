// @ts-check
/**
 * `/feed.json` and `/feed.ics`: the live feed, with ETag/Last-Modified and 304s, gzip and brotli,
 * CORS for the configured origins only, `?from=…&to=…` for one window of occurrences and
 * `?topics=…` for a filtered feed (the calendar's Subscribe link uses it).
 */
import { expandOccurrences, feedIcs, instantOfFeedDate, readFeedDate } from '../../lib/feed.js';
import { sendJson } from '../http-io.mjs';
import { compressed } from './live-feed.mjs';

const DAY = 86_400_000;
/** A window longer than this is refused: a calendar asks for a month or a week. */
const MAX_WINDOW_DAYS = 400;
const MAX_TOPICS = 20;
/** Filtered and windowed answers kept, per feed version. */
const CACHE_SIZE = 64;

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 * @typedef {import('./live-feed.mjs').Body} Body
 */

/**
 * @param {{ live: import('./live-feed.mjs').LiveFeed, origins: readonly string[] }} options
 */
export function createFeedRoutes({ live, origins }) {
  /** @type {Map<string, Promise<Body>>} */
  const cache = new Map();
  const anyOrigin = origins.includes('*');

  /**
   * Answers the request when it is for the feed; false otherwise.
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  async function handle(request, response, url) {
    const kind = url.pathname === '/feed.json' ? 'json' : url.pathname === '/feed.ics' ? 'ics' : undefined;
    if (!kind) return false;
    const cors = corsHeaders(request);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        ...(cors['Access-Control-Allow-Origin'] ? {
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
          'Access-Control-Max-Age': '86400',
        } : {}),
      });
      response.end();
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(request, response, 405, { error: 'The feed is read with GET.' }, { ...cors, Allow: 'GET, HEAD, OPTIONS' });
      return true;
    }
    const snapshot = live.current();
    const query = readQuery(url);
    if ('error' in query) {
      sendJson(request, response, 400, { error: query.error }, cors);
      return true;
    }
    /** @type {Body} */
    let body;
    if (!query.window && !query.topics) {
      body = kind === 'json' ? snapshot.json : await snapshot.ics();
    } else {
      const key = `${snapshot.version} ${kind} ${query.window?.from.toISOString() ?? ''} ${query.window?.to.toISOString() ?? ''} ${query.topics?.join(',') ?? ''}`;
      let made = cache.get(key);
      if (!made) {
        made = partOf(snapshot.feed, kind, query);
        cache.set(key, made);
        if (cache.size > CACHE_SIZE) cache.delete(/** @type {string} */ (cache.keys().next().value));
        made.catch(() => cache.delete(key));
      }
      body = await made;
    }
    send(request, response, body, snapshot.builtAt, cors);
    return true;
  }

  /**
   * CORS for the configured origins only; other pages get no grant, and caches keep answers apart.
   * @param {Request} request
   * @returns {Record<string, string>}
   */
  function corsHeaders(request) {
    const origin = request.headers.origin;
    const headers = { Vary: 'Origin, Accept-Encoding' };
    if (anyOrigin) return { ...headers, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' };
    if (typeof origin === 'string' && origins.includes(origin)) {
      return { ...headers, 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag' };
    }
    return headers;
  }

  return { handle };
}

/**
 * @typedef {{ window?: { from: Date, to: Date }, topics?: string[] }} FeedQuery
 * @param {URL} url
 * @returns {FeedQuery | { error: string }}
 */
function readQuery(url) {
  /** @type {FeedQuery} */
  const query = {};
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (from !== null || to !== null) {
    const start = instant(from, -1);
    const end = instant(to, 1);
    if (!start || !end) return { error: '"from" and "to" go together, each a date (2026-03-01) or an RFC 3339 date-time.' };
    if (end <= start) return { error: '"to" must come after "from".' };
    if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY) return { error: `A window is at most ${MAX_WINDOW_DAYS} days long.` };
    query.window = { from: start, to: end };
  }
  const topics = url.searchParams.get('topics');
  if (topics !== null) {
    const list = [...new Set(topics.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
    if (!list.length || list.length > MAX_TOPICS) return { error: `"topics" is a comma-separated list of 1 to ${MAX_TOPICS} topics.` };
    query.topics = list;
  }
  return query;
}

/**
 * A day widens the window by a day, outwards (`side` -1 for `from`, +1 for `to`): without a zone,
 * a date names a different span in each. `to=2026-03-13` then still holds March 12 in any zone.
 * @param {string | null} value
 * @param {-1 | 1} side
 */
function instant(value, side) {
  const date = value === null ? undefined : readFeedDate(value.trim());
  if (!date) return undefined;
  // With no zone given, floating times and dates are read as UTC.
  const ms = instantOfFeedDate(date);
  return new Date(date.kind === 'date' ? ms + side * DAY : ms);
}

/**
 * The feed cut to a window of occurrences and/or to some topics.
 * @param {import('../../lib/feed.js').Feed} feed
 * @param {'json' | 'ics'} kind
 * @param {FeedQuery} query
 * @returns {Promise<Body>}
 */
async function partOf(feed, kind, query) {
  let events = feed.events;
  if (query.topics) {
    const wanted = new Set(query.topics);
    const matches = (/** @type {{ topics?: string[] }} */ item) => item.topics?.some((t) => wanted.has(t.toLowerCase())) ?? false;
    const series = new Set(events.filter((e) => !e.seriesId && matches(e)).map((e) => e.id));
    // An override follows its series, so a moved or cancelled occurrence stays moved or cancelled.
    events = events.filter((e) => (e.seriesId ? series.has(e.seriesId) || matches(e) : series.has(e.id)));
  }
  if (query.window) {
    const occurrences = await expandOccurrences(events, {
      from: query.window.from,
      to: query.window.to,
      timeZone: feed.timezone ?? 'UTC',
      ...(feed.timezone ? { feedTimeZone: feed.timezone } : {}),
    });
    const shown = new Set();
    for (const o of occurrences) {
      shown.add(o.event.id);
      if (o.seriesId) shown.add(o.seriesId);
    }
    events = events.filter((e) => shown.has(e.id) || (e.seriesId !== undefined && shown.has(e.seriesId)));
  }
  const part = { ...feed, events };
  if (kind === 'ics') return compressed(Buffer.from(feedIcs(part, feed.title ? { name: feed.title } : {})), 'text/calendar; charset=utf-8');
  return compressed(Buffer.from(JSON.stringify(part)), 'application/json; charset=utf-8');
}

/**
 * Sends a body, or a 304 when the client's copy is current; compressed as the client accepts.
 * @param {Request} request
 * @param {Response} response
 * @param {Body} body
 * @param {Date} builtAt
 * @param {Record<string, string>} cors
 */
function send(request, response, body, builtAt, cors) {
  const lastModified = new Date(Math.floor(builtAt.getTime() / 1000) * 1000);
  const headers = {
    ...cors,
    'Content-Type': body.contentType,
    ETag: body.etag,
    'Last-Modified': lastModified.toUTCString(),
    // Any cache may keep it, but must ask again each time: a 304 costs nothing.
    'Cache-Control': 'public, no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (notModified(request, body.etag, lastModified)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const encoding = chooseEncoding(request.headers['accept-encoding'], body);
  const bytes = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  response.writeHead(200, {
    ...headers,
    ...(encoding !== 'identity' ? { 'Content-Encoding': encoding } : {}),
    'Content-Length': String(bytes?.length ?? 0),
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * @param {Request} request
 * @param {string} etag
 * @param {Date} lastModified
 */
function notModified(request, etag, lastModified) {
  const match = request.headers['if-none-match'];
  if (typeof match === 'string') {
    if (match.trim() === '*') return true;
    return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const since = request.headers['if-modified-since'];
  if (typeof since === 'string') {
    const time = Date.parse(since);
    return !Number.isNaN(time) && lastModified.getTime() <= time;
  }
  return false;
}

/**
 * The best encoding the client accepts that we have: brotli, then gzip, then none.
 * @param {string | string[] | undefined} header
 * @param {Body} body
 */
function chooseEncoding(header, body) {
  const accepted = new Map();
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (/** @type {string} */ name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (body.br && ok('br')) return 'br';
  if (body.gzip && ok('gzip')) return 'gzip';
  return 'identity';
}
