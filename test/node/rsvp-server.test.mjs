// @ts-check
/**
 * The reference RSVP server (server/), end to end: a real server on 127.0.0.1, a temporary
 * SQLite file, and fetch, as the form would use it. Run with `node --test test/node/`.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createRateLimiter } from '../../packages/server/src/rate-limit.mjs';
import { csvCell } from '../../packages/server/src/rsvp-csv.mjs';
import { createRsvpHandler, MAX_BODY_BYTES } from '../../packages/server/src/rsvp-server.mjs';
import { PATRON_LANGUAGES } from '../../packages/server/src/rsvp-validate.mjs';
import { EVENTS, freshDbPath, freshKey, parseCsv, post, rows, start, withoutLink, sqliteOnly, storeOptions } from './rsvp-fixtures.mjs';

/** @typedef {import('../../packages/server/src/rsvp-server.mjs').RsvpServerOptions} Options */
/** @typedef {{ after: (fn: () => unknown) => void }} TestContext */

describe('registering', () => {
  it('confirms a registration while seats are left', async (t) => {
    const { url, dbPath } = await start(t);
    const answer = await post(url, { eventId: 'data-day', answers: { role: 'student' } });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'confirmed');
    assert.equal(typeof answer.body.message, 'string');
    const [row] = (await rows(dbPath));
    assert.equal(row.event_id, 'data-day');
    assert.equal(row.status, 'confirmed');
    assert.equal(row.name, 'Ada Lovelace');
  });

  it('waitlists past capacity, with positions in order', async (t) => {
    const { url } = await start(t);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(url, { eventId: 'data-day' })).body);
    assert.deepEqual(statuses.map((body) => [body.status, body.position]), [
      ['confirmed', undefined], ['confirmed', undefined], ['waitlisted', 1], ['waitlisted', 2],
    ]);
  });

  it('answers 409 full when the event has no waitlist, and stores nothing', async (t) => {
    const { url, dbPath } = await start(t);
    assert.equal((await post(url, { eventId: 'workshop' })).status, 201);
    const full = await post(url, { eventId: 'workshop' });
    assert.equal(full.status, 409);
    assert.equal(full.body.status, 'full');
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('takes any number of registrations for an event without capacity', async (t) => {
    const { url } = await start(t);
    for (let i = 0; i < 5; i++) assert.equal((await post(url, { eventId: 'open-house' })).body.status, 'confirmed');
  });

  it('counts seats per occurrence of a recurring event, whatever offset names it', async (t) => {
    const { url, dbPath } = await start(t);
    const first = await post(url, { eventId: 'user-group', occurrence: '2030-03-12T18:30:00-04:00' });
    assert.equal(first.status, 201);
    // The same instant, written in UTC and as New York wall time: the one seat is taken.
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-03-12T22:30:00Z' })).status, 409);
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-03-12T18:30:00' })).status, 409);
    // The next month's meeting has its own seat.
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-04-09T18:30:00-04:00' })).status, 201);
    assert.deepEqual((await rows(dbPath)).map((row) => row.occurrence), ['2030-03-12T22:30:00.000Z', '2030-04-09T22:30:00.000Z']);
  });
});

