import { expect } from 'chai';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { schemaErrors } from './schema-check.js';

describe('normalizeFeed', () => {
  it('keeps a valid document whole and fits the schema', async () => {
    const { feed, skipped } = normalizeFeed({
      version: '1',
      title: 'Riverside',
      timezone: 'America/New_York',
      events: [
        {
          id: 'data-day',
          title: 'Riverside Data Day',
          start: '2026-03-07T10:00:00-05:00',
          end: '2026-03-07T16:00:00-05:00',
          status: 'scheduled',
          cost: 'free',
          capacity: 120,
          registered: 87,
          waitlist: true,
          location: { name: 'Main Library', lat: 40.1, lon: -74.2 },
          rsvp: {
            endpoint: 'https://example.org/rsvp',
            questions: [{ id: 'track', label: 'Which track?', type: 'radio', options: ['A', 'B'], required: true }],
          },
        },
      ],
      groups: [{ id: 'housing', name: 'Housing Data User Group', datasets: [{ name: 'Evictions', url: 'https://x.org/e' }] }],
      resources: [{ id: 'r1', title: 'Data Walks', url: 'https://www.urban.org/x', type: 'Report' }],
      places: [{ id: 'p1', name: 'Pittsburgh', lat: 40.44, lon: -79.99, started: 2015 }],
    });
    expect(skipped).to.deep.equal([]);
    expect(feed.events[0]!.rsvp!.questions![0]!.options).to.deep.equal(['A', 'B']);
    expect(feed.resources[0]!.type).to.equal('report');
    expect(await schemaErrors(feed)).to.deep.equal([]);
  });

  it('skips items that break the contract, says why, and keeps the rest', () => {
    const { feed, skipped } = normalizeFeed({
      events: [
        { id: 'ok', title: 'Fine', start: '2026-03-07' },
        { id: 'no-start', title: 'No start' },
        { id: 'bad-date', title: 'Bad', start: '2026-02-30T10:00:00' },
        { title: 'No id', start: '2026-03-07' },
        { id: 'ok', title: 'Duplicate', start: '2026-03-08' },
        'not an object',
      ],
      places: [{ id: 'p', name: 'Nowhere', lat: 123, lon: 0 }],
      resources: [{ id: 'r', title: 'Evil', url: 'javascript:alert(1)' }],
    });
    expect(feed.events.map((e) => e.id)).to.deep.equal(['ok']);
    expect(skipped.map((s) => `${s.list}[${s.index}]`)).to.deep.equal([
      'events[1]', 'events[2]', 'events[3]', 'events[4]', 'events[5]', 'resources[0]', 'places[0]',
    ]);
    expect(skipped[0]!.reason).to.equal('no "start"');
    expect(skipped[2]!.reason).to.equal('no "id"');
    expect(skipped[3]!.reason).to.equal('duplicate id "ok"');
  });

  it('turns titles into plain text and drops unsafe links', async () => {
    const { feed } = normalizeFeed({
      events: [
        {
          id: 'e',
          title: 'Data Day &#8211; <b>Spring</b> &amp; more<script>alert(1)</script>',
          start: '2026-03-07T10:00',
          url: 'javascript:alert(1)',
          onlineUrl: 'data:text/html,<script>alert(1)</script>',
          image: { url: 'https://example.org/a.png', alt: '<i>Crowd</i>' },
          organizer: { name: 'Library', email: 'mailto:events@example.org', url: 'vbscript:x' },
        },
      ],
    });
    const event = feed.events[0]!;
    expect(event.title).to.equal('Data Day – Spring & more');
    expect(event.start).to.equal('2026-03-07T10:00:00');
    expect(event).to.not.have.property('url');
    expect(event).to.not.have.property('onlineUrl');
    expect(event.image).to.deep.equal({ url: 'https://example.org/a.png', alt: 'Crowd' });
    expect(event.organizer).to.deep.equal({ name: 'Library', email: 'events@example.org' });
    expect(await schemaErrors(feed)).to.deep.equal([]);
  });

  it('keeps unknown fields in extra and never fails on them', () => {
    const { feed } = normalizeFeed({
      version: '1',
      publisher: 'Riverside',
      events: [{ id: 'e', title: 'T', start: '2026-03-07', room: '2B', extra: { floor: 2 } }],
    });
    expect(feed.extra).to.deep.equal({ publisher: 'Riverside' });
    expect(feed.events[0]!.extra).to.deep.equal({ floor: 2, room: '2B' });
  });

  it('drops doubtful optional fields instead of the item', () => {
    const { feed, skipped } = normalizeFeed({
      events: [
        {
          id: 'e',
          title: 'T',
          start: '2026-03-07T10:00:00Z',
          end: '2026-03-08', // a date end for a timed start: mixed forms are dropped
          timezone: 'Mars/Olympus',
          status: 'maybe',
          capacity: -3,
          cost: { amount: 5, currency: 'dollars' },
          languages: ['en', 'not a tag!!', 'ES'],
          rsvp: { questions: [{ id: 'q', label: 'Pick', type: 'select' }] },
        },
      ],
    });
    expect(skipped).to.deep.equal([]);
    const e = feed.events[0]!;
    expect(e).to.not.have.keys('end', 'timezone', 'status', 'capacity', 'cost');
    expect(e.languages).to.deep.equal(['en', 'es']);
    expect(e.rsvp).to.deep.equal({});
  });

  it('keeps an untitled event (title exactly "") and the recurrence fields, and fits the schema', async () => {
    const { feed, skipped } = normalizeFeed({
      version: '1',
      events: [
        {
          id: 's', title: '', start: '2026-03-02T11:00:00', rrules: ['RRULE:FREQ=WEEKLY;COUNT=2', 'nonsense', 'FREQ=DAILY;COUNT=3'],
          rdates: ['2026-03-20T10:00', '2026-03-21T10:00:00/2026-03-21T12:00:00', '2026-03-22T10:00:00/2026-03-22T09:00:00', 'x', 7],
        },
        { id: 'o', title: 'Moved', start: '2026-03-10T12:00:00', recurrenceId: '2026-03-09T11:00:00', seriesId: 's', thisAndFuture: true },
        { id: 'lonely', title: 'No series', start: '2026-03-10T12:00:00', thisAndFuture: true },
        { id: 'blank', title: '   ', start: '2026-03-10T12:00:00' },
      ],
    });
    expect(skipped).to.deep.equal([{ list: 'events', index: 3, id: 'blank', reason: '"title" is empty or not text' }]);
    const [series, override, lonely] = feed.events;
    expect(series).to.deep.include({
      title: '',
      rrule: 'FREQ=WEEKLY;COUNT=2',
      rrules: ['FREQ=WEEKLY;COUNT=2', 'FREQ=DAILY;COUNT=3'],
      rdates: ['2026-03-20T10:00:00', '2026-03-21T10:00:00/2026-03-21T12:00:00', '2026-03-22T10:00:00'],
    });
    expect(override!.thisAndFuture).to.equal(true);
    expect(lonely!.thisAndFuture, 'only an override changes later occurrences').to.equal(undefined);
    const fallback = normalizeFeed({ version: '1', events: [{ id: 'r', title: 'r', start: '2026-03-02', rrule: 'FREQ=DAILY', rrules: ['x'] }] });
    expect(fallback.feed.events[0]).to.deep.include({ rrule: 'FREQ=DAILY' }).and.not.have.property('rrules');
    expect(await schemaErrors(feed)).to.deep.equal([]);
  });

  it('canonicalizes date spellings', () => {
    const { feed } = normalizeFeed({
      events: [
        { id: 'a', title: 'A', start: '2026-03-07 10:00' },
        { id: 'b', title: 'B', start: '2026-03-07T10:00:00+0000' },
        { id: 'c', title: 'C', start: '2026-03-07t10:00:00.123-0500' },
      ],
    });
    expect(feed.events.map((e) => e.start)).to.deep.equal([
      '2026-03-07T10:00:00',
      '2026-03-07T10:00:00Z',
      '2026-03-07T10:00:00-05:00',
    ]);
  });

  it('keeps a subscribe address for calendar apps: web links only, webcal read as https, relative to the feed', async () => {
    const read = (subscribe: unknown) => normalizeFeed({ version: '1', subscribe }, [], { base: 'https://library.example/civic/feed.json' }).feed;
    expect(read('https://library.example/civic/feed.ics').subscribe).to.equal('https://library.example/civic/feed.ics');
    expect(read('webcal://library.example/civic/feed.ics').subscribe).to.equal('https://library.example/civic/feed.ics');
    expect(read('feed.ics').subscribe).to.equal('https://library.example/civic/feed.ics');
    for (const bad of ['javascript:alert(1)', 'ftp://x.example/a.ics', 42, '']) expect(read(bad)).to.not.have.property('subscribe');
    expect(read('https://library.example/civic/feed.ics')).to.not.have.property('extra');
    expect(await schemaErrors(read('webcal://library.example/civic/feed.ics'))).to.deep.equal([]);
  });

  it('refuses a document that is not an object', () => {
    expect(() => normalizeFeed([])).to.throw(TypeError);
    expect(() => normalizeFeed('feed')).to.throw(/not a JSON object/);
  });

  it('bounds oversized lists', () => {
    const events = Array.from({ length: 20_005 }, (_, i) => ({ id: `e${i}`, title: 'T', start: '2026-01-01' }));
    const { feed, skipped } = normalizeFeed({ events });
    expect(feed.events).to.have.length(20_000);
    expect(skipped).to.have.length(5);
  });
});

