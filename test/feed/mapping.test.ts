import { expect } from 'chai';
import type { AdapterContext, SourceText } from '../../src/feed/adapter.js';
import { mappingAdapter } from '../../src/feed/adapters/mapping.js';
import { parsePath, readPath } from '../../src/feed/adapters/json-path.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';
import type { Feed, SkippedItem } from '../../src/feed/types.js';

const API = 'https://lakeside.example.org/api/events';

function fixture(name: string): Promise<string> {
  return fetch(new URL(`../fixtures/mapping/${name}`, import.meta.url)).then((r) => r.text());
}

async function fixtureJson(name: string): Promise<unknown> {
  return JSON.parse(await fixture(name)) as unknown;
}

function source(text: string): SourceText {
  return { text, contentType: 'application/json', url: API };
}

function context(
  mapping: unknown,
  fetchJson: AdapterContext['fetchJson'] = () => Promise.reject(new Error('offline')),
): AdapterContext {
  return { mapping, fetchJson };
}

async function load(text: string, mapping: unknown): Promise<{ feed: Feed; skipped: SkippedItem[] }> {
  const result = await mappingAdapter(source(text), context(mapping));
  return normalizeFeed(result.document, result.skipped);
}

async function failure(text: string, mapping: unknown): Promise<Error> {
  try {
    await mappingAdapter(source(text), context(mapping));
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('expected the adapter to throw');
}

const minimal = (fields: Record<string, unknown> = {}, items = 'items') => ({
  events: { items, fields: { id: 'id', title: 'name', start: 'when', ...fields } },
});

describe('mapping adapter', () => {
  describe('the example mapping', () => {
    it('maps events with nested targets, [*] lists, joins, value maps, defaults and constants', async () => {
      const { feed } = await load(await fixture('events-api.json'), await fixtureJson('events-mapping.json'));
      expect(feed.events[0]).to.deep.equal({
        id: 'evt-100',
        title: 'Open Data Day & Map Jam',
        start: '2026-03-07T16:00:00Z',
        end: '2026-03-07T22:00:00Z',
        status: 'scheduled',
        url: 'https://lakeside.example.org/e/100',
        image: { url: 'https://lakeside.example.org/img/100.jpg', alt: 'People at laptops' },
        location: { name: 'Lakeside Library', address: '1 Shore Rd, Lakeside', lat: 41.88, lon: -87.63 },
        topics: ['open-data', 'maps'],
        languages: ['en', 'es'],
        cost: 'free',
        groupId: 'data-club',
        capacity: 30,
        registered: 12,
        extra: { source: 'Lakeside Library Civic Lab' },
      });
    });

    it('reads Unix seconds and milliseconds into dates, and numbers into ids', async () => {
      const { feed } = await load(await fixture('events-api.json'), await fixtureJson('events-mapping.json'));
      expect(feed.events[1]).to.deep.include({
        id: '101',
        start: '2026-04-07T18:00:00Z',
        end: '2026-04-07T20:00:00Z',
        status: 'cancelled',
        cost: { amount: 12.5, currency: 'USD' },
      });
    });

    it('maps groups, resources and places, and the document title and zone from the response', async () => {
      const { feed } = await load(await fixture('events-api.json'), await fixtureJson('events-mapping.json'));
      expect(feed.title).to.equal('Lakeside Library Civic Lab');
      expect(feed.timezone).to.equal('America/Chicago');
      expect(feed.groups).to.deep.equal([
        {
          id: 'data-club',
          name: 'Data Club',
          description: 'Monthly meetup',
          topics: ['open-data', 'civic-tech'],
          cadence: 'Second Tuesday of each month',
        },
      ]);
      expect(feed.resources).to.deep.equal([
        {
          id: 'g1',
          title: 'Finding city budgets',
          url: 'https://lakeside.example.org/guides/budgets',
          type: 'guide',
          published: '2026-01-01T00:00:00Z',
        },
      ]);
      expect(feed.places).to.deep.equal([{ id: 'chi', name: 'Chicago', lat: 41.88, lon: -87.63, program: 'Data Day' }]);
    });

    it('reports items it cannot map with the path it looked at', async () => {
      const { skipped } = await load(await fixture('events-api.json'), await fixtureJson('events-mapping.json'));
      expect(skipped).to.deep.equal([
        { list: 'events', index: 3, id: 'evt-103', reason: 'no "start" at "start.utc"' },
        { list: 'groups', index: 1, id: 'no-name', reason: 'no "name" at "title"' },
        { list: 'resources', index: 1, id: 'g2', reason: 'no "url" at "href"' },
        { list: 'places', index: 1, id: 'bad', reason: 'no "lat" at "coords[0]"' },
        { list: 'events', index: 2, id: 'evt-102', reason: '"title" is empty or not text' },
      ]);
    });
  });

  describe('where the mapping comes from', () => {
    it('fetches a mapping given as { url }', async () => {
      const asked: string[] = [];
      const mapping = await fixtureJson('events-mapping.json');
      const fetchJson = (url: string) => {
        asked.push(url);
        return Promise.resolve(mapping);
      };
      const result = await mappingAdapter(
        source(await fixture('events-api.json')),
        context({ url: 'https://lakeside.example.org/mapping.json' }, fetchJson),
      );
      expect(asked).to.deep.equal(['https://lakeside.example.org/mapping.json']);
      expect(result.document.events).to.have.length(3);
    });

    it('throws the message of { invalid }, and a clear Error when there is no mapping', async () => {
      expect((await failure('[]', { invalid: 'the inline mapping is not valid JSON' })).message).to.equal(
        'the inline mapping is not valid JSON',
      );
      expect((await failure('[]', undefined)).message).to.match(/needs a field mapping/);
      expect((await failure('[]', [1, 2])).message).to.match(/not a JSON object/);
      expect((await failure('[]', { title: 'x' })).message).to.match(/names none of "events"/);
    });
  });

  describe('paths', () => {
    it('reads a root array with "" or "$", and quoted keys with spaces', async () => {
      const mapping = {
        events: { items: '$', fields: { id: '["Event ID"]', title: "['Event Name']", start: '["When"]', url: 'Link' } },
      };
      const { feed } = await load(await fixture('root-array.json'), mapping);
      expect(feed.events.map((e) => [e.id, e.title, e.start])).to.deep.equal([
        ['a1', 'Civic Hack Night', '2026-05-05T18:00:00'],
        ['a2', 'Transit Data Walk', '2026-05-12'],
      ]);
      const again = await load(await fixture('root-array.json'), {
        ...mapping,
        events: { ...mapping.events, items: '' },
      });
      expect(again.feed.events).to.have.length(2);
    });

    it('indexes from the end, collects with [*], and gives a list of one for an object', () => {
      const data = { a: [{ b: [1, 2] }, { b: [3] }], o: { x: 1 } };
      expect(readPath(data, parsePath('a[-1].b[0]'))).to.equal(3);
      expect(readPath(data, parsePath('a[*].b[*]'))).to.deep.equal([1, 2, 3]);
      expect(readPath(data, parsePath('a[*].missing'))).to.deep.equal([]);
      expect(readPath(data, parsePath('$.o.x'))).to.equal(1);
      expect(readPath(data, parsePath('a.b'))).to.equal(undefined);
    });

    it('refuses bad paths with a message naming the field', async () => {
      for (const bad of ['a..b', 'a[', 'a[x]', 'a.', 'a]b', '["unclosed']) {
        const error = await failure('{"items": []}', minimal({ url: bad }));
        expect(error.message, bad).to.match(/^the mapping's "events\.fields\.url": the path/);
      }
      const long = Array.from({ length: 40 }, () => 'a').join('.');
      expect((await failure('{"items": []}', minimal({ url: long }))).message).to.match(/too long/);
    });

    it('reports an items path that finds nothing, and accepts null and a single object', async () => {
      expect((await failure('{"data": {}}', minimal({}, 'data.items'))).message).to.match(
        /path "data\.items" finds nothing/,
      );
      expect((await failure('{"items": "text"}', minimal())).message).to.match(/leads to string, not a list/);
      expect((await load('{"items": null}', minimal())).feed.events).to.deep.equal([]);
      const one = await load('{"items": {"id": 1, "name": "Solo", "when": "2026-01-01"}}', minimal());
      expect(one.feed.events.map((e) => e.title)).to.deep.equal(['Solo']);
    });

    it('requires the contract’s required fields in the mapping itself', async () => {
      const error = await failure('{"items": []}', { events: { items: 'items', fields: { id: 'id' } } });
      expect(error.message).to.equal('the mapping\'s "events.fields" has no "title", "start"');
      const places = await failure('[]', { places: { fields: { id: 'a', name: 'b', lat: 'c' } } });
      expect(places.message).to.match(/"places\.fields" has no "lon"/);
    });
  });

  describe('hostile mappings and responses', () => {
    it('refuses __proto__, constructor and prototype in paths and field names', async () => {
      const attempts: unknown[] = [
        minimal({}, '__proto__'),
        minimal({ url: 'constructor.prototype' }),
        minimal({ url: 'a["__proto__"]' }),
        {
          events: { items: 'items', fields: { id: 'id', title: 'name', start: 'when', '__proto__.polluted': 'name' } },
        },
        JSON.parse(
          '{"events": {"items": "items", "fields": {"id": "id", "title": "name", "start": "when", "__proto__": "name"}}}',
        ),
        {
          events: {
            items: 'items',
            fields: { id: 'id', title: 'name', start: 'when', 'location.constructor': 'name' },
          },
        },
      ];
      for (const mapping of attempts) {
        const error = await failure('{"items": []}', mapping);
        expect(error.message, JSON.stringify(mapping)).to.match(/forbidden key|unusable field name/);
      }
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('never reads inherited properties of the data, and drops unsafe values', async () => {
      const mapping = {
        events: {
          items: 'items',
          fields: {
            id: 'id',
            title: 'name',
            start: 'when',
            url: 'link',
            topics: 'tags',
            status: { path: 'name', map: { constructor: 'cancelled' } },
            'extra.deep': 'x.y.z.w',
            'extra.toString': 'toString',
            'extra.hasOwn': 'hasOwnProperty',
          },
        },
      };
      const { feed, skipped } = await load(await fixture('hostile-response.json'), mapping);
      expect(feed.events.map((e) => e.id)).to.deep.equal(['h1', 'h3']);
      const [h1, h3] = feed.events;
      expect(h1!.title).to.equal('Hostile');
      expect(h1).not.to.have.any.keys('url', 'topics', 'status');
      expect(h1!.extra).to.equal(undefined);
      expect(h3!.extra).to.deep.equal({ deep: 'deep' });
      expect(skipped).to.have.length(1);
      expect(skipped[0]).to.include({ list: 'events', index: 1 });
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('copies constants per item, so one item cannot change another', async () => {
      const mapping = minimal({ location: { const: { name: 'Main Library' } } });
      const result = await mappingAdapter(
        source(
          '{"items": [{"id": 1, "name": "A", "when": "2026-01-01"}, {"id": 2, "name": "B", "when": "2026-01-02"}]}',
        ),
        context(mapping),
      );
      const [a, b] = result.document.events as Record<string, unknown>[];
      expect(a!.location).to.deep.equal(b!.location);
      expect(a!.location).not.to.equal(b!.location);
    });

    it('leaves out values nested too deeply to copy, and refuses such constants', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const text = `{"items": [{"id": 1, "name": "A", "when": "2026-01-01", "raw": ${deep}, "ok": [[1]]}]}`;
      const { feed } = await load(text, minimal({ 'extra.raw': 'raw', 'extra.ok': 'ok' }));
      expect(feed.events[0]!.extra).to.deep.equal({ ok: [[1]] });
      const error = await failure('{"items": []}', minimal({ topics: { const: JSON.parse(deep) as unknown } }));
      expect(error.message).to.match(/nested too deeply/);
    });

    it('throws a clear Error for a response that is not JSON', async () => {
      expect((await failure('{"items": [', minimal())).message).to.match(/^not valid JSON/);
      expect((await failure('<html></html>', minimal())).message).to.match(/^not valid JSON/);
    });
  });

  describe('format detection', () => {
    it('picks mapping for JSON when a mapping is given', async () => {
      const text = await fixture('events-api.json');
      expect(detectFormat(source(text), { mapping: await fixtureJson('events-mapping.json') })).to.equal('mapping');
      expect(detectFormat(source(text), {})).to.equal('json');
    });
  });
});