describe('validation (422, nothing stored)', () => {
  /** @type {[string, Record<string, unknown>, string][]} */
  const cases = [
    ['missing name', { eventId: 'data-day', name: '  ' }, 'name'],
    ['name over 200 characters', { eventId: 'data-day', name: 'x'.repeat(201) }, 'name'],
    ['name on two lines', { eventId: 'data-day', name: 'Ada\nLovelace' }, 'name'],
    ['missing email', { eventId: 'data-day', email: undefined }, 'email'],
    ['implausible email', { eventId: 'data-day', email: 'ada@localhost' }, 'email'],
    ['email with a space', { eventId: 'data-day', email: 'ada lovelace@example.org' }, 'email'],
    ['missing eventId', { eventId: undefined }, 'eventId'],
    ['unknown event', { eventId: 'no-such-event' }, 'eventId'],
    ['recurring event without occurrence', { eventId: 'user-group' }, 'occurrence'],
    ['occurrence that is not a date', { eventId: 'user-group', occurrence: 'next Tuesday' }, 'occurrence'],
    ['occurrence on a day that does not exist', { eventId: 'user-group', occurrence: '2030-02-30T18:30:00' }, 'occurrence'],
    ['occurrence that is a number', { eventId: 'user-group', occurrence: 20300312 }, 'occurrence'],
    ['answers as a list', { eventId: 'data-day', answers: ['a'] }, 'answers'],
    ['too many answers', { eventId: 'data-day', answers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'a'])) }, 'answers'],
    ['an answer that is a number', { eventId: 'data-day', answers: { age: 42 } }, 'answers.age'],
    ['an answer list holding a number', { eventId: 'data-day', answers: { days: ['sat', 1] } }, 'answers.days'],
    ['an answer over 2000 characters', { eventId: 'data-day', answers: { why: 'x'.repeat(2001) } }, 'answers.why'],
    ['accommodations over 2000 characters', { eventId: 'data-day', accommodations: 'x'.repeat(2001) }, 'accommodations'],
    ['accommodations that are not text', { eventId: 'data-day', accommodations: { asl: true } }, 'accommodations'],
    ['a language that is not a tag', { eventId: 'data-day', language: 'Español' }, 'language'],
    ['a language that is not text', { eventId: 'data-day', language: ['es'] }, 'language'],
  ];

  for (const [title, fields, field] of cases) {
    it(`${title} → errors.${field}`, async (t) => {
      const { url, dbPath } = await start(t);
      const answer = await post(url, fields);
      assert.equal(answer.status, 422);
      assert.deepEqual(Object.keys(answer.body.errors), [field]);
      assert.equal(typeof answer.body.errors[field], 'string');
      assert.equal((await rows(dbPath)).length, 0);
    });
  }

  it('reports every bad field at once', async (t) => {
    const { url } = await start(t);
    const answer = await post(url, { eventId: 'data-day', name: '', email: 'nope' });
    assert.deepEqual(Object.keys(answer.body.errors).sort(), ['email', 'name']);
  });

  it('keeps the language of a locale the widgets have, by its language subtag, and no other', async (t) => {
    const { url, dbPath } = await start(t);
    for (const language of ['es-MX', 'zh-Hant-TW', 'AR', 'fr', 'de-AT', 'en', undefined]) await post(url, { eventId: 'open-house', language });
    assert.deepEqual((await rows(dbPath)).map((row) => /** @type {{ language: string | null }} */ (/** @type {unknown} */ (row)).language), ['es', 'zh', 'ar', 'fr', null, 'en', null]);
    // The locales the widgets ship (src/locales) are the ones the server keeps.
    const shipped = readdirSync(new URL('../../src/locales/', import.meta.url)).map((name) => name.replace(/\.ts$/, '')).filter((name) => name !== 'messages');
    assert.deepEqual([...PATRON_LANGUAGES].sort(), shipped.sort());
  });

  sqliteOnly('keeps a question id "__proto__" as a plain answer', async (t) => {
    const { url, dbPath } = await start(t);
    const body = '{"eventId":"odd-questions","name":"Ada","email":"ada@example.org","answers":{"__proto__":"x"}}';
    assert.equal((await post(url, {}, { body })).status, 201);
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    assert.equal(/** @type {{ answers: string }} */ (db.prepare('SELECT answers FROM registrations').get()).answers, '{"__proto__":"x"}');
  });
});