describe('normalizeFeed: a feed’s own labels', () => {
  it('keeps labels by field, value and language, canonical, and fits the schema', async () => {
    const { feed, skipped } = normalizeFeed({
      version: '1',
      resources: [{ id: 'r', title: 'R', url: 'https://example.org/r', type: 'Podcast' }],
      labels: {
        topics: { housing: { en: 'Housing', es: 'Vivienda', 'zh-hant': '住房' } },
        audience: { teens: { fr: '  Adolescents  ' } },
        accessibility: { 'sign-language': { en: 'Sign language', ar: 'لغة الإشارة' } },
        type: { Podcast: { en: 'Podcast <b>series</b>' } },
      },
    });
    expect(skipped).to.deep.equal([]);
    expect(feed.labels).to.deep.equal({
      topics: { housing: { en: 'Housing', es: 'Vivienda', 'zh-Hant': '住房' } },
      audience: { teens: { fr: 'Adolescents' } },
      accessibility: { 'sign-language': { en: 'Sign language', ar: 'لغة الإشارة' } },
      // Types are matched in lower case, as resources' types are kept; labels are plain text.
      type: { podcast: { en: 'Podcast series' } },
    });
    expect(feed.resources[0]!.type).to.equal('podcast');
    expect(await schemaErrors(feed)).to.deep.equal([]);
  });

  it('leaves out what breaks the contract, names it, and keeps the rest', () => {
    const { feed, skipped } = normalizeFeed({
      version: '1',
      labels: {
        topics: {
          housing: { en: 'Housing', 'not a tag': 'x', es: 42, fr: '' },
          transit: 'Transit',
        },
        colours: { red: { en: 'Red' } },
        audience: ['teens'],
      },
    });
    expect(feed.labels).to.deep.equal({ topics: { housing: { en: 'Housing' } } });
    expect(skipped.map((s) => `${s.list} ${s.id}: ${s.reason}`)).to.deep.equal([
      'labels topics.housing: "not a tag" is not a BCP 47 language tag',
      'labels topics.housing: the "es" label is empty or not text',
      'labels topics.housing: the "fr" label is empty or not text',
      'labels topics.transit: not an object of languages',
      'labels colours: not a field with labels (topics, audience, accessibility, type)',
      'labels audience: not an object of values',
    ]);
    expect(normalizeFeed({ version: '1', labels: 'Housing' }).skipped.map((s) => s.reason)).to.deep.equal(['"labels" is not an object']);
    expect(normalizeFeed({ version: '1' }).feed).to.not.have.property('labels');
  });

  it('bounds the labels', () => {
    const many = Object.fromEntries(Array.from({ length: 1005 }, (_, i) => [`topic-${i}`, { en: `Topic ${i}` }]));
    const { feed, skipped } = normalizeFeed({ version: '1', labels: { topics: many } });
    expect(Object.keys(feed.labels!.topics!)).to.have.length(1000);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['more than 1000 values']);
    const long = normalizeFeed({ version: '1', labels: { topics: { a: { en: 'x'.repeat(500) } } } }).feed;
    expect(long.labels!.topics!['a']!['en']!.length).to.be.at.most(200);
  });
});

