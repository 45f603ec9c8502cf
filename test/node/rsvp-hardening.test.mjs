// @ts-check
/**
 * The RSVP server as the internet will try it (issue 16, "RSVP, hardened"): behind a proxy,
 * with a big feed, many registrations, hostile names and answers, broken requests and weak
 * settings. Each case starts the real server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { clientAddressOf } from '../../packages/server/src/client-address.mjs';
import { weakTokenReason } from '../../packages/server/src/rsvp-export.mjs';
import { createRsvpHandler, createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';
import { openRsvpStore, SEATS_QUERY } from '../../packages/server/src/rsvp-store.mjs';
import { freshDbPath, freshKey, parseCsv, post, postgresOnly, query, rows, start, sqliteOnly, storeOptions } from './rsvp-fixtures.mjs';

/** @typedef {{ after: (fn: () => unknown) => void }} TestContext */

const TOKEN = randomBytes(32).toString('base64url');

/**
 * A request with only a socket and headers, as clientAddressOf reads it.
 * @param {string} peer
 * @param {Record<string, string>} headers
 */
const fakeRequest = (peer, headers = {}) =>
  /** @type {import('node:http').IncomingMessage} */ (/** @type {unknown} */ ({ socket: { remoteAddress: peer }, headers }));

/**
 * A reverse proxy on 127.0.0.1, as nginx with `proxy_add_x_forwarded_for` is one: it appends the
 * address it heard from to X-Forwarded-For and connects to the server from 127.0.0.1.
 * @param {TestContext} t
 * @param {number} port the server's
 */