describe("answers checked against the event's questions (422, nothing stored)", () => {
  /** A feed whose event asks what the sample feed's hackathon asks, and more. */
  const feed = () => ({
    version: '1',
    events: [
      {
        id: 'hack', title: 'Hackathon', start: '2999-03-01T10:00:00Z',
        rsvp: {
          endpoint: '/api/rsvp',
          questions: [
            { id: 'challenge', label: 'Which challenge?', type: 'select', required: true, options: ['Transit', 'Housing'] },
            { id: 'tools', label: 'Tools you use', type: 'checkboxes', options: ['R', 'Python', 'QGIS'] },
            { id: 'code', label: 'I agree to the code of conduct', type: 'checkbox', required: true },
            { id: 'age', label: 'Age', type: 'number' },
            { id: 'broken', label: 'No options, so no form shows it', type: 'radio', required: true },
          ],
        },
      },
    ],
  });
  const good = { challenge: 'Housing', tools: ['R', 'QGIS'], code: 'yes', age: '34' };

  it('takes answers that meet every question', async (t) => {
    const { url } = await start(t, { feed, events: undefined });
    const answer = await post(url, { eventId: 'hack', answers: good });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
  });

  for (const [title, answers, field] of /** @type {[string, Record<string, unknown>, string][]} */ ([
    ['a required choice left out', { ...good, challenge: undefined }, 'answers.challenge'],
    ['a choice that is not an option', { ...good, challenge: 'Parks' }, 'answers.challenge'],
    ['a ticked option that is not one', { ...good, tools: ['R', 'Excel'] }, 'answers.tools'],
    ['two answers to a one-answer question', { ...good, challenge: ['Transit', 'Housing'] }, 'answers.challenge'],
    ['a required box left unticked', { ...good, code: 'no' }, 'answers.code'],
    ['a number that is not one', { ...good, age: 'thirty' }, 'answers.age'],
  ])) {
    sqliteOnly(`refuses ${title} → errors["${field}"]`, async (t) => {
      const { url, dbPath } = await start(t, { feed, events: undefined });
      const answer = await post(url, { eventId: 'hack', answers: answers });
      assert.equal(answer.status, 422);
      assert.deepEqual(Object.keys(answer.body.errors), [field]);
      const db = new Database(dbPath, { readonly: true });
      t.after(() => db.close());
      assert.equal(/** @type {{ n: number }} */ (db.prepare('SELECT COUNT(*) AS n FROM registrations').get()).n, 0);
    });
  }
});

