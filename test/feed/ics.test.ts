import { expect } from 'chai';
import fc from 'fast-check';
import type { AdapterResult } from '../../src/feed/adapter.js';
import { icsAdapter } from '../../src/feed/adapters/ics.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { expandOccurrences } from '../../src/feed/occurrences.js';
import type { CivicEvent, Feed, SkippedItem } from '../../src/feed/types.js';

const context = { fetchJson: async () => ({}) };

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`../fixtures/ics/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

function read(text: string): Promise<AdapterResult> {
  return icsAdapter({ text, contentType: 'text/calendar', url: 'https://library.example.org/calendar.ics' }, context);
}

async function load(name: string): Promise<{ feed: Feed; skipped: SkippedItem[]; raw: AdapterResult }> {
  const raw = await read(await fixture(name));
  return { ...normalizeFeed(raw.document, raw.skipped), raw };
}

function byId(feed: Feed, id: string): CivicEvent {
  const event = feed.events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id} in ${feed.events.map((e) => e.id).join(', ')}`);
  return event;
}

/** Resolves to the error an adapter call rejected with, or undefined when it resolved. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error ?? new Error('rejected with nothing');
  }
}

describe('icsAdapter', () => {
  describe('a Google Calendar export', () => {
    const series = '2k4v8c9q1office-hours@google.com';

    it('takes the calendar name and X-WR-TIMEZONE for the document', async () => {
      const { feed, skipped } = await load('google-export.ics');
      expect(skipped).to.deep.equal([]);
      expect(feed.title).to.equal('Riverside Library – Civic Data');
      expect(feed.timezone).to.equal('America/New_York');
      expect(feed.events).to.have.length(5);
    });

    it('keeps TZID times as local times with their IANA zone, and the rule and exdates', async () => {
      const { feed } = await load('google-export.ics');
      const master = byId(feed, series);
      expect(master).to.include({
        title: 'Open Data Office Hours',
        start: '2026-10-01T18:30:00',
        end: '2026-10-01T20:00:00',
        timezone: 'America/New_York',
        status: 'scheduled',
      });
      expect(master.rrule).to.match(/^FREQ=WEEKLY;/);
      expect(master.rrule).to.include('UNTIL=20261204T035959Z').and.include('BYDAY=TH');
      expect(master.exdates).to.deep.equal(['2026-10-08T18:30:00', '2026-11-26T18:30:00']);
      expect(master.description).to.equal('Weekly open hours for anyone working with city data.\nBring a laptop, or borrow one of ours.');
      expect(master.location).to.deep.equal({ name: 'Riverside Public Library, 100 Main St, Riverside, NY 10001, USA' });
    });

    it('turns RECURRENCE-ID overrides into events of the series; a cancelled one keeps the series title', async () => {
      const { feed } = await load('google-export.ics');
      const moved = byId(feed, `${series}#2026-10-22T18:30:00`);
      expect(moved).to.include({
        seriesId: series,
        recurrenceId: '2026-10-22T18:30:00',
        start: '2026-10-23T17:00:00',
        title: 'Open Data Office Hours (Friday edition)',
      });
      const cancelled = byId(feed, `${series}#2026-11-05T18:30:00`);
      expect(cancelled).to.include({ seriesId: series, status: 'cancelled', title: 'Open Data Office Hours' });
    });

    it('keeps UTC times in UTC and all-day dates as dates with an exclusive end', async () => {
      const { feed } = await load('google-export.ics');
      expect(byId(feed, '7h3j2data-day-2026@google.com')).to.include({
        start: '2026-10-17T14:00:00Z',
        end: '2026-10-17T21:00:00Z',
      });
      expect(byId(feed, '7h3j2data-day-2026@google.com').timezone).to.equal(undefined);
      const exhibit = byId(feed, '9a8b7c6d-exhibit@google.com');
      expect(exhibit).to.include({ start: '2026-11-09', end: '2026-11-12', status: 'scheduled' });
      expect(exhibit.description).to.equal(undefined);
    });

    it('expands into the occurrences a calendar program shows', async () => {
      const { feed } = await load('google-export.ics');
      const occurrences = await expandOccurrences(feed.events, {
        from: new Date('2026-10-01T00:00:00-04:00'),
        to: new Date('2026-12-31T00:00:00-05:00'),
        timeZone: 'America/New_York',
        feedTimeZone: feed.timezone,
      });
      const office = occurrences.filter((o) => (o.seriesId ?? o.event.seriesId) === series);
      expect(office.map((o) => `${o.start} ${o.status}`)).to.deep.equal([
        '2026-10-01T18:30:00-04:00 scheduled',
        '2026-10-15T18:30:00-04:00 scheduled',
        '2026-10-23T17:00:00-04:00 scheduled',
        '2026-10-29T18:30:00-04:00 scheduled',
        '2026-11-05T18:30:00-05:00 cancelled',
        '2026-11-12T18:30:00-05:00 scheduled',
        '2026-11-19T18:30:00-05:00 scheduled',
        '2026-12-03T18:30:00-05:00 scheduled',
      ]);
    });
  });

  describe('an Outlook / Exchange export', () => {
    it('maps Windows zone names to IANA zones', async () => {
      const { feed, skipped } = await load('outlook.ics');
      expect(skipped).to.deep.equal([]);
      expect(feed.title).to.equal('Eastside Branch Programs');
      const budget = feed.events.find((e) => e.title === 'Budget Data Basics')!;
      expect(budget).to.include({ start: '2026-03-03T10:00:00', end: '2026-03-03T11:30:00', timezone: 'America/New_York' });
      expect(budget.id).to.have.length(112); // the folded UID is read whole
      expect(budget.exdates).to.deep.equal(['2026-03-17T10:00:00']);
      expect(budget.description).to.equal("Learn to find and use the city's open budget data.");
      expect(budget.location).to.deep.equal({ name: 'Eastside Branch - Meeting Room 2' });
    });

    it('maps a quoted display-name TZID, and converts a custom zone with its VTIMEZONE', async () => {
      const { feed } = await load('outlook.ics');
      const census = feed.events.find((e) => e.title === 'Census office hours')!;
      expect(census).to.include({ start: '2026-04-10T14:00:00', timezone: 'America/New_York', status: 'scheduled' });
      // "Customized Time Zone" is UTC+1 with European summer time: 18:00 on April 15th is 16:00 UTC.
      const call = feed.events.find((e) => e.title === 'Partner call with the Lyon municipal library')!;
      expect(call).to.include({ start: '2026-04-15T16:00:00Z', end: '2026-04-15T17:00:00Z' });
      expect(call.timezone).to.equal(undefined);
    });

    it('expands the biweekly rule across the March DST change at 10:00 local', async () => {
      const { feed } = await load('outlook.ics');
      const budget = feed.events.filter((e) => e.title === 'Budget Data Basics');
      const occurrences = await expandOccurrences(budget, {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
        timeZone: 'UTC',
      });
      expect(occurrences.map((o) => o.start)).to.deep.equal([
        '2026-03-03T15:00:00Z',
        '2026-03-31T14:00:00Z',
        '2026-04-14T14:00:00Z',
        '2026-04-28T14:00:00Z',
        '2026-05-12T14:00:00Z',
      ]);
    });
  });

  describe('RFC 5545 examples', () => {
    it('reads organizer, categories, classes and the example VTIMEZONE', async () => {
      const { feed, skipped } = await load('rfc5545-examples.ics');
      expect(skipped).to.deep.equal([]);
      expect(byId(feed, 'guid-1.example.com')).to.deep.include({
        title: 'XYZ Project Review',
        start: '1998-03-12T08:30:00',
        end: '1998-03-12T09:30:00',
        timezone: 'America/New_York',
        organizer: { email: 'mrbig@example.com' },
        topics: ['meeting'],
        location: { name: '1CP Conference Room 4350' },
      });
      expect(byId(feed, '19970901T130000Z-123401@example.com').topics).to.deep.equal(['business', 'human resources']);
    });

    it('keeps multi-day all-day events and yearly all-day rules as dates', async () => {
      const { feed } = await load('rfc5545-examples.ics');
      expect(byId(feed, '20070423T123432Z-541111@example.com')).to.include({ start: '2007-06-28', end: '2007-07-09' });
      expect(byId(feed, '19970901T130000Z-123403@example.com')).to.include({
        start: '1997-11-02',
        end: '1997-11-03',
        rrule: 'FREQ=YEARLY',
      });
    });

    it('reads GEO into the location', async () => {
      const { feed } = await load('rfc5545-examples.ics');
      expect(byId(feed, 'rfc5545-3.8.1.6-geo@example.com').location).to.deep.equal({ lat: 37.386013, lon: -122.082932 });
    });
  });

  describe('dates and durations', () => {
    it('uses DTEND, else DURATION, else one day for all-day events', async () => {
      const { feed } = await load('all-day.ics');
      expect(byId(feed, 'all-day-multi')).to.include({ start: '2026-06-01', end: '2026-06-04' });
      expect(byId(feed, 'all-day-no-end')).to.include({ start: '2026-07-04', end: '2026-07-05' });
      expect(byId(feed, 'all-day-duration')).to.include({ start: '2026-09-28', end: '2026-10-05' });
    });

    it('adds a DURATION to a timed start', async () => {
      const { feed } = await load('all-day.ics');
      expect(byId(feed, 'timed-duration')).to.include({ start: '2026-05-10T23:00:00Z', end: '2026-05-11T00:30:00Z' });
    });

    it('keeps UTC-only files in UTC, EXDATE included', async () => {
      const { feed } = await load('utc-only.ics');
      expect(byId(feed, 'utc-2')).to.deep.include({
        start: '2026-03-05T23:00:00Z',
        rrule: 'FREQ=WEEKLY;COUNT=3',
        exdates: ['2026-03-12T23:00:00Z'],
      });
      expect(feed.timezone).to.equal(undefined);
    });

    it('keeps floating times floating, comma-separated EXDATEs included', async () => {
      const { feed } = await load('floating.ics');
      const checkIn = byId(feed, 'floating-2');
      expect(checkIn).to.deep.include({ start: '2026-03-01T09:00:00', exdates: ['2026-03-03T09:00:00', '2026-03-05T09:00:00'] });
      expect(checkIn.timezone).to.equal(undefined);
    });

    it('reads Mozilla-style TZIDs and X-LIC-LOCATION as IANA zones', async () => {
      const text = [
        'BEGIN:VCALENDAR', 'VERSION:2.0',
        'BEGIN:VTIMEZONE', 'TZID:Local Library Time', 'X-LIC-LOCATION:Europe/Madrid',
        'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
        'END:VTIMEZONE',
        'BEGIN:VEVENT', 'UID:a', 'SUMMARY:A', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Lisbon:20260601T100000', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:b', 'SUMMARY:B', 'DTSTART;TZID=Local Library Time:20260601T100000',
        'EXDATE;TZID=Europe/Paris:20260608T100000', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const { document } = await read(text);
      const [a, b] = document.events as Record<string, unknown>[];
      expect(a).to.include({ start: '2026-06-01T10:00:00', timezone: 'Europe/Lisbon' });
      expect(b).to.include({ start: '2026-06-01T10:00:00', timezone: 'Europe/Madrid' });
      // An EXDATE in another zone is written as the instant it names.
      expect(b.exdates).to.deep.equal(['2026-06-08T08:00:00Z']);
    });
  });

  describe('text', () => {
    it('unfolds lines, unescapes text and makes titles plain', async () => {
      const { feed, skipped } = await load('folded-escaped.ics');
      expect(skipped).to.deep.equal([]);
      expect(feed.title).to.equal('Folding, escaping; and more');
      const event = feed.events[0]!;
      expect(event.title).to.equal('Workshop: maps, models; and more & friends – a very long title that folds');
      expect(event.description).to.equal(
        'Line one\nLine two, with a comma; a semicolon \\ and a backslash\nLine three after a tab fold.',
      );
      expect(event.location).to.deep.equal({ name: 'Room 2, Main Library', lat: 40.7128, lon: -74.006 });
    });

    it('lower-cases topics from several CATEGORIES properties and comma lists, without repeats', async () => {
      const { feed } = await load('folded-escaped.ics');
      expect(feed.events[0]!.topics).to.deep.equal(['housing', 'transit', 'open data']);
    });

    it('reads URL, ORGANIZER with CN, and IMAGE', async () => {
      const { feed } = await load('folded-escaped.ics');
      expect(feed.events[0]).to.deep.include({
        url: 'https://library.example.org/events/folded-1',
        organizer: { name: 'Reference Desk, Main', email: 'ref@library.example.org' },
        image: { url: 'https://library.example.org/img/maps.png' },
      });
    });

    it('leaves a javascript: URL to the normalizer, which drops it', async () => {
      const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:X\r\nDTSTART:20260101T100000Z\r\nURL:javascript:alert(1)\r\nEND:VEVENT\r\nEND:VCALENDAR';
      const raw = await read(text);
      expect(normalizeFeed(raw.document, raw.skipped).feed.events[0]!.url).to.equal(undefined);
    });
  });

  describe('what real exporters write (RFC 5545 and its habits)', () => {
    /** Occurrences as "start end title" in UTC, for a whole feed or one series. */
    async function starts(feed: Feed, from: string, to: string, series?: string): Promise<string[]> {
      const occurrences = await expandOccurrences(feed.events, {
        from: new Date(from),
        to: new Date(to),
        timeZone: 'UTC',
        feedTimeZone: feed.timezone,
      });
      return occurrences
        .filter((o) => !series || (o.seriesId ?? o.event.id) === series)
        .map((o) => `${o.start} ${o.end} ${o.event.title}`);
    }

    it('expands every RRULE of an event that has several (RFC 2445, Zimbra), each start once', async () => {
      const { feed, skipped } = await load('several-rules-rdates.ics');
      expect(skipped).to.deep.equal([]);
      expect(byId(feed, 'two-rules@zimbra.example')).to.include({ rrule: 'FREQ=WEEKLY;UNTIL=20260324T065959Z' });
      expect(byId(feed, 'two-rules@zimbra.example').rrules).to.have.length(2);
      // Weekly on Mondays to March 23, and the first Sunday of each month to April; 11:00 in Los Angeles.
      expect(await starts(feed, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'two-rules@zimbra.example')).to.deep.equal([
        '2026-03-02T19:00:00Z 2026-03-02T19:30:00Z Weekly one-on-one',
        '2026-03-09T18:00:00Z 2026-03-09T18:30:00Z Weekly one-on-one',
        '2026-03-16T18:00:00Z 2026-03-16T18:30:00Z Weekly one-on-one',
        '2026-03-23T18:00:00Z 2026-03-23T18:30:00Z Weekly one-on-one',
        '2026-04-05T18:00:00Z 2026-04-05T18:30:00Z Weekly one-on-one',
      ]);
    });

    it('adds RDATE periods with their own end (RFC 5545 3.8.5.2), an end or a duration', async () => {
      const { feed } = await load('several-rules-rdates.ics');
      expect(byId(feed, 'periods@rfc5545.example').rdates).to.deep.equal([
        '2026-04-03T02:00:00Z/2026-04-03T04:00:00Z',
        '2026-04-04T01:00:00Z/2026-04-04T04:00:00Z',
      ]);
      expect(await starts(feed, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'periods@rfc5545.example')).to.deep.equal([
        '2026-04-02T01:00:00Z 2026-04-02T02:00:00Z Open lab',
        '2026-04-03T02:00:00Z 2026-04-03T04:00:00Z Open lab',
        '2026-04-04T01:00:00Z 2026-04-04T04:00:00Z Open lab',
      ]);
    });

    it('adds VALUE=DATE RDATEs to an all-day rule, minus EXDATEs, an RDATE on the UNTIL day once', async () => {
      const { feed } = await load('several-rules-rdates.ics');
      expect(await starts(feed, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'all-day-rdates@rfc5545.example')).to.deep.equal([
        '2026-01-05 2026-01-06 Book sale',
        '2026-01-19 2026-01-20 Book sale',
        '2026-01-21 2026-01-22 Book sale',
      ]);
    });

    it('keeps a timed RDATE later on the day the rule stops (UNTIL)', async () => {
      const { feed } = await load('several-rules-rdates.ics');
      expect(await starts(feed, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'until-day@rfc5545.example')).to.deep.equal([
        '2026-01-05T15:00:00Z 2026-01-05T16:00:00Z Data clinic',
        '2026-01-12T15:00:00Z 2026-01-12T16:00:00Z Data clinic',
        '2026-01-19T15:00:00Z 2026-01-19T16:00:00Z Data clinic',
        '2026-01-19T19:00:00Z 2026-01-19T20:00:00Z Data clinic',
      ]);
    });

    it('applies RECURRENCE-ID;RANGE=THISANDFUTURE to that occurrence and every later one', async () => {
      const { feed } = await load('several-rules-rdates.ics');
      expect(byId(feed, 'event7@calendarserver.example#2026-02-04T18:00:00')).to.include({ thisAndFuture: true });
      // Daily at 18:00 New York time for five days; from the 4th on, at 20:00 for 90 minutes, renamed.
      expect(await starts(feed, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'event7@calendarserver.example')).to.deep.equal([
        '2026-02-02T23:00:00Z 2026-02-03T00:00:00Z event 7',
        '2026-02-03T23:00:00Z 2026-02-04T00:00:00Z event 7',
        '2026-02-05T01:00:00Z 2026-02-05T02:30:00Z event 7 changed',
        '2026-02-06T01:00:00Z 2026-02-06T02:30:00Z event 7 changed',
        '2026-02-07T01:00:00Z 2026-02-07T02:30:00Z event 7 changed',
      ]);
      // A window that starts after the change still sees it.
      expect(await starts(feed, '2026-02-06T12:00:00Z', '2026-03-01T00:00:00Z', 'event7@calendarserver.example')).to.deep.equal([
        '2026-02-07T01:00:00Z 2026-02-07T02:30:00Z event 7 changed',
      ]);
    });

    it('applies a THISANDFUTURE change whose RECURRENCE-ID names no start to the later starts only', async () => {
      const { feed } = await load('range-not-on-a-start.ics');
      // One event a day, every other day at 12:00 UTC, and the RDATE on the 24th.
      expect(await starts(feed, '2024-09-09T00:00:00Z', '2024-09-27T00:00:00Z')).to.deep.equal([
        '2024-09-09T12:00:00Z 2024-09-09T14:00:00Z ORIGINAL EVENT',
        '2024-09-11T12:00:00Z 2024-09-11T14:00:00Z ORIGINAL EVENT',
        '2024-09-13T12:00:00Z 2024-09-13T19:00:00Z MODIFIED EVENT',
        '2024-09-15T12:00:00Z 2024-09-15T19:00:00Z MODIFIED EVENT',
        '2024-09-17T12:00:00Z 2024-09-17T19:00:00Z MODIFIED EVENT',
        '2024-09-19T12:00:00Z 2024-09-19T19:00:00Z MODIFIED EVENT',
        '2024-09-21T12:00:00Z 2024-09-21T19:00:00Z MODIFIED EVENT',
        '2024-09-23T12:00:00Z 2024-09-23T19:00:00Z EDITED EVENT',
        '2024-09-24T09:00:00Z 2024-09-24T16:00:00Z EDITED EVENT',
        '2024-09-25T12:00:00Z 2024-09-25T19:00:00Z EDITED EVENT',
      ]);
    });

    it('keeps events without UID under stable made-up ids, and says so', async () => {
      const first = await load('versions-and-dates.ics');
      const again = await load('versions-and-dates.ics');
      const ids = first.feed.events.filter((e) => e.id.startsWith('no-uid-')).map((e) => e.id);
      expect(ids).to.have.length(2);
      expect(new Set(ids).size, 'two identical events keep two ids').to.equal(2);
      expect(again.feed.events.filter((e) => e.id.startsWith('no-uid-')).map((e) => e.id)).to.deep.equal(ids);
      expect(first.skipped.filter((s) => s.kept && /no UID/.test(s.reason)).map((s) => s.id)).to.deep.equal(ids);
    });

    it('keeps an event without SUMMARY as untitled ("" in the feed)', async () => {
      const { feed } = await load('versions-and-dates.ics');
      expect(byId(feed, 'no-summary@example').title).to.equal('');
    });

    it('reads dates written without VALUE=DATE, in DTSTART and RECURRENCE-ID', async () => {
      const { feed } = await load('versions-and-dates.ics');
      expect(byId(feed, 'bare-dates@example')).to.include({ start: '2020-09-07', end: '2020-09-08' });
      expect(await starts(feed, '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 'bare-dates@example')).to.deep.equal([
        '2020-09-07 2020-09-08 Story time',
        '2020-09-15 2020-09-16 Story time (moved)',
        '2020-09-21 2020-09-22 Story time',
      ]);
    });

    it('shows the newest version of a re-sent event: SEQUENCE first, then DTSTAMP, then LAST-MODIFIED', async () => {
      const { feed, skipped } = await load('versions-and-dates.ics');
      expect(byId(feed, 'updated@example')).to.include({ title: 'Budget night', start: '2026-03-02T17:00:00Z' });
      expect(byId(feed, 'stamped@example')).to.include({ title: 'Map walk (rescheduled)', start: '2026-03-20T17:00:00Z' });
      expect(byId(feed, 'modified@example')).to.include({ title: 'Zine night (room 2)' });
      const older = skipped.filter((s) => /older version/.test(s.reason));
      expect(older.map((s) => [s.index, s.id])).to.deep.equal([
        [5, 'updated@example'],
        [7, 'updated@example'],
        [9, 'stamped@example'],
        [13, 'modified@example'],
      ]);
      expect(older.every((s) => !s.kept)).to.equal(true);
    });

    it('keeps the first of two identical copies and names the second', async () => {
      const copy = 'BEGIN:VEVENT\r\nUID:twice\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T170000Z\r\nSUMMARY:Twice\r\nEND:VEVENT\r\n';
      const raw = await read(`BEGIN:VCALENDAR\r\n${copy}${copy}END:VCALENDAR\r\n`);
      const { feed, skipped } = normalizeFeed(raw.document, raw.skipped);
      expect(feed.events.map((e) => e.id)).to.deep.equal(['twice']);
      expect(skipped).to.deep.equal([
        { list: 'events', index: 1, id: 'twice', reason: 'the same event again (same UID, SEQUENCE and DTSTAMP): the first copy is shown' },
      ]);
    });

    it('gives an all-day start with a timed end the days up to that end', async () => {
      const { feed } = await load('versions-and-dates.ics');
      expect(byId(feed, 'lotus@example')).to.include({ start: '2026-05-01', end: '2026-05-04' });
      const midnight = await read(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTART;VALUE=DATE:20260501\r\nDTEND:20260503T000000\r\nSUMMARY:m\r\nEND:VEVENT\r\nEND:VCALENDAR',
      );
      expect((midnight.document.events as CivicEvent[])[0]).to.include({ start: '2026-05-01', end: '2026-05-03' });
    });

    it('swaps a DTEND written before DTSTART, with a warning', async () => {
      const { feed, skipped } = await load('versions-and-dates.ics');
      expect(byId(feed, 'backwards@example')).to.include({ start: '2026-06-01T17:00:00Z', end: '2026-06-01T19:00:00Z' });
      expect(skipped).to.deep.include({
        list: 'events',
        index: 11,
        id: 'backwards@example',
        reason: 'DTEND is before DTSTART: the two were swapped',
        kept: true,
      });
      // 20:00 in Tokyo is 11:00 UTC: an end at 12:00 UTC is after it, whatever the clock faces say.
      const zoned = await read(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:t\r\nDTSTART;TZID=Asia/Tokyo:20260301T200000\r\nDTEND:20260301T120000Z\r\nSUMMARY:t\r\nEND:VEVENT\r\nEND:VCALENDAR',
      );
      expect(zoned.skipped).to.deep.equal([]);
      expect((zoned.document.events as CivicEvent[])[0]).to.include({ start: '2026-03-01T20:00:00', end: '2026-03-01T12:00:00Z' });
    });
  });

  describe('broken files', () => {
    it('refuses what is not a calendar, with a clear Error', async () => {
      for (const text of [await fixture('garbage.ics'), '', '{"version":"1","events":[]}', 'BEGIN:VEVENT\nEND:VEVENT']) {
        const error = await failure(read(text));
        expect(error, JSON.stringify(text.slice(0, 30))).to.be.instanceOf(Error);
        expect((error as Error).message).to.match(/^not an iCalendar file/);
      }
    });

    it('skips an event without DTSTART; keeps one without UID (with a warning) or SUMMARY (untitled)', async () => {
      const { feed, skipped } = await load('missing-fields.ics');
      const madeUp = feed.events[0]!.id;
      expect(madeUp).to.match(/^no-uid-[0-9a-f]{8}-0$/);
      expect(skipped).to.deep.equal([
        { list: 'events', index: 0, id: madeUp, reason: 'no UID: id made up from DTSTART, SUMMARY and position', kept: true },
        { list: 'events', index: 1, id: 'no-start', reason: 'no DTSTART' },
      ]);
      expect(feed.events.map((e) => [e.id, e.title])).to.deep.equal([
        [madeUp, 'No UID'],
        ['no-summary', ''],
        ['ok', 'Has everything it needs'],
      ]);
    });

    it('keeps the complete events of a truncated download and reports the cut-off one', async () => {
      const { feed, skipped } = await load('truncated.ics');
      expect(feed.events.map((e) => e.id)).to.deep.equal(['complete-1', 'complete-2']);
      expect(skipped).to.deep.equal([{ list: 'events', index: 2, id: 'cut-off', reason: 'the VEVENT is cut off (no END:VEVENT)' }]);
    });

    it('survives a missing END:VEVENT and a missing END:VCALENDAR', async () => {
      const { feed, skipped } = await load('missing-end.ics');
      expect(feed.events.map((e) => e.id)).to.deep.equal(['fine-2', 'fine-3']);
      expect(skipped).to.have.length(1);
      expect(skipped[0]).to.include({ index: 0, id: 'no-end-1' });
    });

    it('drops junk lines and unreadable values, keeping the rest of the event', async () => {
      const { feed, skipped } = await load('junk-inside.ics');
      expect(feed.events).to.have.length(1);
      expect(feed.events[0]).to.deep.equal({ id: 'survivor', title: 'Survives the junk', start: '2026-06-01T17:00:00Z' });
      expect(skipped).to.deep.equal([{ list: 'events', index: 1, id: 'bad-start', reason: 'DTSTART is not a valid date or date-time' }]);
    });

    it('reads a file whose RRULE ical.js refuses: that event loses its rule, the others are untouched', async () => {
      const { feed, skipped } = await load('bad-rrule.ics');
      expect(skipped).to.deep.equal([]);
      expect(feed.events.map((e) => e.id)).to.deep.equal(['before', 'bad-rule', 'after']);
      expect(byId(feed, 'bad-rule').rrule).to.equal(undefined);
    });

    it('passes hostile rules through; expanding them stays bounded', async () => {
      const { feed } = await load('hostile-rules.ics');
      expect(feed.events).to.have.length(5);
      const started = performance.now();
      const occurrences = await expandOccurrences(feed.events, {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
        timeZone: 'America/New_York',
        feedTimeZone: feed.timezone,
        limit: Infinity,
      });
      expect(performance.now() - started).to.be.below(8000);
      const count = (id: string) => occurrences.filter((o) => o.event.id === id).length;
      expect(count('huge-count')).to.equal(52); // every Tuesday of 2026 from January 6th
      expect(count('secondly')).to.equal(50_000); // stopped by the per-series cap
      expect(count('impossible')).to.equal(1); // only DTSTART, which always counts
      expect(count('minutely-impossible')).to.equal(1);
      expect(count('never-yearly')).to.be.at.most(1);
    });
  });

  describe('properties', () => {
    const names = ['google-export.ics', 'outlook.ics', 'rfc5545-examples.ics', 'folded-escaped.ics', 'all-day.ics'];
    let samples: string[] = [];
    before(async () => {
      samples = await Promise.all(names.map(fixture));
    });

    /** Every adapter call either resolves to something the normalizer accepts or rejects with an Error. */
    async function survives(text: string): Promise<void> {
      let result: AdapterResult;
      try {
        result = await read(text);
      } catch (error) {
        expect(error).to.be.instanceOf(Error);
        expect((error as Error).message).to.be.a('string').and.not.equal('');
        return;
      }
      const { feed } = normalizeFeed(result.document, result.skipped);
      for (const event of feed.events) {
        expect(event.id).to.be.a('string');
        expect(event.title).to.be.a('string');
        expect(event.start).to.be.a('string');
      }
    }

    it('a series is exactly the union of its RRULEs and RDATEs minus its EXDATEs (RFC 5545 3.8.5)', async () => {
      const DAY = 86_400_000;
      const start = Date.UTC(2026, 0, 5, 15, 0);
      const basic = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
      const rule = fc.record({ interval: fc.integer({ min: 1, max: 5 }), count: fc.integer({ min: 1, max: 12 }) });
      const offset = fc.integer({ min: 0, max: 60 }).map((days) => start + days * DAY + (days % 3) * 3_600_000);
      await fc.assert(
        fc.asyncProperty(
          fc.array(rule, { minLength: 1, maxLength: 3 }),
          fc.array(offset, { maxLength: 6 }),
          fc.array(fc.nat(), { maxLength: 4 }),
          async (rules, rdates, picks) => {
            const generated = new Set<number>();
            for (const { interval, count } of rules) {
              for (let i = 0; i < count; i++) generated.add(start + i * interval * DAY);
            }
            for (const rdate of rdates) generated.add(rdate);
            const all = [...generated].sort((a, b) => a - b);
            // EXDATEs picked among the starts, so some really remove something.
            const exdates = [...new Set(picks.map((n) => all[n % all.length]!))];
            const text = [
              'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:u', 'SUMMARY:s', `DTSTART:${basic(start)}`, 'DURATION:PT1H',
              ...rules.map((r) => `RRULE:FREQ=DAILY;INTERVAL=${r.interval};COUNT=${r.count}`),
              ...(rdates.length ? [`RDATE:${rdates.map(basic).join(',')}`] : []),
              ...(exdates.length ? [`EXDATE:${exdates.map(basic).join(',')}`] : []),
              'END:VEVENT', 'END:VCALENDAR',
            ].join('\r\n');
            const result = await read(text);
            const { feed } = normalizeFeed(result.document, result.skipped);
            const occurrences = await expandOccurrences(feed.events, {
              from: new Date('2026-01-01T00:00:00Z'),
              to: new Date('2027-01-01T00:00:00Z'),
              timeZone: 'UTC',
            });
            expect(occurrences.map((o) => o.startMs)).to.deep.equal(all.filter((ms) => !exdates.includes(ms)));
            expect(occurrences.every((o) => o.endMs - o.startMs === 3_600_000)).to.equal(true);
          },
        ),
        { numRuns: 100 },
      );
    });

    it('a THISANDFUTURE change moves and renames exactly the occurrences from its own on', async () => {
      const DAY = 86_400_000;
      const start = Date.UTC(2026, 2, 2, 15, 0);
      const basic = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 10 }), fc.nat(), fc.integer({ min: -30, max: 30 }), async (count, pick, hours) => {
          const k = pick % count;
          const at = start + k * DAY;
          const text = [
            'BEGIN:VCALENDAR',
            'BEGIN:VEVENT', 'UID:u', 'SUMMARY:before', `DTSTART:${basic(start)}`, 'DURATION:PT1H', `RRULE:FREQ=DAILY;COUNT=${count}`, 'END:VEVENT',
            'BEGIN:VEVENT', 'UID:u', 'SUMMARY:after', `RECURRENCE-ID;RANGE=THISANDFUTURE:${basic(at)}`,
            `DTSTART:${basic(at + hours * 3_600_000)}`, 'DURATION:PT2H', 'END:VEVENT',
            'END:VCALENDAR',
          ].join('\r\n');
          const result = await read(text);
          const { feed } = normalizeFeed(result.document, result.skipped);
          const occurrences = await expandOccurrences(feed.events, {
            from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC',
          });
          const expected = Array.from({ length: count }, (_, i) =>
            i < k ? `${start + i * DAY} 1 before` : `${start + i * DAY + hours * 3_600_000} 2 after`,
          ).sort();
          expect(occurrences.map((o) => `${o.startMs} ${(o.endMs - o.startMs) / 3_600_000} ${o.event.title}`).sort()).to.deep.equal(expected);
        }),
        { numRuns: 100 },
      );
    });

    it('of several versions of one event, the highest SEQUENCE is shown, wherever it stands in the file', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), async (sequences) => {
          const versions = sequences.map(
            (n) => `BEGIN:VEVENT\r\nUID:v\r\nSEQUENCE:${n}\r\nDTSTART:20260105T170000Z\r\nSUMMARY:version ${n}\r\nEND:VEVENT`,
          );
          const result = await read(['BEGIN:VCALENDAR', ...versions, 'END:VCALENDAR'].join('\r\n'));
          const { feed, skipped } = normalizeFeed(result.document, result.skipped);
          expect(feed.events.map((e) => e.title)).to.deep.equal([`version ${Math.max(...sequences)}`]);
          expect(skipped).to.have.length(sequences.length - 1);
        }),
        { numRuns: 100 },
      );
    });

    it('random text after BEGIN:VCALENDAR never throws anything but an Error', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 400 }), async (junk) => survives(`BEGIN:VCALENDAR\r\n${junk}`)),
        { numRuns: 300 },
      );
    });

    it('random content lines built from iCalendar pieces never throw anything but an Error', async () => {
      const piece = fc.constantFrom(
        'BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE', 'BEGIN:VALARM', 'END:VALARM', 'END:VCALENDAR',
        'UID:x', 'UID:y', 'SUMMARY:Hello', 'DTSTART:20260101T100000Z', 'DTSTART;VALUE=DATE:20260101',
        'DTSTART;TZID=America/New_York:20260101T100000', 'DTSTART;TZID=Nowhere:20260101T100000', 'DTEND:20250101',
        'RRULE:FREQ=WEEKLY;COUNT=3', 'RRULE:FREQ=NOPE', 'RRULE:', 'EXDATE:20260108T100000Z,bad', 'DURATION:PT1H',
        'DURATION:nonsense', 'RECURRENCE-ID:20260108T100000Z', 'GEO:1;2', 'GEO:;', 'CATEGORIES:,,', 'TZID:Nowhere',
        'STATUS:CANCELLED', ' folded', '\tfolded', ':', ';', '\\', 'X-WR-CALNAME:\\', 'ORGANIZER;CN=":mailto:',
      );
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(piece, fc.string({ maxLength: 30 })), { maxLength: 40 }), async (lines) =>
          survives(['BEGIN:VCALENDAR', ...lines].join('\r\n')),
        ),
        { numRuns: 300 },
      );
    });

    it('any truncation of a valid file never throws anything but an Error', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: names.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (i, cut) => {
          const text = samples[i]!;
          await survives(text.slice(0, Math.floor(text.length * cut)));
        }),
        { numRuns: 300 },
      );
    });

    it('any shuffle of a valid file’s lines never throws anything but an Error', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: names.length - 1 }), fc.integer(), async (i, seed) => {
          const lines = samples[i]!.split(/\r?\n/);
          await survives(['BEGIN:VCALENDAR', ...shuffle(lines, seed)].join('\r\n'));
        }),
        { numRuns: 200 },
      );
    });

    it('expanding whatever survives stays bounded', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: names.length - 1 }), fc.integer(), async (i, seed) => {
          const lines = samples[i]!.split(/\r?\n/);
          let result: AdapterResult;
          try {
            result = await read(['BEGIN:VCALENDAR', ...shuffle(lines, seed)].join('\r\n'));
          } catch {
            return;
          }
          const { feed } = normalizeFeed(result.document, result.skipped);
          const occurrences = await expandOccurrences(feed.events, {
            from: new Date('1990-01-01T00:00:00Z'),
            to: new Date('2030-01-01T00:00:00Z'),
            timeZone: 'UTC',
            feedTimeZone: feed.timezone,
          });
          expect(occurrences.length).to.be.at.most(10_000);
        }),
        { numRuns: 60 },
      );
    });
  });
});

/** A deterministic Fisher–Yates shuffle, so a failing case replays from its seed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
