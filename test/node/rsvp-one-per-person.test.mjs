// @ts-check
/**
 * One registration per person per occurrence (#17 item 1): the same email, trimmed and in any
 * case, registers once; a second submission answers with the first one's status and takes no seat.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';
import { emailKey } from '../../packages/server/src/rsvp-store.mjs';
import { EVENTS, freshDbPath, post, rows, start, withoutLink, sqliteOnly } from './rsvp-fixtures.mjs';

describe('one registration per email and occurrence', () => {
  it('gives 12 submissions by one email one seat of ten', async (t) => {
    const { url, dbPath } = await start(t, { events: [{ id: 'ten', capacity: 10, waitlist: true }] });
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(url, { eventId: 'ten', email: 'same@example.org' })));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    for (const answer of answers) assert.equal(answer.body.status, 'confirmed');
    assert.equal(answers.filter((answer) => answer.body.alreadyRegistered === true).length, 11);
    assert.equal((await rows(dbPath)).length, 1);
    // The other nine seats are still there for other people.
    for (let i = 0; i < 9; i++) assert.equal((await post(url, { eventId: 'ten' })).body.status, 'confirmed');
    assert.equal((await post(url, { eventId: 'ten' })).body.status, 'waitlisted');
  });

  it('compares emails trimmed and case-insensitively, and answers with the existing status', async (t) => {
    const { url, dbPath } = await start(t);
    await post(url, { eventId: 'data-day' });
    await post(url, { eventId: 'data-day' });
    const first = await post(url, { eventId: 'data-day', email: 'Grace@Example.org' });
    assert.deepEqual([first.status, first.body.status, first.body.position], [201, 'waitlisted', 1]);
    const again = await post(url, { eventId: 'data-day', email: '  grace@EXAMPLE.ORG ' });
    assert.equal(again.status, 200);
    // Whoever knows an email may ask: the answer says confirmed or waiting, and nothing more.
    assert.deepEqual(again.body, { status: 'waitlisted', alreadyRegistered: true, message: 'You are already on the waitlist for this event.' });
    assert.equal((await rows(dbPath)).length, 3);
  });

  it('answers an already registered email even when the event is full', async (t) => {
    const { url } = await start(t);
    assert.equal((await post(url, { eventId: 'workshop', email: 'x@example.org' })).status, 201);
    const again = await post(url, { eventId: 'workshop', email: 'x@example.org' });
    assert.deepEqual([again.status, again.body.status, again.body.alreadyRegistered], [200, 'confirmed', true]);
    assert.equal((await post(url, { eventId: 'workshop' })).status, 409);
  });

  it('lets one email register for another occurrence or another event', async (t) => {
    const { url, dbPath } = await start(t);
    const email = 'ada@example.org';
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-03-12T18:30:00-04:00', email })).status, 201);
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-04-09T18:30:00-04:00', email })).status, 201);
    assert.equal((await post(url, { eventId: 'open-house', email })).status, 201);
    assert.equal((await rows(dbPath)).length, 3);
  });

  it('keeps idempotency-key replay: the same key answers with its first answer', async (t) => {
    const { url, dbPath } = await start(t);
    const first = await post(url, { eventId: 'open-house', email: 'k@example.org' }, { key: 'replay-key-1' });
    const retry = await post(url, { eventId: 'open-house', email: 'k@example.org' }, { key: 'replay-key-1' });
    assert.deepEqual([first.status, retry.status], [201, 201]);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(withoutLink(retry.body), withoutLink(first.body));
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('holds across two servers sharing one database file', async (t) => {
    const one = await start(t, { events: [{ id: 'ten', capacity: 10 }] });
    const two = await start(t, { events: [{ id: 'ten', capacity: 10 }], dbPath: one.dbPath });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(i % 2 ? one.url : two.url, { eventId: 'ten', email: 'twice@example.org' })));
    assert.equal(answers.filter((answer) => answer.status === 201).length, 1);
    assert.equal((await rows(one.dbPath)).length, 1);
  });
});

describe('schema versions', () => {
  sqliteOnly('migrates a version 2 database: its registrations count as registered emails', async (t) => {
    const dbPath = freshDbPath();
    const old = new Database(dbPath);
    old.exec(`CREATE TABLE registrations (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, occurrence TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL, email TEXT NOT NULL, answers TEXT NOT NULL DEFAULT '{}', accommodations TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')), position INTEGER, idempotency_key TEXT NOT NULL UNIQUE,
      request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE seats (event_id TEXT NOT NULL, occurrence TEXT NOT NULL, confirmed INTEGER NOT NULL,
      last_position INTEGER NOT NULL, PRIMARY KEY (event_id, occurrence)) WITHOUT ROWID;`);
    const insert = old.prepare(`INSERT INTO registrations (event_id, name, email, status, position, idempotency_key, request_hash, response, created_at)
      VALUES ('data-day', 'A', ?, ?, ?, ?, 'h', '{}', ?)`);
    const at = new Date().toISOString();
    insert.run('first@example.org', 'confirmed', null, 'old-1', at);
    insert.run('Second@Example.org', 'confirmed', null, 'old-2', at);
    insert.run('third@example.org', 'waitlisted', 1, 'old-3', at);
    old.pragma('user_version = 2');
    old.close();

    const { url } = await start(t, { dbPath });
    const again = await post(url, { eventId: 'data-day', email: 'second@example.org' });
    assert.deepEqual([again.status, again.body.status, again.body.alreadyRegistered], [200, 'confirmed', true]);
    const waiting = await post(url, { eventId: 'data-day', email: 'THIRD@example.org' });
    assert.deepEqual([waiting.status, waiting.body.status], [200, 'waitlisted']);
    const newcomer = await post(url, { eventId: 'data-day', email: 'fourth@example.org' });
    assert.deepEqual([newcomer.status, newcomer.body.status, newcomer.body.position], [201, 'waitlisted', 2]);
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    assert.equal(db.pragma('user_version', { simple: true }), 5);
    const keys = /** @type {{ email_key: string }[]} */ (db.prepare('SELECT email_key FROM registrations').all());
    assert.ok(keys.every((row) => row.email_key.length === 43), 'every row has its email key');
  });

  sqliteOnly('migrates a version 3 database: the stored cancel hashes go, check-in and retention come', async (t) => {
    const dbPath = freshDbPath();
    const old = new Database(dbPath);
    old.exec(`CREATE TABLE registrations (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, occurrence TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL, email TEXT NOT NULL, email_key TEXT NOT NULL DEFAULT '', cancel_hash TEXT, cancelled_at TEXT,
      promoted_at TEXT, answers TEXT NOT NULL DEFAULT '{}', accommodations TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')), position INTEGER, idempotency_key TEXT NOT NULL UNIQUE,
      request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE seats (event_id TEXT NOT NULL, occurrence TEXT NOT NULL, confirmed INTEGER NOT NULL,
      last_position INTEGER NOT NULL, waiting INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (event_id, occurrence)) WITHOUT ROWID;
      CREATE INDEX registrations_by_email ON registrations (event_id, occurrence, email_key);
      CREATE UNIQUE INDEX registrations_by_cancel ON registrations (cancel_hash) WHERE cancel_hash IS NOT NULL;`);
    old.prepare(`INSERT INTO registrations (event_id, name, email, email_key, cancel_hash, status, idempotency_key, request_hash, response, created_at)
      VALUES ('workshop', 'A', 'a@example.org', ?, 'some-hash', 'confirmed', 'old-1', 'h', '{}', ?)`).run(emailKey('a@example.org'), new Date().toISOString());
    old.pragma('user_version = 3');
    old.close();

    const { url } = await start(t, { dbPath });
    assert.equal((await post(url, { eventId: 'workshop', email: 'A@example.org' })).body.alreadyRegistered, true);
    assert.equal((await post(url, { eventId: 'workshop' })).status, 409, 'the seat is still taken');
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    assert.equal(db.pragma('user_version', { simple: true }), 5);
    const columns = /** @type {{ name: string }[]} */ (db.pragma('table_info(registrations)')).map((column) => column.name);
    assert.ok(!columns.includes('cancel_hash'));
    for (const name of ['language', 'checked_in_at', 'purged_at']) assert.ok(columns.includes(name), name);
    const seatColumns = /** @type {{ name: string }[]} */ (db.pragma('table_info(seats)')).map((column) => column.name);
    for (const name of ['starts_at', 'ends_at']) assert.ok(seatColumns.includes(name), name);
    const indexes = /** @type {{ name: string }[]} */ (db.pragma('index_list(registrations)')).map((index) => index.name);
    assert.ok(!indexes.includes('registrations_by_cancel'));
  });

  sqliteOnly('refuses a database from a newer server', async () => {
    const dbPath = freshDbPath();
    const newer = new Database(dbPath);
    newer.pragma('user_version = 6');
    newer.close();
    assert.throws(() => createRsvpServer({ events: EVENTS, dbPath, exportToken: null }), /schema version 6/);
  });
});
