import { expect } from 'chai';
import fc from 'fast-check';
import type { Adapter, AdapterContext, SourceText } from '../../src/feed/adapter.js';
import { jsonldAdapter } from '../../src/feed/adapters/jsonld.js';
import { mappingAdapter } from '../../src/feed/adapters/mapping.js';
import { tribeAdapter } from '../../src/feed/adapters/tribe.js';
import { canonicalFeedDate } from '../../src/feed/feed-date.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { Feed, SkippedItem } from '../../src/feed/types.js';

/** Enough runs to shake out crashes, few enough to keep the suite fast. */
const RUNS = { numRuns: 200 };
const URL_BASE = 'https://riverside.example.org/wp-json/tribe/events/v1/events';

function fixture(path: string): Promise<string> {
  return fetch(new URL(`../fixtures/${path}`, import.meta.url)).then((r) => r.text());
}

function source(text: string, contentType = ''): SourceText {
  return { text, contentType, url: URL_BASE };
}

/** A fetchJson that answers with the given values in turn, or fails like a network would. */
function replaying(answers: unknown[], mapping?: unknown): AdapterContext {
  let n = 0;
  return {
    mapping,
    fetchJson: () => (n < answers.length ? Promise.resolve(answers[n++]) : Promise.reject(new Error('HTTP 404'))),
  };
}

// ---- the invariants --------------------------------------------------------------------------

function nonEmptyString(value: unknown, what: string): void {
  expect(value, what).to.be.a('string');
  expect((value as string).trim(), what).not.to.equal('');
}

/** What every widget relies on: required fields present and dates in canonical form. */
function checkFeed(feed: Feed): void {
  for (const event of feed.events) {
    nonEmptyString(event.id, 'event id');
    // An untitled event has exactly "" (shown in the page's language); any other title is real text.
    if (event.title !== '') nonEmptyString(event.title, 'event title');
    expect(canonicalFeedDate(event.start)?.value, `start ${event.start}`).to.equal(event.start);
    if (event.end !== undefined) expect(canonicalFeedDate(event.end)?.value, `end ${event.end}`).to.equal(event.end);
  }
  for (const group of feed.groups) {
    nonEmptyString(group.id, 'group id');
    nonEmptyString(group.name, 'group name');
  }
  for (const resource of feed.resources) {
    nonEmptyString(resource.id, 'resource id');
    nonEmptyString(resource.title, 'resource title');
    expect(resource.url).to.match(/^https?:\/\//);
  }
  for (const place of feed.places) {
    nonEmptyString(place.id, 'place id');
    nonEmptyString(place.name, 'place name');
    expect(Number.isFinite(place.lat) && Number.isFinite(place.lon)).to.equal(true);
  }
}

function checkSkipped(skipped: SkippedItem[]): void {
  for (const item of skipped) {
    nonEmptyString(item.list, 'skipped list');
    expect(item.index).to.be.a('number');
    nonEmptyString(item.reason, 'skipped reason');
  }
}

/** Runs an adapter and the normalizer: either a valid feed comes out, or an Error that says why. */
async function survives(adapter: Adapter, input: SourceText, context: AdapterContext): Promise<void> {
  let result;
  try {
    result = await adapter(input, context);
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    nonEmptyString((error as Error).message, 'error message');
    return;
  }
  expect(result.document.version).to.equal('1');
  const { feed, skipped } = normalizeFeed(result.document, result.skipped, { base: input.url });
  checkFeed(feed);
  checkSkipped(skipped);
}

// ---- generators ------------------------------------------------------------------------------

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** Dates as sources write them, and as they get them wrong. */
const dateLike = fc.oneof(
  fc.constantFrom(
    '2026-03-07',
    '2026-03-07T10:00',
    '2026-03-07T10:00:00-05:00',
    '2026-03-07 10:00:00',
    '2026-02-30',
    '2026-13-01',
    '2026-03-07T25:00',
    'TBA',
    '',
  ),
  fc
    .date({ noInvalidDate: true, min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) })
    .map((d) => d.toISOString()),
  fc.integer(),
  anyString,
);

