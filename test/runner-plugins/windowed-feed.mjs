// The real `civic-widgets serve` feed routes (packages/server/src/serve/feed-routes.mjs) in the
// browser tests' dev server: /test/windowed-feed.json answers ?from=&to= as serve does, and
// /test/plain-feed.json serves the same events whole, ignoring the query, as a static file would. Each request is
// logged per `key`; /test/feed-requests?key=K lists them (path and query), for tests to count.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The server reads the feed layer bundled for Node; npm install builds it, this covers a fresh clone.
if (!existsSync(`${root}packages/server/lib/feed.js`)) await import('../../scripts/build-feed-node.mjs');
const { normalizeFeed } = await import('../../packages/server/lib/feed.js');
const { compressed } = await import('../../packages/server/src/serve/live-feed.mjs');
const { createFeedRoutes } = await import('../../packages/server/src/serve/feed-routes.mjs');

/**
 * The events, in New York: one a month in March, April and May 2030, and the edges of April's
 * window (the calendar asks for March 25 to May 8 in UTC): an exhibit from March 20 to April 10,
 * an all-day event on Sunday March 31 (the first day of April's grid in en-US) and on March 25
 * (the window's first day), a walk on that Sunday morning (in April's grid, not in April in any
 * zone), an event at 1 AM on May 1 (April 30 in zones west of New York), a weekly Tuesday series whose master starts in September 2029, with
 * April 16 moved to the Wednesday, and a late event on May 7 that ends after the window.
 */
export const windowedFixture = {
  version: '1',
  title: 'Windowed test feed',
  timezone: 'America/New_York',
  events: [
    { id: 'march-talk', title: 'March talk', start: '2030-03-12T18:00:00', end: '2030-03-12T19:00:00' },
    { id: 'april-workshop', title: 'April workshop', start: '2030-04-17T18:00:00', end: '2030-04-17T19:00:00' },
    { id: 'may-fair', title: 'May fair', start: '2030-05-21T10:00:00', end: '2030-05-21T15:00:00' },
    { id: 'exhibit', title: 'Spring exhibit', start: '2030-03-20', end: '2030-04-11' },
    { id: 'sky-day', title: 'Sky day', start: '2030-03-31' },
    { id: 'edge-day', title: 'Edge day', start: '2030-03-25' },
    { id: 'sunday-walk', title: 'Sunday walk', start: '2030-03-31T10:00:00', end: '2030-03-31T11:00:00' },
    { id: 'may-eve', title: 'May Day eve', start: '2030-05-01T01:00:00', end: '2030-05-01T02:00:00' },
    { id: 'late-night', title: 'Late night', start: '2030-05-07T23:00:00', end: '2030-05-08T03:00:00' },
    { id: 'book-club', title: 'Book club', start: '2029-09-04T18:30:00', end: '2029-09-04T19:30:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    { id: 'book-club-moved', seriesId: 'book-club', recurrenceId: '2030-04-16T18:30:00', title: 'Book club (moved)', start: '2030-04-17T18:30:00', end: '2030-04-17T19:30:00' },
  ],
};

async function snapshotOf(document, windowed) {
  const { feed } = normalizeFeed(document, [], {});
  if (windowed) feed.windowed = true;
  return { feed, json: await compressed(Buffer.from(JSON.stringify(feed)), 'application/json; charset=utf-8'), ics: async () => { throw new Error('not in tests'); }, builtAt: new Date('2030-01-01T00:00:00Z'), version: 1 };
}

const routes = createFeedRoutes({ live: { current: () => windowedSnapshot }, origins: [] });
const windowedSnapshot = await snapshotOf(windowedFixture, true);
const plainSnapshot = await snapshotOf(windowedFixture, false);
const plainRoutes = createFeedRoutes({ live: { current: () => plainSnapshot }, origins: [] });
/** @type {Map<string, string[]>} */
const log = new Map();

export async function windowedFeedRoutes(ctx, next) {
  const path = ctx.path;
  if (path === '/test/feed-requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(log.get(String(ctx.query.key)) ?? []);
    return;
  }
  const which = path === '/test/windowed-feed.json' ? routes : path === '/test/plain-feed.json' ? plainRoutes : undefined;
  if (!which) return next();
  const url = new URL(ctx.url, 'http://localhost');
  const key = url.searchParams.get('key') ?? '';
  log.set(key, [...(log.get(key) ?? []), `${path}${url.search}`]);
  // Requests that revalidate a kept copy are listed under `K#revalidated` too.
  if (ctx.req.headers['if-none-match']) log.set(`${key}#revalidated`, [...(log.get(`${key}#revalidated`) ?? []), `${path}${url.search}`]);
  url.pathname = '/feed.json';
  // ?missing=<from>: that one window is not found (a month that cannot be had).
  if (url.searchParams.get('missing') && url.searchParams.get('missing') === url.searchParams.get('from')) {
    ctx.status = 404;
    ctx.body = '{"error":"gone"}';
    return;
  }
  // ?delay=ms: a slow server, for a visitor faster than it.
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5000)));
  // The whole feed as a static file server sends it: the query is not read.
  if (which === plainRoutes) url.search = '';
  // Its answer goes straight to Node's response, as in serve.
  ctx.respond = false;
  await which.handle(ctx.req, ctx.res, url);
}
