import { expect } from 'chai';
import fc from 'fast-check';
import type { AdapterContext, SourceText } from '../../src/feed/adapter.js';
import { TRIBE_MAX_EVENTS, TRIBE_MAX_PAGES, tribeAdapter } from '../../src/feed/adapters/tribe.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';
import type { CivicEvent, Feed, SkippedItem } from '../../src/feed/types.js';

const API = 'https://riverside.example.org/wp-json/tribe/events/v1/events/';
const PAGE_2 = `${API}?page=2&per_page=3&start_date=2026-03-01%2000:00:00`;

function fixture(name: string): Promise<string> {
  return fetch(new URL(`../fixtures/tribe/${name}`, import.meta.url)).then((r) => r.text());
}

/** A fetchJson that serves fixture pages by URL and records what was asked. */
function server(pages: Record<string, unknown>): AdapterContext & { requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    fetchJson(url: string) {
      requested.push(url);
      return url in pages
        ? Promise.resolve(structuredClone(pages[url]))
        : Promise.reject(new Error(`HTTP 404 for ${url}`));
    },
  };
}

function source(text: string, url = `${API}?per_page=3&start_date=2026-03-01%2000:00:00`): SourceText {
  return { text, contentType: 'application/json', url };
}

async function load(
  text: string,
  context: AdapterContext,
  url?: string,
): Promise<{ feed: Feed; skipped: SkippedItem[] }> {
  const result = await tribeAdapter(source(text, url), context);
  return normalizeFeed(result.document, result.skipped);
}

async function twoPages(): Promise<{ feed: Feed; skipped: SkippedItem[]; requested: string[] }> {
  const context = server({ [PAGE_2]: JSON.parse(await fixture('events-page-2.json')) });
  const loaded = await load(await fixture('events-page-1.json'), context);
  return { ...loaded, requested: context.requested };
}

function byId(feed: Feed, id: string): CivicEvent {
  const event = feed.events.find((e) => e.id === id);
  expect(event, `event ${id}`).to.exist;
  return event!;
}

/** A page of `count` minimal events, linking to `next`. */
function page(first: number, count: number, next?: string): Record<string, unknown> {
  const events = Array.from({ length: count }, (_, k) => ({
    id: first + k,
    title: `Event ${first + k}`,
    start_date: '2026-03-07 10:00:00',
    end_date: '2026-03-07 11:00:00',
    timezone: 'America/New_York',
    venue: [],
    organizer: [],
  }));
  return { events, rest_url: API, total: 1e6, total_pages: 1e6, ...(next ? { next_rest_url: next } : {}) };
}

