import { expect } from 'chai';
import { buildSampleFeed, DATA_DAY_ID, SAMPLE_TIMEZONE } from '../../examples/sample-feed.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { CivicEvent } from '../../src/feed/types.js';

/** The library's calendar day at `moment`, `YYYY-MM-DD`. */
function libraryDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: SAMPLE_TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Day of the week of a `YYYY-MM-DD…` date: 0 = Sunday. */
function weekday(value: string): number {
  return new Date(`${value.slice(0, 10)}T12:00:00Z`).getUTCDay();
}

/** True when the date is the `n`th (or, for -1, the last) of its weekday in its month. */
function isNthWeekday(value: string, n: number): boolean {
  const day = Number(value.slice(8, 10));
  const month = new Date(`${value.slice(0, 7)}-01T12:00:00Z`);
  const daysInMonth = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  return n === -1 ? day + 7 > daysInMonth : Math.ceil(day / 7) === n;
}

const WEEKDAYS: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** True when `start` is an occurrence of a MONTHLY;BYDAY=nXX or WEEKLY;BYDAY=XX rule. */
function matchesRule(rrule: string, start: string): boolean {
  const byday = /BYDAY=(-?\d)?([A-Z]{2})/.exec(rrule);
  if (!byday) return false;
  const [, nth, code] = byday;
  if (weekday(start) !== WEEKDAYS[code!]) return false;
  return nth === undefined || isNthWeekday(start, Number(nth));
}

// Moments chosen to catch off-by-one days: the evening of a Wednesday in New York (already
// Thursday in UTC), a leap day, the last day of a year, both daylight-saving changes.
const MOMENTS = [
  new Date(),
  new Date('2026-03-04T23:30:00-05:00'),
  new Date('2028-02-29T09:00:00-05:00'),
  new Date('2026-12-31T22:00:00-05:00'),
  new Date('2026-03-08T03:30:00-04:00'),
  new Date('2026-11-01T01:30:00-05:00'),
  new Date('2027-01-26T00:05:00-05:00'),
];