/** A value of any JSON type, biased towards the hostile strings adapters must not trust. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    '&#0;&#xD800;&amp;',
    '__proto__',
    'constructor',
    'https://ok.example.org/x',
  ),
  anyString,
);

const schemaType = fc.oneof(
  fc.constantFrom(
    'Event',
    'EducationEvent',
    'Hackathon',
    'EventSeries',
    'Place',
    'https://schema.org/SocialEvent',
    'VirtualLocation',
  ),
  fc.array(fc.constantFrom('Event', 'Thing', 'Festival'), { maxLength: 3 }),
  hostileValue,
);

const scheduleLike = fc.record(
  {
    '@type': fc.constant('Schedule'),
    startDate: dateLike,
    endDate: dateLike,
    repeatFrequency: fc.oneof(fc.constantFrom('P1W', 'P2W', 'P1M', 'P1D', 'P1Y', 'Weekly', 'PT1H', 'P0W'), anyString),
    byDay: fc.oneof(
      fc.constantFrom('Monday', 'https://schema.org/Tuesday', 'PublicHolidays', 'XX'),
      fc.array(fc.constantFrom('Monday', 'Friday', 'SU')),
    ),
    byMonthWeek: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 })),
    byMonthDay: fc.oneof(fc.integer({ min: -40, max: 40 }), hostileValue),
    repeatCount: fc.oneof(fc.integer({ min: -3, max: 20 }), hostileValue),
    startTime: fc.oneof(fc.constantFrom('18:00', '18:00:00', '23:59:59-05:00', '25:00'), anyString),
    endTime: fc.oneof(fc.constantFrom('19:30', '00:30'), anyString),
    exceptDate: fc.oneof(dateLike, fc.array(dateLike, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/** Text that is usually a fine title, sometimes not. */
const titleLike = fc.oneof(
  { arbitrary: fc.string({ minLength: 1 }), weight: 3 },
  { arbitrary: hostileValue, weight: 1 },
);

/** Half the records keep the fields an item needs (so the success path runs), half may lack them. */
function records<T extends Record<string, unknown>>(
  model: { [K in keyof T]: fc.Arbitrary<T[K]> },
  needed: (keyof T)[],
): fc.Arbitrary<unknown> {
  return fc.oneof(fc.record(model, { requiredKeys: needed }), fc.record(model, { requiredKeys: [] }));
}

/** Nodes shaped like schema.org events, with every field possibly wrong. */
const eventNode: fc.Arbitrary<unknown> = records(
  {
    '@type': fc.oneof({ arbitrary: fc.constant('Event'), weight: 3 }, { arbitrary: schemaType, weight: 2 }),
    '@id': hostileValue,
    name: titleLike,
    startDate: dateLike,
    endDate: dateLike,
    url: hostileValue,
    description: hostileValue,
    image: fc.oneof(hostileValue, fc.record({ url: hostileValue, caption: hostileValue }, { requiredKeys: [] })),
    eventStatus: fc.oneof(fc.constantFrom('EventCancelled', 'https://schema.org/EventMovedOnline'), hostileValue),
    eventAttendanceMode: hostileValue,
    location: fc.oneof(
      hostileValue,
      fc.record(
        { '@type': schemaType, name: hostileValue, url: hostileValue, address: hostileValue, geo: hostileValue },
        { requiredKeys: [] },
      ),
    ),
    offers: fc.oneof(
      hostileValue,
      fc.record({ price: hostileValue, priceCurrency: hostileValue }, { requiredKeys: [] }),
    ),
    isAccessibleForFree: hostileValue,
    organizer: hostileValue,
    inLanguage: hostileValue,
    keywords: hostileValue,
    audience: hostileValue,
    maximumAttendeeCapacity: hostileValue,
    remainingAttendeeCapacity: hostileValue,
    eventSchedule: fc.oneof(scheduleLike, hostileValue),
    subEvent: fc.oneof(
      hostileValue,
      fc.array(fc.record({ '@type': fc.constant('Event'), name: titleLike, startDate: dateLike }), { maxLength: 2 }),
    ),
  },
  ['@type', 'name', 'startDate'],
);

