import { expect } from 'chai';
import ICAL from 'ical.js';
import {
  escapeText, foldLine, googleCalendarUrl, icsFileName, occurrenceIcs, outlookCalendarUrl, seriesIcs,
} from '../../src/shared/add-to-calendar.js';
import { expandOccurrences, type Occurrence } from '../../src/feed/occurrences.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { CivicEvent } from '../../src/feed/types.js';
import { marchFeed } from './fixtures.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const encoder = new TextEncoder();

function feedEvents(): CivicEvent[] {
  return normalizeFeed(marchFeed()).feed.events;
}

async function occurrencesOf(events: CivicEvent[], timeZone = 'America/New_York'): Promise<Occurrence[]> {
  return expandOccurrences(events, { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-02T00:00:00Z'), timeZone, feedTimeZone: 'America/New_York' });
}

/** Every line ends in CRLF and is at most 75 octets; unfolding gives back the logical lines. */
function expectWellFormed(text: string): void {
  expect(text.endsWith('\r\n')).to.equal(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(encoder.encode(line).length, line).to.be.at.most(75);
  expect(text.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
}

function vevents(text: string): InstanceType<typeof ICAL.Component>[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

describe('add to calendar', () => {
  it('escapes TEXT values and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
    const line = `SUMMARY:${'é'.repeat(60)}${'数据'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(line);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(encoder.encode(folded))).to.equal(folded);
  });

  it('writes one occurrence as valid iCalendar that reads back the same', async () => {
    const events = feedEvents();
    const dataDay = (await occurrencesOf(events)).find((o) => o.event.id === 'data-day')!;
    const text = occurrenceIcs(dataDay, { now: NOW, uidDomain: 'riverside.example.org' });
    expectWellFormed(text);
    const [event] = vevents(text);
    const read = new ICAL.Event(event);
    expect(read.summary).to.equal('Riverside Data Day');
    expect(read.startDate.toJSDate().toISOString()).to.equal('2026-03-28T14:00:00.000Z');
    expect(read.endDate.toJSDate().toISOString()).to.equal('2026-03-28T20:00:00.000Z');
    expect(read.location).to.equal('Main Library, 100 Main St, Riverside, NY');
    expect(read.description).to.equal('Talks, workshops and a data fair.\n\nBring a laptop.\n\nhttps://riverside.example.org/events/data-day');
    expect(event!.getFirstPropertyValue('geo')).to.deep.equal([40.7128, -74.006]);
    expect(event!.getFirstPropertyValue('uid')).to.match(/^data-day-20260328T140000Z@riverside\.example\.org$/);
    expect(String(event!.getFirstPropertyValue('organizer'))).to.equal('mailto:ref@riverside.example.org');
    expect(String(event!.getFirstPropertyValue('dtstamp'))).to.equal('2026-03-01T12:00:00Z');
  });

  it('writes all-day occurrences as dates with the exclusive end, and cancelled ones as CANCELLED', async () => {
    const occurrences = await occurrencesOf(feedEvents());
    const weekend = occurrences.find((o) => o.event.id === 'data-days')!;
    const read = new ICAL.Event(vevents(occurrenceIcs(weekend, { now: NOW }))[0]);
    expect(read.startDate.isDate).to.equal(true);
    expect(read.startDate.toString()).to.equal('2026-03-13');
    expect(read.endDate.toString()).to.equal('2026-03-15');
    const census = occurrences.find((o) => o.event.id === 'census')!;
    expect(vevents(occurrenceIcs(census, { now: NOW }))[0]!.getFirstPropertyValue('status')).to.equal('CANCELLED');
  });

  it('keeps hostile text as text: commas, semicolons, newlines and markup survive the round trip', async () => {
    const [o] = await occurrencesOf(
      normalizeFeed({ version: '1', events: [{ id: 'x;y,z', title: 'A, B; C\\D <b>E</b>', description: 'one\ntwo; three, four', start: '2026-03-05T10:00:00Z' }] }).feed.events,
    );
    const text = occurrenceIcs(o!, { now: NOW });
    expectWellFormed(text);
    const read = new ICAL.Event(vevents(text)[0]);
    expect(read.summary).to.equal('A, B; C\\D E');
    expect(read.description).to.equal('one\ntwo; three, four');
    expect(read.uid).to.match(/^x-y-z-/);
    // A zero-length event has no DTEND: it ends when it starts.
    expect(text).to.not.include('DTEND');
  });

  it('writes a series with its rule, exceptions, moved occurrence and time zone', async () => {
    const events = feedEvents();
    const master = events.find((e) => e.id === 'office-hours')!;
    const text = seriesIcs(master, events, { now: NOW, feedTimeZone: 'America/New_York' });
    expectWellFormed(text);
    expect(text).to.include('DTSTART;TZID=America/New_York:20260303T183000');
    expect(text).to.include('EXDATE;TZID=America/New_York:20260317T183000');
    expect(text).to.include('RECURRENCE-ID;TZID=America/New_York:20260324T183000');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(zone, 'America/New_York');
    try {
      const [main, moved] = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      main!.relateException(moved!);
      const starts: string[] = [];
      const iterator = main!.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        starts.push(main!.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
      }
      // 18:30 in New York on the 3rd (EST) and the 10th and 31st (EDT); the 17th removed, the 24th moved to Thursday 17:00.
      expect(starts).to.deep.equal([
        '2026-03-03T23:30:00.000Z',
        '2026-03-10T22:30:00.000Z',
        '2026-03-26T21:00:00.000Z',
        '2026-03-31T22:30:00.000Z',
      ]);
    } finally {
      ICAL.TimezoneService.remove('America/New_York');
    }
  });

  it('agrees with the feed layer’s occurrences for a series', async () => {
    const events = feedEvents();
    const expected = (await occurrencesOf(events, 'UTC')).filter((o) => o.seriesId === 'office-hours').map((o) => new Date(o.startMs).toISOString());
    expect(expected).to.have.length(4);
    const text = seriesIcs(events.find((e) => e.id === 'office-hours')!, events, { now: NOW, feedTimeZone: 'America/New_York' });
    expect(text.match(/BEGIN:VEVENT/g)).to.have.length(2);
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)!.length).to.be.greaterThan(2);
  });

  it('writes every rule, the RDATEs, a THISANDFUTURE change and an untitled event, as they read back', async () => {
    const { feed } = normalizeFeed({
      version: '1',
      events: [
        {
          id: 'lab', title: '', start: '2026-03-02T11:00:00', end: '2026-03-02T12:00:00', timezone: 'America/New_York',
          rrules: ['FREQ=WEEKLY;COUNT=3', 'FREQ=MONTHLY;BYMONTHDAY=20;COUNT=1'],
          rdates: ['2026-03-05T15:00:00', '2026-03-06T14:00:00Z/2026-03-06T17:00:00Z'],
        },
        {
          id: 'lab-later', title: 'Lab (new room)', start: '2026-03-09T13:00:00', timezone: 'America/New_York',
          recurrenceId: '2026-03-09T11:00:00', seriesId: 'lab', thisAndFuture: true,
        },
      ],
    });
    const text = seriesIcs(feed.events[0]!, feed.events, { now: NOW, untitled: 'Untitled event' });
    expectWellFormed(text);
    const [master, override] = vevents(text);
    expect(master!.getAllProperties('rrule').map((p) => String(p.getFirstValue()))).to.deep.equal([
      'FREQ=WEEKLY;COUNT=3', 'FREQ=MONTHLY;COUNT=1;BYMONTHDAY=20',
    ]);
    expect(text).to.include('RDATE;TZID=America/New_York:20260305T150000\r\n');
    expect(text).to.include('RDATE;VALUE=PERIOD:20260306T140000Z/20260306T170000Z\r\n');
    expect(master!.getFirstPropertyValue('summary')).to.equal('Untitled event');
    expect(override!.getFirstProperty('recurrence-id')!.getParameter('range')).to.equal('THISANDFUTURE');
    expect(icsFileName(feed.events[0]!, 'Untitled event')).to.equal('untitled-event.ics');
  });

  it('builds Google Calendar and Outlook links, nothing loaded', async () => {
    const occurrences = await occurrencesOf(feedEvents());
    const dataDay = occurrences.find((o) => o.event.id === 'data-day')!;
    const google = new URL(googleCalendarUrl(dataDay));
    expect(google.origin).to.equal('https://calendar.google.com');
    expect(google.searchParams.get('text')).to.equal('Riverside Data Day');
    expect(google.searchParams.get('dates')).to.equal('20260328T140000Z/20260328T200000Z');
    expect(google.searchParams.get('location')).to.equal('Main Library, 100 Main St, Riverside, NY');
    const weekend = occurrences.find((o) => o.event.id === 'data-days')!;
    expect(new URL(googleCalendarUrl(weekend)).searchParams.get('dates')).to.equal('20260313/20260315');
    const outlook = new URL(outlookCalendarUrl(dataDay));
    expect(outlook.origin).to.equal('https://outlook.live.com');
    expect(outlook.searchParams.get('subject')).to.equal('Riverside Data Day');
    expect(outlook.searchParams.get('startdt')).to.equal('2026-03-28T14:00:00Z');
    expect(outlook.searchParams.get('allday')).to.equal('false');
    expect(new URL(outlookCalendarUrl(weekend)).searchParams.get('enddt')).to.equal('2026-03-15');
    expect(icsFileName(dataDay.event)).to.equal('riverside-data-day.ics');
    expect(icsFileName({ id: 'x', title: '数据', start: '2026-03-01' })).to.equal('event.ics');
  });
});
