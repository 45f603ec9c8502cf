// @ts-check
/**
 * `civic-widgets feed check` and `feed build`, end to end: the real command in a child process,
 * against loopback servers that answer as the real systems do (an iCalendar feed with no CORS
 * headers, The Events Calendar's paged API, a spreadsheet published as CSV, a CKAN portal that
 * pages, a DCAT-US data.json), and against what goes wrong (a 304, a 500, a slow source, an
 * answer cut off). Every feed written is checked against the shipped schema.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import ICAL from 'ical.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/server/bin/civic-widgets.mjs');
const fixture = (/** @type {string} */ path) => readFileSync(join(ROOT, 'test/fixtures', path), 'utf8');
const schema = new Validator(JSON.parse(readFileSync(join(ROOT, 'src/feed/feed.schema.json'), 'utf8')), '2020-12');

/** A spreadsheet as Excel writes it: a BOM, CRLF, quoted commas, quotes and line breaks. */
const GROUPS_CSV = '\uFEFFid,Name,Topics,Location Name,Cadence,Description\r\n' +
  'housing-data,Housing Data User Group,"housing; eviction",Main Library,Second Tuesday,"Maps, rents and ""eviction"" filings.\r\nAll welcome."\r\n' +
  'env-data,Environmental Data Circle,environment,Branch Library,Monthly,Air and water\r\n' +
  ',No id,transit,,,\r\n' +
  'broken,Broken row,a,b,c,d,e,f\r\n';

const CKAN_TOTAL = 25;
/** @param {number} i */
const ckanDataset = (i) => ({
  id: `ds-${i}`, name: `dataset-${i}`, title: `Dataset ${i}`, notes: `About **dataset ${i}**, see [the portal](https://x.example).`,
  license_title: 'Creative Commons Attribution', license_url: 'https://creativecommons.org/licenses/by/4.0/',
  metadata_created: '2024-01-02T03:04:05.123456', metadata_modified: '2025-06-07T08:09:10.000001',
  organization: { name: 'city', title: 'City of Riverside' },
  groups: i % 2 ? [{ name: 'housing', display_name: 'Housing' }] : [],
  tags: [{ name: 'rents', display_name: 'rents' }],
  resources: [{ format: 'CSV', url: 'https://x.example/a.csv' }, { format: '', mimetype: 'application/json' }],
});

const DATA_JSON = {
  '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
  '@type': 'dcat:Catalog',
  conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
  dataset: [
    {
      '@type': 'dcat:Dataset', title: 'Building Permits', description: 'Permits issued since 2010.', identifier: 'https://data.example.gov/id/permits',
      keyword: ['permits', 'housing'], theme: ['Housing'], modified: '2025-01-15', issued: '2015-03-01', accessLevel: 'public',
      publisher: { '@type': 'org:Organization', name: 'Department of Buildings' }, license: 'https://opendatacommons.org/licenses/odbl/',
      landingPage: 'https://data.example.gov/permits',
      distribution: [{ '@type': 'dcat:Distribution', downloadURL: 'https://data.example.gov/permits.csv', mediaType: 'text/csv' }],
    },
    { '@type': 'dcat:Dataset', title: 'Staff Salaries (internal)', identifier: 'internal-1', accessLevel: 'non-public', modified: 'R/P1D' },
    { '@type': 'dcat:Dataset', title: 'Air Quality', identifier: 'aq', modified: 'R/P1D', accessLevel: 'public',
      distribution: [{ accessURL: 'https://data.example.gov/aq', format: 'API' }] },
  ],
};