describe('the bundled sample feed', () => {
  it('passes the normalizer with nothing skipped', () => {
    for (const moment of MOMENTS) {
      const { feed, skipped } = normalizeFeed(buildSampleFeed(moment));
      expect(skipped, `skipped for ${moment.toISOString()}`).to.deep.equal([]);
      expect(feed.timezone).to.equal('America/New_York');
      expect(feed.title).to.equal('Riverside Public Library: Civic Data');
      expect(feed.events.length).to.be.greaterThan(10);
      expect(feed.groups).to.have.length(5);
      expect(feed.resources).to.have.length(8);
      expect(feed.places).to.have.length(7);
    }
  });

  it('keeps every field it writes (nothing dropped as doubtful)', () => {
    const raw = buildSampleFeed(MOMENTS[1]);
    const { feed } = normalizeFeed(raw, [], { base: 'https://riversidelibrary.example/sample-feed.json' });
    raw.events.forEach((event, i) => expect(Object.keys(feed.events[i]!)).to.have.members(Object.keys(event)));
    raw.groups.forEach((group, i) => expect(Object.keys(feed.groups[i]!)).to.have.members(Object.keys(group)));
    raw.resources.forEach((r, i) => expect(Object.keys(feed.resources[i]!)).to.have.members(Object.keys(r)));
    raw.places.forEach((place, i) => expect(Object.keys(feed.places[i]!)).to.have.members(Object.keys(place)));
  });

  it('puts every event, and every occurrence override, after the day it is built for', () => {
    for (const moment of MOMENTS) {
      const today = libraryDay(moment);
      for (const event of buildSampleFeed(moment).events) {
        expect(event.start.slice(0, 10) > today, `${event.id} starts ${event.start}, today is ${today}`).to.equal(true);
        if (event.recurrenceId) expect(event.recurrenceId.slice(0, 10) > today, event.id).to.equal(true);
      }
    }
  });

  it('starts each series on an occurrence of its own rule, and overrides name real occurrences', () => {
    for (const moment of MOMENTS) {
      const events = buildSampleFeed(moment).events;
      const series = new Map(events.filter((e) => e.rrule).map((e) => [e.id, e]));
      expect([...series.keys()]).to.have.members([
        'housing-data-user-group',
        'environmental-data-user-group',
        'data-literacy-workshops',
        'open-data-book-club',
      ]);
      for (const event of series.values()) {
        expect(matchesRule(event.rrule!, event.start), `${event.id} ${event.rrule} ${event.start}`).to.equal(true);
      }
      for (const entry of events.filter((e) => e.seriesId)) {
        const master = series.get(entry.seriesId!);
        expect(master, entry.id).to.not.equal(undefined);
        expect(matchesRule(master!.rrule!, entry.recurrenceId!), entry.id).to.equal(true);
        expect(entry.recurrenceId!.slice(10)).to.equal(master!.start.slice(10));
      }
    }
  });

  it('holds the Data Day on a Saturday about three weeks ahead, with a waitlist and a track question', () => {
    for (const moment of MOMENTS) {
      const dataDay = buildSampleFeed(moment).events.find((e) => e.id === DATA_DAY_ID)!;
      const ahead = daysBetween(libraryDay(moment), dataDay.start.slice(0, 10));
      expect(weekday(dataDay.start)).to.equal(6);
      expect(ahead).to.be.within(18, 24);
      expect(dataDay.start.slice(11)).to.equal('10:00:00');
      expect(dataDay.end?.slice(11)).to.equal('16:00:00');
      expect(dataDay).to.include({ capacity: 120, registered: 87, waitlist: true, cost: 'free' });
      expect(dataDay.rsvp).to.deep.equal({
        endpoint: '/api/rsvp',
        questions: [
          {
            id: 'track',
            label: 'Which track?',
            type: 'radio',
            required: true,
            options: ['Beginners', 'Mapping', 'Housing', 'Environment'],
          },
        ],
      });
    }
  });

  it('has the other events of the programme as sample-content.md describes them', () => {
    const moment = MOMENTS[1]!;
    const events = buildSampleFeed(moment).events;
    const byId = (id: string): CivicEvent => events.find((e) => e.id === id)!;

    const hackathon = byId('open-data-hackathon');
    expect(hackathon.start).to.match(/^\d{4}-\d\d-\d\d$/);
    expect(weekday(hackathon.start)).to.equal(6);
    expect(daysBetween(hackathon.start, hackathon.end!)).to.equal(2); // exclusive end: Saturday and Sunday
    expect(daysBetween(libraryDay(moment), hackathon.start)).to.be.within(39, 45);
    expect(hackathon.accessibility).to.include.members(['wheelchair', 'quiet-room', 'childcare']);
    expect(hackathon.topics).to.include.members(['transit', 'housing']);

    const overrides = events.filter((e) => e.seriesId === 'housing-data-user-group');
    expect(byId('housing-data-user-group')).to.include({ rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=8', groupId: 'housing' });
    expect(overrides.map((e) => e.status)).to.have.members(['rescheduled', 'cancelled']);
    const moved = overrides.find((e) => e.status === 'rescheduled')!;
    expect(daysBetween(moved.recurrenceId!.slice(0, 10), moved.start.slice(0, 10))).to.equal(7);

    const environment = byId('environmental-data-user-group');
    expect(environment.onlineUrl).to.match(/^https:/);
    expect(environment.languages).to.deep.equal(['en', 'es']);

    const sessions = events.filter((e) => e.seriesId === 'data-literacy-workshops');
    expect(sessions.map((e) => e.title)).to.deep.equal([
      'Data literacy: Finding open data',
      'Data literacy: Spreadsheets',
      'Data literacy: Charts that tell the truth',
      'Data literacy: Maps',
      'Data literacy: Asking data questions',
      'Data literacy: Sharing what you found',
    ]);

    expect(byId('open-data-book-club').rrule).to.equal('FREQ=MONTHLY;BYDAY=-1TH;COUNT=6');
    expect(byId('taller-datos-abiertos').languages).to.deep.equal(['es']);
    for (const id of ['data-walk-neighborhood-indicators', 'discotech', 'community-data-dialogue']) {
      expect(byId(id), id).to.not.equal(undefined);
    }
  });

  it('lists the five real resources and the seven real places with their real links', () => {
    const feed = buildSampleFeed();
    expect(feed.resources.map((r) => r.url)).to.include.members([
      'https://alliedmedia.org/ddjc/discotech',
      'https://communities.sunlightfoundation.com/action/data-dialogues/',
      'https://www.urban.org/research/publication/data-walks-innovative-way-share-data-communities',
      'http://static.schlosser.io/hackcon.pdf',
      'https://www.livingcities.org/blog/1226-pittsburgh-s-data-day-using-civic-data-to-spark-hands-on-community-engagement',
    ]);
    const dataWalks = feed.resources.find((r) => r.id === 'urban-data-walks')!;
    expect(dataWalks).to.include({
      author: 'Brittany Murray, Elsa Falkenburger, Priya Saxena',
      publisher: 'Urban Institute',
      published: '2016-06-04',
      type: 'report',
    });
    expect(feed.places.map((p) => [p.url, p.lat, p.lon])).to.deep.equal([
      ['https://www.livingcities.org/blog/1226-pittsburgh-s-data-day-using-civic-data-to-spark-hands-on-community-engagement', 40.4406, -79.9959],
      ['https://www.open-data.nyc', 40.7128, -74.006],
      ['https://chapelhillpubliclibrary.org/eventscalendar/open-data-hackathon/', 35.9132, -79.0558],
      ['https://opendataottawa.tumblr.com/post/97848763391/open-data-book-club', 45.4215, -75.6972],
      ['https://www.datadayscle.org/', 41.4993, -81.6944],
      ['https://bniajfi.org/data_day/', 39.2904, -76.6122],
      ['https://alliedmedia.org/ddjc/discotech', 42.3314, -83.0458],
    ]);
  });

  it("marks one of the library's own resources as added in the last 30 days", () => {
    const moment = MOMENTS[1]!;
    const today = libraryDay(moment);
    const recent = buildSampleFeed(moment).resources.filter((r) => daysBetween(r.added!, today) <= 30);
    expect(recent.map((r) => r.id)).to.deep.equal(['rpl-data-day-recipe']);
  });
});
