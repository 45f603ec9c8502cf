import { expect } from 'chai';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { rememberedWindowed, rememberWindowed } from '../../src/feed/windowed-memory.js';

describe('windowed memory', () => {
  afterEach(() => clearCachedFeeds());

  it('remembers per address that a feed can be windowed, until told otherwise or cleared', () => {
    const url = 'https://events.example.org/feed.json';
    expect(rememberedWindowed(url)).to.equal(false);
    rememberWindowed(url, true);
    expect(rememberedWindowed(url)).to.equal(true);
    expect(rememberedWindowed('https://events.example.org/other.json')).to.equal(false);
    rememberWindowed(url, false);
    expect(rememberedWindowed(url)).to.equal(false);
    rememberWindowed(url, true);
    clearCachedFeeds();
    expect(rememberedWindowed(url), 'clearing the copies clears it too').to.equal(false);
  });
});
