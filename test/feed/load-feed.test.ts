import { expect } from 'chai';
import { FeedError, loadFeed } from '../../src/feed/load-feed.js';
import { clearCachedFeeds, readCachedFeed } from '../../src/feed/feed-cache.js';

const unique = () => Math.random().toString(36).slice(2);

async function requests(route: string, key: string): Promise<number> {
  const response = await fetch(`/test-api/count?route=${route}&key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

describe('loadFeed', () => {
  beforeEach(() => clearCachedFeeds());

  it('loads and normalizes a native JSON feed', async () => {
    const result = await loadFeed(`/test-api/flaky?fail=0&key=${unique()}`);
    expect(result.stale).to.equal(false);
    expect(result.feed.events[0]!.title).to.equal('Data Day');
    expect(result.feed.timezone).to.equal('America/New_York');
  });

  it('retries twice on 5xx with backoff, then succeeds', async () => {
    const key = unique();
    const result = await loadFeed(`/test-api/flaky?fail=2&status=503&key=${key}`);
    expect(result.feed.title).to.equal('Attempt 3');
    expect(await requests('flaky', key)).to.equal(3);
  });

  it('retries on a dropped connection', async () => {
    const key = unique();
    const result = await loadFeed(`/test-api/flaky?fail=1&status=drop&key=${key}`);
    expect(result.feed.title).to.equal('Attempt 2');
  });

  it('gives up after two retries with a network error', async () => {
    const key = unique();
    const error = await loadFeed(`/test-api/flaky?fail=5&status=500&key=${key}`).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).kind).to.equal('network');
    expect(await requests('flaky', key)).to.equal(3);
  });

  it('marks a refused read of another origin as cross-origin, and nothing else', async () => {
    const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const url = `${other}/test-api/flaky?fail=0&key=${unique()}`;
    const refused = (await loadFeed(url, { origin: location.origin, retries: 0 }).catch((e: unknown) => e)) as FeedError;
    expect(refused).to.be.instanceOf(FeedError);
    expect([refused.kind, refused.crossOrigin]).to.deep.equal(['network', true]);
    // The same URL allowed by the other site loads; without the page's origin nothing is judged.
    const allowed = await loadFeed(`${url}&cors=${location.origin}`, { origin: location.origin, retries: 0 });
    expect(allowed.feed.events).to.have.length(1);
    const unjudged = (await loadFeed(url, { retries: 0 }).catch((e: unknown) => e)) as FeedError;
    expect([unjudged.kind, unjudged.crossOrigin]).to.deep.equal(['network', false]);
  });

  it('does not retry a 404', async () => {
    const key = unique();
    const error = await loadFeed(`/test-api/status?code=404&key=${key}`).catch((e: unknown) => e);
    expect((error as FeedError).message).to.equal('HTTP 404');
    expect(await requests('status', key)).to.equal(1);
  });

  it('times out a stalled request', async () => {
    const error = await loadFeed(`/test-api/slow?ms=3000&key=${unique()}`, { timeout: 200, retries: 0 }).catch(
      (e: unknown) => e,
    );
    expect((error as FeedError).kind).to.equal('network');
    expect((error as FeedError).message).to.equal('timed out');
  });

  it('stops when its signal aborts', async () => {
    const abort = new AbortController();
    const pending = loadFeed(`/test-api/slow?ms=3000&key=${unique()}`, { signal: abort.signal });
    abort.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
  });

  it('revalidates with If-None-Match and reuses the kept copy on 304', async () => {
    const key = unique();
    const url = `/test-api/etag?v=7&key=${key}`;
    const first = await loadFeed(url);
    const second = await loadFeed(url);
    expect(second.feed).to.deep.equal(first.feed);
    expect(second.stale).to.equal(false);
    const kept = readCachedFeed(new URL(url, location.href).href, 'auto');
    expect(kept?.etag).to.equal('"v7"');
    expect(await requests('etag', key)).to.equal(2);
    expect(await requests('etag-304', key)).to.equal(1);
  });

  it('revalidates with If-Modified-Since when the server gives Last-Modified', async () => {
    const key = unique();
    const url = `/test-api/modified?key=${key}`;
    await loadFeed(url);
    const second = await loadFeed(url);
    expect(second.feed.title).to.equal('Dated');
    expect(readCachedFeed(new URL(url, location.href).href, 'auto')?.lastModified).to.equal('Wed, 21 Oct 2026 07:28:00 GMT');
    // The second request was answered 304: the server sent no body, and the copy served.
    expect(await requests('modified-304', key)).to.equal(1);
  });

  it('falls back to the last good copy, marked stale, when the source fails', async () => {
    const key = unique();
    const url = `/test-api/switch?key=${key}`;
    const fresh = await loadFeed(url, { retries: 0 });
    await fetch(`/test-api/down?key=${key}`);
    const result = await loadFeed(url, { retries: 0 });
    expect(result.stale).to.equal(true);
    expect(result.feed).to.deep.equal(fresh.feed);
    expect(result.fetchedAt).to.equal(fresh.fetchedAt);
    expect(result.error?.message).to.equal('HTTP 503');
  });

  it('with cache off, keeps nothing and fails plainly', async () => {
    const key = unique();
    const url = `/test-api/flaky?fail=0&key=${key}`;
    await loadFeed(url, { cache: false });
    expect(readCachedFeed(new URL(url, location.href).href, 'auto')).to.equal(undefined);
  });

  it('reports unreadable content as a format error', async () => {
    const error = await loadFeed(`/test-api/text?type=application/json&body=${encodeURIComponent('{"events": [')}`, {
      retries: 0,
    }).catch((e: unknown) => e);
    expect((error as FeedError).kind).to.equal('format');
    expect((error as FeedError).message).to.match(/not valid JSON/);
  });
});