const tribeEvent: fc.Arbitrary<unknown> = records(
  {
    id: fc.oneof(fc.integer(), hostileValue),
    title: titleLike,
    description: hostileValue,
    url: hostileValue,
    website: hostileValue,
    image: fc.oneof(
      fc.constant(false),
      hostileValue,
      fc.record({ url: hostileValue, alt: hostileValue }, { requiredKeys: [] }),
    ),
    all_day: fc.oneof(fc.boolean(), hostileValue),
    start_date: dateLike,
    end_date: dateLike,
    utc_start_date: dateLike,
    utc_end_date: dateLike,
    timezone: fc.oneof(fc.constantFrom('America/New_York', 'UTC', 'UTC+0', 'UTC-5', 'Mars/Base'), hostileValue),
    cost: hostileValue,
    cost_details: fc.oneof(
      hostileValue,
      fc.record(
        { currency_symbol: hostileValue, currency_code: hostileValue, values: hostileValue },
        { requiredKeys: [] },
      ),
    ),
    venue: fc.oneof(
      fc.constant([]),
      hostileValue,
      fc.record(
        { venue: hostileValue, address: hostileValue, geo_lat: hostileValue, geo_lng: hostileValue },
        { requiredKeys: [] },
      ),
    ),
    organizer: fc.oneof(
      fc.constant([]),
      hostileValue,
      fc.array(
        fc.record({ organizer: hostileValue, email: hostileValue, website: hostileValue }, { requiredKeys: [] }),
        { maxLength: 2 },
      ),
    ),
    categories: fc.oneof(
      hostileValue,
      fc.array(fc.record({ slug: hostileValue, name: hostileValue }, { requiredKeys: [] }), { maxLength: 3 }),
    ),
    tags: hostileValue,
    hide_from_listings: hostileValue,
    is_virtual: fc.oneof(fc.boolean(), hostileValue),
    virtual_url: hostileValue,
  },
  ['id', 'title', 'start_date', 'timezone'],
);

const tribePage = fc.record(
  {
    events: fc.oneof(fc.array(tribeEvent, { maxLength: 5 }), hostileValue),
    rest_url: fc.oneof(fc.constant(URL_BASE), hostileValue),
    next_rest_url: fc.oneof(
      fc.constantFrom(
        `${URL_BASE}?page=2`,
        `${URL_BASE}?page=1`,
        URL_BASE,
        'https://elsewhere.example.com/x',
        'javascript:alert(1)',
      ),
      hostileValue,
    ),
    total_pages: hostileValue,
  },
  { requiredKeys: ['events'] },
);

/** Paths as people write them, with mistakes and attacks among them. */
const pathLike = fc.oneof(
  fc.constantFrom(
    '',
    '$',
    'id',
    'name',
    'when',
    'items',
    'data.items',
    'a[*].b',
    'a[0]',
    'a[-1]',
    '["x y"]',
    '$.meta',
    '__proto__',
    'constructor.prototype',
    'a..b',
    'a[',
    '[*]',
  ),
  anyString,
);

const sourceSpec = fc.oneof(
  pathLike,
  fc.record(
    { path: pathLike, default: hostileValue, map: fc.dictionary(fc.string(), hostileValue, { maxKeys: 3 }) },
    { requiredKeys: ['path'] },
  ),
  fc.record({ const: hostileValue }),
  fc.record({ join: fc.array(pathLike, { maxLength: 3 }), separator: hostileValue }, { requiredKeys: ['join'] }),
  hostileValue,
);

const targetName = fc.oneof(
  fc.constantFrom(
    'id',
    'title',
    'start',
    'end',
    'url',
    'topics',
    'location.name',
    'location.lat',
    'cost.amount',
    'extra.x',
    'a.b.c.d.e',
    '__proto__.x',
    'constructor',
  ),
  fc.string(),
);

/** Well-formed extra fields, so that whole mappings compile and their values get exercised. */
const goodTarget = fc.constantFrom(
  'end',
  'url',
  'topics',
  'status',
  'location.name',
  'location.lat',
  'location.lon',
  'cost.amount',
  'cost.currency',
  'extra.x',
  'onlineUrl',
);
const goodSource = fc.oneof(
  fc.constantFrom('a', 'url', 'name', 'when', 'id', '$', '', '["x y"]', 'a[*]', 'a[0]', '$.items[0].a'),
  fc.record({ const: hostileValue }),
  fc.record({ path: fc.constantFrom('a', 'url', 'missing'), default: hostileValue }),
  fc.record({ join: fc.constant(['name', 'a', 'url']) }),
);

const mappingLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(goodTarget, goodSource, { maxKeys: 6 }).map((more) => ({
    events: { items: 'items', fields: { ...more, id: 'id', title: 'name', start: 'when' } },
  })),
  fc.record(
    {
      title: fc.oneof(fc.string(), sourceSpec),
      timezone: fc.oneof(fc.constantFrom('America/Chicago', 'Nope/Zone'), sourceSpec),
      events: fc.record({
        items: fc.oneof(pathLike, hostileValue),
        fields: fc
          .tuple(
            fc.record({ id: sourceSpec, title: sourceSpec, start: sourceSpec }),
            fc.dictionary(targetName, sourceSpec, { maxKeys: 5 }),
          )
          .map(([required, more]) => ({ ...more, ...required })),
      }),
      places: fc.record({ items: pathLike, fields: fc.dictionary(targetName, sourceSpec, { maxKeys: 6 }) }),
    },
    { requiredKeys: [] },
  ),
  hostileValue,
);

