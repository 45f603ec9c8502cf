import { expect } from 'chai';
import fc from 'fast-check';
import type { AdapterContext, SourceText } from '../../src/feed/adapter.js';
import { jsonldAdapter, ldJsonBlocks } from '../../src/feed/adapters/jsonld.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';
import type { CivicEvent, Feed, SkippedItem } from '../../src/feed/types.js';

const PAGE = 'https://riverside.example.org/events/';

const offline: AdapterContext = {
  fetchJson: () => Promise.reject(new Error('the JSON-LD adapter never fetches')),
};

function fixture(name: string): Promise<string> {
  return fetch(new URL(`../fixtures/jsonld/${name}`, import.meta.url)).then((r) => r.text());
}

function source(text: string, contentType = ''): SourceText {
  return { text, contentType, url: PAGE };
}

/** Runs the adapter and the normalizer, as the loader does. */
async function load(text: string, contentType = ''): Promise<{ feed: Feed; skipped: SkippedItem[] }> {
  const result = await jsonldAdapter(source(text, contentType), offline);
  return normalizeFeed(result.document, result.skipped, { base: PAGE });
}

async function loadFixture(name: string): Promise<{ feed: Feed; skipped: SkippedItem[] }> {
  return load(await fixture(name), name.endsWith('.html') ? 'text/html' : 'application/ld+json');
}

function byTitle(feed: Feed, title: string): CivicEvent {
  const event = feed.events.find((e) => e.title === title);
  expect(event, `event "${title}"`).to.exist;
  return event!;
}

