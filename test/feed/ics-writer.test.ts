import { expect } from 'chai';
import { icsAdapter } from '../../src/feed/adapters/ics.js';
import { feedIcs } from '../../src/feed/ics-writer.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { expandOccurrences } from '../../src/feed/occurrences.js';
import type { Feed } from '../../src/feed/types.js';

const FEED: Feed = {
  version: '1',
  title: 'Riverside, Civic Data',
  timezone: 'America/New_York',
  events: [
    { id: 'office-hours', title: 'Open data office hours', start: '2026-10-01T18:30:00', end: '2026-10-01T20:00:00', rrule: 'FREQ=WEEKLY;COUNT=10', exdates: ['2026-10-08T18:30:00'], topics: ['open-data'] },
    { id: 'office-hours-moved', title: 'Office hours (Room B)', start: '2026-10-16T17:00:00', end: '2026-10-16T18:30:00', seriesId: 'office-hours', recurrenceId: '2026-10-15T18:30:00' },
    { id: 'office-hours-off', title: 'Open data office hours', start: '2026-10-22T18:30:00', seriesId: 'office-hours', recurrenceId: '2026-10-22T18:30:00', status: 'cancelled' },
    { id: 'data-day', title: 'Data Day; maps, rents & more', start: '2026-11-07', end: '2026-11-08', description: '<p>All day.</p><p>Bring a laptop.</p>' },
    { id: 'berlin', title: 'Call with Berlin', start: '2026-10-28T17:00:00+01:00', timezone: 'Europe/Berlin' },
  ],
  groups: [],
  resources: [],
  places: [],
};

const WINDOW = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), timeZone: 'America/New_York', feedTimeZone: 'America/New_York' };

describe('the feed as one iCalendar file', () => {
  it('round-trips: read back, it gives the same occurrences as the feed it was written from', async () => {
    const text = feedIcs(FEED, { now: new Date('2026-09-01T00:00:00Z'), uidDomain: 'library.example' });
    const parsed = await icsAdapter({ text, contentType: 'text/calendar', url: 'https://library.example/feed.ics' }, { fetchJson: () => Promise.reject(new Error('offline')) });
    const { feed: back, skipped } = normalizeFeed(parsed.document, parsed.skipped);
    expect(skipped).to.deep.equal([]);
    expect(back.title).to.equal('Riverside, Civic Data');
    const shape = async (feed: Feed) =>
      (await expandOccurrences(feed.events, WINDOW)).map((o) => `${o.start} ${o.end} ${o.event.title} ${o.status}`);
    expect(await shape(back)).to.deep.equal(await shape(FEED));
  });

  it('writes one VTIMEZONE per zone and folds long lines at 75 octets', () => {
    const text = feedIcs(FEED, { now: new Date('2026-09-01T00:00:00Z') });
    expect(text.match(/^TZID:America\/New_York\r$/gm)).to.have.length(1);
    expect(text.match(/^TZID:Europe\/Berlin\r$/gm)).to.have.length(1);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
    expect(text).to.include('X-WR-CALNAME:Riverside\\, Civic Data');
    expect(text.match(/^UID:office-hours@civic-widgets\r$/gm)).to.have.length(3, 'the series and its two overrides share one UID');
  });
});