/** Responses for the mapping: random JSON, and items shaped like what the paths look for. */
const responseLike = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({
    items: fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'when', 'a', 'x y', 'url'), hostileValue), {
      maxLength: 5,
    }),
  }),
  fc.record({
    items: fc.array(
      records(
        {
          id: fc.oneof(fc.integer(), fc.string()),
          name: titleLike,
          when: dateLike,
          a: hostileValue,
          url: hostileValue,
        },
        ['id', 'name', 'when'],
      ),
      { maxLength: 5 },
    ),
  }),
);

/** JSON as text (what adapters read): also drops anything JSON cannot carry. */
function asJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function roundTrip(value: unknown): unknown {
  return JSON.parse(asJson(value)) as unknown;
}

/** Markup made from the pieces a tokenizer can trip on. */
const htmlLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<script type="application/ld+json">',
        "<SCRIPT TYPE='application/ld+json'>",
        '<script type=application/ld+json ',
        '</script>',
        '</script',
        '<script>',
        '<!--',
        '-->',
        '<title>',
        '</title>',
        '<textarea>',
        '<',
        '>',
        '"',
        "'",
        '<![CDATA[',
        ']]>',
        '{"@type":"Event","name":"A","startDate":"2026-03-07"}',
        '[{"@graph":[',
        ']}',
        '{"@type":',
        '"Event"',
        ',',
        '}',
      ),
      anyString,
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

// ---- the properties --------------------------------------------------------------------------