async function failure(text: string, contentType = ''): Promise<Error> {
  try {
    await jsonldAdapter(source(text, contentType), offline);
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('expected the adapter to throw');
}

describe('jsonld adapter', () => {
  describe('one Event object (Google’s structured-data example shape)', () => {
    it('maps every field the contract knows', async () => {
      const { feed, skipped } = await loadFixture('single-event.json');
      expect(skipped).to.deep.equal([]);
      expect(feed.events).to.deep.equal([
        {
          id: 'https://riverside.example.org/events/open-data-day-2026',
          title: 'Open Data Day at Riverside Library',
          start: '2026-03-07T10:00:00-05:00',
          end: '2026-03-07T16:00:00-05:00',
          status: 'scheduled',
          description: 'Learn to find, clean and map the city’s open data. Laptops provided.',
          url: 'https://riverside.example.org/events/open-data-day-2026',
          image: { url: 'https://riverside.example.org/photos/1x1/open-data-day.jpg' },
          attendanceMode: 'in-person',
          location: {
            name: 'Riverside Public Library, Community Room',
            address: '100 West River Dr, Riverside, PA 19019',
            lat: 40.0341,
            lon: -75.1812,
          },
          topics: ['open data', 'mapping', 'civic tech', 'transit', 'housing'],
          audience: ['beginners', 'researchers'],
          languages: ['en-US', 'es'],
          cost: 'free',
          organizer: {
            name: 'Riverside Public Library',
            email: 'civicdata@riverside.example.org',
            url: 'https://riverside.example.org/',
          },
          capacity: 40,
          registered: 28,
        },
      ]);
    });
  });

  describe('an array of events', () => {
    it('reads subtypes, @type lists, subEvents, and date-only events with an exclusive end', async () => {
      const { feed, skipped } = await loadFixture('array.json');
      expect(skipped).to.deep.equal([]);
      expect(feed.events.map((e) => e.title)).to.deep.equal([
        'Riverside Data Week',
        'Spreadsheets for Civic Data',
        'Map-a-thon: Sidewalks & Curb Cuts',
        'Budget Hack Night',
      ]);
      const festival = byTitle(feed, 'Riverside Data Week');
      expect(festival).to.include({
        id: 'https://riverside.example.org/events/data-week#festival',
        start: '2026-04-13',
      });
      expect(festival.end, 'the last day (17th) is included, so the exclusive end is the 18th').to.equal('2026-04-18');
      expect(festival.cost).to.equal('free');
      expect(festival.location).to.deep.equal({
        name: 'Riverside Public Library',
        address: '100 West River Dr, Riverside, PA 19019',
      });
    });

    it('takes the first offer’s price, normalizing currency and number formats', async () => {
      const { feed } = await loadFixture('array.json');
      expect(byTitle(feed, 'Spreadsheets for Civic Data').cost).to.deep.equal({ amount: 15, currency: 'USD' });
      expect(byTitle(feed, 'Map-a-thon: Sidewalks & Curb Cuts').cost).to.deep.equal({ amount: 5, currency: 'EUR' });
      expect(byTitle(feed, 'Budget Hack Night').cost).to.deep.equal({ amount: 1250.5, currency: 'USD' });
    });

    it('reads statuses in short form, full URLs and {"@id"} objects, and ImageObject captions', async () => {
      const { feed } = await loadFixture('array.json');
      const mapathon = byTitle(feed, 'Map-a-thon: Sidewalks & Curb Cuts');
      expect(mapathon.status).to.equal('postponed');
      expect(mapathon.end).to.equal('2026-05-03');
      expect(mapathon.image).to.deep.equal({
        url: 'https://riverside.example.org/img/mapathon.png',
        alt: 'Volunteers mapping curb cuts',
      });
      expect(byTitle(feed, 'Budget Hack Night').status).to.equal('rescheduled');
    });
  });

  describe('an @graph', () => {
    it('follows @id references to places and keeps the first organizer', async () => {
      const { feed } = await loadFixture('graph.json');
      const budget = byTitle(feed, 'Reading the City Budget');
      expect(budget.location).to.deep.equal({
        name: 'Riverside Public Library',
        address: '100 West River Dr, Riverside, PA 19019',
        lat: 40.0341,
        lon: -75.1812,
      });
      expect(budget.organizer).to.deep.equal({ name: 'Dana Ortiz', email: 'dana@riverside.example.org' });
      expect(budget.attendanceMode).to.equal('mixed');
    });

    it('maps VirtualLocation to onlineUrl, and a Place beside it to a mixed event', async () => {
      const { feed } = await loadFixture('graph.json');
      expect(byTitle(feed, 'Public Records Requests 101')).to.include({
        status: 'scheduled',
        attendanceMode: 'online',
        onlineUrl: 'https://meet.example.net/foia-101',
      });
      const hybrid = byTitle(feed, 'Neighborhood Data Office Hours');
      expect(hybrid).to.include({ attendanceMode: 'mixed', onlineUrl: 'https://meet.example.net/office-hours' });
      expect(hybrid.location).to.deep.equal({ name: 'Branch Library, Room B' });
      expect(byTitle(feed, 'Budget Q&A (cancelled)').status).to.equal('cancelled');
    });

    it('turns an eventSchedule into a start on the first matching day and an RRULE', async () => {
      const { feed } = await loadFixture('graph.json');
      const club = byTitle(feed, 'Data Club');
      expect(club).to.deep.include({
        start: '2026-01-13T18:00:00',
        end: '2026-01-13T19:30:00',
        timezone: 'America/New_York',
        rrule: 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260630T235959',
        exdates: ['2026-04-14T18:00:00'],
      });
    });

    it('lists subEvents of a series (not the series), once each, and reports events it cannot map', async () => {
      const { feed, skipped } = await loadFixture('graph.json');
      expect(feed.events.map((e) => e.title)).to.deep.equal([
        'Reading the City Budget',
        'Public Records Requests 101',
        'Neighborhood Data Office Hours',
        'Budget Q&A (cancelled)',
        'Data Club',
        'Civic Tech Tuesday: Transit',
      ]);
      expect(byTitle(feed, 'Civic Tech Tuesday: Transit').id).to.equal(
        'https://riverside.example.org/events/ctt-transit',
      );
      expect(skipped).to.deep.equal([
        { list: 'events', index: 6, id: '#no-name', reason: 'no "name"' },
        { list: 'events', index: 7, id: '#no-start', reason: 'no "startDate"' },
      ]);
    });
  });

  describe('schedules', () => {
    async function scheduled(
      schedule: Record<string, unknown>,
      extra: Record<string, unknown> = {},
    ): Promise<CivicEvent> {
      const doc = {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Series',
        eventSchedule: { '@type': 'Schedule', ...schedule },
        ...extra,
      };
      const { feed } = await load(JSON.stringify(doc));
      return feed.events[0]!;
    }

    it('moves a weekly start to the first listed weekday and counts with repeatCount', async () => {
      const event = await scheduled({
        startDate: '2026-03-01',
        repeatFrequency: 'P1W',
        byDay: ['Tuesday', 'https://schema.org/Thursday'],
        repeatCount: 8,
        startTime: '10:00',
      });
      expect(event.start).to.equal('2026-03-03T10:00:00'); // 1 March 2026 is a Sunday
      expect(event.rrule).to.equal('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8');
    });

    it('bounds a zoned series in UTC, and leaves out rules it cannot bound exactly', async () => {
      const zoned = await scheduled(
        { repeatFrequency: 'P2W', endDate: '2026-06-30' },
        { startDate: '2026-03-03T18:00:00-05:00' },
      );
      expect(zoned.rrule).to.equal('FREQ=WEEKLY;INTERVAL=2;UNTIL=20260701T045959Z');
      const midnight = await scheduled(
        { repeatFrequency: 'P1W', endDate: '2026-06-30' },
        { startDate: '2026-03-03T00:30:00-05:00' },
      );
      expect(midnight.rrule, 'within an hour of midnight, DST could move the bound past an occurrence').to.equal(
        undefined,
      );
      const holidays = await scheduled(
        { repeatFrequency: 'P1W', byDay: 'https://schema.org/PublicHolidays' },
        { startDate: '2026-03-03' },
      );
      expect(holidays.rrule).to.equal(undefined);
      expect(holidays.start).to.equal('2026-03-03');
      const hourly = await scheduled({ repeatFrequency: 'PT1H' }, { startDate: '2026-03-03T10:00:00' });
      expect(hourly.rrule).to.equal(undefined);
    });

    it('treats an endDate days after the start of a recurring event as the series’ end', async () => {
      const event = await scheduled(
        { repeatFrequency: 'Weekly' },
        { startDate: '2026-03-03T18:00:00', endDate: '2026-12-29T19:00:00' },
      );
      expect(event.rrule).to.equal('FREQ=WEEKLY');
      expect(event.end).to.equal(undefined);
    });
  });

  describe('HTML pages', () => {
    it('reads every ld+json block, whatever the attribute case, order and quoting', async () => {
      const { feed } = await loadFixture('page.html');
      expect(feed.events.map((e) => e.title)).to.deep.equal([
        'Zine Making with Census Data',
        'Teen Data Detectives',
        'Teen Data Detectives',
        'Open Budget Breakfast',
      ]);
      const zines = byTitle(feed, 'Zine Making with Census Data');
      expect(zines.organizer).to.deep.equal({ name: 'Riverside Public Library' });
      expect(zines.description).to.equal('Cut, paste & chart.\nBring scissors.');
    });

    it('skips comments, other scripts and raw-text elements, and reports a block that does not parse', async () => {
      const { feed, skipped } = await loadFixture('page.html');
      const titles = feed.events.map((e) => e.title);
      for (const absent of ['Fake', 'Commented out', 'In a textarea', 'Broken block']) {
        expect(titles).not.to.include(absent);
      }
      expect(skipped).to.have.length(1);
      expect(skipped[0]).to.include({ list: 'events', index: -1 });
      expect(skipped[0]!.reason).to.match(/^JSON-LD block 4 is not valid JSON/);
    });

    it('gives events that share a listing URL distinct ids', async () => {
      const { feed } = await loadFixture('page.html');
      const teens = feed.events.filter((e) => e.title === 'Teen Data Detectives');
      expect(teens.map((e) => e.id)).to.deep.equal([
        'https://riverside.example.org/events/teen-data',
        'https://riverside.example.org/events/teen-data#2026-03-31T16:00:00-04:00',
      ]);
      expect(teens.every((e) => e.audience?.[0] === 'teens')).to.equal(true);
    });

    it('exposes the tokenizer: an unclosed script runs to the end of the page', () => {
      expect(ldJsonBlocks('<p>a</p><script type="application/ld+json">{"x":1}')).to.deep.equal(['{"x":1}']);
      expect(ldJsonBlocks('<script type="text/javascript">"<script type=application/ld+json>"</script>')).to.deep.equal(
        [],
      );
      expect(ldJsonBlocks('<script type = "Application/LD+JSON; charset=utf-8" >[]</script >')).to.deep.equal(['[]']);
      expect(ldJsonBlocks('<script id="a>b" type="application/ld+json">{}</script>')).to.deep.equal(['{}']);
      expect(ldJsonBlocks('<!-- <script type="application/ld+json">{}</script>')).to.deep.equal([]);
    });
  });

  describe('hostile and malformed input', () => {
    it('drops script, markup and javascript: links from fields, keeping what is safe', async () => {
      const { feed, skipped } = await loadFixture('hostile.html');
      const xss = feed.events.find((e) => e.id === 'https://riverside.example.org/events/xss')!;
      expect(xss.title).to.equal('Safe Title');
      expect(xss).not.to.have.any.keys('url', 'image', 'onlineUrl', 'cost', 'capacity', 'languages');
      expect(xss.organizer).to.deep.equal({ name: 'Org' });
      expect(xss.topics).to.deep.equal(['42', 'ok-topic']);
      // Descriptions may be HTML; they are sanitized when shown, never here.
      expect(xss.description).to.contain('<p');
      expect(skipped.map((s) => s.reason)).to.deep.equal([
        '"start" is not a date: "20260601"',
        '"start" is not a date: "next Tuesday"',
      ]);
    });

    it('never touches the prototype chain and reads the unclosed last block', async () => {
      const { feed } = await loadFixture('hostile.html');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(feed.events.map((e) => e.title)).to.include.members(['Prototype', 'Unclosed at the end']);
      expect(byTitle(feed, 'Prototype').id).to.match(/^jsonld-[0-9a-f]{16}$/);
    });

    it('gives the same hash id on every load', async () => {
      const one = await loadFixture('hostile.html');
      const two = await loadFixture('hostile.html');
      expect(byTitle(one.feed, 'Prototype').id).to.equal(byTitle(two.feed, 'Prototype').id);
    });

    it('throws a clear Error for pages and text that are not JSON-LD', async () => {
      expect((await failure(await fixture('broken.html'), 'text/html')).message).to.match(/JSON-LD is not valid JSON/);
      expect((await failure(await fixture('no-jsonld.html'), 'text/html')).message).to.match(
        /no <script type="application\/ld\+json">/,
      );
      expect((await failure('{"@context": "https://schema.org", "@type": "Ev')).message).to.match(/^not valid JSON-LD/);
      expect((await failure('{"events": []}')).message).to.match(/no schema\.org data/);
      expect((await failure('42')).message).to.match(/not an object or a list/);
    });

    it('survives JSON nested far deeper than it reads, and names the events it leaves there', async () => {
      const deep =
        '['.repeat(5000) +
        JSON.stringify({ '@type': 'Event', name: 'Deep', startDate: '2026-01-01' }) +
        ']'.repeat(5000);
      const tooDeep = await load(deep);
      expect(tooDeep.feed.events).to.deep.equal([]);
      expect(tooDeep.skipped).to.deep.equal([
        { list: 'events', index: -1, reason: '"Deep" is nested more than 64 levels deep and was not read' },
      ]);
      const noData = '['.repeat(5000) + JSON.stringify({ name: 'Not typed' }) + ']'.repeat(5000);
      expect((await failure(noData)).message).to.match(/no schema\.org data/);
      const shallow =
        '['.repeat(20) +
        JSON.stringify({ '@type': 'Event', name: 'Shallow', startDate: '2026-01-01' }) +
        ']'.repeat(20);
      expect((await load(shallow)).feed.events.map((e) => e.title)).to.deep.equal(['Shallow']);
    });

    it('names an event nested in other things past the depth it reads, beside the ones it reads', async () => {
      // A CMS page whose builder nests blocks in blocks: WebPage > hasPart > … > subjectOf > Event.
      let node: Record<string, unknown> = {
        '@type': 'Event', '@id': 'https://library.example.org/events/deep', name: 'Data walk', startDate: '2026-05-01T10:00:00Z',
      };
      for (let i = 0; i < 50; i++) node = i % 2 ? { '@type': 'WebPageElement', hasPart: node } : { '@type': 'CreativeWork', subjectOf: [node] };
      const top = { '@type': 'Event', name: 'Story time', startDate: '2026-05-02T10:00:00Z' };
      const { feed, skipped } = await load(JSON.stringify({ '@context': 'https://schema.org', '@graph': [node, top] }));
      expect(feed.events.map((e) => e.title)).to.deep.equal(['Story time']);
      expect(skipped).to.deep.equal([
        {
          list: 'events',
          index: -1,
          id: 'https://library.example.org/events/deep',
          reason: '"Data walk" is nested more than 64 levels deep and was not read',
        },
      ]);
    });

    it('shows or names every event, at any depth', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 5 }), async (depths) => {
          const graph = depths.map((depth, k) => {
            let node: unknown = { '@type': 'Event', name: `Event ${k}`, startDate: '2026-05-01T10:00:00Z' };
            for (let i = 0; i < depth; i++) node = i % 3 ? [node] : { '@type': 'Thing', about: node };
            return node;
          });
          const { feed, skipped } = await load(JSON.stringify({ '@graph': graph }));
          const named = skipped.map((s) => /^"(Event \d+)"/.exec(s.reason)?.[1]);
          expect([...feed.events.map((e) => e.title), ...named].sort()).to.deep.equal(depths.map((_, k) => `Event ${k}`).sort());
        }),
        { numRuns: 60 },
      );
    });

    it('reads a JSON-LD file served as text/html by its content', async () => {
      const { feed } = await load(await fixture('single-event.json'), 'text/html');
      expect(feed.events.map((e) => e.title)).to.deep.equal(['Open Data Day at Riverside Library']);
    });

    it('returns no events (not an error) for schema.org data without events', async () => {
      const { feed } = await load('{"@context":"https://schema.org","@type":"Organization","name":"Library"}');
      expect(feed.events).to.deep.equal([]);
    });
  });

  describe('format detection', () => {
    it('picks jsonld for the JSON fixtures and the HTML pages', async () => {
      for (const name of ['single-event.json', 'array.json', 'graph.json']) {
        expect(detectFormat(source(await fixture(name), 'application/json'), {}), name).to.equal('jsonld');
      }
      for (const name of ['page.html', 'hostile.html']) {
        expect(detectFormat(source(await fixture(name), ''), {}), name).to.equal('jsonld');
      }
    });
  });
});
