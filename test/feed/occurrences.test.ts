import { expect } from 'chai';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { expandOccurrences, MAX_STEPS_PER_SERIES, type OccurrenceWindow } from '../../src/feed/occurrences.js';
import type { CivicEvent } from '../../src/feed/types.js';

/** Events as a native JSON feed would send them, through the normalizer like any load. */
function events(...raw: Record<string, unknown>[]): CivicEvent[] {
  const { feed, skipped } = normalizeFeed({ version: '1', events: raw });
  expect(skipped).to.deep.equal([]);
  return feed.events;
}

function window(from: string, to: string, timeZone = 'America/New_York', more: Partial<OccurrenceWindow> = {}): OccurrenceWindow {
  return { from: new Date(from), to: new Date(to), timeZone, ...more };
}

const YEAR_2026 = window('2026-01-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00');

function icalLoaded(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /\/ical\.js\//.test(entry.name) || /ical\.js$/.test(entry.name));
}

describe('expandOccurrences', () => {
  // Runs first, in a page that has not imported ical.js yet.
  it('does not load ical.js for a feed without rules', async () => {
    const list = events(
      { id: 'a', title: 'A', start: '2026-03-07T10:00:00-05:00' },
      { id: 'b', title: 'B', start: '2026-03-08', end: '2026-03-10' },
    );
    const occurrences = await expandOccurrences(list, YEAR_2026);
    expect(occurrences.map((o) => o.key)).to.deep.equal(['a@2026-03-07T15:00:00Z', 'b@2026-03-08']);
    expect(icalLoaded()).to.equal(false);
  });

  it('loads it once a rule needs it', async () => {
    const list = events({ id: 'r', title: 'R', start: '2026-03-03T18:00:00', rrule: 'FREQ=WEEKLY;COUNT=2' });
    expect(await expandOccurrences(list, YEAR_2026)).to.have.length(2);
    expect(icalLoaded()).to.equal(true);
  });

  describe('one-off events', () => {
    it('gives timed occurrences RFC 3339 times in the display zone', async () => {
      const [occurrence] = await expandOccurrences(
        events({ id: 'a', title: 'A', start: '2026-03-07T10:00:00-05:00', end: '2026-03-07T12:00:00-05:00', status: 'postponed' }),
        window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'Europe/Berlin'),
      );
      expect(occurrence).to.deep.include({
        start: '2026-03-07T16:00:00+01:00',
        end: '2026-03-07T18:00:00+01:00',
        allDay: false,
        startMs: Date.parse('2026-03-07T15:00:00Z'),
        endMs: Date.parse('2026-03-07T17:00:00Z'),
        status: 'postponed',
      });
      expect(occurrence!.seriesId).to.equal(undefined);
    });

    it('reads floating times in the event zone, else the feed zone, else the display zone', async () => {
      const list = events(
        { id: 'own', title: 'Own zone', start: '2026-06-01T10:00:00', timezone: 'Asia/Tokyo' },
        { id: 'feed', title: 'Feed zone', start: '2026-06-01T10:00:00' },
      );
      const inFeedZone = await expandOccurrences(list, window('2026-05-01T00:00:00Z', '2026-07-01T00:00:00Z', 'UTC', { feedTimeZone: 'Europe/Paris' }));
      expect(inFeedZone.map((o) => `${o.event.id} ${o.start}`)).to.deep.equal(['own 2026-06-01T01:00:00Z', 'feed 2026-06-01T08:00:00Z']);
      const inDisplayZone = await expandOccurrences(list, window('2026-05-01T00:00:00Z', '2026-07-01T00:00:00Z', 'America/Chicago'));
      expect(inDisplayZone.map((o) => `${o.event.id} ${o.start}`)).to.deep.equal([
        'own 2026-05-31T20:00:00-05:00',
        'feed 2026-06-01T10:00:00-05:00',
      ]);
    });

    it('gives a timed event without an end zero length, and counts it when its instant is inside', async () => {
      const list = events({ id: 'a', title: 'A', start: '2026-03-07T10:00:00Z' });
      const [occurrence] = await expandOccurrences(list, window('2026-03-07T10:00:00Z', '2026-03-08T00:00:00Z', 'UTC'));
      expect(occurrence).to.include({ start: '2026-03-07T10:00:00Z', end: '2026-03-07T10:00:00Z' });
      expect(await expandOccurrences(list, window('2026-03-06T00:00:00Z', '2026-03-07T10:00:00Z', 'UTC'))).to.deep.equal([]);
    });

    it('includes an event that began before the window and ends inside it, not one that ended at its start', async () => {
      const list = events(
        { id: 'running', title: 'Running', start: '2026-03-06T20:00:00Z', end: '2026-03-07T02:00:00Z' },
        { id: 'over', title: 'Over', start: '2026-03-06T20:00:00Z', end: '2026-03-07T00:00:00Z' },
        { id: 'later', title: 'Later', start: '2026-03-08T00:00:00Z' },
      );
      const occurrences = await expandOccurrences(list, window('2026-03-07T00:00:00Z', '2026-03-08T00:00:00Z', 'UTC'));
      expect(occurrences.map((o) => o.event.id)).to.deep.equal(['running']);
    });

    it('keeps all-day dates in any display zone, with an exclusive end, one day by default', async () => {
      const list = events(
        { id: 'multi', title: 'Multi', start: '2026-06-01', end: '2026-06-04' },
        { id: 'single', title: 'Single', start: '2026-06-10' },
      );
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        const occurrences = await expandOccurrences(list, window('2026-05-20T00:00:00Z', '2026-06-20T00:00:00Z', zone));
        expect(occurrences.map((o) => `${o.start}/${o.end} ${o.allDay}`), zone).to.deep.equal([
          '2026-06-01/2026-06-04 true',
          '2026-06-10/2026-06-11 true',
        ]);
      }
      const [multi] = await expandOccurrences(list, window('2026-05-20T00:00:00Z', '2026-06-20T00:00:00Z', 'Asia/Tokyo'));
      // Its instants run from midnight to midnight in the display zone.
      expect(multi!.startMs).to.equal(Date.parse('2026-06-01T00:00:00+09:00'));
      expect(multi!.endMs).to.equal(Date.parse('2026-06-04T00:00:00+09:00'));
    });

    it('counts an all-day event for the days it covers and not the day after', async () => {
      const list = events({ id: 'multi', title: 'Multi', start: '2026-06-01', end: '2026-06-04' });
      const zone = 'America/New_York';
      expect(await expandOccurrences(list, window('2026-06-03T12:00:00-04:00', '2026-06-03T13:00:00-04:00', zone))).to.have.length(1);
      expect(await expandOccurrences(list, window('2026-06-04T00:00:00-04:00', '2026-06-05T00:00:00-04:00', zone))).to.have.length(0);
    });

    it('sorts by start and honours the limit', async () => {
      const list = events(
        { id: 'c', title: 'C', start: '2026-03-09T10:00:00Z' },
        { id: 'a', title: 'A', start: '2026-03-07T10:00:00Z' },
        { id: 'b', title: 'B', start: '2026-03-08' },
      );
      const all = await expandOccurrences(list, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'UTC'));
      expect(all.map((o) => o.event.id)).to.deep.equal(['a', 'b', 'c']);
      const two = await expandOccurrences(list, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'UTC', { limit: 2 }));
      expect(two.map((o) => o.event.id)).to.deep.equal(['a', 'b']);
    });

    it('rejects a window with invalid dates and returns nothing for an empty one', async () => {
      const list = events({ id: 'a', title: 'A', start: '2026-03-07T10:00:00Z' });
      let error: unknown;
      try {
        await expandOccurrences(list, { from: new Date('nope'), to: new Date(), timeZone: 'UTC' });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RangeError);
      expect(await expandOccurrences(list, window('2026-04-01T00:00:00Z', '2026-03-01T00:00:00Z', 'UTC'))).to.deep.equal([]);
    });
  });

  describe('recurring events from a JSON feed', () => {
    const weekly = {
      id: 'office-hours',
      title: 'Office hours',
      start: '2026-10-01T18:30:00',
      end: '2026-10-01T20:00:00',
      timezone: 'America/New_York',
      rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=8',
    };

    it('keeps 18:30 local across the November DST change', async () => {
      const occurrences = await expandOccurrences(events(weekly), YEAR_2026);
      expect(occurrences.map((o) => o.start)).to.deep.equal([
        '2026-10-01T18:30:00-04:00',
        '2026-10-08T18:30:00-04:00',
        '2026-10-15T18:30:00-04:00',
        '2026-10-22T18:30:00-04:00',
        '2026-10-29T18:30:00-04:00',
        '2026-11-05T18:30:00-05:00',
        '2026-11-12T18:30:00-05:00',
        '2026-11-19T18:30:00-05:00',
      ]);
      expect(occurrences[5]!.end).to.equal('2026-11-05T20:00:00-05:00');
      expect(occurrences.every((o) => o.seriesId === 'office-hours' && o.event.id === 'office-hours')).to.equal(true);
      expect(new Set(occurrences.map((o) => o.key)).size).to.equal(8);
    });

    it('shows the same instants in another display zone', async () => {
      const occurrences = await expandOccurrences(events(weekly), window('2026-10-01T00:00:00Z', '2026-11-10T00:00:00Z', 'Europe/London'));
      expect(occurrences.map((o) => o.start)).to.deep.equal([
        '2026-10-01T23:30:00+01:00',
        '2026-10-08T23:30:00+01:00',
        '2026-10-15T23:30:00+01:00',
        '2026-10-22T23:30:00+01:00',
        '2026-10-29T22:30:00Z', // London is back on GMT, New York not yet on EST
        '2026-11-05T23:30:00Z',
      ]);
    });

    it('recurs in the feed zone when the event names none', async () => {
      const floating: Record<string, unknown> = { ...weekly };
      delete floating.timezone;
      const occurrences = await expandOccurrences(events(floating), { ...YEAR_2026, timeZone: 'UTC', feedTimeZone: 'America/New_York' });
      expect(occurrences[4]!.start).to.equal('2026-10-29T22:30:00Z');
      expect(occurrences[5]!.start).to.equal('2026-11-05T23:30:00Z');
    });

    it('recurs in the feed zone when a start with an offset agrees with it, in UTC for Z', async () => {
      const list = events(
        { id: 'offset', title: 'Offset', start: '2026-10-29T18:30:00-04:00', rrule: 'FREQ=WEEKLY;COUNT=2' },
        { id: 'utc', title: 'UTC', start: '2026-10-29T22:30:00Z', rrule: 'FREQ=WEEKLY;COUNT=2' },
      );
      const occurrences = await expandOccurrences(list, { ...YEAR_2026, feedTimeZone: 'America/New_York' });
      expect(occurrences.filter((o) => o.event.id === 'offset').map((o) => o.start)).to.deep.equal([
        '2026-10-29T18:30:00-04:00',
        '2026-11-05T18:30:00-05:00',
      ]);
      expect(occurrences.filter((o) => o.event.id === 'utc').map((o) => o.start)).to.deep.equal([
        '2026-10-29T18:30:00-04:00',
        '2026-11-05T17:30:00-05:00',
      ]);
    });

    it('leaves out exdates, written floating or as instants', async () => {
      const list = events({ ...weekly, exdates: ['2026-10-08T18:30:00', '2026-10-22T22:30:00Z', '2026-11-12'] });
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => o.start.slice(0, 10))).to.deep.equal([
        '2026-10-01', '2026-10-15', '2026-10-29', '2026-11-05', '2026-11-19',
      ]);
    });

    it('replaces an occurrence with its override: moved and renamed, or cancelled', async () => {
      const list = events(
        weekly,
        {
          id: 'office-hours-moved', title: 'Office hours (Friday)', start: '2026-10-16T17:00:00', end: '2026-10-16T18:00:00',
          timezone: 'America/New_York', recurrenceId: '2026-10-15T18:30:00', seriesId: 'office-hours',
        },
        {
          id: 'office-hours-off', title: 'Office hours', start: '2026-11-05T18:30:00', timezone: 'America/New_York',
          recurrenceId: '2026-11-05T23:30:00Z', seriesId: 'office-hours', status: 'cancelled',
        },
      );
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => `${o.start} ${o.event.title} ${o.status} ${o.seriesId}`)).to.deep.equal([
        '2026-10-01T18:30:00-04:00 Office hours scheduled office-hours',
        '2026-10-08T18:30:00-04:00 Office hours scheduled office-hours',
        '2026-10-16T17:00:00-04:00 Office hours (Friday) scheduled office-hours',
        '2026-10-22T18:30:00-04:00 Office hours scheduled office-hours',
        '2026-10-29T18:30:00-04:00 Office hours scheduled office-hours',
        '2026-11-05T18:30:00-05:00 Office hours cancelled office-hours',
        '2026-11-12T18:30:00-05:00 Office hours scheduled office-hours',
        '2026-11-19T18:30:00-05:00 Office hours scheduled office-hours',
      ]);
    });

    it('removes an occurrence whose override moved out of the window, and shows one moved into it', async () => {
      const list = events(
        weekly,
        {
          id: 'out', title: 'Moved away', start: '2026-12-20T10:00:00', timezone: 'America/New_York',
          recurrenceId: '2026-10-01T18:30:00', seriesId: 'office-hours',
        },
        {
          id: 'in', title: 'Moved here', start: '2026-10-02T10:00:00', timezone: 'America/New_York',
          recurrenceId: '2026-11-19T18:30:00', seriesId: 'office-hours',
        },
      );
      const occurrences = await expandOccurrences(list, window('2026-10-01T00:00:00-04:00', '2026-10-09T00:00:00-04:00'));
      expect(occurrences.map((o) => o.event.id)).to.deep.equal(['in', 'office-hours']);
    });

    it('lets an override replace a one-off event of the same series id', async () => {
      const list = events(
        { id: 'talk', title: 'Talk', start: '2026-05-05T18:00:00Z' },
        { id: 'talk-new', title: 'Talk (new time)', start: '2026-05-06T18:00:00Z', recurrenceId: '2026-05-05T18:00:00Z', seriesId: 'talk' },
      );
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => o.event.id)).to.deep.equal(['talk-new']);
    });

    it('adds rdates: a date at the series time of day, a time, and a period with its own end', async () => {
      const list = events({
        ...weekly,
        rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2',
        rdates: ['2026-10-03', '2026-10-04T10:00:00', '2026-10-05T14:00:00Z/2026-10-05T15:00:00Z', '2026-10-08T18:30:00'],
        exdates: ['2026-10-04T10:00:00'],
      });
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => `${o.start} ${o.end} ${o.seriesId}`)).to.deep.equal([
        '2026-10-01T18:30:00-04:00 2026-10-01T20:00:00-04:00 office-hours',
        '2026-10-03T18:30:00-04:00 2026-10-03T20:00:00-04:00 office-hours',
        '2026-10-05T10:00:00-04:00 2026-10-05T11:00:00-04:00 office-hours',
        '2026-10-08T18:30:00-04:00 2026-10-08T20:00:00-04:00 office-hours',
      ]);
    });

    it('makes a series of a start and rdates alone, without loading a rule engine for it', async () => {
      const list = events({ id: 'fair', title: 'Fair', start: '2026-06-01', rdates: ['2026-06-08', '2026-06-15/2026-06-17'] });
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => `${o.start} ${o.end}`)).to.deep.equal([
        '2026-06-01 2026-06-02', '2026-06-08 2026-06-09', '2026-06-15 2026-06-17',
      ]);
    });

    it('expands every rule of rrules, each start once', async () => {
      const list = events({
        id: 'two', title: 'Two rules', start: '2026-03-02T11:00:00', timezone: 'America/Los_Angeles',
        rrules: ['FREQ=WEEKLY;COUNT=2', 'FREQ=DAILY;COUNT=3'],
      });
      expect(list[0]!.rrule).to.equal('FREQ=WEEKLY;COUNT=2');
      const occurrences = await expandOccurrences(list, window('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'UTC'));
      expect(occurrences.map((o) => o.start)).to.deep.equal([
        '2026-03-02T19:00:00Z', '2026-03-03T19:00:00Z', '2026-03-04T19:00:00Z', '2026-03-09T18:00:00Z',
      ]);
    });

    it('moves and restyles every later occurrence after a thisAndFuture override, and not earlier ones', async () => {
      const list = events(
        weekly,
        {
          id: 'later', title: 'Office hours (new room)', start: '2026-10-29T17:00:00', end: '2026-10-29T19:00:00',
          timezone: 'America/New_York', recurrenceId: '2026-10-29T18:30:00', seriesId: 'office-hours', thisAndFuture: true,
        },
        {
          id: 'one-off', title: 'Office hours (cancelled)', start: '2026-11-12T17:00:00', timezone: 'America/New_York',
          recurrenceId: '2026-11-12T18:30:00', seriesId: 'office-hours', status: 'cancelled',
        },
      );
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => `${o.start} ${o.end} ${o.event.title} ${o.status}`)).to.deep.equal([
        '2026-10-01T18:30:00-04:00 2026-10-01T20:00:00-04:00 Office hours scheduled',
        '2026-10-08T18:30:00-04:00 2026-10-08T20:00:00-04:00 Office hours scheduled',
        '2026-10-15T18:30:00-04:00 2026-10-15T20:00:00-04:00 Office hours scheduled',
        '2026-10-22T18:30:00-04:00 2026-10-22T20:00:00-04:00 Office hours scheduled',
        '2026-10-29T17:00:00-04:00 2026-10-29T19:00:00-04:00 Office hours (new room) scheduled',
        // 17:00 local on the wall clock across the DST change, as the override moved it.
        '2026-11-05T17:00:00-05:00 2026-11-05T19:00:00-05:00 Office hours (new room) scheduled',
        '2026-11-12T17:00:00-05:00 2026-11-12T17:00:00-05:00 Office hours (cancelled) cancelled',
        '2026-11-19T17:00:00-05:00 2026-11-19T19:00:00-05:00 Office hours (new room) scheduled',
      ]);
    });

    it('reaches an occurrence a thisAndFuture override moved back into the window', async () => {
      const list = events(weekly, {
        id: 'earlier', title: 'Earlier', start: '2026-10-14T18:30:00', timezone: 'America/New_York',
        recurrenceId: '2026-10-15T18:30:00', seriesId: 'office-hours', thisAndFuture: true,
      });
      const occurrences = await expandOccurrences(list, window('2026-10-20T00:00:00-04:00', '2026-10-22T00:00:00-04:00'));
      expect(occurrences.map((o) => `${o.start} ${o.event.title}`)).to.deep.equal(['2026-10-21T18:30:00-04:00 Earlier']);
    });

    it('moves a UTC UNTIL onto the series clock', async () => {
      // 23:30 UTC on Nov 5th is 18:30 EST: the last occurrence is included, the next one is not.
      const list = events({ ...weekly, rrule: 'FREQ=WEEKLY;UNTIL=20261105T233000Z' });
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.at(-1)!.start).to.equal('2026-11-05T18:30:00-05:00');
      expect(occurrences).to.have.length(6);
    });

    it('treats a date UNTIL on a timed series as the whole day', async () => {
      const list = events({ ...weekly, rrule: 'FREQ=WEEKLY;UNTIL=20261029' });
      expect((await expandOccurrences(list, YEAR_2026)).at(-1)!.start).to.equal('2026-10-29T18:30:00-04:00');
    });

    it('repeats all-day events by date, with their length', async () => {
      const list = events({ id: 'fair', title: 'Fair', start: '2026-06-01', end: '2026-06-03', rrule: 'FREQ=MONTHLY;COUNT=3', exdates: ['2026-07-01'] });
      const occurrences = await expandOccurrences(list, { ...YEAR_2026, timeZone: 'Asia/Kolkata' });
      expect(occurrences.map((o) => `${o.start}/${o.end}`)).to.deep.equal(['2026-06-01/2026-06-03', '2026-08-01/2026-08-03']);
    });

    it('includes an occurrence of a series that began before the window', async () => {
      const list = events({ id: 'old', title: 'Old', start: '2020-01-07T18:00:00Z', end: '2020-01-07T20:00:00Z', rrule: 'FREQ=WEEKLY' });
      const occurrences = await expandOccurrences(list, window('2026-03-10T19:00:00Z', '2026-03-10T19:30:00Z', 'UTC'));
      expect(occurrences.map((o) => o.start)).to.deep.equal(['2026-03-10T18:00:00Z']);
    });

    it('follows the RFC 5545 examples', async () => {
      const list = events(
        { id: 'monthly', title: 'M', start: '1997-09-05T09:00:00', timezone: 'America/New_York', rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR' },
        { id: 'last-sunday', title: 'L', start: '1997-09-28T09:00:00', timezone: 'America/New_York', rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-1SU' },
      );
      const occurrences = await expandOccurrences(list, window('1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z'));
      const dates = (id: string) => occurrences.filter((o) => o.event.id === id).map((o) => o.start.slice(0, 10));
      expect(dates('monthly')).to.deep.equal([
        '1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05', '1998-01-02',
        '1998-02-06', '1998-03-06', '1998-04-03', '1998-05-01', '1998-06-05',
      ]);
      expect(dates('last-sunday')).to.deep.equal(['1997-09-28', '1997-10-26', '1997-11-30', '1997-12-28', '1998-01-25', '1998-02-22']);
      expect(occurrences.find((o) => o.start.startsWith('1997-11-07'))!.start).to.equal('1997-11-07T09:00:00-05:00');
    });
  });

  describe('rules that would not end', () => {
    it('shows an event whose rule ical.js cannot read once, at its start', async () => {
      const list = events({ id: 'bad', title: 'Bad', start: '2026-03-03T18:00:00Z', rrule: 'FREQ=FORTNIGHTLY;COUNT=3' });
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(occurrences.map((o) => o.start)).to.deep.equal(['2026-03-03T13:00:00-05:00']);
    });

    it('stops COUNT=1000000000 at the window', async () => {
      const list = events({ id: 'w', title: 'W', start: '2026-01-06T18:00:00Z', rrule: 'FREQ=WEEKLY;COUNT=1000000000' });
      expect(await expandOccurrences(list, YEAR_2026)).to.have.length(52);
    });

    it('caps FREQ=SECONDLY per series', async () => {
      const list = events({ id: 's', title: 'S', start: '2026-01-06T18:00:00Z', rrule: 'FREQ=SECONDLY' });
      const occurrences = await expandOccurrences(list, { ...YEAR_2026, limit: Infinity });
      expect(occurrences).to.have.length(MAX_STEPS_PER_SERIES);
      expect(occurrences.at(-1)!.start).to.equal('2026-01-07T02:53:19-05:00');
    });

    it('gives up on rules no date satisfies, in bounded time', async () => {
      const rules = [
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31',
        'FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21',
        'FREQ=MONTHLY;BYDAY=-6MO',
      ];
      const list = events(...rules.map((rrule, i) => ({ id: `r${i}`, title: 'R', start: '2026-01-06T18:00:00Z', rrule })));
      const started = performance.now();
      const occurrences = await expandOccurrences(list, YEAR_2026);
      expect(performance.now() - started).to.be.below(5000);
      expect(occurrences.length).to.be.at.most(rules.length);
    });
  });
});
