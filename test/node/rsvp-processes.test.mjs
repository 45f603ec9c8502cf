// @ts-check
/**
 * Two server processes on one database file (#17: "concurrent cancels and registrations at the
 * last seat"): they share the seats, the waitlist's order, one registration per email, and the
 * cancel links' secret (the first to start writes it; the other reads it).
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { freshDbPath, post, query, STORE, TEST_CANCEL_SECRET } from './rsvp-fixtures.mjs';

const SERVER = new URL('./rsvp-process-server.mjs', import.meta.url);

/**
 * Starts a server process; resolves to its endpoint's URL. The test stops it when it ends.
 * @param {import('node:test').TestContext} t
 * @param {string} dbPath
 * @param {unknown[]} events
 */
async function startProcess(t, dbPath, events) {
  const env = { ...process.env };
  // SQLite: the processes share the secret file beside the database; PostgreSQL: this.
  if (dbPath.startsWith('postgres://')) env.CIVIC_CANCEL_SECRET = TEST_CANCEL_SECRET;
  else delete env.CIVIC_CANCEL_SECRET;
  const child = fork(SERVER, [dbPath, JSON.stringify(events)], { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.after(async () => {
    if (child.connected) child.disconnect();
    await exited;
  });
  return /** @type {Promise<string>} */ (new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(/** @type {{ url: string }} */ (message).url));
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code}`)));
  }));
}

describe(`two server processes on one database (${STORE})`, () => {
  it('give freed seats to the people waiting, in order, while newcomers and cancels race at the last seat', async (t) => {
    const dbPath = freshDbPath();
    const events = [{ id: 'talk', capacity: 3, waitlist: true }];
    // Started together: both reach for the cancel secret file at once.
    const [one, two] = await Promise.all([startProcess(t, dbPath, events), startProcess(t, dbPath, events)]);
    /** @type {Record<string, { body: Record<string, any>, status: number }>} */
    const first = {};
    for (const name of ['c1', 'c2', 'c3', 'w1', 'w2', 'w3']) first[name] = await post(one, { eventId: 'talk', email: `${name}@example.org` });
    assert.deepEqual(Object.values(first).map((answer) => answer.body.status), ['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    // Each process cancels a link the other gave out, while ten newcomers (and one email twice,
    // once on each) register through both.
    const cancelOn = (/** @type {string} */ url, /** @type {string} */ link) => fetch(new URL(new URL(link, url).pathname + new URL(link, url).search, url), { method: 'POST' });
    const results = await Promise.all([
      cancelOn(two, first.c1?.body.cancelUrl),
      cancelOn(one, first.c2?.body.cancelUrl),
      ...Array.from({ length: 10 }, (_, i) => post(i % 2 ? one : two, { eventId: 'talk', email: `new${i}@example.org` })),
      post(one, { eventId: 'talk', email: 'twice@example.org' }),
      post(two, { eventId: 'talk', email: 'Twice@Example.org' }),
    ]);
    const [cancelA, cancelB, ...registered] = results;
    assert.deepEqual([/** @type {Response} */ (cancelA).status, /** @type {Response} */ (cancelB).status], [200, 200]);
    const answers = /** @type {{ status: number, body: Record<string, any> }[]} */ (registered);
    const twice = answers.slice(10);
    assert.deepEqual(twice.map((answer) => answer.status).sort(), [200, 201], 'one email, one registration, across processes');
    assert.deepEqual(answers.filter((answer) => answer.status === 201).map((answer) => answer.body.status), Array(11).fill('waitlisted'),
      'nobody new takes a seat while people wait');

    const standing = /** @type {{ email: string, status: string, position: number | null }[]} */ (
      await query(dbPath, 'SELECT email, status, position FROM registrations WHERE cancelled_at IS NULL ORDER BY position, id'));
    assert.deepEqual(standing.filter((row) => row.status === 'confirmed').map((row) => row.email).sort(), ['c3@example.org', 'w1@example.org', 'w2@example.org']);
    const waiting = standing.filter((row) => row.status === 'waitlisted');
    assert.equal(waiting[0]?.email, 'w3@example.org', 'the one who waited longest is first in line');
    assert.equal(waiting.length, 12);
    assert.equal(new Set(waiting.map((row) => row.position)).size, 12, 'every place in line is distinct');
    assert.deepEqual(await query(dbPath, 'SELECT confirmed, waiting FROM seats'), [{ confirmed: 3, waiting: 12 }]);
  });

  it('sell the last seat once when both take registrations for it at once', async (t) => {
    const dbPath = freshDbPath();
    const events = [{ id: 'talk', capacity: 5 }];
    const [one, two] = await Promise.all([startProcess(t, dbPath, events), startProcess(t, dbPath, events)]);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2 ? one : two, { eventId: 'talk', email: `p${i}@example.org` })));
    assert.equal(answers.filter((answer) => answer.status === 201).length, 5);
    assert.equal(answers.filter((answer) => answer.status === 409).length, 35);
    // A cancel on one frees the seat for the next registration on the other.
    const seated = answers.find((answer) => answer.status === 201);
    const link = new URL(seated?.body.cancelUrl, one);
    assert.equal((await fetch(new URL(link.pathname + link.search, two), { method: 'POST' })).status, 200);
    assert.equal((await post(one, { eventId: 'talk', email: 'late@example.org' })).status, 201);
    assert.equal((await post(two, { eventId: 'talk', email: 'later@example.org' })).status, 409);
  });

  it('answer one idempotency key once, whichever process each retry reaches', async (t) => {
    const dbPath = freshDbPath();
    const events = [{ id: 'talk', capacity: 1, waitlist: true }, { id: 'other', capacity: 1 }];
    const [one, two] = await Promise.all([startProcess(t, dbPath, events), startProcess(t, dbPath, events)]);
    // Ten keys, each sent to both processes at once (a client retrying through the load balancer).
    const keys = Array.from({ length: 10 }, (_, i) => `retry-${i}`);
    const answers = await Promise.all(keys.flatMap((key) => [one, two].map((url) => post(url, { eventId: 'talk' }, { key }))));
    for (let i = 0; i < keys.length; i++) {
      const [a, b] = [answers[2 * i], answers[2 * i + 1]];
      assert.deepEqual([a?.status, b?.status], [201, 201]);
      assert.deepEqual(a?.body.status, b?.body.status, `${keys[i]}: the same answer from both`);
      assert.deepEqual(a?.body.position, b?.body.position);
    }
    const stored = await query(dbPath, "SELECT idempotency_key, status, position FROM registrations WHERE event_id = 'talk' ORDER BY id");
    assert.equal(stored.length, 10, 'one registration per key');
    assert.equal(stored.filter((row) => row.status === 'confirmed').length, 1);
    assert.deepEqual(stored.filter((row) => row.status === 'waitlisted').map((row) => row.position), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The same key for another event, at once on both: still one registration.
    const crossed = await Promise.all([post(one, { eventId: 'other' }, { key: 'crossed' }), post(two, { eventId: 'talk' }, { key: 'crossed' })]);
    assert.equal((await query(dbPath, "SELECT COUNT(*) AS n FROM registrations WHERE idempotency_key = 'crossed'"))[0].n, 1);
    assert.deepEqual(crossed.map((answer) => answer.status).sort(), [201, 422], 'the second body under the key is refused');
  });
});
