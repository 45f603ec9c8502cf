// @ts-check
/**
 * `civic-widgets serve`, end to end on loopback: the real server reading real sources from a
 * loopback source server, asked as browsers and calendars ask (conditional requests, gzip and
 * brotli, CORS preflights, windows and topics), while a source goes down and comes back; the
 * staff status page; registrations through the live feed; and a bad setup stopped at start.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { parseConfig } from '../../packages/server/src/config.mjs';
import { startServer } from '../../packages/server/src/commands/serve.mjs';
import { readMessage, startSmtp } from './rsvp-mail-fixtures.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/server/bin/civic-widgets.mjs');
const TOKEN = randomBytes(32).toString('base64url');
const LIBRARY = 'https://www.library.example';

/** The library's own events: a weekly group, one-off events across three months, and one that takes registrations. */
const EVENTS_FEED = {
  version: '1',
  timezone: 'America/Chicago',
  events: [
    { id: 'housing-group', title: 'Housing Data User Group', start: '2026-01-13T18:30:00', end: '2026-01-13T20:00:00', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=30', topics: ['housing'] },
    { id: 'housing-group-moved', title: 'Housing Data User Group (Room B)', start: '2026-03-11T18:30:00', seriesId: 'housing-group', recurrenceId: '2026-03-10T18:30:00', topics: ['housing'] },
    { id: 'feb-map', title: 'Map night', start: '2026-02-12T18:00:00', topics: ['transit'] },
    { id: 'mar-day', title: 'Data Day', start: '2026-03-07', end: '2026-03-08', topics: ['open-data'],
      capacity: 2, waitlist: false, rsvp: { endpoint: '/api/rsvp' } },
    { id: 'late-jan', title: 'Overnight hack', start: '2026-01-31T20:00:00', end: '2026-02-01T04:00:00', topics: ['civic-tech'] },
  ],
};
const GROUPS_CSV = 'id,name,topics\r\nhousing,Housing Data User Group,housing\r\nbudget,Budget Watchers,budget\r\n';

let dir = '';
let sourceOrigin = '';
/** @type {import('node:http').Server} */
let sources;
let sheetDown = false;
let feedHits = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-test-'));
  sources = createServer((request, response) => {
    if (request.url === '/events.json') {
      feedHits++;
      const same = request.headers['if-none-match'] === '"e1"';
      response.writeHead(same ? 304 : 200, { 'Content-Type': 'application/json', ETag: '"e1"' });
      return void response.end(same ? undefined : JSON.stringify(EVENTS_FEED));
    }
    if (request.url === '/groups.csv') {
      if (sheetDown) {
        response.writeHead(503);
        return void response.end();
      }
      response.writeHead(200, { 'Content-Type': 'text/csv' });
      return void response.end(GROUPS_CSV);
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise((resolve) => sources.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = sources.address();
  sourceOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

after(async () => {
  sources.closeAllConnections();
  await new Promise((resolve) => sources.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

let servers = 0;
/**
 * A config for the loopback sources, with a data folder of its own.
 * @param {Record<string, unknown>} [server]
 */
function config(server = {}) {
  const dataDir = join(dir, `data-${++servers}`);
  const text = JSON.stringify({
    title: 'Riverside Public Library',
    timezone: 'America/Chicago',
    sources: [
      { url: `${sourceOrigin}/events.json`, label: 'Events' },
      { url: `${sourceOrigin}/groups.csv`, label: 'Groups sheet' },
    ],
    server: { origins: [LIBRARY], dataDir, port: 0, ...server },
  }, null, 2);
  return parseConfig(text, join(dir, `civic-${servers}.json`));
}

/**
 * Starts the server in this process; the test stops it when it ends.
 * @param {{ after: (fn: () => unknown) => void }} t
 * @param {Record<string, unknown>} [server]
 */
async function start(t, server) {
  const lines = /** @type {string[]} */ ([]);
  const running = await startServer(config(server), { token: TOKEN, log: (line) => lines.push(line) });
  t.after(() => running.stop());
  return { ...running, lines };
}

/**
 * Registers Ada (under `email`) for Data Day from the library's site.
 * @param {string} url the server's
 * @param {string} key the idempotency key
 * @param {string} email
 */
function registerAt(url, key, email) {
  return fetch(`${url}/api/rsvp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Origin: LIBRARY },
    body: JSON.stringify({ eventId: 'mar-day', name: 'Ada', email, answers: {}, idempotencyKey: key }),
  });
}

/**
 * A raw request, so that nothing between us and the server decodes or caches.
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string> }} [options]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
function raw(url, options = {}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('civic-widgets serve: the live feed', () => {
  it('serves the merged feed with validators, 304s, gzip and brotli', async (t) => {
    const { url } = await start(t);
    const plain = await raw(`${url}/feed.json`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['x-content-type-options'], 'nosniff');
    const feed = JSON.parse(plain.body.toString());
    assert.equal(feed.windowed, true);
    assert.equal(feed.events.length, 5);
    assert.deepEqual(feed.groups.map((/** @type {{ id: string }} */ g) => g.id), ['housing', 'budget']);
    const etag = /** @type {string} */ (plain.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);

    const br = await raw(`${url}/feed.json`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), feed);
    const gz = await raw(`${url}/feed.json`, { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), feed);

    const again = await raw(`${url}/feed.json`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const since = await raw(`${url}/feed.json`, { headers: { 'If-Modified-Since': /** @type {string} */ (plain.headers['last-modified']) } });
    assert.equal(since.status, 304);

    const ics = await raw(`${url}/feed.ics`);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(ics.body.toString()));
    assert.equal(calendar.getAllSubcomponents('vevent').length, 5);
  });

  it('grants CORS to the configured origins only, with the preflight revalidation needs', async (t) => {
    const { url } = await start(t);
    const ours = await raw(`${url}/feed.json`, { headers: { Origin: LIBRARY } });
    assert.equal(ours.headers['access-control-allow-origin'], LIBRARY);
    assert.match(String(ours.headers['access-control-expose-headers']), /ETag/);
    assert.match(String(ours.headers.vary), /Origin/);
    const theirs = await raw(`${url}/feed.json`, { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(theirs.headers['access-control-allow-origin'], undefined);
    const preflight = await raw(`${url}/feed.json`, { method: 'OPTIONS', headers: { Origin: LIBRARY, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' } });
    assert.equal(preflight.status, 204);
    assert.match(String(preflight.headers['access-control-allow-headers']), /If-None-Match/);
  });

  it('answers one window of occurrences, and a feed filtered by topic', async (t) => {
    const { url } = await start(t);
    const ids = async (/** @type {string} */ query) => JSON.parse((await raw(`${url}/feed.json?${query}`)).body.toString()).events.map((/** @type {{ id: string }} */ e) => e.id).sort();
    // February: the weekly series (begun in January), the map night, and the overnight hack that ends on the 1st.
    assert.deepEqual(await ids('from=2026-02-01T00:00:00-06:00&to=2026-03-01T00:00:00-06:00'), ['feb-map', 'housing-group', 'housing-group-moved', 'late-jan']);
    // March 7, all day: the data day; the series has no Saturday meeting, so it stays out.
    assert.deepEqual(await ids('from=2026-03-07T06:00:00Z&to=2026-03-07T23:00:00Z'), ['mar-day']);
    assert.deepEqual(await ids('topics=housing'), ['housing-group', 'housing-group-moved']);
    const bad = await raw(`${url}/feed.json?from=2026-01-01&to=2028-01-01`);
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body.toString()).error, /at most 400 days/);
    assert.equal((await raw(`${url}/feed.json?from=yesterday&to=2026-01-01`)).status, 400);
    const housingIcs = (await raw(`${url}/feed.ics?topics=housing`)).body.toString();
    assert.match(housingIcs, /RRULE:FREQ=WEEKLY/);
    assert.doesNotMatch(housingIcs, /Map night/);
  });

  it('keeps serving a source\'s last good items while it is down, marked stale, also after a restart', async (t) => {
    sheetDown = false;
    const first = await start(t);
    const source = first.live.config.sources[1];
    assert.ok(source);
    sheetDown = true;
    try {
      await first.live.refresh(source, true);
      const feed = JSON.parse((await raw(`${first.url}/feed.json`)).body.toString());
      assert.equal(feed.groups.length, 2, 'the groups stay');
      assert.equal(feed.extra.sources.find((/** @type {{ label: string }} */ s) => s.label === 'Groups sheet').state, 'stale');
      assert.ok(first.lines.some((line) => /source "Groups sheet": could not be read \(.*503.*\); keeping its last good items/.test(line)));

      // A restart while the sheet is still down: the copy kept in the data folder stands in.
      const dataDir = /** @type {string} */ (first.live.dataDir);
      await first.stop();
      const again = await startServer(config({ dataDir }), { token: TOKEN, log: () => undefined });
      t.after(() => again.stop());
      const restarted = JSON.parse((await raw(`${again.url}/feed.json`)).body.toString());
      assert.equal(restarted.groups.length, 2);
      assert.equal(restarted.events.length, 5);
    } finally {
      sheetDown = false;
    }
  });

  it('asks an unchanged source conditionally and keeps its items on a 304', async (t) => {
    const { url, live } = await start(t);
    const before = feedHits;
    const events = live.config.sources[0];
    assert.ok(events);
    await live.refresh(events, true);
    assert.equal(feedHits, before + 1);
    assert.equal(live.status()[0]?.last?.state, 'unchanged');
    assert.equal(JSON.parse((await raw(`${url}/feed.json`)).body.toString()).events.length, 5);
  });
});

describe('civic-widgets serve: a consortium\'s year', () => {
  it('keeps more events than a widget would (30,000 from one source), and answers a month of them', async (t) => {
    const events = Array.from({ length: 30_000 }, (_, i) => ({
      id: `e${i}`, title: `Event ${i}`, start: new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000 + (i % 10) * 3_600_000).toISOString().slice(0, 19),
    }));
    const file = join(dir, 'consortium.json');
    await writeFile(file, JSON.stringify({ version: '1', timezone: 'UTC', events }));
    const text = JSON.stringify({ sources: [{ file }], server: { dataDir: join(dir, 'data-consortium'), port: 0, origins: [LIBRARY] } });
    const running = await startServer(parseConfig(text, join(dir, 'consortium-config.json')), { log: () => undefined });
    t.after(() => running.stop());
    const whole = JSON.parse((await raw(`${running.url}/feed.json`)).body.toString());
    assert.equal(whole.events.length, 30_000);
    const march = JSON.parse((await raw(`${running.url}/feed.json?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`)).body.toString());
    const inMarch = events.filter((e) => e.start.startsWith('2026-03')).length;
    assert.equal(march.events.length, inMarch);
  });
});

describe('civic-widgets serve: status, registrations and errors', () => {
  it('shows staff each source and the registration store, behind the token', async (t) => {
    const { url } = await start(t);
    assert.equal((await raw(`${url}/status`)).status, 401);
    assert.match(String((await raw(`${url}/status`)).headers['www-authenticate']), /^Basic/);
    assert.equal((await raw(`${url}/status`, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
    const html = await raw(`${url}/status`, { headers: { Authorization: `Basic ${Buffer.from(`staff:${TOKEN}`).toString('base64')}` } });
    assert.equal(html.status, 200);
    assert.match(String(html.headers['content-security-policy']), /default-src 'none'/);
    const page = html.body.toString();
    assert.match(page, /<th scope="row">Events<br>/);
    assert.match(page, /Groups sheet/);
    assert.match(page, /Working: 0 registrations/);
    const json = JSON.parse((await raw(`${url}/status`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } })).body.toString());
    assert.equal(json.ok, true);
    assert.deepEqual(json.sources.map((/** @type {{ label: string, state: string }} */ s) => [s.label, s.state]), [['Events', 'fresh'], ['Groups sheet', 'fresh']]);
    assert.equal(json.registrations.ok, true);
  });

  it('takes registrations for the live feed\'s events', async (t) => {
    const { url } = await start(t);
    const post = (/** @type {string} */ key, /** @type {string} */ email) => registerAt(url, key, email);
    const first = await post('key-one-0000000000', 'ada@example.org');
    assert.equal(first.status, 201, await first.clone().text());
    assert.equal(/** @type {{ status: string }} */ (await first.json()).status, 'confirmed');
    assert.equal((await post('key-two-0000000000', 'grace@example.org')).status, 201);
    assert.equal((await post('key-three-00000000', 'alan@example.org')).status, 409, 'two seats, no waitlist');
  });

  it('lets a patron cancel by link and staff cancel with the staff token', async (t) => {
    const { url } = await start(t);
    const post = (/** @type {string} */ key, /** @type {string} */ email) => registerAt(url, key, email);
    const first = /** @type {{ cancelUrl: string }} */ (await (await post('key-one-0000000000', 'ada@example.org')).json());
    await post('key-two-0000000000', 'grace@example.org');
    const link = new URL(first.cancelUrl, url);
    assert.equal(link.origin, new URL(url).origin);
    assert.equal((await fetch(link)).status, 200);
    assert.equal((await fetch(link, { method: 'POST' })).status, 200);
    assert.equal((await post('key-three-00000000', 'alan@example.org')).status, 201, 'the freed seat');
    const staff = await fetch(`${url}/api/rsvp/registrations/2`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(staff.status, 200);
    assert.equal((await post('key-four-000000000', 'joan@example.org')).status, 201, 'the seat staff freed');
  });

  it('mails patrons through the SMTP server of server.mail, with links on the public origin', async (t) => {
    const smtp = await startSmtp();
    t.after(() => smtp.close());
    const { url } = await start(t, {
      publicOrigin: 'https://events.library.example',
      mail: { host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'Riverside Library <events@library.example>', language: 'fr' },
    });
    const answer = await fetch(`${url}/api/rsvp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-mail-000000000', Origin: LIBRARY },
      body: JSON.stringify({ eventId: 'mar-day', name: 'Ada', email: 'ada@example.org', answers: {}, idempotencyKey: 'key-mail-000000000' }),
    });
    assert.equal(answer.status, 201);
    await smtp.until(1);
    const mail = readMessage(smtp.received[0]?.raw ?? '');
    // No language in the submission: the config's.
    assert.equal(mail.subject, 'Vous êtes inscrit·e\u00a0: Data Day');
    const text = mail.parts[0]?.text ?? '';
    assert.match(text, /Quand\u00a0: samedi 7 mars 2026/);
    assert.match(text, /^https:\/\/events\.library\.example\/api\/rsvp\/cancel\?token=[1-9][0-9]*\.[A-Za-z0-9_-]{43}$/m);
    assert.match(mail.parts.find((p) => p.filename === 'event.ics')?.text ?? '', /DTSTART;VALUE=DATE:20260307/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const status = await raw(`${url}/status`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } });
    assert.deepEqual(JSON.parse(status.body.toString()).registrations.mail, { queued: 0, sending: 0, sent: 1, failed: 0 });
    const page = await raw(`${url}/status`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.match(page.body.toString(), /Mail: 0 waiting to be sent; in the last day 1 sent and 0 given up\./);
  });

  it('gives staff the attendance list with the status page\'s login, and keeps the data the days configured', async (t) => {
    const { url, lines } = await start(t, { rsvp: { retentionDays: 7 } });
    const register = await registerAt(url, 'key-staff-00000000', 'ada@example.org');
    assert.equal(register.status, 201);
    const login = { Authorization: `Basic ${Buffer.from(`staff:${TOKEN}`).toString('base64')}` };
    const index = await fetch(`${url}/api/rsvp/staff`, { headers: login });
    assert.equal(index.status, 200);
    assert.match(await index.text(), />Data Day<\/a><\/th><td>Saturday, March 7, 2026<\/td>/);
    const list = await (await fetch(`${url}/api/rsvp/staff/attendance?eventId=mar-day&occurrence=`, { headers: login })).text();
    assert.match(list, /<h1>Data Day<\/h1>\n<p>Saturday, March 7, 2026<\/p>/);
    assert.match(list, /<dt>Capacity<\/dt><dd>2<\/dd>/);
    assert.match(list, /aria-label="Check in Ada"/);
    assert.ok(lines.some((line) => /attendance lists: http:\/\/127\.0\.0\.1:\d+\/api\/rsvp\/staff; names, emails and answers kept 7 days after each event ends/.test(line)));
    // The data folder holds the cancel links' secret, readable by the server's account only.
    const secret = readdirSync(dir).flatMap((name) => (name.startsWith('data-') ? [join(dir, name, 'cancel-secret')] : [])).filter(existsSync);
    assert.ok(secret.length > 0);
    for (const file of secret) assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('answers JSON, nosniff and no-store, for what it does not serve', async (t) => {
    const { url } = await start(t);
    const missing = await raw(`${url}/wp-admin`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal(missing.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(JSON.parse(missing.body.toString()), { error: 'Not found.' });
    const huge = await raw(`${url}/feed.json`, { headers: { Cookie: 'x'.repeat(20_000) } });
    assert.equal(huge.status, 431);
    assert.match(huge.body.toString(), /too large/);
    assert.equal((await raw(`${url}/feed.json`, { method: 'POST' })).status, 405);
  });

  it('stops at start on a setup that cannot work, naming what to fix', async () => {
    await assert.rejects(startServer(config({ dataDir: 'relative/data' }), { log: () => undefined }), /server\.dataDir: "relative\/data" is relative/);
    await assert.rejects(startServer(config({ origins: ['*'] }), { log: () => undefined }), /server\.origins: "\*" lets any site/);
    await assert.rejects(startServer(config(), { token: 'password123', log: () => undefined }), /CIVIC_STAFF_TOKEN: the staff token has 11 characters/);
    const mail = { host: 'smtp.library.example', from: 'events@library.example' };
    await assert.rejects(startServer(config({ mail }), { log: () => undefined }), /civic-\d+\.json:\d+: server\.mail: needs server\.publicOrigin/);
    const publicOrigin = 'https://events.library.example';
    await assert.rejects(startServer(config({ publicOrigin, mail: { ...mail, user: 'events', passwordEnv: 'NO_SUCH_SMTP_PASSWORD' } }), { log: () => undefined }),
      /civic-\d+\.json:\d+: server\.mail\.passwordEnv: the environment variable NO_SUCH_SMTP_PASSWORD is not set/);
    await assert.rejects(startServer(config({ publicOrigin, mail: { ...mail, from: 'the library' } }), { log: () => undefined }),
      /server\.mail\.from: "the library" is not an address/);
    // The password itself has no place in the config.
    assert.throws(() => config({ publicOrigin, mail: { ...mail, password: 'hunter2' } }), /civic-\d+\.json:\d+: unknown field "password" in server\.mail/);
  });
});

describe('civic-widgets serve: the command', () => {
  it('starts from a config file, serves, and stops cleanly on SIGTERM', async () => {
    const path = join(dir, 'civic-command.json');
    await writeFile(path, JSON.stringify({
      sources: [{ url: `${sourceOrigin}/events.json` }],
      server: { dataDir: join(dir, 'data-command'), origins: [LIBRARY] },
    }));
    const child = spawn(process.execPath, [BIN, 'serve', '--config', path, '--port', '0'], { env: { ...process.env, CIVIC_STAFF_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${output}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /serve: (http:\/\/127\.0\.0\.1:\d+)\/feed\.json/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const feed = /** @type {{ events: unknown[] }} */ (await (await fetch(`${url}/feed.json`)).json());
    assert.equal(feed.events.length, 5);
    const code = await new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.ok(JSON.parse(await readFile(join(dir, 'data-command', 'last-feed.json'), 'utf8')).events.length === 5, 'the last feed is kept for a restart');
  });

  it('exits 2 with the line to fix when the config is wrong', async () => {
    const path = join(dir, 'civic-bad.json');
    await writeFile(path, '{\n  "sources": [{ "url": "https://x.example/a.ics" }],\n  "server": {\n    "port": "8080"\n  }\n}\n');
    const child = spawn(process.execPath, [BIN, 'serve', '--config', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /civic-bad\.json:4: server\.port: /);
  });
});
