// @ts-check
/**
 * Cancelling (#17 item 2): a patron's cancel link (GET shows a page, POST cancels and deletes the
 * patron's data), staff cancel by id with the staff token, and the waitlist promoted in order when
 * a seat frees or the capacity is raised.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { parseCsv, post, rows, start, sqliteOnly } from './rsvp-fixtures.mjs';

const TOKEN = randomBytes(32).toString('base64url');
const LINK = /^\/api\/rsvp\/cancel\?token=[1-9][0-9]*\.[A-Za-z0-9_-]{43}$/;

/**
 * The registrations' states as the staff export shows them, by email.
 * @param {string} url
 */
async function exported(url) {
  const response = await fetch(`${url}/export.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  const [header, ...body] = parseCsv((await response.text()).replace(/^\ufeff/, ''));
  const at = (/** @type {string} */ name) => header.indexOf(name);
  return body.map((row) => ({
    email: row[at('email')], status: row[at('status')], position: row[at('waitlist_position')],
    promoted: row[at('promoted_at')] !== '', cancelled: row[at('cancelled_at')] !== '',
  }));
}

/**
 * Registers `emails` in order for `eventId` and returns their answers.
 * @param {string} url
 * @param {string} eventId
 * @param {string[]} emails
 */
async function registerAll(url, eventId, emails) {
  const answers = [];
  for (const email of emails) answers.push(await post(url, { eventId, email }));
  return answers;
}

/**
 * @param {string} cancelUrl
 * @param {RequestInit} [init]
 */
const follow = (cancelUrl, init = {}) => fetch(cancelUrl, init);

describe('the cancel link', () => {
  sqliteOnly('comes with every confirmation and waitlist place, and nothing of it is stored', async (t) => {
    const { url, dbPath } = await start(t, { exportToken: TOKEN });
    const [a, b, c] = await registerAll(url, 'data-day', ['a@example.org', 'b@example.org', 'c@example.org']);
    for (const answer of [a, b, c]) assert.match(answer.body.cancelUrl, LINK);
    assert.equal(c.body.status, 'waitlisted');
    assert.equal(new Set([a, b, c].map((answer) => answer.body.cancelUrl)).size, 3);
    const mac = (new URL(a.body.cancelUrl, url).searchParams.get('token') ?? '').split('.')[1] ?? '';
    assert.ok(!JSON.stringify((await rows(dbPath))).includes(mac), 'the mac is not in the database');
    const db = new Database(dbPath, { readonly: true });
    t.after(() => db.close());
    const columns = /** @type {{ name: string }[]} */ (db.pragma('table_info(registrations)')).map((column) => column.name);
    assert.ok(!columns.includes('cancel_hash'));
    const indexes = /** @type {{ name: string }[]} */ (db.pragma('index_list(registrations)')).map((index) => index.name).sort();
    assert.deepEqual(indexes.filter((name) => !name.startsWith('sqlite_autoindex')), ['registrations_by_email']);
  });

  it("starts with the configured public origin", async (t) => {
    const { url } = await start(t, { publicOrigin: 'https://events.example.org' });
    const answer = await post(url, { eventId: 'open-house' });
    assert.match(answer.body.cancelUrl, /^https:\/\/events\.example\.org\/api\/rsvp\/cancel\?token=1\.[A-Za-z0-9_-]{43}$/);
  });

  it('shows a page on GET that changes nothing and names nobody', async (t) => {
    const { url, dbPath } = await start(t, { exportToken: TOKEN });
    const [answer] = await registerAll(url, 'data-day', ['secret.patron@example.org']);
    const link = new URL(answer.body.cancelUrl, url).href;
    for (const method of ['GET', 'HEAD', 'GET']) {
      const page = await follow(link, { method });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const text = await page.text();
      if (method === 'GET') {
        assert.match(text, /<form method="post"><button type="submit">Cancel my registration<\/button><\/form>/);
        assert.doesNotMatch(text, /secret|Ada|Lovelace/i);
      }
    }
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed']);
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('cancels on POST, deletes the patron\'s data, and gives the seat to the first person waiting, in order', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    const [a] = await registerAll(url, 'data-day', ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
    const cancelled = await follow(new URL(a.body.cancelUrl, url).href, { method: 'POST' });
    assert.equal(cancelled.status, 200);
    assert.equal((await cancelled.json()).status, 'cancelled');
    assert.deepEqual(await exported(url), [
      { email: '', status: 'cancelled', position: '', promoted: false, cancelled: true },
      { email: 'b@example.org', status: 'confirmed', position: '', promoted: false, cancelled: false },
      { email: 'c@example.org', status: 'confirmed', position: '1', promoted: true, cancelled: false },
      { email: 'd@example.org', status: 'waitlisted', position: '2', promoted: false, cancelled: false },
    ]);
    // The seat went to c: d is now first in line, and a newcomer waits behind d.
    const d = await post(url, { eventId: 'data-day', email: 'd@example.org' });
    assert.deepEqual(d.body, { status: 'waitlisted', alreadyRegistered: true, message: 'You are already on the waitlist for this event.' });
    const e = await post(url, { eventId: 'data-day', email: 'e@example.org' });
    assert.deepEqual([e.body.status, e.body.position], ['waitlisted', 2]);
    // Twice is fine, and frees nothing more.
    const again = await follow(new URL(a.body.cancelUrl, url).href, { method: 'POST' });
    assert.equal(again.status, 200);
    assert.match((await again.json()).message, /already/);
    assert.equal((await exported(url)).filter((row) => row.status === 'confirmed').length, 2);
  });

  it('answers a form post from the page with a page', async (t) => {
    const { url } = await start(t, { publicOrigin: 'https://events.example.org' });
    const [a] = await registerAll(url, 'workshop', ['a@example.org']);
    const link = new URL(new URL(a.body.cancelUrl).pathname + new URL(a.body.cancelUrl).search, url).href;
    const page = await follow(link, {
      method: 'POST',
      headers: { Accept: 'text/html', Origin: 'https://events.example.org', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Your registration is cancelled/);
    // The seat is free again.
    assert.equal((await post(url, { eventId: 'workshop', email: 'b@example.org' })).status, 201);
  });

  it('cancelling a waitlist place promotes nobody', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    const answers = await registerAll(url, 'data-day', ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
    await follow(new URL(answers[2].body.cancelUrl, url).href, { method: 'POST' });
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed', 'confirmed', 'cancelled', 'waitlisted']);
    // d moved up to first in line; a newcomer is second.
    const e = await post(url, { eventId: 'data-day', email: 'e@example.org' });
    assert.deepEqual([e.body.status, e.body.position], ['waitlisted', 2]);
  });

  it('lets the same email register again once cancelled', async (t) => {
    const { url, dbPath } = await start(t);
    const [a] = await registerAll(url, 'workshop', ['a@example.org']);
    await follow(new URL(a.body.cancelUrl, url).href, { method: 'POST' });
    const again = await post(url, { eventId: 'workshop', email: 'A@example.org' });
    assert.deepEqual([again.status, again.body.status, again.body.alreadyRegistered], [201, 'confirmed', undefined]);
    assert.equal((await rows(dbPath)).length, 2);
  });

  it('comes again with a replay; a cancelled registration has none', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    const fields = { eventId: 'workshop', email: 'a@example.org' };
    const first = await post(url, fields, { key: 'replayed-key-1' });
    const again = await post(url, fields, { key: 'replayed-key-1' });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.cancelUrl, first.body.cancelUrl);
    assert.equal((await follow(new URL(first.body.cancelUrl, url).href, { method: 'POST' })).status, 200);
    const afterCancel = await post(url, fields, { key: 'replayed-key-1' });
    assert.equal(afterCancel.body.status, 'confirmed', 'the first answer, replayed');
    assert.equal(afterCancel.body.cancelUrl, undefined);
    assert.deepEqual((await exported(url)).map((row) => row.status), ['cancelled']);
  });

  it('refuses a tampered token: a wrong mac, another id, another spelling of the mac', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    const [a, b] = await registerAll(url, 'data-day', ['a@example.org', 'b@example.org']);
    const tokenOf = (/** @type {{ body: { cancelUrl: string } }} */ answer) => new URL(answer.body.cancelUrl, url).searchParams.get('token') ?? '';
    const [idA, macA] = tokenOf(a).split('.');
    const [, macB] = tokenOf(b).split('.');
    assert.equal(idA, '1');
    const flip = (/** @type {string} */ text, /** @type {number} */ at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const tampered = [
      `1.${flip(macA ?? '', 0)}`, // a wrong mac
      `1.${flip(macA ?? '', 42)}`, // the last character, whose two spare bits base64 ignores
      `2.${macA}`, // a's mac on b's id
      `1.${macB}`, // b's mac on a's id
      `3.${macA}`, // an id nobody has
      `01.${macA}`, // another spelling of the id
    ];
    for (const token of tampered) {
      const link = `${url}/cancel?token=${encodeURIComponent(token)}`;
      assert.equal((await follow(link)).status, 404, token);
      assert.equal((await follow(link, { method: 'POST' })).status, 404, token);
    }
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed', 'confirmed']);
  });

  it('is refused by a server with another secret, and honoured by one with the same', async (t) => {
    const secret = randomBytes(32).toString('base64url');
    const first = await start(t, { cancelSecret: secret });
    const [a] = await registerAll(first.url, 'workshop', ['a@example.org']);
    const link = new URL(a.body.cancelUrl, first.url).search;
    await first.rsvp.close();
    const other = await start(t, { dbPath: first.dbPath, cancelSecret: randomBytes(32).toString('base64url') });
    assert.equal((await follow(`${other.url}/cancel${link}`, { method: 'POST' })).status, 404);
    await other.rsvp.close();
    const same = await start(t, { dbPath: first.dbPath, cancelSecret: secret });
    assert.equal((await follow(`${same.url}/cancel${link}`, { method: 'POST' })).status, 200);
  });

  it('answers 404 to a token it does not know, and cancels nothing', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await registerAll(url, 'workshop', ['a@example.org']);
    for (const token of ['', 'short', randomBytes(32).toString('base64url'), `1.${randomBytes(32).toString('base64url')}`]) {
      assert.equal((await follow(`${url}/cancel?token=${token}`, { method: 'POST' })).status, 404);
      assert.equal((await follow(`${url}/cancel?token=${token}`)).status, 404);
    }
    assert.equal((await follow(`${url}/cancel?token=x`, { method: 'PUT' })).status, 405);
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed']);
  });
});

describe('staff cancel', () => {
  it('cancels by id with the staff token, and promotes the first waiting', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await registerAll(url, 'data-day', ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
    const deleteAs = (/** @type {string} */ path, /** @type {Record<string, string>} */ headers = {}) =>
      fetch(`${url}${path}`, { method: 'DELETE', headers });
    assert.equal((await deleteAs('/registrations/2')).status, 401);
    assert.equal((await deleteAs('/registrations/2', { Authorization: 'Bearer wrong' })).status, 401);
    const done = await deleteAs('/registrations/2', { Authorization: `Bearer ${TOKEN}` });
    assert.equal(done.status, 200);
    assert.deepEqual(await done.json(), { id: 2, status: 'cancelled', alreadyCancelled: false, promoted: [3] });
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed', 'cancelled', 'confirmed', 'waitlisted']);
    assert.equal((await deleteAs('/registrations/99', { Authorization: `Bearer ${TOKEN}` })).status, 404);
    assert.equal((await fetch(`${url}/registrations/2`)).status, 405);
  });

  it('does not exist without a staff token', async (t) => {
    const { url } = await start(t);
    await registerAll(url, 'workshop', ['a@example.org']);
    assert.equal((await fetch(`${url}/registrations/1`, { method: 'DELETE' })).status, 404);
  });
});

describe('capacity raised', () => {
  it('promotes the people waiting, in order, before any newcomer', async (t) => {
    let events = [{ id: 'talk', capacity: 2, waitlist: true }];
    const { url } = await start(t, { events: () => events, exportToken: TOKEN });
    await registerAll(url, 'talk', ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org', 'e@example.org']);
    events = [{ id: 'talk', capacity: 4, waitlist: true }];
    const newcomers = await registerAll(url, 'talk', ['f@example.org', 'g@example.org']);
    assert.deepEqual(newcomers.map((answer) => [answer.body.status, answer.body.position]), [['waitlisted', 2], ['waitlisted', 3]]);
    assert.deepEqual((await exported(url)).map((row) => [row.email[0], row.status, row.promoted]), [
      ['a', 'confirmed', false], ['b', 'confirmed', false], ['c', 'confirmed', true], ['d', 'confirmed', true],
      ['e', 'waitlisted', false], ['f', 'waitlisted', false], ['g', 'waitlisted', false],
    ]);
  });

  it('promotes as soon as the server sees the new capacity, before anyone registers', async (t) => {
    let events = [{ id: 'talk', capacity: 1, waitlist: true }];
    const { url } = await start(t, { events: () => events, exportToken: TOKEN });
    await registerAll(url, 'talk', ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
    events = [{ id: 'talk', capacity: 3, waitlist: true }];
    assert.deepEqual((await exported(url)).map((row) => [row.email[0], row.status, row.promoted]), [
      ['a', 'confirmed', false], ['b', 'confirmed', true], ['c', 'confirmed', true], ['d', 'waitlisted', false],
    ]);
    const e = await post(url, { eventId: 'talk', email: 'e@example.org' });
    assert.deepEqual([e.body.status, e.body.position], ['waitlisted', 2], 'd is first in line');
  });

  it('promotes everyone waiting when the capacity is lifted', async (t) => {
    /** @type {{ id: string, capacity?: number, waitlist: boolean }[]} */
    let events = [{ id: 'talk', capacity: 1, waitlist: true }];
    const { url } = await start(t, { events: () => events, exportToken: TOKEN });
    await registerAll(url, 'talk', ['a@example.org', 'b@example.org', 'c@example.org']);
    events = [{ id: 'talk', waitlist: true }];
    assert.equal((await post(url, { eventId: 'talk', email: 'd@example.org' })).body.status, 'confirmed');
    assert.deepEqual((await exported(url)).map((row) => row.status), ['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });

  it('after a restart too, from the recounted seats', async (t) => {
    const first = await start(t, { events: [{ id: 'talk', capacity: 1, waitlist: true }], exportToken: TOKEN });
    await registerAll(first.url, 'talk', ['a@example.org', 'b@example.org']);
    await first.rsvp.close();
    const second = await start(t, { dbPath: first.dbPath, events: [{ id: 'talk', capacity: 3, waitlist: true }], exportToken: TOKEN });
    const c = await post(second.url, { eventId: 'talk', email: 'c@example.org' });
    assert.equal(c.body.status, 'confirmed');
    assert.deepEqual((await exported(second.url)).map((row) => [row.email[0], row.status, row.promoted]), [
      ['a', 'confirmed', false], ['b', 'confirmed', true], ['c', 'confirmed', false],
    ]);
  });
});