async function startProxy(t, port) {
  const proxy = createServer((req, res) => {
    const before = req.headers['x-forwarded-for'];
    const peer = req.socket.remoteAddress ?? '';
    const headers = { ...req.headers, 'x-forwarded-for': before ? `${before}, ${peer}` : peer };
    const upstream = httpRequest(
      { host: '127.0.0.1', localAddress: '127.0.0.1', port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  t.after(() => new Promise((resolve) => { proxy.closeAllConnections(); proxy.close(resolve); }));
  const address = proxy.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * A request from a chosen loopback address (127.0.0.2, 127.0.0.3…: every 127/8 address is this
 * machine), so that each test patron has an address of its own.
 * @param {{ port: number, path: string, from: string, method?: string, body?: string, headers?: Record<string, string> }} options
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string }>}
 */
function requestFrom({ port, path, from, method = 'GET', body, headers = {} }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, localAddress: from, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Ada's registration for `eventId` (with an email of the key's own), posted from `from` through the proxy at `port`.
 * @param {number} port
 * @param {string} from
 * @param {Record<string, string>} [headers]
 */
function registerFrom(port, from, headers = {}) {
  const key = freshKey();
  return requestFrom({
    port, path: '/api/rsvp', from, method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: JSON.stringify({ eventId: 'open-house', name: 'Ada Lovelace', email: `ada.${key}@example.org` }),
  });
}

/**
 * Sends raw bytes on a new connection and resolves to all the server sent back.
 * @param {string} url any URL of the server
 * @param {string} bytes
 */
function rawExchange(url, bytes) {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => { received += chunk; });
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('trust proxy: who the client is', () => {
  it('ignores forwarding headers without the setting', () => {
    const address = clientAddressOf(undefined);
    assert.equal(address(fakeRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })), '127.0.0.1');
    assert.equal(address(fakeRequest('::ffff:198.51.100.7', { forwarded: 'for=203.0.113.9' })), '198.51.100.7');
  });

  it('takes the first untrusted address from the right, so a client cannot choose its own', () => {
    const address = clientAddressOf('loopback');
    // The client sent "6.6.6.6" itself; the proxy on loopback appended what it saw.
    assert.equal(address(fakeRequest('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })), '203.0.113.9');
    assert.equal(address(fakeRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })), '203.0.113.9');
    // Not from a trusted proxy: the header is the client's word, and ignored.
    assert.equal(address(fakeRequest('198.51.100.7', { 'x-forwarded-for': '203.0.113.9' })), '198.51.100.7');
    // A chain of proxies, the outer one on a private network.
    const chain = clientAddressOf(['127.0.0.1', '10.0.0.0/8']);
    assert.equal(chain(fakeRequest('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.1.2.3' })), '203.0.113.9');
    // Garbage where an address should be ends the chain: nothing left of it is believed.
    assert.equal(chain(fakeRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.9, nonsense' })), 'nonsense');
  });

  it('counts hops when given a number', () => {
    const one = clientAddressOf(1);
    assert.equal(one(fakeRequest('192.0.2.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })), '203.0.113.9');
    assert.equal(one(fakeRequest('192.0.2.1')), '192.0.2.1');
    const two = clientAddressOf(2);
    assert.equal(two(fakeRequest('192.0.2.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 192.0.2.2' })), '203.0.113.9');
  });

  it('reads RFC 7239 Forwarded when told to, with quoted IPv6 and ports', () => {
    const address = clientAddressOf('loopback', 'forwarded');
    const forwarded = 'for=6.6.6.6, for="[2001:db8::17]:4711";proto=https, for=127.0.0.1';
    assert.equal(address(fakeRequest('::1', { forwarded })), '2001:db8::17');
    // It reads only the header it was told the proxy writes.
    assert.equal(address(fakeRequest('::1', { 'x-forwarded-for': '203.0.113.9' })), '::1');
  });

  it('refuses a setting it cannot read, and `true`, which would believe any client', () => {
    for (const setting of [true, 0, 1.5, 'proxy.example.org', '10.0.0.0/33', '']) {
      assert.throws(() => clientAddressOf(/** @type {any} */ (setting)), /trustProxy/, String(setting));
    }
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', trustProxy: 'somewhere' }), /trustProxy/);
  });

  it('counts 40 patrons behind one proxy apart, and keeps the staff export open', async (t) => {
    const { url, rsvp } = await start(t, {
      rateLimit: { windowMs: 60_000, max: 30 }, trustProxy: '127.0.0.1', exportToken: TOKEN,
    });
    const proxyPort = await startProxy(t, Number(new URL(url).port));
    const patrons = Array.from({ length: 40 }, (_, i) => `127.0.0.${i + 2}`);
    const answers = await Promise.all(patrons.map((from) => registerFrom(proxyPort, from)));
    assert.deepEqual(answers.map((a) => a.status), patrons.map(() => 201));

    // One patron past the limit, changing the address it claims: still counted as itself.
    const busy = '127.0.0.60';
    for (let i = 0; i < 30; i++) assert.equal((await registerFrom(proxyPort, busy, { 'X-Forwarded-For': `198.51.100.${i}` })).status, 201);
    assert.equal((await registerFrom(proxyPort, busy, { 'X-Forwarded-For': '198.51.100.99' })).status, 429);

    // Staff on that very address (a branch's shared connection) still get the export.
    const exported = await requestFrom({
      port: proxyPort, path: '/api/rsvp/export.csv', from: busy, headers: { Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(exported.status, 200);
    assert.equal(parseCsv(exported.text.replace(/^\ufeff/, '')).length, 1 + 40 + 30);
    assert.ok(rsvp.server.listening);
  });

  it('without the setting, the same 40 patrons share one budget (the bug this fixes)', async (t) => {
    const { url } = await start(t, { rateLimit: { windowMs: 60_000, max: 30 } });
    const proxyPort = await startProxy(t, Number(new URL(url).port));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => registerFrom(proxyPort, `127.0.0.${i + 2}`)));
    assert.equal(answers.filter((a) => a.status === 429).length, 10);
  });
});

describe('the feed is worked out once per feed object', () => {
  /**
   * A feed of `count` events taking registrations whose `events` list counts its reads.
   * @param {number} count
   * @param {Record<string, unknown>} [extra] added to every event
   */
  function countingFeed(count, extra = {}) {
    const events = Array.from({ length: count }, (_, i) => ({
      id: `event-${i}`, title: `Event ${i}`, start: '2999-05-01T10:00:00Z', rsvp: { endpoint: '/api/rsvp' }, capacity: 100, ...extra,
    }));
    const reads = { count: 0 };
    const feed = { version: '1', get events() { reads.count += 1; return events; } };
    return { feed, reads };
  }

  it('reads a 1,000-event feed once, however many registrations follow', async (t) => {
    const big = countingFeed(1000);
    let current = big.feed;
    const { url, dbPath } = await start(t, { events: undefined, feed: () => current });
    const afterStart = big.reads.count;
    assert.ok(afterStart > 0);
    for (let i = 0; i < 25; i++) assert.equal((await post(url, { eventId: `event-${i * 37}` })).status, 201);
    assert.equal(big.reads.count, afterStart, 'no registration read the feed again');
    assert.equal((await rows(dbPath)).length, 25);

    // A refreshed feed is a new object: worked out once more, then reused.
    const refreshed = countingFeed(1, { id: 'new-event' });
    current = refreshed.feed;
    for (let i = 0; i < 5; i++) assert.equal((await post(url, { eventId: 'new-event' })).status, 201);
    assert.equal(refreshed.reads.count, afterStart);
    assert.equal((await post(url, { eventId: 'event-1' })).status, 422, 'the old feed is gone');
  });

  it('refuses to start on a capacity that is not a whole number of seats, naming the event', () => {
    for (const capacity of ['ten', '10', 2.5, -1, true]) {
      const { feed } = countingFeed(3, { capacity });
      assert.throws(
        () => createRsvpHandler({ dbPath: ':memory:', feed }),
        (error) => error instanceof Error && /Event "event-0": capacity must be a whole number/.test(error.message),
        String(capacity),
      );
    }
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', events: [{ id: 'x', capacity: /** @type {any} */ ('5') }] }), /Event "x"/);
  });

  it('keeps the last good events when a refreshed feed has such a capacity, and logs one line', async (t) => {
    /** @type {string[]} */
    const lines = [];
    let current = /** @type {unknown} */ (countingFeed(2).feed);
    const { url } = await start(t, { events: undefined, feed: () => current, log: (line) => lines.push(line) });
    current = countingFeed(2, { capacity: 'lots' }).feed;
    assert.equal((await post(url, { eventId: 'event-1' })).status, 201);
    assert.equal((await post(url, { eventId: 'event-1' })).status, 201);
    assert.equal(lines.length, 1, 'logged once per bad feed, not per registration');
    assert.match(lines[0], /keeping the events of the last good feed: Event "event-0": capacity/);
  });
});

describe('seat counts', () => {
  sqliteOnly('reads one row by primary key to count seats', async (t) => {
    const { dbPath } = await start(t);
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    const plan = /** @type {{ detail: string }[]} */ (db.prepare(`EXPLAIN QUERY PLAN ${SEATS_QUERY}`).all(['a', ''])).map((row) => row.detail);
    assert.equal(plan.length, 1);
    assert.match(plan[0], /^SEARCH seats USING PRIMARY KEY \(event_id=\? AND occurrence=\?\)$/);
  });

  sqliteOnly('keeps the counts with the registrations through 5,000 of them', async (t) => {
    const dbPath = freshDbPath();
    const store = openRsvpStore(dbPath);
    t.after(() => store.close());
    const respond = () => ({ status: 201, body: {} });
    /** @type {Promise<unknown>[]} */
    const registered = [];
    for (let i = 0; i < 5000; i++) {
      const event = i % 2 ? 'open' : 'small';
      registered.push(store.register(
        { eventId: event, occurrence: '', name: 'A', email: `a${i}@example.org`, answers: {}, accommodations: '', idempotencyKey: `k${i}`, requestHash: 'h', createdAt: '' },
        event === 'small' ? { capacity: 10, waitlist: true } : { capacity: undefined, waitlist: false },
        respond,
      ));
    }
    await Promise.all(registered);
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    const seats = db.prepare('SELECT event_id, confirmed, last_position FROM seats ORDER BY event_id').all();
    assert.deepEqual(seats, [
      { event_id: 'open', confirmed: 2500, last_position: 0 },
      { event_id: 'small', confirmed: 10, last_position: 2490 },
    ]);
    const counted = db.prepare("SELECT COUNT(*) AS n, MAX(position) AS last FROM registrations WHERE event_id = 'small' AND status = 'waitlisted'").get();
    assert.deepEqual(counted, { n: 2490, last: 2490 });
  });

  sqliteOnly('recounts on start, so a registration deleted by hand frees its seat', async (t) => {
    const first = await start(t);
    assert.equal((await post(first.url, { eventId: 'workshop' })).status, 201);
    assert.equal((await post(first.url, { eventId: 'workshop' })).status, 409);
    await first.rsvp.close();
    const db = new Database(first.dbPath);
    db.prepare("DELETE FROM registrations WHERE event_id = 'workshop'").run();
    db.close();
    const again = await start(t, { dbPath: first.dbPath });
    assert.equal((await post(again.url, { eventId: 'workshop' })).status, 201);
  });

  sqliteOnly('counts the seats of a database written by the first version', async (t) => {
    const dbPath = freshDbPath();
    const old = new Database(dbPath);
    old.exec(`CREATE TABLE registrations (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, occurrence TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL, email TEXT NOT NULL, answers TEXT NOT NULL DEFAULT '{}', accommodations TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL, position INTEGER, idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL,
      response TEXT NOT NULL, created_at TEXT NOT NULL)`);
    const insert = old.prepare(`INSERT INTO registrations (event_id, name, email, status, position, idempotency_key, request_hash, response, created_at)
      VALUES ('data-day', 'A', 'a@example.org', ?, ?, ?, 'h', '{}', '')`);
    insert.run('confirmed', null, 'old-1');
    insert.run('confirmed', null, 'old-2');
    insert.run('waitlisted', 1, 'old-3');
    old.pragma('user_version = 1');
    old.close();

    const { url } = await start(t, { dbPath });
    const answer = await post(url, { eventId: 'data-day' });
    assert.deepEqual([answer.status, answer.body.status, answer.body.position], [201, 'waitlisted', 2]);
  });
});

describe('group commit', () => {
  /** @param {string} key */
  const registration = (key) => ({
    eventId: 'e', occurrence: '', name: 'A', email: `${key}@example.org`, answers: {}, accommodations: '', idempotencyKey: key, requestHash: key, createdAt: '',
  });
  const seating = { capacity: 2, waitlist: true };
  const respond = (/** @type {{ status: string }} */ decision) => ({ status: 201, body: { status: decision.status } });

  sqliteOnly('writes registrations of one turn together, in order, each in its own savepoint', async (t) => {
    const dbPath = freshDbPath();
    const store = openRsvpStore(dbPath);
    t.after(() => store.close());
    const failing = () => { throw new Error('this one fails'); };
    const settled = await Promise.allSettled([
      store.register(registration('a'), seating, respond),
      store.register(registration('b'), seating, failing),
      store.register(registration('a'), seating, respond),
      store.register(registration('c'), seating, respond),
      store.register(registration('d'), seating, respond),
    ]);
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const kinds = settled.map((s) => (s.status === 'fulfilled' ? s.value.kind : 'error'));
    assert.deepEqual(kinds, ['created', 'error', 'existing', 'created', 'created']);
    // "b" failed alone: "c" took the second seat, "d" is first on the waitlist.
    const stored = (await rows(dbPath)).map((row) => [row.idempotency_key, row.status, row.position]);
    assert.deepEqual(stored, [['a', 'confirmed', null], ['c', 'confirmed', null], ['d', 'waitlisted', 1]]);
  });

  sqliteOnly('writes what is queued before it closes', async () => {
    const dbPath = freshDbPath();
    const store = openRsvpStore(dbPath);
    const pending = store.register(registration('late'), seating, respond);
    await store.close();
    assert.equal((await pending).kind, 'created');
    assert.equal((await rows(dbPath)).length, 1);
    await assert.rejects(store.register(registration('later'), seating, respond), /closed/);
  });
});

describe('answers and the export', () => {
  it('refuses answers to questions the event does not ask, prototype names included', async (t) => {
    const { url, dbPath } = await start(t);
    for (const name of ['constructor', 'toString', 'unasked']) {
      const answer = await post(url, { eventId: 'data-day', answers: { role: 'x', [name]: 'y' } });
      assert.equal(answer.status, 422, name);
      assert.deepEqual(Object.keys(answer.body.errors), [`answers.${name}`]);
    }
    const proto = await post(url, {}, { body: '{"eventId":"data-day","name":"Ada","email":"ada@example.org","answers":{"__proto__":"x"}}' });
    assert.equal(proto.status, 422);
    assert.deepEqual(Object.keys(proto.body.errors), ['answers.__proto__']);
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('never puts Object.prototype in the export, even for a question named "constructor"', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    assert.equal((await post(url, { eventId: 'odd-questions', answers: { constructor: 'asked' } })).status, 201);
    assert.equal((await post(url, { eventId: 'odd-questions' })).status, 201);
    const response = await fetch(`${url}/export.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const text = await response.text();
    const [header, first, second] = parseCsv(text.replace(/^\ufeff/, ''));
    assert.deepEqual(header.filter((name) => name.startsWith('answer:')), ['answer:constructor']);
    assert.equal(first[header.indexOf('answer:constructor')], 'asked');
    assert.equal(second[header.indexOf('answer:constructor')], '');
    assert.doesNotMatch(text, /native code|\[object|function/);
  });

  it('writes an export no locale splits or runs as a formula', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    const hostile = [
      { name: 'Smith;=HYPERLINK("https://evil.example")', accommodations: 'none' },
      { name: 'Grace Hopper', accommodations: '-1;+2' },
      { name: 'Tab Person', accommodations: '\t=cmd|calc' },
      { name: 'Line Person', accommodations: 'first\n=second' },
      { name: '@Someone', accommodations: 'x,=y' },
    ];
    for (const fields of hostile) assert.equal((await post(url, { eventId: 'open-house', ...fields })).status, 201);
    const text = (await (await fetch(`${url}/export.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text()).replace(/^\ufeff/, '');
    for (const separator of [',', ';']) {
      const table = parseCsv(text, separator);
      // Every row keeps its columns, however the spreadsheet splits.
      assert.equal(new Set(table.map((row) => row.length)).size, 1, `separator ${separator}`);
      for (const cell of table.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `separator ${separator}: ${JSON.stringify(cell)}`);
    }
    const table = parseCsv(text);
    const name = table[0].indexOf('name');
    assert.deepEqual(table.slice(1).map((row) => row[name]), ['Smith;=HYPERLINK("https://evil.example")', 'Grace Hopper', 'Tab Person', 'Line Person', "'@Someone"]);
  });
});

describe('names and text', () => {
  it('refuses lone surrogates in any text', async (t) => {
    const { url, dbPath } = await start(t);
    for (const [fields, field] of /** @type {[Record<string, unknown>, string][]} */ ([
      [{ name: 'Ada \ud800' }, 'name'],
      [{ accommodations: '\udc00 ramp' }, 'accommodations'],
      [{ answers: { role: 'x\ud83d' } }, 'answers.role'],
    ])) {
      const answer = await post(url, { eventId: 'data-day', ...fields });
      assert.equal(answer.status, 422, field);
      assert.ok(answer.body.errors[field], field);
    }
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('refuses a name that is empty once invisible characters are removed', async (t) => {
    const { url, dbPath } = await start(t);
    for (const name of ['\u200b', '\u202e\u2066 \u2069', '\u3164', '\u00ad\ufeff', '\u200d\u200c']) {
      const answer = await post(url, { eventId: 'open-house', name });
      assert.equal(answer.status, 422, JSON.stringify(name));
      assert.match(answer.body.errors.name, /enter your name/);
    }
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('strips bidi controls and keeps the joiners names need', async (t) => {
    const { url, dbPath } = await start(t);
    assert.equal((await post(url, { eventId: 'open-house', name: 'Ada\u202e ecalevoL\u202c' })).status, 201);
    assert.equal((await post(url, { eventId: 'open-house', name: 'می\u200cخواهم', accommodations: '\u2067ramp\u2069' })).status, 201);
    const [first, second] = (await rows(dbPath));
    assert.equal(first.name, 'Ada ecalevoL');
    assert.equal(second.name, 'می\u200cخواهم');
  });
});

describe('every answer is JSON that is neither sniffed nor cached', () => {
  /**
   * @param {{ status: number, headers: Headers | import('node:http').IncomingHttpHeaders }} answer
   */
  function assertSafe(answer) {
    const get = (/** @type {string} */ name) =>
      answer.headers instanceof Headers ? answer.headers.get(name) : answer.headers[name];
    assert.equal(get('x-content-type-options'), 'nosniff', String(answer.status));
    assert.equal(get('cache-control'), 'no-store', String(answer.status));
  }

  it('for 404, 405, 400, 401, 403, 429 and the export', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN, rateLimit: { windowMs: 60_000, max: 1 }, allowedOrigins: [] });
    const base = new URL(url).origin;
    const answers = [
      await fetch(`${base}/elsewhere`),
      await fetch(`${url}/nothing-here`),
      await fetch(url),
      await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
      await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: '{}' }),
      await fetch(`${url}/export.csv`),
      await fetch(`${url}/export.csv`),
      await fetch(`${url}/health`),
    ];
    assert.deepEqual(answers.map((a) => a.status), [404, 404, 405, 400, 403, 401, 429, 200]);
    for (const answer of answers) {
      assertSafe(answer);
      if (answer.headers.get('content-type')?.startsWith('application/json')) await answer.json();
      else assert.fail(`${answer.status} is ${answer.headers.get('content-type')}`);
    }
  });

  it('for 431 and 400 answered by node:http itself', async (t) => {
    const { url } = await start(t);
    const port = new URL(url).port;
    const tooLarge = await rawExchange(url, `GET /api/rsvp/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const garbage = await rawExchange(url, 'NOT HTTP AT ALL\r\n\r\n');
    for (const [raw, status] of /** @type {[string, number][]} */ ([[tooLarge, 431], [garbage, 400]])) {
      const [head, body] = raw.split('\r\n\r\n');
      assert.match(head, new RegExp(`^HTTP/1.1 ${status} `));
      assert.match(head, /\r\nContent-Type: application\/json; charset=utf-8\r\n/);
      assert.match(head, /\r\nX-Content-Type-Options: nosniff\r\n/);
      assert.match(head, /\r\nCache-Control: no-store\r\n/);
      assert.equal(typeof JSON.parse(body).error, 'string');
    }
  });

  it('logs an aborted upload as one line, without patron data or a stack', async (t) => {
    /** @type {string[]} */
    const lines = [];
    const { url, dbPath } = await start(t, { log: (line) => lines.push(line) });
    const port = Number(new URL(url).port);
    const partial = '{"eventId":"open-house","name":"Secret Patron","email":"secret@exa';
    await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/rsvp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: abort-1\r\nContent-Length: 500\r\n\r\n${partial}`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', resolve);
    });
    for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0], /\n|Secret|secret@| at /);
    assert.match(lines[0], /closed the connection/);
    assert.equal((await rows(dbPath)).length, 0);
  });
});

describe('settings refused at start', () => {
  it('refuses a weak export token, with a message saying how to make one', () => {
    for (const token of ['secret', 'staff-secret-token', 'a'.repeat(64), 'password'.repeat(8), '0123456789abcdef'.repeat(4)]) {
      assert.throws(
        () => createRsvpHandler({ dbPath: ':memory:', exportToken: token }),
        (error) => error instanceof Error && /export token/.test(error.message) && /randomBytes\(32\)|rand/.test(error.message),
        token,
      );
    }
    for (const encoding of /** @type {const} */ (['base64url', 'base64', 'hex'])) {
      assert.equal(weakTokenReason(randomBytes(32).toString(encoding)), undefined, encoding);
    }
  });

  it('stops at start on a PostgreSQL database it cannot use, saying what to check and not the password', async () => {
    const secret = randomBytes(32).toString('base64url');
    assert.throws(() => createRsvpHandler({ databaseUrl: 'postgres://', cancelSecret: secret }), /DATABASE_URL must be a URL like postgres:\/\/user/);
    const saved = process.env.CIVIC_CANCEL_SECRET;
    delete process.env.CIVIC_CANCEL_SECRET;
    try {
      assert.throws(() => createRsvpHandler({ databaseUrl: 'postgres://civic@127.0.0.1:9/civic' }), /CIVIC_CANCEL_SECRET/);
    } finally {
      if (saved !== undefined) process.env.CIVIC_CANCEL_SECRET = saved;
    }
    // Port 9 (discard) on loopback: nothing listens there.
    const rsvp = createRsvpServer({ databaseUrl: 'postgres://civic:hunter2-password@127.0.0.1:9/civic', cancelSecret: secret, exportToken: null });
    await assert.rejects(rsvp.listen(0), (error) => {
      assert.match(String(error), /cannot be reached .*check DATABASE_URL/);
      assert.ok(!String(error).includes('hunter2'), 'the password stays out of the message');
      return true;
    });
    await rsvp.handler.close();
  });

  it('refuses a relative database path', () => {
    assert.throws(() => createRsvpHandler({ dbPath: 'rsvp.sqlite' }), /dbPath must be an absolute path/);
    assert.equal(existsSync('rsvp.sqlite'), false);
  });
});

describe('backups', () => {
  postgresOnly('leaves a PostgreSQL store to pg_dump, and keeps the counts through 2,000 registrations from two servers', async (t) => {
    const one = await start(t, { events: [{ id: 'small', capacity: 10, waitlist: true }, { id: 'open' }] });
    const two = await start(t, { events: [{ id: 'small', capacity: 10, waitlist: true }, { id: 'open' }], dbPath: one.dbPath });
    await assert.rejects(one.rsvp.handler.backup('/tmp/never-written.sqlite'), /pg_dump/);
    assert.equal(existsSync('/tmp/never-written.sqlite'), false);
    // 2,000 at once, 50 in flight, half through each server.
    let next = 0;
    const worker = async () => {
      while (next < 2000) {
        const i = next++;
        const answer = await post(i % 2 ? one.url : two.url, { eventId: i % 4 < 2 ? 'small' : 'open' });
        assert.equal(answer.status, 201);
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    assert.deepEqual(await query(one.dbPath, 'SELECT event_id, confirmed, last_position, waiting FROM seats ORDER BY event_id'), [
      { event_id: 'open', confirmed: 1000, last_position: 0, waiting: 0 },
      { event_id: 'small', confirmed: 10, last_position: 990, waiting: 990 },
    ]);
    const [counted] = await query(one.dbPath, "SELECT COUNT(*) AS n, COUNT(DISTINCT position) AS places, MAX(position) AS last FROM registrations WHERE event_id = 'small' AND status = 'waitlisted'");
    assert.deepEqual(counted, { n: 990, places: 990, last: 990 });
    assert.deepEqual(await one.rsvp.handler.status(), { ok: true, registrations: 2000, occurrences: 2, schemaVersion: 5 });
  });

  sqliteOnly('copies a consistent database while the server runs', async (t) => {
    const { url, rsvp, dbPath } = await start(t);
    for (let i = 0; i < 3; i++) await post(url, { eventId: 'data-day' });
    const copy = join(dbPath, '..', `backup-${Date.now()}.sqlite`);
    await rsvp.handler.backup(copy);
    // The server goes on taking registrations; the copy is of the moment it was made.
    assert.equal((await post(url, { eventId: 'data-day' })).status, 201);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    t.after(() => db.close());
    assert.equal(/** @type {{ n: number }} */ (db.prepare('SELECT COUNT(*) AS n FROM registrations').get()).n, 3);
    assert.deepEqual(db.prepare('SELECT confirmed, last_position FROM seats').get(), { confirmed: 2, last_position: 1 });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    await assert.rejects(rsvp.handler.backup(copy), /exists|not empty/i, 'an existing backup is never overwritten');
    assert.deepEqual(await rsvp.handler.status(), { ok: true, registrations: 4, occurrences: 1, schemaVersion: 5 });
  });
});

describe('npm run rsvp-server (cli.mjs) reads the new settings from the environment', () => {
  const cli = new URL('../../packages/server/src/cli.mjs', import.meta.url);

  /**
   * Runs the command until it prints its endpoint or exits; resolves to its output and exit code.
   * @param {Record<string, string>} env
   */
  /** The environment that points the command at `where`: RSVP_DB for a file, DATABASE_URL for PostgreSQL. */
  function cliStore(where) {
    const options = storeOptions(where);
    return 'databaseUrl' in options ? { DATABASE_URL: options.databaseUrl, CIVIC_CANCEL_SECRET: options.cancelSecret } : { RSVP_DB: options.dbPath };
  }

  function runCli(env) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli.pathname], {
        env: { ...process.env, PORT: '0', ...cliStore(freshDbPath()), RSVP_EXPORT_TOKEN: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const take = (/** @type {Buffer} */ chunk) => {
        output += chunk;
        if (/personal data kept .*\n/.test(output)) child.kill('SIGTERM'); // the last line it prints at start
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', reject);
      child.on('exit', (code) => resolve({ output, code }));
    });
  }

  it('starts behind a proxy with a public origin', async () => {
    const { output } = /** @type {{ output: string }} */ (await runCli({
      RSVP_TRUST_PROXY: 'loopback', RSVP_PUBLIC_ORIGIN: 'https://events.example.org', RSVP_EXPORT_TOKEN: TOKEN,
    }));
    assert.match(output, /origins allowed: https:\/\/events\.example\.org, /);
    assert.match(output, /client addresses: x-forwarded-for through loopback/);
    assert.match(output, /staff export: http:\/\/127\.0\.0\.1:\d+\/api\/rsvp\/export\.csv/);
  });

  it('keeps personal data for the days RSVP_RETENTION_DAYS says', async () => {
    const { output } = /** @type {{ output: string }} */ (await runCli({ RSVP_RETENTION_DAYS: '7' }));
    assert.match(output, /personal data kept 7 days after each event ends/);
  });

  it('refuses to start on a weak token or a setting it cannot read, saying why', async () => {
    for (const [env, message] of /** @type {[Record<string, string>, RegExp][]} */ ([
      [{ RSVP_EXPORT_TOKEN: 'letmein' }, /export token has 7 characters/],
      [{ RSVP_TRUST_PROXY: 'proxy.example.org' }, /trustProxy: "proxy.example.org"/],
      [{ RSVP_TRUST_PROXY: 'true' }, /trustProxy/],
      [{ RSVP_RETENTION_DAYS: 'thirty' }, /RSVP_RETENTION_DAYS must be a whole number of days from 0 to 3650, not "thirty"/],
      [{ RSVP_RETENTION_DAYS: '4000' }, /RSVP_RETENTION_DAYS/],
      [{ CIVIC_CANCEL_SECRET: 'secret' }, /CIVIC_CANCEL_SECRET: the cancel secret has 6 characters/],
      [{ RSVP_DB: 'postgres://civic@127.0.0.1/civic' }, /RSVP_DB is a SQLite file's path; give a PostgreSQL URL in DATABASE_URL/],
    ])) {
      const { output, code } = /** @type {{ output: string, code: number }} */ (await runCli(env));
      assert.equal(code, 1);
      assert.match(output, /The RSVP server cannot start: /);
      assert.match(output, message);
      assert.doesNotMatch(output, /\n\s+at /, 'a message, not a stack');
    }
  });
});
