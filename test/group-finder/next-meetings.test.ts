import { expect } from 'chai';
import type { Feed } from '../../src/feed/types.js';
import { displayZone } from '../../src/feed/display-zone.js';
import { nextMeetings } from '../../src/group-finder/next-meetings.js';

const feed: Feed = {
  version: '1',
  timezone: 'America/Chicago',
  groups: [{ id: 'g', name: 'G' }, { id: 'h', name: 'H' }],
  events: [
    { id: 's', title: 'Series', start: '2030-03-04T18:00:00', rrule: 'FREQ=WEEKLY;COUNT=10', exdates: ['2030-03-11T18:00:00'], groupId: 'g' },
    { id: 's@1', title: 'Series', seriesId: 's', recurrenceId: '2030-03-18T18:00:00', start: '2030-03-18T18:00:00', status: 'cancelled' },
    { id: 's@2', title: 'Moved', seriesId: 's', recurrenceId: '2030-03-25T18:00:00', start: '2030-03-26T18:00:00', status: 'rescheduled', groupId: 'g' },
    { id: 'one', title: 'Once', start: '2030-03-05', groupId: 'h' },
    { id: 'stray', title: 'No group', start: '2030-03-05' },
    { id: 'other', title: 'Unknown group', start: '2030-03-05', groupId: 'nobody' },
  ],
  resources: [],
  places: [],
};

describe('nextMeetings', () => {
  it("gives each group its next occurrences, overrides included with their status, in the feed's zone", async () => {
    const meetings = await nextMeetings(feed, new Date('2030-03-01T00:00:00Z'), 4);
    expect(meetings.get('g')!.map((o) => [o.start, o.status])).to.deep.equal([
      ['2030-03-04T18:00:00-06:00', 'scheduled'],
      ['2030-03-18T18:00:00-05:00', 'cancelled'],
      ['2030-03-26T18:00:00-05:00', 'rescheduled'],
      ['2030-04-01T18:00:00-05:00', 'scheduled'],
    ]);
    expect(meetings.get('h')!.map((o) => [o.start, o.allDay])).to.deep.equal([['2030-03-05', true]]);
    expect(meetings.get('nobody')).to.have.length(1);
    expect([...meetings.keys()]).not.to.include(undefined);
  });

  it('starts from now: a meeting under way still counts, past ones do not', async () => {
    const meetings = await nextMeetings(
      { ...feed, events: [{ id: 'x', title: 'X', start: '2030-03-04T18:00:00', end: '2030-03-04T20:00:00', groupId: 'g' }] },
      new Date('2030-03-05T01:00:00Z'),
      3,
    );
    expect(meetings.get('g')).to.have.length(1);
    expect(await nextMeetings(feed, new Date('2031-01-01T00:00:00Z'), 3)).to.have.property('size', 0);
  });

  it("shows times in the feed's zone, else the browser's", () => {
    expect(displayZone({ feed: feed.timezone })).to.equal('America/Chicago');
    expect(displayZone({ feed: 'Mars/Olympus' })).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
