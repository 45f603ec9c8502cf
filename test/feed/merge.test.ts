import { expect } from 'chai';
import { itemsFrom, mergeFeeds, withDefaults } from '../../src/feed/merge.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { CivicEvent, Feed } from '../../src/feed/types.js';

function feed(events: CivicEvent[], rest: Partial<Feed> = {}): Feed {
  return { version: '1', events, groups: [], resources: [], places: [], ...rest };
}

describe('merging sources', () => {
  it('fills what items lack from defaults, only with fields their list knows, and pins events to their calendar\'s zone', () => {
    const document = {
      version: '1',
      timezone: 'America/Chicago',
      events: [{ id: 'a', title: 'A', start: '2026-03-01T10:00:00' }, { id: 'b', title: 'B', start: '2026-03-02', topics: ['transit'], timezone: 'Europe/Paris' }],
      resources: [{ id: 'r', title: 'R', url: 'https://x.example' }],
    };
    const filled = withDefaults(document, { topics: ['housing'], location: { name: 'Main Library' } });
    const { feed: normalized } = normalizeFeed(filled);
    expect(normalized.events[0]).to.deep.include({ topics: ['housing'], location: { name: 'Main Library' }, timezone: 'America/Chicago' });
    expect(normalized.events[1]).to.deep.include({ topics: ['transit'], timezone: 'Europe/Paris' });
    expect(normalized.resources[0]).to.deep.include({ topics: ['housing'] });
    expect(normalized.resources[0]!.extra).to.equal(undefined, 'a location is not a resource field');
    expect(withDefaults(document, { timezone: 'Europe/Lisbon' }).events).to.satisfy((events: { timezone: string }[]) => events[0]!.timezone === 'Europe/Lisbon');
  });

  it('keeps the same event once, renames a different one that shares an id, and follows its overrides', () => {
    const a = feed([{ id: 'uid-1', title: 'Office hours', start: '2026-03-05T18:00:00-05:00', rrule: 'FREQ=WEEKLY' }]);
    const b = feed([
      { id: 'uid-1', title: 'Office hours', start: '2026-03-05T18:00:00-05:00', rrule: 'FREQ=WEEKLY' },
      { id: 'x', title: 'Something else', start: '2026-04-01', url: 'https://lib.example/e/1' },
    ]);
    const c = feed([
      { id: 'x', title: 'Another thing', start: '2026-05-01', rrule: 'FREQ=DAILY;COUNT=3' },
      { id: 'x-moved', title: 'Another thing, moved', start: '2026-05-03', recurrenceId: '2026-05-02', seriesId: 'x' },
      { id: 'dup-link', title: 'Same page', start: '2026-04-01', url: 'https://lib.example/e/1' },
    ]);
    const { feed: merged, notes } = mergeFeeds([{ label: 'A', feed: a }, { label: 'B', feed: b }, { label: 'C', feed: c }], { title: 'All' });
    expect(merged.title).to.equal('All');
    expect(merged.events.map((e) => [e.id, e.extra?.source])).to.deep.equal([
      ['uid-1', 'A'], ['x', 'B'], ['x~c', 'C'], ['x-moved', 'C'],
    ]);
    expect(merged.events.find((e) => e.id === 'x-moved')!.seriesId).to.equal('x~c');
    expect(notes.map((n) => `${n.source} ${n.id}: ${n.reason}`)).to.deep.equal([
      'B uid-1: the same event as in A: kept once',
      'C x: another event of B has this id: renamed "x~c"',
      'C dup-link: the same link and start as an event of B: kept once',
    ]);
  });

  it('keeps the first of two groups, resources or places with one id or one link, and reads a source back by label', () => {
    const a = feed([], { resources: [{ id: 'r1', title: 'Guide', url: 'https://x.example/guide' }] });
    const b = feed([], { resources: [{ id: 'r1', title: 'Other', url: 'https://x.example/other' }, { id: 'r2', title: 'Guide again', url: 'https://x.example/guide' }, { id: 'r3', title: 'New', url: 'https://x.example/new' }] });
    const { feed: merged, notes } = mergeFeeds([{ label: 'A', feed: a }, { label: 'B', feed: b }]);
    expect(merged.resources.map((r) => r.id)).to.deep.equal(['r1', 'r3']);
    expect(notes).to.have.length(2);
    expect(itemsFrom(merged, 'B').resources.map((r) => r.id)).to.deep.equal(['r3']);
  });
});
