// serve's /feed.json windows with date-only bounds (as FullCalendar-style clients send them, the
// end day exclusive): a date widens the window outwards by a day on each side, never inwards.
// The real feed routes, through the browser tests' loopback handler (test/runner-plugins/windowed-feed.mjs).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { windowedFeedRoutes } from '../runner-plugins/windowed-feed.mjs';

let server;
let base;

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The few parts of Koa's context the handler reads; it answers on Node's response itself.
    const ctx = { path: url.pathname, url: req.url, query: Object.fromEntries(url.searchParams), req, res, respond: true };
    void windowedFeedRoutes(ctx, async () => {
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

async function ids(query) {
  const response = await fetch(`${base}/test/windowed-feed.json?${query}`);
  assert.equal(response.status, 200);
  return (await response.json()).events.map((e) => e.id).sort();
}

describe('/feed.json windows with dates', () => {
  it('a one-day window by dates holds that day’s events (March 12, 6 PM in New York)', async () => {
    assert.deepEqual(await ids('from=2030-03-12&to=2030-03-13'), ['book-club', 'book-club-moved', 'march-talk']);
  });

  it('the same day by instants in the feed’s zone agrees', async () => {
    assert.deepEqual(await ids('from=2030-03-12T00:00:00-04:00&to=2030-03-13T00:00:00-04:00'), ['book-club', 'book-club-moved', 'march-talk']);
  });

  it('a date window ending the day before holds nothing of that day', async () => {
    assert.ok(!(await ids('from=2030-03-01&to=2030-03-10')).includes('march-talk'));
  });
});
