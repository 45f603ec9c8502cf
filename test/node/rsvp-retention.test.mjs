// @ts-check
/**
 * Privacy by policy (#17 item 5): a registration's personal fields are deleted a set number of
 * days after its occurrence ends (the clock is the server's `now`, moved by the test), at start,
 * on the hourly timer and on demand; a cancel deletes them at once; what stays is enough for the
 * counts. The database file keeps no copy of what was deleted.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { parseConfig } from '../../packages/server/src/config.mjs';
import { createRsvpHandler } from '../../packages/server/src/rsvp-server.mjs';
import { parseCsv, post, rows, start, sqliteOnly } from './rsvp-fixtures.mjs';

const TOKEN = randomBytes(32).toString('base64url');
const DAY = 86_400_000;
const END = Date.parse('2030-03-02T20:00:00Z');
/** @type {import('../../packages/server/src/rsvp-events.mjs').RsvpEventConfig[]} */
const TALK = [{
  id: 'talk', title: 'Budget talk', capacity: 1, waitlist: true, start: '2030-03-02T18:00:00Z', end: '2030-03-02T20:00:00Z',
  questions: [{ id: 'role', type: 'text' }],
}];

/** A clock the test moves. */
function clock(iso = '2030-03-01T12:00:00Z') {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (/** @type {number} */ ms) => { at = ms; } };
}

/**
 * The export, by column name.
 * @param {string} url
 */