async function failure(text: string, context: AdapterContext = server({})): Promise<Error> {
  try {
    await tribeAdapter(source(text), context);
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('expected the adapter to throw');
}

describe('tribe adapter', () => {
  describe('mapping events', () => {
    it('maps a timed event in an IANA zone with venue, organizer, terms and cost', async () => {
      const { feed } = await twoPages();
      expect(byId(feed, '4211')).to.deep.equal({
        id: '4211',
        title: 'Open Data Day – Maps & Spreadsheets',
        start: '2026-03-07T10:00:00',
        end: '2026-03-07T16:00:00',
        timezone: 'America/New_York',
        description:
          '<p>Learn to find, clean &amp; map the city&#8217;s open data.</p>\n<p><a href="https://data.example.org">Riverside open data portal</a></p>',
        url: 'https://riverside.example.org/event/open-data-day/',
        image: { url: 'https://riverside.example.org/wp-content/uploads/2026/01/open-data-day.jpg' },
        attendanceMode: 'in-person',
        location: {
          name: 'Riverside Public Library – Main',
          address: '100 West River Dr, Riverside, PA 19019',
          lat: 40.0341,
          lon: -75.1812,
        },
        topics: ['civic-data', 'mapping', 'café-chats'],
        cost: 'free',
        organizer: {
          name: 'Civic Data Team',
          email: 'civicdata@riverside.example.org',
          url: 'https://riverside.example.org/civic-data',
        },
      });
      expect(feed.timezone).to.equal('America/New_York');
    });

    it('maps an all-day event to dates with an exclusive end, and a venue of [] to no location', async () => {
      const { feed } = await twoPages();
      const week = byId(feed, '4215');
      expect(week).to.deep.equal({
        id: '4215',
        title: 'Riverside Data Week',
        start: '2026-04-13',
        end: '2026-04-18',
        description: '<p>A week of workshops.</p>',
        url: 'https://riverside.example.org/event/data-week/',
      });
    });

    it('uses the UTC times when the site gives an offset instead of a zone, and reads Virtual Events fields', async () => {
      const { feed } = await twoPages();
      expect(byId(feed, '4219')).to.deep.include({
        start: '2026-03-12T17:00:00Z',
        end: '2026-03-12T18:00:00Z',
        attendanceMode: 'online',
        onlineUrl: 'https://meet.example.net/foia-101',
        cost: { amount: 10, currency: 'USD' },
        topics: ['workshops'],
      });
      expect(byId(feed, '4219')).not.to.have.property('timezone');
    });

    it('decodes entities in titles, alt text and currency symbols; a venue beside a virtual URL is mixed', async () => {
      const { feed } = await twoPages();
      const hack = byId(feed, '4227');
      expect(hack.title).to.equal('Budget Hack Night: “Follow the Money”');
      expect(hack.image).to.deep.equal({
        url: 'https://riverside.example.org/wp-content/uploads/2026/02/budget.png',
        alt: 'A ledger & a laptop',
      });
      expect(hack.cost).to.deep.equal({ amount: 8, currency: 'EUR' });
      expect(hack).to.deep.include({
        attendanceMode: 'mixed',
        onlineUrl: 'https://stream.example.net/budget',
        location: { name: 'Makerspace', address: '12 Mill St, Riverside, 19020' },
        organizer: { name: 'Code for Riverside', email: 'hello@codeforriverside.example.org' },
        topics: ['hack-nights', 'budget', 'civic-data'],
      });
    });

    it('reports hidden and undated events with their position across pages', async () => {
      const { feed, skipped } = await twoPages();
      expect(feed.events.map((e) => e.id)).to.deep.equal(['4211', '4215', '4219', '4227']);
      expect(skipped).to.deep.equal([
        { list: 'events', index: 4, id: '4230', reason: 'hidden from listings ("hide_from_listings")' },
        { list: 'events', index: 5, id: '4231', reason: 'no "start_date"' },
      ]);
    });

    it('reads cost text without values, and an end-of-day cutoff on all-day events', async () => {
      const base = { id: 1, title: 'x', start_date: '2026-03-07 10:00:00', timezone: 'America/New_York' };
      const cases: [Record<string, unknown>, unknown][] = [
        [
          { cost: '$1,200', cost_details: { currency_symbol: '$', values: [] } },
          { amount: 1200, currency: 'USD' },
        ],
        [{ cost: 'Free – $10', cost_details: { currency_symbol: '$', values: ['0', '10'] } }, 'free'],
        [
          { cost: '12,50 €', cost_details: { currency_symbol: '€', values: [] } },
          { amount: 12.5, currency: 'EUR' },
        ],
        [
          { cost: '$5', cost_details: { currency_symbol: '$', currency_code: 'CAD', values: ['5'] } },
          { amount: 5, currency: 'CAD' },
        ],
        [{ cost: '5 doubloons', cost_details: { currency_symbol: '☠', values: ['5'] } }, undefined],
      ];
      for (const [fields, expected] of cases) {
        const { feed } = await load(JSON.stringify({ events: [{ ...base, ...fields }], rest_url: API }), server({}));
        expect(feed.events[0]!.cost, JSON.stringify(fields)).to.deep.equal(expected);
      }
      const cutoff = { ...base, all_day: true, start_date: '2026-03-07 06:00:00', end_date: '2026-03-09 05:59:59' };
      const { feed } = await load(JSON.stringify({ events: [cutoff], rest_url: API }), server({}));
      expect(feed.events[0]).to.include({ start: '2026-03-07', end: '2026-03-09' });
    });
  });

  describe('pagination', () => {
    it('follows next_rest_url with context.fetchJson', async () => {
      const { requested } = await twoPages();
      expect(requested).to.deep.equal([PAGE_2]);
    });

    it('stops at a URL it has already fetched (a loop between pages)', async () => {
      const one = `${API}?page=1`;
      const two = `${API}?page=2`;
      const context = server({ [two]: page(10, 2, one) });
      const { feed, skipped } = await load(JSON.stringify(page(1, 2, two)), context, one);
      expect(context.requested).to.deep.equal([two]);
      expect(feed.events.map((e) => e.id)).to.deep.equal(['1', '2', '10', '11']);
      expect(skipped).to.deep.equal([]);
    });

    it('stops at a page that links to itself', async () => {
      const self = `${API}?page=1`;
      const context = server({});
      const { feed } = await load(JSON.stringify(page(1, 1, self)), context, self);
      expect(context.requested).to.deep.equal([]);
      expect(feed.events).to.have.length(1);
    });

    it(`reads at most ${TRIBE_MAX_PAGES} pages`, async () => {
      const pages: Record<string, unknown> = {};
      for (let n = 2; n <= 40; n++) pages[`${API}?page=${n}`] = page(n * 10, 1, `${API}?page=${n + 1}`);
      const context = server(pages);
      const { feed, skipped } = await load(JSON.stringify(page(1, 1, `${API}?page=2`)), context, `${API}?page=1`);
      expect(context.requested).to.have.length(TRIBE_MAX_PAGES - 1);
      expect(feed.events).to.have.length(TRIBE_MAX_PAGES);
      expect(skipped).to.deep.equal([{ list: 'events', index: -1, reason: `stopped after ${TRIBE_MAX_PAGES} pages` }]);
    });

    it(`reads at most ${TRIBE_MAX_EVENTS} events`, async () => {
      const pages: Record<string, unknown> = {};
      for (let n = 2; n <= 10; n++) pages[`${API}?page=${n}`] = page(n * 10_000, 1500, `${API}?page=${n + 1}`);
      const context = server(pages);
      const result = await tribeAdapter(source(JSON.stringify(page(1, 1500, `${API}?page=2`))), context);
      expect(context.requested).to.have.length(3);
      expect(result.document.events).to.have.length(TRIBE_MAX_EVENTS);
      expect(result.skipped.map((s) => s.reason)).to.deep.equal([`stopped after ${TRIBE_MAX_EVENTS} events`]);
    });

    it('does not follow a next page on another site or a javascript: link', async () => {
      const context = server({});
      const away = await load(
        JSON.stringify(page(1, 1, 'https://elsewhere.example.com/wp-json/tribe/events/v1/events?page=2')),
        context,
      );
      expect(context.requested).to.deep.equal([]);
      expect(away.skipped[0]!.reason).to.match(/^not following a next page on another site/);
      const { feed, skipped } = await load(await fixture('hostile.json'), context);
      expect(context.requested).to.deep.equal([]);
      expect(feed.events.length).to.be.greaterThan(0);
      expect(skipped.every((s) => s.index >= 0)).to.equal(true);
    });

    it('stops with a note at a page that is not a page of events', async () => {
      const next = `${API}?page=2`;
      const odd = await load(JSON.stringify(page(1, 1, next)), server({ [next]: { hello: 'world' } }));
      expect(odd.feed.events).to.have.length(1);
      expect(odd.skipped[0]!.reason).to.match(/^page 2 and any after it were left out: not an answer from The Events Calendar/);
    });

    it('keeps the pages read before one that fails or arrives truncated, and names that page', async () => {
      const page2 = `${API}?page=2`;
      const page3 = `${API}?page=3`;
      const pages = { [page2]: page(3, 2, page3) };
      // Page 3 is not served (HTTP 404), as a site that breaks part way does.
      const broken = await load(JSON.stringify(page(1, 2, page2)), server(pages));
      expect(broken.feed.events.map((e) => e.id)).to.deep.equal(['1', '2', '3', '4']);
      expect(broken.skipped).to.deep.equal([
        { list: 'events', index: -1, reason: `page 3 and any after it were left out: HTTP 404 for ${page3}` },
      ]);
      // A truncated answer: what response.json() rejects with.
      const cut: AdapterContext = {
        fetchJson: (url) => (url === page2 ? Promise.resolve(pages[page2]) : Promise.reject(new SyntaxError('Unexpected end of JSON input'))),
      };
      const truncated = await load(JSON.stringify(page(1, 2, page2)), cut);
      expect(truncated.feed.events).to.have.length(4);
      expect(truncated.skipped[0]!.reason).to.equal('page 3 and any after it were left out: Unexpected end of JSON input');
    });

    it('keeps exactly the events of the pages before the first one that fails, whatever fails', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
          fc.nat(),
          fc.constantFrom('missing', 'truncated', 'not events'),
          async (sizes, pick, how) => {
            const urls = sizes.map((_, k) => `${API}?page=${k + 1}`);
            const starts = sizes.map((_, k) => 1 + sizes.slice(0, k).reduce((a, b) => a + b, 0));
            const pages = sizes.map((n, k) => page(starts[k]!, n, urls[k + 1]));
            const failing = 1 + (pick % sizes.length); // 1..n: a page after the first, or none when n
            const context: AdapterContext = {
              fetchJson(url) {
                const k = urls.indexOf(url);
                if (k !== failing) return Promise.resolve(structuredClone(pages[k]));
                if (how === 'missing') return Promise.reject(new Error(`HTTP 500 for ${url}`));
                if (how === 'truncated') return Promise.reject(new SyntaxError('Unexpected end of JSON input'));
                return Promise.resolve({ code: 'x' });
              },
            };
            const { feed, skipped } = await load(JSON.stringify(pages[0]), context, urls[0]);
            const kept = sizes.slice(0, failing).reduce((a, b) => a + b, 0);
            expect(feed.events.map((e) => e.id)).to.deep.equal(Array.from({ length: kept }, (_, i) => String(i + 1)));
            const notes = skipped.filter((s) => s.index === -1);
            if (failing < sizes.length) {
              expect(notes).to.have.length(1);
              expect(notes[0]!.reason).to.match(new RegExp(`^page ${failing + 1} and any after it were left out`));
            } else {
              expect(notes).to.deep.equal([]);
            }
          },
        ),
        { numRuns: 100 },
      );
    });

    it('lets an abort through: the element no longer wants the answer', async () => {
      const next = `${API}?page=2`;
      const aborted: AdapterContext = { fetchJson: () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')) };
      const error = await failure(JSON.stringify(page(1, 1, next)), aborted);
      expect(error.name).to.equal('AbortError');
    });
  });

  describe('hostile and malformed input', () => {
    it('keeps markup and javascript: links out, and skips items of the wrong shape', async () => {
      const { feed, skipped } = await load(await fixture('hostile.json'), server({}));
      const x1 = byId(feed, 'x1');
      expect(x1.title).to.equal('Safe bold');
      expect(x1.url, 'a javascript: url is dropped, not replaced by the website').to.equal(undefined);
      expect(x1).not.to.have.any.keys('image', 'onlineUrl', 'organizer', 'cost', 'end', 'timezone');
      expect(x1.location).to.deep.equal({ name: 'Hall' });
      expect(byId(feed, '9')).to.include({ start: '2026-06-03', end: '2026-06-04' });
      expect(byId(feed, '10').start).to.equal('2026-06-04T10:00:00');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(skipped).to.deep.equal([
        { list: 'events', index: 1, reason: 'no "id"' },
        { list: 'events', index: 2, id: '7', reason: 'no "title"' },
        { list: 'events', index: 3, reason: 'not an object' },
        { list: 'events', index: 4, reason: 'not an object' },
        { list: 'events', index: 5, id: '8', reason: 'no "title"' },
      ]);
    });

    it('throws clear Errors for WordPress errors, other JSON and broken JSON', async () => {
      expect((await failure(await fixture('error.json'))).message).to.equal(
        'The Events Calendar API answered "rest_no_route": No route was found matching the URL and request method.',
      );
      expect((await failure('{"posts": []}')).message).to.match(/no "events" list/);
      expect((await failure('[]')).message).to.match(/no "events" list/);
      const truncated = (await fixture('events-page-1.json')).slice(0, 500);
      expect((await failure(truncated)).message).to.match(/^not valid JSON/);
    });
  });

  describe('a PHP notice printed before the JSON', () => {
    // What WordPress prints with display_errors on (PHP 8 wording), before the REST answer.
    const notice =
      '<br />\n<b>Warning</b>:  Undefined array key "venue" in <b>/var/www/html/wp-content/plugins/' +
      'the-events-calendar/src/Tribe/REST/V1/Post_Repository.php</b> on line <b>412</b><br />\n';

    it('is detected as The Events Calendar when served as application/json', async () => {
      const text = notice + (await fixture('events-page-1.json'));
      expect(detectFormat(source(text), {})).to.equal('tribe');
      expect(detectFormat({ ...source(text), contentType: 'text/html' }, {}), 'HTML stays HTML').to.equal('jsonld');
    });

    it('is skipped with a warning, and the events are read', async () => {
      const clean = await twoPages();
      const context = server({ [PAGE_2]: JSON.parse(await fixture('events-page-2.json')) });
      const { feed, skipped } = await load(notice + (await fixture('events-page-1.json')), context);
      expect(feed.events).to.deep.equal(clean.feed.events);
      expect(skipped[0]).to.deep.equal({
        list: 'events',
        index: -1,
        reason:
          `${notice.length} characters before the JSON were skipped ("Warning: Undefined array key "venue" in ` +
          '/var/www/html/wp-content/plugins/the-events-calendar/src/Tribe/REST/V1/Post_Repository.php on line 412"): ' +
          'the site printed a notice',
        kept: true,
      });
      expect(skipped.slice(1)).to.deep.equal(clean.skipped);
    });

    it('still fails clearly on markup with no JSON after it', async () => {
      expect((await failure(`${notice}<p>Fatal error</p>`)).message).to.match(/^not valid JSON/);
    });
  });

  describe('format detection', () => {
    it('picks tribe for the REST pages', async () => {
      for (const name of ['events-page-1.json', 'events-page-2.json', 'hostile.json']) {
        expect(detectFormat(source(await fixture(name)), {}), name).to.equal('tribe');
      }
    });
  });
});