describe('registration window', () => {
  it('refuses before `opens` and from `closes` on, with a message on eventId', async (t) => {
    let now = new Date('2030-03-01T08:59:59-05:00');
    const { url, dbPath } = await start(t, {
      now: () => now,
      events: [{ id: 'fair', opens: '2030-03-01T09:00:00', closes: '2030-03-07T10:00:00', timezone: 'America/New_York' }],
    });
    const early = await post(url, { eventId: 'fair' });
    assert.equal(early.status, 422);
    assert.match(early.body.errors.eventId, /not open/);
    now = new Date('2030-03-01T09:00:00-05:00');
    assert.equal((await post(url, { eventId: 'fair' })).status, 201);
    now = new Date('2030-03-07T10:00:00-05:00');
    const late = await post(url, { eventId: 'fair' });
    assert.equal(late.status, 422);
    assert.match(late.body.errors.eventId, /closed/);
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('uses the real clock by default', async (t) => {
    const { url } = await start(t);
    assert.match((await post(url, { eventId: 'not-yet' })).body.errors.eventId, /not open/);
    assert.match((await post(url, { eventId: 'over' })).body.errors.eventId, /closed/);
  });
});

describe('malformed requests (400, nothing stored)', () => {
  it('rejects JSON that does not parse', async (t) => {
    const { url, dbPath } = await start(t);
    const answer = await post(url, {}, { body: '{"eventId": "data-day", "name": ' });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error, /JSON/);
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('rejects JSON that is not an object', async (t) => {
    const { url } = await start(t);
    assert.equal((await post(url, {}, { body: '[1, 2]' })).status, 400);
    assert.equal((await post(url, {}, { body: 'null' })).status, 400);
  });

  it('rejects a body over the limit, declared or streamed', async (t) => {
    const { url, dbPath } = await start(t);
    const big = JSON.stringify({ eventId: 'data-day', name: 'Ada', email: 'ada@example.org', accommodations: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await post(url, {}, { body: big });
    assert.equal(declared.status, 400);
    assert.match(declared.body.error, /larger than/);

    // No Content-Length: the server counts as it reads.
    const bytes = Buffer.from(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
        controller.close();
      },
    });
    const streamed = await post(url, {}, { body: stream });
    assert.equal(streamed.status, 400);
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('takes a body just under the limit', async (t) => {
    const { url } = await start(t);
    const answer = await post(url, { eventId: 'data-day', answers: { a: 'x'.repeat(2000), b: 'y'.repeat(2000) } });
    assert.equal(answer.status, 201);
  });

  it('rejects a content type other than JSON', async (t) => {
    const { url, dbPath } = await start(t);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=iso-8859-1']) {
      const answer = await post(url, { eventId: 'data-day' }, { headers: { 'Content-Type': type } });
      assert.equal(answer.status, 400, type);
      assert.match(answer.body.error, /application\/json/);
    }
    assert.equal((await post(url, { eventId: 'data-day' }, { headers: { 'Content-Type': 'application/json; charset=UTF-8' } })).status, 201);
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('asks for an idempotency key, and for the header and body to agree', async (t) => {
    const { url, dbPath } = await start(t);
    const none = await post(url, { eventId: 'data-day', idempotencyKey: undefined }, { headers: { 'Idempotency-Key': null } });
    assert.equal(none.status, 400);
    assert.match(none.body.error, /Idempotency-Key/);
    const differ = await post(url, { eventId: 'data-day', idempotencyKey: 'one' }, { headers: { 'Idempotency-Key': 'two' } });
    assert.equal(differ.status, 400);
    const odd = await post(url, { eventId: 'data-day', idempotencyKey: 'has space' }, { headers: { 'Idempotency-Key': null } });
    assert.equal(odd.status, 400);
    assert.equal((await rows(dbPath)).length, 0);
    // Either one alone will do.
    assert.equal((await post(url, { eventId: 'data-day', idempotencyKey: undefined })).status, 201);
    assert.equal((await post(url, { eventId: 'data-day', idempotencyKey: 'body-only' }, { headers: { 'Idempotency-Key': null } })).status, 201);
    assert.deepEqual((await rows(dbPath)).map((row) => row.idempotency_key).at(-1), 'body-only');
  });
});

describe('idempotency', () => {
  it('answers a replayed key with the first answer and stores one row', async (t) => {
    const { url, dbPath } = await start(t);
    const key = freshKey();
    const fields = { eventId: 'data-day', answers: { role: 'librarian' }, accommodations: 'ASL interpreter' };
    const first = await post(url, fields, { key });
    const again = await post(url, fields, { key });
    assert.equal(again.status, first.status);
    assert.deepEqual(withoutLink(again.body), withoutLink(first.body));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('replays a waitlist place, even after the event changed', async (t) => {
    const { url, dbPath } = await start(t);
    await post(url, { eventId: 'data-day' });
    await post(url, { eventId: 'data-day' });
    const key = freshKey();
    const waitlisted = await post(url, { eventId: 'data-day' }, { key });
    assert.deepEqual([waitlisted.body.status, waitlisted.body.position], ['waitlisted', 1]);
    await post(url, { eventId: 'data-day' });
    const again = await post(url, { eventId: 'data-day' }, { key });
    assert.deepEqual(withoutLink(again.body), withoutLink(waitlisted.body));
    assert.equal((await rows(dbPath)).length, 4);
  });

  it('refuses the same key for a different registration with 422 on idempotencyKey', async (t) => {
    const { url, dbPath } = await start(t);
    const key = freshKey();
    await post(url, { eventId: 'data-day' }, { key });
    const other = await post(url, { eventId: 'data-day', name: 'Grace Hopper' }, { key });
    assert.equal(other.status, 422);
    assert.deepEqual(Object.keys(other.body.errors), ['idempotencyKey']);
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('does not remember a 409: a retry after a seat was added may succeed', async (t) => {
    let capacity = 1;
    const { url } = await start(t, { events: () => [{ id: 'workshop', capacity }] });
    await post(url, { eventId: 'workshop' });
    const key = freshKey();
    assert.equal((await post(url, { eventId: 'workshop' }, { key })).status, 409);
    capacity = 2;
    assert.equal((await post(url, { eventId: 'workshop' }, { key })).status, 201);
  });
});

describe('concurrency', () => {
  /**
   * Fires 30 registrations at once, spread over `urls`, for the last seats of a 10-seat event.
   * @param {string[]} urls
   * @param {string} eventId
   */
  const rush = (urls, eventId) =>
    Promise.all(Array.from({ length: 30 }, (_, i) => post(urls[i % urls.length], { eventId, name: `Patron ${i}` })));

  it('confirms exactly capacity and waitlists the rest in order', async (t) => {
    const events = [{ id: 'hackathon', capacity: 10, waitlist: true }];
    const { url, dbPath } = await start(t, { events });
    const answers = await rush([url], 'hackathon');
    assert.equal(answers.filter((a) => a.body.status === 'confirmed').length, 10);
    const positions = answers.filter((a) => a.body.status === 'waitlisted').map((a) => a.body.position).sort((a, b) => a - b);
    assert.deepEqual(positions, Array.from({ length: 20 }, (_, i) => i + 1));
    assert.equal((await rows(dbPath)).length, 30);
  });

  it('confirms exactly capacity and answers 409 to the rest without a waitlist', async (t) => {
    const { url, dbPath } = await start(t, { events: [{ id: 'hackathon', capacity: 10 }] });
    const answers = await rush([url], 'hackathon');
    assert.equal(answers.filter((a) => a.status === 201).length, 10);
    assert.equal(answers.filter((a) => a.status === 409).length, 20);
    assert.equal((await rows(dbPath)).length, 10);
  });

  it('holds across two servers sharing one database file', async (t) => {
    const events = [{ id: 'hackathon', capacity: 10, waitlist: true }];
    const a = await start(t, { events });
    const b = await start(t, { events, dbPath: a.dbPath });
    const answers = await rush([a.url, b.url], 'hackathon');
    assert.equal(answers.filter((x) => x.body.status === 'confirmed').length, 10);
    const positions = answers.filter((x) => x.body.position).map((x) => x.body.position).sort((x, y) => x - y);
    assert.deepEqual(positions, Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = (await rows(a.dbPath));
    assert.equal(stored.filter((row) => row.status === 'confirmed').length, 10);
    assert.equal(stored.length, 30);
  });

  it('stores one registration when the same retry reaches two servers at once', async (t) => {
    const a = await start(t);
    const b = await start(t, { dbPath: a.dbPath });
    const key = freshKey();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post(i % 2 ? a.url : b.url, { eventId: 'data-day' }, { key })),
    );
    assert.deepEqual(new Set(answers.map((x) => JSON.stringify([x.status, withoutLink(x.body)]))).size, 1);
    assert.equal((await rows(a.dbPath)).length, 1);
  });
});

describe('CORS', () => {
  const page = 'https://library.example';

  it('lets a configured origin post, and says so', async (t) => {
    const { url } = await start(t, { allowedOrigins: [page] });
    const answer = await post(url, { eventId: 'data-day' }, { headers: { Origin: page } });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers.get('access-control-allow-origin'), page);
    assert.equal(answer.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
  });

  it('refuses any other origin with 403 and stores nothing', async (t) => {
    const { url, dbPath } = await start(t, { allowedOrigins: [page] });
    for (const origin of ['https://evil.example', 'https://library.example.evil.example', 'http://library.example', 'null']) {
      const answer = await post(url, { eventId: 'data-day' }, { headers: { Origin: origin } });
      assert.equal(answer.status, 403, origin);
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
    }
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('allows requests without Origin, and from the server\'s public origin', async (t) => {
    const { url } = await start(t, { allowedOrigins: [], publicOrigin: 'https://events.example.org' });
    assert.equal((await post(url, { eventId: 'data-day' }, { headers: { Origin: 'https://events.example.org' } })).status, 201);
    assert.equal((await post(url, { eventId: 'data-day' }, { headers: { Origin: null } })).status, 201);
  });

  it('never takes the Host header for the server\'s own origin', async (t) => {
    const { url, dbPath } = await start(t, { allowedOrigins: [] });
    // fetch sends Host: 127.0.0.1:port, so Origin and Host agree, as a proxied request from a
    // page on an unconfigured host would make them agree.
    const answer = await post(url, { eventId: 'data-day' }, { headers: { Origin: new URL(url).origin } });
    assert.equal(answer.status, 403);
    assert.equal((await rows(dbPath)).length, 0);
  });

  it('refuses an origin setting that is not an origin', () => {
    for (const publicOrigin of ['events.example.org', 'https://events.example.org/rsvp']) {
      assert.throws(() => createRsvpHandler({ dbPath: ':memory:', publicOrigin }), /publicOrigin/);
    }
  });

  it('answers a preflight from a configured origin with 204', async (t) => {
    const { url } = await start(t, { allowedOrigins: [page] });
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: page, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), page);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    assert.equal(response.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('refuses a preflight from another origin', async (t) => {
    const { url } = await start(t, { allowedOrigins: [page] });
    const response = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    await response.body?.cancel();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, and stores nothing for it', async (t) => {
    const { url, dbPath } = await start(t, { rateLimit: { windowMs: 60_000, max: 3 } });
    for (let i = 0; i < 3; i++) assert.equal((await post(url, { eventId: 'open-house' })).status, 201);
    const limited = await post(url, { eventId: 'open-house' });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await rows(dbPath)).length, 3);
  });

  it('opens a new window when the old one ends', () => {
    let clock = 0;
    const limiter = createRateLimiter({ windowMs: 1000, max: 2, now: () => clock });
    assert.ok(limiter.hit('a').ok && limiter.hit('a').ok);
    const refused = limiter.hit('a');
    assert.deepEqual(refused, { ok: false, retryAfterMs: 1000 });
    clock = 1000;
    assert.ok(limiter.hit('a').ok);
  });

  it('remembers a bounded number of clients', () => {
    let clock = 0;
    const limiter = createRateLimiter({ windowMs: 1000, max: 1, maxClients: 3, now: () => clock });
    for (let i = 0; i < 100; i++) {
      clock = i;
      limiter.hit(`client-${i}`);
      assert.ok(limiter.size <= 3);
    }
    // The newest clients are the ones still counted.
    assert.equal(limiter.hit('client-99').ok, false);
  });
});

describe('staff export', () => {
  const token = randomBytes(32).toString('base64url');

  it('is off without a token', async (t) => {
    const { url } = await start(t, { exportToken: null });
    const response = await fetch(`${url}/export.csv`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 404);
    await response.body?.cancel();
  });

  it('asks for the bearer token', async (t) => {
    const { url } = await start(t, { exportToken: token });
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, token]) {
      const response = await fetch(`${url}/export.csv`, { headers: authorization ? { Authorization: authorization } : {} });
      assert.equal(response.status, 401, String(authorization));
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      await response.body?.cancel();
    }
  });

  it('exports quoted CSV with formulas neutralised', async (t) => {
    const { url } = await start(t, { exportToken: token });
    // One after the other: the export lists registrations in the order they came.
    const registered = [
      await post(url, {
        eventId: 'data-day',
        name: 'Lovelace, "Ada"',
        answers: { role: '=HYPERLINK("https://evil.example")', days: ['sat', 'sun'], note: '@SUM(A1:A9)' },
        accommodations: 'Step-free entry,\r\nplease',
      }),
      await post(url, { eventId: 'data-day', name: '+1 Grace', accommodations: '-2+3' }),
      await post(url, { eventId: 'workshop', name: 'Someone else' }),
    ];
    assert.deepEqual(registered.map((answer) => answer.status), [201, 201, 201]);

    const response = await fetch(`${url}/export.csv?eventId=data-day`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="rsvp-data-day\.csv"/);
    const text = await response.text();
    assert.ok(text.endsWith('\r\n'));
    const [header, first, second, ...rest] = parseCsv(text.replace(/^\ufeff/, ''));
    assert.equal(rest.length, 0);
    const column = (/** @type {string[]} */ row, /** @type {string} */ name) => row[header.indexOf(name)];
    assert.equal(column(first, 'name'), 'Lovelace, "Ada"');
    assert.equal(column(first, 'accommodations'), 'Step-free entry,\r\nplease');
    assert.equal(column(first, 'answer:note'), "'@SUM(A1:A9)");
    assert.equal(column(first, 'answer:role'), '\'=HYPERLINK("https://evil.example")');
    assert.equal(column(first, 'answer:days'), 'sat; sun');
    assert.equal(column(second, 'name'), "'+1 Grace");
    assert.equal(column(second, 'accommodations'), "'-2+3");
    assert.equal(column(second, 'answer:role'), '');
  });

  it('quotes cells by RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('\tcmd'), `"'\tcmd"`);
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(null), '');
  });
});

describe('durability', () => {
  it('keeps registrations and first answers across a restart', async (t) => {
    const dbPath = freshDbPath();
    const key = freshKey();
    const first = await start(t, { dbPath });
    await post(first.url, { eventId: 'data-day' });
    await post(first.url, { eventId: 'data-day' });
    const waitlisted = await post(first.url, { eventId: 'data-day' }, { key });
    await first.rsvp.close();

    const second = await start(t, { dbPath });
    const replayed = await post(second.url, { eventId: 'data-day' }, { key });
    assert.equal(replayed.status, waitlisted.status);
    assert.deepEqual(withoutLink(replayed.body), withoutLink(waitlisted.body));
    const next = await post(second.url, { eventId: 'data-day' });
    assert.deepEqual([next.body.status, next.body.position], ['waitlisted', 2]);
    assert.equal((await rows(dbPath)).length, 4);
  });
});

describe('events from a feed', () => {
  /** A feed document (feed-format.md) with a one-off event, a series and its overrides. */
  const feed = {
    version: '1',
    timezone: 'America/New_York',
    events: [
      { id: 'talk', title: 'Talk', start: '2030-05-01T18:00:00', capacity: 1, waitlist: true, rsvp: { endpoint: '/api/rsvp' } },
      { id: 'no-rsvp', title: 'Drop-in', start: '2030-05-02T18:00:00', capacity: 10 },
      { id: 'closed', title: 'Past', start: '2030-05-03T18:00:00', rsvp: { closes: '2001-01-01T00:00:00' } },
      { id: 'series', title: 'Weekly', start: '2030-05-07T18:00:00', rrule: 'FREQ=WEEKLY;COUNT=4', capacity: 1, rsvp: {} },
      { id: 'series@moved', title: 'Weekly (moved)', seriesId: 'series', recurrenceId: '2030-05-14T18:00:00', start: '2030-05-15T18:00:00', capacity: 1, rsvp: {} },
      { id: 'series@off', title: 'Weekly', seriesId: 'series', recurrenceId: '2030-05-21T18:00:00', start: '2030-05-21T18:00:00', status: 'cancelled' },
    ],
  };

  it('takes registrations for events with rsvp only, and keeps their windows', async (t) => {
    const { url } = await start(t, { feed, events: undefined });
    assert.equal((await post(url, { eventId: 'talk' })).body.status, 'confirmed');
    assert.equal((await post(url, { eventId: 'talk' })).body.status, 'waitlisted');
    assert.deepEqual(Object.keys((await post(url, { eventId: 'no-rsvp' })).body.errors), ['eventId']);
    assert.match((await post(url, { eventId: 'closed' })).body.errors.eventId, /closed/);
  });

  it('counts a moved occurrence once, by the override id, the new start or the original start', async (t) => {
    const { url, dbPath } = await start(t, { feed, events: undefined });
    assert.equal((await post(url, { eventId: 'series@moved' })).status, 201);
    assert.equal((await post(url, { eventId: 'series', occurrence: '2030-05-15T18:00:00-04:00' })).status, 409);
    assert.equal((await post(url, { eventId: 'series', occurrence: '2030-05-14T22:00:00Z' })).status, 409);
    assert.equal((await post(url, { eventId: 'series', occurrence: '2030-05-07T18:00:00-04:00' })).status, 201);
    assert.deepEqual((await rows(dbPath)).map((row) => [row.event_id, row.occurrence]), [
      ['series', '2030-05-14T22:00:00.000Z'], ['series', '2030-05-07T22:00:00.000Z'],
    ]);
  });

  it('lets an override keep the seats its series has when it names none', async (t) => {
    const { url } = await start(t, {
      events: [
        { id: 'series', capacity: 1, recurring: true, timezone: 'UTC' },
        { id: 'series@x', seriesId: 'series', recurrenceId: '2030-01-01T10:00:00Z' },
      ],
    });
    assert.equal((await post(url, { eventId: 'series@x' })).status, 201);
    assert.equal((await post(url, { eventId: 'series', occurrence: '2030-01-01T10:00:00Z' })).status, 409);
  });

  it('refuses a cancelled occurrence', async (t) => {
    const { url } = await start(t, { feed, events: undefined });
    const answer = await post(url, { eventId: 'series', occurrence: '2030-05-21T18:00:00-04:00' });
    assert.match(answer.body.errors.eventId, /cancelled/);
  });

  it('reads the bundled sample feed', async (t) => {
    const { buildSampleFeed, DATA_DAY_ID } = await import('../../examples/sample-feed.js');
    const { url } = await start(t, { feed: () => buildSampleFeed(new Date()), events: undefined });
    // Its form asks which track, and requires an answer.
    assert.equal((await post(url, { eventId: DATA_DAY_ID })).status, 422);
    assert.equal((await post(url, { eventId: DATA_DAY_ID, answers: { track: 'Mapping' } })).body.status, 'confirmed');
  });
});

describe('routes', () => {
  it('answers health, 405 and 404', async (t) => {
    const { url } = await start(t);
    const health = await fetch(`${url}/health`);
    assert.deepEqual([health.status, await health.json()], [200, { ok: true }]);
    const get = await fetch(url);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
    await get.body?.cancel();
    const put = await fetch(`${url}/health`, { method: 'PUT' });
    assert.equal(put.status, 405);
    await put.body?.cancel();
    const unknown = await fetch(`${url}/nothing-here`);
    assert.equal(unknown.status, 404);
    await unknown.body?.cancel();
  });

  it('mounts in another server and leaves other paths to it', async (t) => {
    const handler = createRsvpHandler({ ...storeOptions(freshDbPath()), events: EVENTS, rateLimit: false, exportToken: null, path: '/rsvp/' });
    const server = createServer((request, response) => {
      if (handler.handle(request, response)) return;
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('host page');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    t.after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await handler.close();
    });
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const base = `http://127.0.0.1:${address.port}`;
    assert.equal((await post(`${base}/rsvp`, { eventId: 'data-day' })).status, 201);
    assert.equal(await (await fetch(`${base}/rsvpx`)).text(), 'host page');
    assert.equal(await (await fetch(`${base}/`)).text(), 'host page');
  });

  it('answers 503 once closed', async (t) => {
    const { rsvp, url } = await start(t);
    rsvp.handler.close();
    assert.equal((await post(url, { eventId: 'data-day' })).status, 503);
  });

  it('refuses a configuration it cannot honour', () => {
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', events: [{ id: 'x', capacity: -1 }] }), /capacity/);
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', events: [{ id: 'x', opens: 'soon' }] }), /opens/);
  });
});