async function exported(url) {
  const text = await (await fetch(`${url}/export.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  const [header, ...body] = parseCsv(text.replace(/^\ufeff/, ''));
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

/** @param {string} dbPath */
async function stored(dbPath) {
  return /** @type {Record<string, unknown>[]} */ (await rows(dbPath));
}

describe('the retention period', () => {
  it('deletes names, emails, answers and access needs 30 days after the occurrence ends, keeping the counts', async (t) => {
    const time = clock();
    const { url, dbPath, rsvp } = await start(t, { events: TALK, now: time.now, exportToken: TOKEN });
    const a = await post(url, {
      eventId: 'talk', email: 'ada@example.org', answers: { role: 'teacher' }, accommodations: 'step-free', language: 'es-MX',
    });
    assert.equal(a.body.status, 'confirmed');
    assert.equal((await post(url, { eventId: 'talk', email: 'grace@example.org' })).body.status, 'waitlisted');
    const checkIn = await fetch(`${url}/registrations/1/check-in`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(checkIn.status, 200);
    assert.equal((await stored(dbPath))[0]?.language, 'es');

    time.set(END + 30 * DAY - 60_000);
    assert.equal(await rsvp.handler.purgeExpired(), 0, 'a minute before the period ends');
    assert.deepEqual((await exported(url)).map((row) => row.email), ['ada@example.org', 'grace@example.org']);

    time.set(END + 30 * DAY + 60_000);
    assert.equal(await rsvp.handler.purgeExpired(), 2);
    assert.equal(await rsvp.handler.purgeExpired(), 0, 'once');
    const after = await exported(url);
    assert.deepEqual(after.map((row) => [row.name, row.email, row.accommodations, row['answer:role'] ?? '', row.status]), [
      ['', '', '', '', 'confirmed'], ['', '', '', '', 'waitlisted'],
    ]);
    assert.ok(after[0]?.checked_in_at, 'the check-in stays');
    for (const row of (await stored(dbPath))) {
      assert.deepEqual([row.email_key, row.request_hash, row.answers, row.language], ['', '', '{}', null]);
      assert.ok(row.purged_at);
    }
    const counts = await (await fetch(`${url}/staff`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } })).json();
    assert.deepEqual(counts.occurrences.map((/** @type {Record<string, unknown>} */ o) => [o.confirmed, o.waitlisted, o.cancelled, o.checkedIn]), [[1, 1, 0, 1]]);
  });

  it('runs at start', async (t) => {
    const time = clock();
    const first = await start(t, { events: TALK, now: time.now });
    await post(first.url, { eventId: 'talk' });
    await first.rsvp.close();
    time.set(END + 31 * DAY);
    await start(t, { dbPath: first.dbPath, events: TALK, now: time.now });
    assert.deepEqual((await stored(first.dbPath)).map((row) => row.name), ['']);
  });

  it('runs every hour', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const time = clock();
    const { url, dbPath } = await start(t, { events: TALK, now: time.now });
    await post(url, { eventId: 'talk' });
    time.set(END + 31 * DAY);
    t.mock.timers.tick(59 * 60_000);
    assert.equal((await stored(dbPath))[0]?.name, 'Ada Lovelace');
    t.mock.timers.tick(60_000);
    // The hour's purge runs asynchronously (on PostgreSQL over its own connection): wait for it, up to 5 s.
    let name = (await stored(dbPath))[0]?.name;
    for (let tries = 0; name !== '' && tries < 250; tries++) {
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 20));
      name = (await stored(dbPath))[0]?.name;
    }
    assert.equal(name, '');
  });

  it('follows an event that moves: the period counts from its new end', async (t) => {
    const time = clock();
    let events = TALK;
    const { url, dbPath, rsvp } = await start(t, { events: () => events, now: time.now });
    await post(url, { eventId: 'talk' });
    events = [{ ...TALK[0], id: 'talk', start: '2030-05-02T18:00:00Z', end: '2030-05-02T20:00:00Z' }];
    time.set(END + 31 * DAY);
    assert.equal((await fetch(`${url}/health`)).status, 200);
    await post(url, { eventId: 'talk' }); // the events are read again on a registration
    assert.equal(await rsvp.handler.purgeExpired(), 0, 'postponed: its patrons are still coming');
    time.set(Date.parse('2030-05-02T20:00:00Z') + 31 * DAY);
    assert.equal(await rsvp.handler.purgeExpired(), 2);
    assert.deepEqual((await stored(dbPath)).map((row) => row.name), ['', '']);
  });

  it('counts from each occurrence of a series, and from the registration for an event with no date', async (t) => {
    const time = clock('2030-01-01T12:00:00Z');
    const events = [
      { id: 'weekly', recurring: true, timezone: 'America/Chicago', start: '2030-01-07T18:00:00', end: '2030-01-07T19:30:00' },
      { id: 'undated' },
    ];
    const { url, dbPath, rsvp } = await start(t, { events, now: time.now, retentionDays: 7 });
    await post(url, { eventId: 'weekly', occurrence: '2030-01-07T18:00:00', email: 'first@example.org' });
    await post(url, { eventId: 'weekly', occurrence: '2030-01-14T18:00:00', email: 'second@example.org' });
    time.set(Date.parse('2030-01-10T00:00:00Z'));
    await post(url, { eventId: 'undated', email: 'third@example.org' });
    // 2030-01-07 19:30 in Chicago is 2030-01-08T01:30Z; seven days on, the first week goes.
    time.set(Date.parse('2030-01-15T01:31:00Z'));
    assert.equal(await rsvp.handler.purgeExpired(), 1);
    assert.deepEqual((await stored(dbPath)).map((row) => row.email), ['', 'second@example.org', 'third@example.org']);
    time.set(Date.parse('2030-01-17T00:01:00Z'));
    assert.equal(await rsvp.handler.purgeExpired(), 1, 'the undated one, seven days after it was made');
    assert.deepEqual((await stored(dbPath)).map((row) => row.email), ['', 'second@example.org', '']);
    time.set(Date.parse('2030-01-22T01:31:00Z'));
    assert.equal(await rsvp.handler.purgeExpired(), 1, 'the second week');
  });

  it('is 30 days unless configured, and refuses a period it cannot keep', () => {
    for (const retentionDays of [-1, 2.5, 4000]) {
      assert.throws(() => createRsvpHandler({ dbPath: ':memory:', retentionDays }), /retentionDays must be a whole number of days/);
    }
    const text = '{\n  "sources": [{ "file": "a.json" }],\n  "server": {\n    "rsvp": {\n      "retentionDays": "thirty"\n    }\n  }\n}\n';
    assert.throws(() => parseConfig(text, '/srv/civic.json'), /^ConfigError: \/srv\/civic\.json:5: server\.rsvp\.retentionDays: type "string" is invalid/);
    assert.throws(() => parseConfig(text.replace('"thirty"', '-3'), '/srv/civic.json'), /civic\.json:5: server\.rsvp\.retentionDays: -3 is less than 0/);
    assert.equal(parseConfig(text.replace('"thirty"', '7'), '/srv/civic.json').server.rsvp?.constructor, Object);
  });
});

describe('a cancel deletes the patron\'s data at once', () => {
  sqliteOnly('by link and by staff, and the database file keeps no copy', async (t) => {
    const { url, dbPath, rsvp } = await start(t, { exportToken: TOKEN });
    const marks = ['zebra-by-link', 'zebra-by-staff'];
    const answers = [];
    for (const mark of marks) {
      answers.push(await post(url, { eventId: 'data-day', name: `Name ${mark}`, email: `${mark}@example.org`, accommodations: `needs ${mark}` }));
    }
    assert.equal((await fetch(new URL(answers[0]?.body.cancelUrl, url), { method: 'POST' })).status, 200);
    const staff = await fetch(`${url}/registrations/2`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(staff.status, 200);
    assert.deepEqual((await exported(url)).map((row) => [row.status, row.name, row.email]), [['cancelled', '', ''], ['cancelled', '', '']]);
    await rsvp.close();
    // secure_delete overwrote the old cells; closing checkpointed the WAL into the file and removed it.
    const bytes = readFileSync(dbPath).toString('latin1');
    for (const mark of marks) assert.ok(!bytes.includes(mark), `${mark} is gone from the file`);
    assert.ok(!existsSync(`${dbPath}-wal`) || !readFileSync(`${dbPath}-wal`).toString('latin1').includes('zebra'));
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    assert.deepEqual(db.prepare('SELECT confirmed, waiting FROM seats').get(), { confirmed: 0, waiting: 0 });
  });
});
