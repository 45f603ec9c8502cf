import { expect } from 'chai';
import { expandOccurrences } from '../../src/feed/occurrences.js';
import type { CivicEvent } from '../../src/feed/types.js';
import { availability, nextChange, seatsLeft } from '../../src/rsvp-form/rsvp-availability.js';
import { feedInstant, findOccurrence, isRecurring, upcomingOccurrences } from '../../src/rsvp-form/rsvp-occurrences.js';

const zone = 'America/New_York';
const now = Date.UTC(2030, 0, 10, 12);
const event = (more: Partial<CivicEvent> = {}): CivicEvent => ({
  id: 'e', title: 'E', start: '2030-03-07T10:00:00', capacity: 10, registered: 3, rsvp: { endpoint: 'https://x.example/rsvp' }, ...more,
});
const input = (e: CivicEvent, extra: { endpoint?: string } = { endpoint: 'https://x.example/rsvp' }) => ({ event: e, zone, now, ...extra });

describe('rsvp availability', () => {
  it('counts the seats left, never below zero', () => {
    expect(seatsLeft(event())).to.equal(7);
    expect(seatsLeft(event({ registered: 12 }))).to.equal(0);
    expect(seatsLeft(event({ capacity: undefined }))).to.equal(undefined);
  });

  it('is open, open to the waitlist, or full', () => {
    expect(availability(input(event()))).to.deep.equal({ kind: 'open', waitlist: false });
    expect(availability(input(event({ registered: 10, waitlist: true })))).to.deep.equal({ kind: 'open', waitlist: true });
    expect(availability(input(event({ registered: 10 })))).to.deep.equal({ kind: 'full' });
  });

  it('respects the registration window, reading floating times in the event’s zone', () => {
    const opens = availability(input(event({ rsvp: { opens: '2030-02-01T09:00:00' } })));
    expect(opens).to.deep.equal({ kind: 'not-yet-open', opensMs: Date.UTC(2030, 1, 1, 14) });
    const closes = availability(input(event({ rsvp: { closes: '2030-01-10' } })));
    expect(closes).to.deep.equal({ kind: 'closed', closesMs: Date.UTC(2030, 0, 10, 5) });
    expect(nextChange(event({ rsvp: { opens: '2030-02-01T09:00:00Z', closes: '2030-03-01T00:00:00Z' } }), zone, now)).to.equal(Date.UTC(2030, 1, 1, 9));
  });

  it('says cancelled, ended and "not here" before anything else', async () => {
    expect(availability(input(event({ status: 'cancelled' })))).to.deep.equal({ kind: 'cancelled' });
    expect(availability(input(event(), {}))).to.deep.equal({ kind: 'offline' });
    const [past] = await expandOccurrences([event({ start: '2029-12-01T10:00:00', end: '2029-12-01T12:00:00' })], {
      from: new Date(Date.UTC(2029, 0, 1)), to: new Date(Date.UTC(2031, 0, 1)), timeZone: zone,
    });
    expect(availability({ ...input(past!.event), occurrence: past })).to.deep.equal({ kind: 'ended' });
  });
});

describe('rsvp occurrences', () => {
  const series = event({ rrule: 'FREQ=WEEKLY;COUNT=4', start: '2030-01-16T18:00:00', end: '2030-01-16T19:00:00' });

  it('offers a series’ upcoming dates, with overrides applied and cancellations left out', async () => {
    const feed = {
      version: '1' as const, timezone: zone, groups: [], resources: [], places: [],
      events: [
        series,
        { ...series, rrule: undefined, id: 'e@2', seriesId: 'e', recurrenceId: '2030-01-23T18:00:00', start: '2030-01-23T18:00:00', title: 'Session 2' },
        { ...series, rrule: undefined, id: 'e@3', seriesId: 'e', recurrenceId: '2030-01-30T18:00:00', start: '2030-01-30T18:00:00', status: 'cancelled' as const },
      ],
    };
    expect(isRecurring(series)).to.equal(true);
    expect(isRecurring(feed.events[1]!)).to.equal(false);
    const list = await upcomingOccurrences(series, feed, now);
    expect(list.map((o) => [o.start, o.event.title])).to.deep.equal([
      ['2030-01-16T18:00:00-05:00', 'E'],
      ['2030-01-23T18:00:00-05:00', 'Session 2'],
      ['2030-02-06T18:00:00-05:00', 'E'],
    ]);
  });

  it('finds an occurrence by its start however the offset is written', async () => {
    const list = await upcomingOccurrences(series, { version: '1', timezone: zone, events: [series], groups: [], resources: [], places: [] }, now);
    expect(findOccurrence(list, '2030-01-23T23:00:00Z', zone)?.start).to.equal('2030-01-23T18:00:00-05:00');
    expect(findOccurrence(list, '2030-01-23T18:00:00', zone)?.start).to.equal('2030-01-23T18:00:00-05:00');
    expect(findOccurrence(list, '2030-01-23', zone)?.start).to.equal('2030-01-23T18:00:00-05:00');
    expect(findOccurrence(list, '2030-01-24T18:00:00', zone)).to.equal(undefined);
    expect(findOccurrence(list, 'soon', zone)).to.equal(undefined);
    expect(feedInstant('2030-01-23T18:00:00', zone)).to.equal(Date.UTC(2030, 0, 23, 23));
  });
});