describe('normalizeFeed on hostile shapes', () => {
  it('bounds the depth of unknown fields so nothing later overflows', () => {
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep.x = next;
      deep = next;
    }
    const { feed } = normalizeFeed({ events: [{ id: 'e', title: 'T', start: '2026-01-01', nested: top }] });
    expect(() => JSON.stringify(feed)).to.not.throw();
    let depth = 0;
    let node = feed.events[0]!.extra!.nested as Record<string, unknown> | undefined;
    while (node && typeof node === 'object') {
      depth++;
      node = node.x as Record<string, unknown> | undefined;
    }
    expect(depth).to.be.lessThan(17);
  });

  it('drops an end before the start, and reads "Free" as free', () => {
    const { feed } = normalizeFeed({
      events: [
        { id: 'a', title: 'A', start: '2026-01-02', end: '2025-01-01', cost: 'Free' },
        { id: 'b', title: 'B', start: '2026-01-02T10:00:00-05:00', end: '2026-01-02T15:30:00Z' },
      ],
    });
    expect(feed.events[0]).to.not.have.property('end');
    expect(feed.events[0]!.cost).to.equal('free');
    expect(feed.events[1]!.end).to.equal('2026-01-02T15:30:00Z');
  });

  it('survives objects without a prototype', () => {
    const odd = Object.create(null) as Record<string, unknown>;
    const { skipped } = normalizeFeed({ events: [{ id: 'e', title: 'T', start: odd }] });
    expect(skipped[0]!.reason).to.match(/"start" is not a date/);
  });
});