let dir = '';
let origin = '';
/** @type {import('node:http').Server} */
let server;
/** Requests per path, and what the toggled source answers. */
const hits = new Map();
let toggledDown = false;
/** @type {Record<string, string | undefined>} */
const lastHeaders = {};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feed-command-'));
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    lastHeaders[url.pathname] = request.headers['if-none-match'];
    const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ body, headers = {}) => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(body);
    };
    switch (url.pathname) {
      case '/google.ics':
        return send(200, 'text/calendar; charset=UTF-8', fixture('ics/google-export.ics'));
      case '/public.ics':
        return send(200, 'text/calendar', fixture('ics/google-export.ics'), { 'Access-Control-Allow-Origin': '*' });
      case '/wp-json/tribe/events/v1/events/': {
        const page = url.searchParams.get('page') === '2' ? 2 : 1;
        const text = fixture(`tribe/events-page-${page}.json`).replaceAll('https:\\/\\/riverside.example.org\\/wp-json', `${origin.replaceAll('/', '\\/')}\\/wp-json`);
        return send(200, 'application/json; charset=UTF-8', text);
      }
      case '/sheet.csv':
        return send(200, 'text/csv; charset=utf-8', GROUPS_CSV);
      case '/ckan/api/3/action/package_search': {
        const start = Number(url.searchParams.get('start') ?? 0);
        const rows = Number(url.searchParams.get('rows') ?? 10);
        const results = Array.from({ length: Math.max(0, Math.min(rows, CKAN_TOTAL - start)) }, (_, i) => ckanDataset(start + i));
        const help = `${origin}/ckan/api/3/action/help_show?name=package_search`;
        return send(200, 'application/json;charset=utf-8', JSON.stringify({ help, success: true, result: { count: CKAN_TOTAL, results } }));
      }
      case '/data.json':
        return send(200, 'application/json', JSON.stringify(DATA_JSON));
      case '/etag.ics':
        if (request.headers['if-none-match'] === '"v1"') return send(304, 'text/calendar', '', { ETag: '"v1"' });
        return send(200, 'text/calendar', fixture('ics/google-export.ics'), { ETag: '"v1"' });
      case '/toggle.csv':
        if (toggledDown) return send(500, 'text/plain', 'Internal Server Error');
        return send(200, 'text/csv', GROUPS_CSV);
      case '/slow.ics': {
        const timer = setTimeout(() => send(200, 'text/calendar', fixture('ics/google-export.ics')), 3000);
        response.on('close', () => clearTimeout(timer));
        return undefined;
      }
      case '/truncated.ics':
        response.writeHead(200, { 'Content-Type': 'text/calendar', 'Content-Length': '50000' });
        response.write(fixture('ics/google-export.ics').slice(0, 300));
        return void setTimeout(() => response.destroy(), 50);
      default:
        return send(404, 'text/plain', 'Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs the command; resolves with its exit code and output, whatever the code.
 * @param {string[]} args
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
function civicWidgets(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let configs = 0;
/**
 * Writes a config into the test folder; returns its path and a fresh output path.
 * @param {object} config
 */
async function writeConfig(config) {
  const n = ++configs;
  const path = join(dir, `civic-${n}.json`);
  await writeFile(path, JSON.stringify(config, null, 2));
  return { path, out: join(dir, `out-${n}`, 'feed.json'), ics: join(dir, `out-${n}`, 'feed.ics') };
}

/** @param {string} path */
async function readFeed(path) {
  const feed = JSON.parse(await readFile(path, 'utf8'));
  const result = schema.validate(feed);
  assert.ok(result.valid, `the written feed validates: ${JSON.stringify(result.errors.slice(-2))}`);
  return feed;
}

describe('civic-widgets feed build', () => {
  it('merges an iCalendar feed, a paged Events Calendar API, a spreadsheet, a CKAN portal and a data.json', async () => {
    const { path, out, ics } = await writeConfig({
      title: 'Riverside Public Library: Civic Data',
      timezone: 'America/New_York',
      subscribe: 'https://library.example/civic/feed.ics',
      sources: [
        { url: `${origin}/google.ics`, label: 'Library calendar' },
        { url: `${origin}/wp-json/tribe/events/v1/events/?page=1&per_page=3`, label: 'WordPress', defaults: { topics: ['civic-data'] } },
        { url: `${origin}/sheet.csv`, label: 'Groups sheet', list: 'groups' },
        { url: `${origin}/ckan/api/3/action/package_search?q=&rows=10`, label: 'City portal' },
        { url: `${origin}/data.json`, label: 'County data.json' },
      ],
    });
    const run = await civicWidgets(['feed', 'build', path, '-o', out, '--ics', ics]);
    assert.equal(run.code, 0, run.stderr);
    const feed = await readFeed(out);
    assert.equal(feed.title, 'Riverside Public Library: Civic Data');
    assert.equal(feed.subscribe, 'https://library.example/civic/feed.ics');

    const from = (/** @type {string} */ label) => (/** @type {{ extra?: { source?: string } }} */ item) => item.extra?.source === label;
    const calendar = feed.events.filter(from('Library calendar'));
    assert.ok(calendar.length >= 3, 'the iCalendar events are in');
    assert.ok(calendar.every((/** @type {{ timezone?: string }} */ e) => e.timezone === 'America/New_York'), 'pinned to their calendar\'s zone');
    const wordpress = feed.events.filter(from('WordPress'));
    assert.deepEqual(wordpress.map((/** @type {{ id: string }} */ e) => e.id).sort(), ['4211', '4215', '4219', '4227'], 'both pages of The Events Calendar (4230 is hidden from listings)');
    assert.match(run.stdout, /skipped events #\d+ "4231": no "start_date"/, 'the event with no date is named');
    assert.ok(wordpress.every((/** @type {{ topics?: string[] }} */ e) => e.topics?.length), 'defaults fill the topics they lack');

    assert.deepEqual(feed.groups.map((/** @type {{ id: string }} */ g) => g.id), ['housing-data', 'env-data']);
    const housing = feed.groups[0];
    assert.deepEqual(housing.topics, ['housing', 'eviction']);
    assert.equal(housing.location.name, 'Main Library');
    assert.match(housing.description, /Maps, rents and "eviction" filings\.\s+All welcome\./);
    assert.match(run.stdout, /row 4: no "id"/, 'the row without an id is named by its spreadsheet row');
    assert.match(run.stdout, /row 5: 8 fields where the header has 6/);

    const datasets = feed.resources.filter(from('City portal'));
    assert.equal(datasets.length, CKAN_TOTAL, 'every page of the CKAN search');
    assert.equal(hits.get('/ckan/api/3/action/package_search'), 3);
    const first = datasets.find((/** @type {{ id: string }} */ r) => r.id === 'ds-1');
    assert.equal(first.type, 'dataset');
    assert.equal(first.url, `${origin}/ckan/dataset/dataset-1`);
    assert.equal(first.publisher, 'City of Riverside');
    assert.deepEqual(first.topics, ['Housing']);
    assert.deepEqual(first.formats, ['CSV', 'JSON']);
    assert.deepEqual(first.license, { name: 'Creative Commons Attribution', url: 'https://creativecommons.org/licenses/by/4.0/' });
    assert.equal(first.modified, '2025-06-07');
    assert.equal(first.description, 'About dataset 1, see the portal.');

    const county = feed.resources.filter(from('County data.json'));
    assert.deepEqual(county.map((/** @type {{ title: string }} */ r) => r.title), ['Building Permits', 'Air Quality']);
    assert.deepEqual(county[0].topics, ['Housing']);
    assert.equal(county[0].publisher, 'Department of Buildings');
    assert.equal(county[1].url, 'https://data.example.gov/aq');
    assert.equal(county[1].modified, undefined, 'a repeating interval names no day');
    assert.match(run.stdout, /"accessLevel" is "non-public"/);

    const calendarText = await readFile(ics, 'utf8');
    const parsed = new ICAL.Component(ICAL.parse(calendarText));
    const vevents = parsed.getAllSubcomponents('vevent');
    assert.equal(new Set(vevents.map((v) => v.getFirstPropertyValue('uid'))).size, feed.events.filter((/** @type {{ recurrenceId?: string }} */ e) => !e.recurrenceId).length);
    assert.equal(parsed.getFirstPropertyValue('x-wr-calname'), 'Riverside Public Library: Civic Data');
    assert.ok(parsed.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === 'America/New_York'));

    assert.deepEqual((await readdir(join(dir, `out-${configs}`))).sort(), ['feed.ics', 'feed.json'], 'no temporary file is left behind');
  });

  it('keeps the same event once when two sources carry it', async () => {
    const { path, out } = await writeConfig({
      sources: [{ url: `${origin}/google.ics`, label: 'A' }, { url: `${origin}/public.ics`, label: 'B' }],
    });
    const run = await civicWidgets(['feed', 'build', path, '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    const feed = await readFeed(out);
    assert.ok(feed.events.length > 0);
    assert.ok(feed.events.every((/** @type {{ extra: { source: string } }} */ e) => e.extra.source === 'A'));
    assert.match(run.stdout, /B: events ".+": the same event as in A: kept once/);
  });

  it('keeps a failing source\'s items from the previous output, and says so', async () => {
    toggledDown = false;
    const { path, out } = await writeConfig({
      sources: [{ url: `${origin}/google.ics`, label: 'Calendar' }, { url: `${origin}/toggle.csv`, label: 'Sheet', list: 'groups' }],
    });
    assert.equal((await civicWidgets(['feed', 'build', path, '-o', out])).code, 0);
    toggledDown = true;
    try {
      const run = await civicWidgets(['feed', 'build', path, '-o', out]);
      assert.equal(run.code, 0, 'one source could be read');
      assert.match(run.stdout, /! Sheet: could not be read: .*HTTP 500.*; kept 2 groups from .*feed\.json/);
      const feed = await readFeed(out);
      assert.equal(feed.groups.length, 2, 'the groups of the last good read stay');
      assert.equal(feed.extra.sources.find((/** @type {{ label: string }} */ s) => s.label === 'Sheet').state, 'stale');
      assert.ok(!JSON.stringify(feed.extra.sources).includes(origin), 'the public feed names no source address');
    } finally {
      toggledDown = false;
    }
  });

  it('asks again with the last ETag and keeps the items on a 304', async () => {
    const { path, out } = await writeConfig({ sources: [{ url: `${origin}/etag.ics`, label: 'Calendar' }] });
    assert.equal((await civicWidgets(['feed', 'build', path, '-o', out])).code, 0);
    const before = (await readFeed(out)).events.length;
    const run = await civicWidgets(['feed', 'build', path, '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(lastHeaders['/etag.ics'], '"v1"');
    assert.match(run.stdout, /unchanged since the last read \(304\)/);
    assert.equal((await readFeed(out)).events.length, before);
  });

  it('gives up on a slow source and an answer cut off, and keeps the others', async () => {
    const { path, out } = await writeConfig({
      sources: [
        { url: `${origin}/slow.ics`, label: 'Slow', timeout: 1 },
        { url: `${origin}/truncated.ics`, label: 'Cut off' },
        { url: `${origin}/sheet.csv`, label: 'Sheet' },
      ],
    });
    const started = Date.now();
    const run = await civicWidgets(['feed', 'build', path, '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(Date.now() - started < 10_000, 'a slow source costs its timeout (and one retry), not more');
    assert.match(run.stdout, /✗ Slow: could not be read: timed out/);
    assert.match(run.stdout, /✗ Cut off: could not be read: .*cut off/);
    assert.equal((await readFeed(out)).groups.length, 2);
  });

  it('exits 1 and writes nothing when no source can be read', async () => {
    const { path, out } = await writeConfig({ sources: [{ url: `${origin}/missing.ics` }, { file: 'nowhere.csv' }] });
    const run = await civicWidgets(['feed', 'build', path, '-o', out]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /HTTP 404/);
    assert.match(run.stdout, /nowhere\.csv: no such file/);
    assert.match(run.stderr, /no source could be read; nothing was written/);
    assert.equal(existsSync(out), false);
  });

  it('stops at a bad config, naming the line to fix', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{\n  "timezone": "Mars/Olympus",\n  "sources": [\n    { "url": "https://a.example/x.ics",\n      "format": "ical" }\n  ]\n}\n');
    const run = await civicWidgets(['feed', 'build', path, '-o', join(dir, 'never.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bad\.json:5: sources\[0\]\.format: must be one of "auto", "json", "ics"/);
    await writeFile(path, '{\n  "timezone": "Mars/Olympus",\n  "sources": [{ "file": "a.csv" }]\n}\n');
    assert.match((await civicWidgets(['feed', 'build', path, '-o', join(dir, 'never.json')])).stderr, /bad\.json:2: "Mars\/Olympus" is not a time zone/);
    await writeFile(path, '{\n  "sources": [\n    { "file": "a.csv" },\n  ]\n}\n');
    assert.match((await civicWidgets(['feed', 'build', path, '-o', join(dir, 'never.json')])).stderr, /bad\.json:4: not valid JSON/);
    assert.equal((await civicWidgets(['feed', 'build'])).code, 2, 'no config: a usage error');
  });
});

describe('civic-widgets feed check', () => {
  it('says a page on another site may not read a calendar served without CORS headers, and how to fix it', async () => {
    const run = await civicWidgets(['feed', 'check', `${origin}/google.ics`, '--origin', 'https://library.example']);
    assert.equal(run.code, 1, 'a widget on that site could not read it');
    assert.match(run.stdout, /read as ics/);
    assert.match(run.stdout, /events: \d+ read/);
    assert.match(run.stdout, /a page on https:\/\/library\.example may NOT read it: it sends no Access-Control-Allow-Origin header/);
    assert.match(run.stdout, /npx civic-widgets feed build/);
    assert.match(run.stdout, /npx civic-widgets serve/);
  });

  it('passes a source any page may read, and names what it skipped', async () => {
    const ok = await civicWidgets(['feed', 'check', `${origin}/public.ics`, '--origin', 'https://library.example']);
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /any page may read it/);
    const sheet = join(dir, 'groups.csv');
    await writeFile(sheet, GROUPS_CSV);
    const local = await civicWidgets(['feed', 'check', sheet]);
    assert.equal(local.code, 0);
    assert.match(local.stdout, /groups: 2 read, 2 skipped/);
    assert.match(local.stdout, /First groups:\n {2}Housing Data User Group\n {2}Environmental Data Circle/);
  });

  it('exits 1 for a source that cannot be read and 2 for a usage error', async () => {
    const missing = await civicWidgets(['feed', 'check', `${origin}/missing.ics`]);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /cannot be read: .*HTTP 404/);
    assert.equal((await civicWidgets(['feed', 'check', 'a.ics', '--format', 'ical'])).code, 2);
    assert.equal((await civicWidgets(['feed', 'check'])).code, 2);
    assert.equal((await civicWidgets(['feed', 'fetch', 'x'])).code, 2);
  });
});
