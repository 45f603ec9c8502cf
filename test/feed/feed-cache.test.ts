import { expect } from 'chai';
import { clearCachedFeeds, readCachedFeed, writeCachedFeed, type CachedFeed } from '../../src/feed/feed-cache.js';

const copy = (title: string, fetchedAt: number, padding = 0): CachedFeed => ({
  fetchedAt,
  loaded: {
    feed: { version: '1', title: title + 'x'.repeat(padding), events: [], groups: [], resources: [], places: [] },
    skipped: [],
    stale: false,
    fetchedAt,
  },
});

describe('feed cache', () => {
  beforeEach(() => clearCachedFeeds());
  after(() => clearCachedFeeds());

  it('keeps and returns a copy per URL and format', () => {
    writeCachedFeed('https://a.org/f', 'auto', copy('A', 1));
    expect(readCachedFeed('https://a.org/f', 'auto')?.loaded.feed.title).to.equal('A');
    expect(readCachedFeed('https://a.org/f', 'ics')).to.equal(undefined);
  });

  it('refuses a copy larger than its bound', () => {
    writeCachedFeed('https://a.org/big', 'auto', copy('B', 1, 1_100_000));
    expect(readCachedFeed('https://a.org/big', 'auto')).to.equal(undefined);
  });

  it('evicts the oldest copies to stay within its total', () => {
    writeCachedFeed('https://a.org/1', 'auto', copy('1', 1, 900_000));
    writeCachedFeed('https://a.org/2', 'auto', copy('2', 2, 900_000));
    writeCachedFeed('https://a.org/3', 'auto', copy('3', 3, 900_000));
    expect(readCachedFeed('https://a.org/1', 'auto')).to.equal(undefined);
    expect(readCachedFeed('https://a.org/3', 'auto')?.loaded.feed.title).to.match(/^3/);
  });

  it('ignores a corrupt entry', () => {
    localStorage.setItem('civic-widgets:feed:v1:auto:https://a.org/c', '{broken');
    expect(readCachedFeed('https://a.org/c', 'auto')).to.equal(undefined);
  });
});
