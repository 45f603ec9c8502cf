// Test-only HTTP routes for the browser tests, mounted in the Web Test Runner's dev server under
// /test-api/. They misbehave on purpose: fail N times, answer slowly, revalidate with ETags.

import { buildSampleFeed } from '../../examples/sample-feed.js';

const counters = new Map();
const down = new Set();

const sampleFeed = (title) => ({
  version: '1',
  title,
  timezone: 'America/New_York',
  events: [{ id: 'e1', title: 'Data Day', start: '2030-03-07T10:00:00' }],
});

function count(key) {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
}

function json(ctx, status, body, headers = {}) {
  ctx.status = status;
  ctx.type = 'application/json';
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
  ctx.body = JSON.stringify(body);
}

export async function testRoutes(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const q = ctx.query;
  const key = String(q.key ?? ctx.path);
  const route = ctx.path.slice('/test-api/'.length);
  const n = count(`${route}:${key}`);
  // `cors=ORIGIN` lets pages on ORIGIN read the answer; without it, a page on another origin cannot.
  if (q.cors) ctx.set('Access-Control-Allow-Origin', String(q.cors));

  switch (route) {
    case 'count': // how many times route R was requested with key K
      return json(ctx, 200, { count: (counters.get(`${q.route}:${q.key}`) ?? 0) });
    case 'flaky': // fails the first `fail` requests with `status` (or a dropped connection), then serves a feed
      if (n <= Number(q.fail ?? 1)) {
        if (q.status === 'drop') {
          ctx.req.socket.destroy();
          return;
        }
        return json(ctx, Number(q.status ?? 503), { error: 'try later' });
      }
      return json(ctx, 200, sampleFeed(`Attempt ${n}`));
    case 'status': // always answers with `code`
      return json(ctx, Number(q.code ?? 500), { error: 'nope' });
    case 'slow': // answers after `ms`
      await new Promise((r) => setTimeout(r, Number(q.ms ?? 1000)));
      return json(ctx, 200, sampleFeed('Slow'));
    case 'etag': { // revalidates: 304 when the client already has version `v`
      const etag = `"v${q.v ?? 1}"`;
      if (ctx.get('if-none-match') === etag) {
        count(`etag-304:${key}`);
        ctx.status = 304;
        ctx.set('ETag', etag);
        return;
      }
      return json(ctx, 200, sampleFeed(`Version ${q.v ?? 1}`), { ETag: etag });
    }
    case 'modified': { // revalidates by date: 304 when If-Modified-Since is not older than the feed
      const modified = 'Wed, 21 Oct 2026 07:28:00 GMT';
      const since = Date.parse(ctx.get('if-modified-since') ?? '');
      if (since >= Date.parse(modified)) {
        count(`modified-304:${key}`);
        ctx.status = 304;
        return;
      }
      return json(ctx, 200, sampleFeed('Dated'), { 'Last-Modified': modified });
    }
    case 'sample-feed': // the demo's sample feed, as the demo server builds it
      return json(ctx, 200, buildSampleFeed(new Date()));
    case 'switch': // serves a feed for `key` until /test-api/down?key= turns it off (stale-copy tests)
      if (down.has(key)) return json(ctx, 503, { error: 'down' });
      return json(ctx, 200, sampleFeed(`Fresh ${key}`));
    case 'down':
      down.add(key);
      return json(ctx, 200, { down: key });
    case 'text': // serves `body` with `type`
      ctx.status = 200;
      ctx.type = String(q.type ?? 'text/plain');
      ctx.body = String(q.body ?? '');
      return;
    default:
      ctx.status = 404;
      ctx.body = 'no such test route';
  }
}

/** The strictest policy a library's site might send: no inline script or style, no eval, nothing off-site. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Serves test/pages/strict-*.html with that policy. */
export async function strictCsp(ctx, next) {
  await next();
  if (/^\/test\/pages\/strict-[\w-]+\.html$/.test(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
}
