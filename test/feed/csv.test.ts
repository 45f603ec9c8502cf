import { expect } from 'chai';
import fc from 'fast-check';
import type { AdapterContext, SourceText } from '../../src/feed/adapter.js';
import { csvAdapter, readCsv } from '../../src/feed/adapters/csv.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';
import type { Feed, SkippedItem } from '../../src/feed/types.js';

const SHEET = 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pub?output=csv';

function source(text: string, url = SHEET, contentType = 'text/csv'): SourceText {
  return { text, contentType, url };
}

function context(extra: Partial<AdapterContext> = {}): AdapterContext {
  return { fetchJson: () => Promise.reject(new Error('offline')), ...extra };
}

async function load(text: string, extra: Partial<AdapterContext> = {}): Promise<{ feed: Feed; skipped: SkippedItem[] }> {
  const result = await csvAdapter(source(text), context(extra));
  return normalizeFeed(result.document, result.skipped, { positions: result.positions! });
}

const fixture = (name: string) => fetch(new URL(`../fixtures/csv/${name}`, import.meta.url)).then((r) => r.text());

describe('CSV adapter', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM (RFC 4180)', async () => {
    const text = '\uFEFFid,title,start,description\r\n' +
      '1,"Data Day, 2026",2026-03-07T10:00:00,"Say ""hello"".\r\nSecond line."\r\n' +
      '2,Office hours,2026-03-08,\r\n';
    const { feed, skipped } = await load(text);
    expect(skipped).to.deep.equal([]);
    expect(feed.events.map((e) => e.title)).to.deep.equal(['Data Day, 2026', 'Office hours']);
    expect(feed.events[0]!.description).to.equal('Say "hello".\r\nSecond line.');
    expect(feed.events[1]!.start).to.equal('2026-03-08');
  });

  it('fills nested fields from "Location Name" or "location.address" and keeps other columns in extra', async () => {
    const text = 'ID,Title,Start,Location Name,location.address,Organizer Email,Room notes\n' +
      'a,Map night,2026-04-01T18:00:00,Main Library,100 Main St,maps@library.example,Bring a laptop\n';
    const { feed } = await load(text);
    expect(feed.events[0]).to.deep.include({
      id: 'a',
      location: { name: 'Main Library', address: '100 Main St' },
      organizer: { email: 'maps@library.example' },
      extra: { 'Room notes': 'Bring a laptop' },
    });
  });

  it('guesses the list from the columns, and reads numbers, years and lists of places', async () => {
    const { feed, skipped } = await load(await fixture('places.csv'));
    expect(feed.places.map((p) => p.id)).to.deep.equal(['detroit', 'boston']);
    expect(feed.places[1]).to.deep.include({ lat: 42.3601, lon: -71.0589, started: 2013, topics: ['open-data', 'civic-tech'] });
    expect(skipped).to.have.length(1);
    expect(skipped[0]).to.deep.include({ list: 'places', id: 'nowhere' });
  });

  it('reads a semicolon-separated export (Excel in many locales) and splits list cells on commas too', async () => {
    const { feed } = await load(await fixture('resources-semicolon.csv'));
    expect(feed.resources.map((r) => r.title)).to.deep.equal(['Data Walks', "Accessible hackathon checklist; a library's"]);
    expect(feed.resources[0]!.topics).to.deep.equal(['housing', 'health']);
  });

  it('skips a row whose fields spill past the header and names it by its spreadsheet row', async () => {
    const text = 'id,title,url\nok,Fine,https://example.org/a\nbad,Comma, not quoted,https://example.org/b\n\n';
    const { feed, skipped } = await load(text, { list: 'resources' });
    expect(feed.resources.map((r) => r.id)).to.deep.equal(['ok']);
    expect(skipped).to.deep.equal([{ list: 'resources', index: -1, reason: 'row 3: 4 fields where the header has 3 (a comma not in quotes?)' }]);
  });

  it('names the row of an item the contract refuses', async () => {
    const { skipped } = await load('id,title,start\n1,One,2026-01-01\n2,,2026-01-02\n3,Three,someday\n');
    expect(skipped.map((s) => s.reason)).to.deep.equal(['row 3: no "title" at "["title"]"', 'row 4: "start" is not a date: "someday"']);
  });

  it('maps columns through a field mapping, with split, map and default', async () => {
    const text = 'Group,Name,Themes,Online?\nhd,Housing Data,"housing | eviction",yes\n';
    const mapping = {
      groups: {
        fields: {
          id: 'Group', name: 'Name',
          topics: { path: 'Themes', split: '|' },
          attendanceMode: { path: '["Online?"]', map: { yes: 'online', no: 'in-person' } },
          cadence: { path: 'Cadence', default: 'Monthly' },
        },
      },
    };
    const { feed } = await load(text, { mapping });
    expect(feed.groups[0]).to.deep.include({ id: 'hd', topics: ['housing', 'eviction'], attendanceMode: 'online', cadence: 'Monthly' });
  });

  it('says which columns it lacks, and when it cannot tell the list', async () => {
    const error = await csvAdapter(source('id,title\n1,x\n'), context({ list: 'events' })).catch((e: Error) => e);
    expect((error as Error).message).to.match(/no column for "start"/);
    const unknown = await csvAdapter(source('a,b\n1,2\n'), context()).catch((e: Error) => e);
    expect((unknown as Error).message).to.match(/cannot tell which list/);
    const empty = await csvAdapter(source('\n\n'), context()).catch((e: Error) => e);
    expect((empty as Error).message).to.match(/empty/);
  });

  it('is chosen by content type or address, never for JSON', () => {
    const auto = (text: string, url: string, type: string) => detectFormat({ text, url, contentType: type }, {});
    expect(auto('a,b\n1,2', SHEET, 'text/plain')).to.equal('csv');
    expect(auto('a,b\n1,2', 'https://x.example/f', 'text/csv')).to.equal('csv');
    expect(auto('a,b\n1,2', 'https://x.example/events.csv', '')).to.equal('csv');
    expect(auto('{"events":[]}', 'https://x.example/feed.csv', 'text/csv')).to.equal('json');
  });

  it('gives back every row of any table it can write (property)', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\r/g, ''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = ['a,b,c', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
        const table = readCsv(text);
        const expected = rows.filter((r) => r.some((c) => c.trim())).map((r) => ({ a: r[0]!.trim(), b: r[1]!.trim(), c: r[2]!.trim() }));
        expect(table.rows).to.deep.equal(expected);
      }),
      { numRuns: 200 },
    );
  });
});