describe('adapter properties', () => {
  const fixtures: Record<string, string> = {};

  before(async () => {
    const names = [
      'jsonld/single-event.json',
      'jsonld/array.json',
      'jsonld/graph.json',
      'jsonld/page.html',
      'jsonld/hostile.html',
      'tribe/events-page-1.json',
      'tribe/events-page-2.json',
      'tribe/hostile.json',
      'mapping/events-api.json',
      'mapping/events-mapping.json',
      'mapping/hostile-response.json',
    ];
    await Promise.all(names.map(async (name) => (fixtures[name] = await fixture(name))));
  });

  describe('jsonld', () => {
    it('survives random JSON values', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), (value) => survives(jsonldAdapter, source(asJson(value)), replaying([]))),
        RUNS,
      );
    });

    it('survives event-shaped nodes with every field wrong, alone, in lists and in @graph', async () => {
      const shape = fc.oneof(
        eventNode,
        fc.array(eventNode, { maxLength: 4 }),
        fc.record({ '@graph': fc.array(eventNode, { maxLength: 4 }) }),
      );
      await fc.assert(
        fc.asyncProperty(shape, (value) => survives(jsonldAdapter, source(asJson(value)), replaying([]))),
        RUNS,
      );
    });

    it('survives random strings and markup', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyString, htmlLike), (text) =>
          survives(jsonldAdapter, source(text, 'text/html'), replaying([])),
        ),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(anyString, (text) => survives(jsonldAdapter, source(text), replaying([]))),
        RUNS,
      );
    });

    it('survives every truncation of its fixtures', async () => {
      const names = [
        'jsonld/single-event.json',
        'jsonld/array.json',
        'jsonld/graph.json',
        'jsonld/page.html',
        'jsonld/hostile.html',
      ];
      const cut = fc.tuple(fc.constantFrom(...names), fc.double({ min: 0, max: 1, noNaN: true }));
      await fc.assert(
        fc.asyncProperty(cut, ([name, at]) => {
          const text = fixtures[name]!;
          return survives(jsonldAdapter, source(text.slice(0, Math.floor(text.length * at))), replaying([]));
        }),
        RUNS,
      );
    });
  });

  describe('tribe', () => {
    it('survives random JSON values as the first page and as later pages', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 3 }), (value, pages) =>
          survives(tribeAdapter, source(asJson(value)), replaying(pages)),
        ),
        RUNS,
      );
    });

    it('survives REST-shaped pages with every field wrong, however they link', async () => {
      await fc.assert(
        fc.asyncProperty(tribePage, fc.array(tribePage, { maxLength: 3 }), (first, later) =>
          survives(tribeAdapter, source(asJson(first)), replaying(later.map(roundTrip))),
        ),
        RUNS,
      );
    });

    it('survives random strings and every truncation of its fixtures', async () => {
      await fc.assert(
        fc.asyncProperty(anyString, (text) => survives(tribeAdapter, source(text), replaying([]))),
        RUNS,
      );
      const names = ['tribe/events-page-1.json', 'tribe/events-page-2.json', 'tribe/hostile.json'];
      const cut = fc.tuple(fc.constantFrom(...names), fc.double({ min: 0, max: 1, noNaN: true }));
      await fc.assert(
        fc.asyncProperty(cut, ([name, at]) => {
          const text = fixtures[name]!;
          return survives(tribeAdapter, source(text.slice(0, Math.floor(text.length * at))), replaying([]));
        }),
        RUNS,
      );
    });
  });

  describe('mapping', () => {
    it('survives random mappings over random responses', async () => {
      await fc.assert(
        fc.asyncProperty(mappingLike, responseLike, (mapping, response) =>
          survives(mappingAdapter, source(asJson(response)), replaying([], roundTrip(mapping))),
        ),
        RUNS,
      );
    });

    it('survives the example mapping over random and truncated responses, and mappings fetched by URL', async () => {
      const mapping = JSON.parse(fixtures['mapping/events-mapping.json']!) as unknown;
      await fc.assert(
        fc.asyncProperty(responseLike, (response) =>
          survives(mappingAdapter, source(asJson(response)), replaying([], mapping)),
        ),
        RUNS,
      );
      const names = ['mapping/events-api.json', 'mapping/hostile-response.json'];
      const cut = fc.tuple(fc.constantFrom(...names), fc.double({ min: 0, max: 1, noNaN: true }));
      await fc.assert(
        fc.asyncProperty(cut, ([name, at]) => {
          const text = fixtures[name]!;
          return survives(mappingAdapter, source(text.slice(0, Math.floor(text.length * at))), replaying([], mapping));
        }),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), (fetched) =>
          survives(
            mappingAdapter,
            source(fixtures['mapping/events-api.json']!),
            replaying([fetched], { url: 'https://x.example/m.json' }),
          ),
        ),
        RUNS,
      );
    });

    it('never changes Object.prototype', () => {
      expect(Object.getOwnPropertyNames(Object.prototype)).not.to.include('polluted');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });

  describe('native JSON (normalizeFeed alone)', () => {
    const listItem = fc.dictionary(
      fc.constantFrom(
        'id',
        'title',
        'name',
        'start',
        'end',
        'url',
        'lat',
        'lon',
        'rrule',
        'exdates',
        'recurrenceId',
        'seriesId',
        'status',
        'location',
        'organizer',
        'cost',
        'rsvp',
        'extra',
        'languages',
        '__proto__',
      ),
      fc.oneof(hostileValue, dateLike),
    );
    const feedLike = fc.record(
      {
        version: hostileValue,
        title: hostileValue,
        timezone: hostileValue,
        events: fc.oneof(fc.array(listItem, { maxLength: 6 }), hostileValue),
        groups: fc.oneof(fc.array(listItem, { maxLength: 4 }), hostileValue),
        resources: fc.oneof(fc.array(listItem, { maxLength: 4 }), hostileValue),
        places: fc.oneof(fc.array(listItem, { maxLength: 4 }), hostileValue),
      },
      { requiredKeys: [] },
    );

    it('turns any JSON object into a valid feed, and only refuses non-objects', () => {
      fc.assert(
        fc.property(fc.oneof(feedLike, fc.jsonValue()), (value) => {
          const json = roundTrip(value);
          if (typeof json !== 'object' || json === null || Array.isArray(json)) {
            expect(() => normalizeFeed(json)).to.throw(TypeError, /not a JSON object/);
            return;
          }
          const { feed, skipped } = normalizeFeed(json);
          checkFeed(feed);
          checkSkipped(skipped);
        }),
        RUNS,
      );
    });

    it('lets only Errors escape for any JavaScript value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), feedLike), (value) => {
          let feed: Feed;
          try {
            feed = normalizeFeed(value).feed;
          } catch (error) {
            expect(error).to.be.instanceOf(Error);
            nonEmptyString((error as Error).message, 'error message');
            return;
          }
          checkFeed(feed);
        }),
        RUNS,
      );
    });
  });
});
