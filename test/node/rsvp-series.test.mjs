// @ts-check
/**
 * Series registration (#17 item 7): an event whose `rsvp.mode` is `series` takes one registration
 * for all its sessions, stored once under the occurrence `series`: one seat in every session,
 * counted against the fullest (smallest) session, one cancel link, one per email, staff lists for
 * any session, and the personal data kept until the last session has ended. The events come from
 * a feed document, so the sessions are worked out by the feed layer, as the form works them out.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator } from '@cfworker/json-schema';
import { createRsvpHandler } from '../../packages/server/src/rsvp-server.mjs';
import { freshDbPath, post, rows, start } from './rsvp-fixtures.mjs';
import { readMessage, startMailed } from './rsvp-mail-fixtures.mjs';

const TOKEN = randomBytes(32).toString('base64url');
const BEARER = { Authorization: `Bearer ${TOKEN}` };
const DAY = 86_400_000;

/** Four Wednesday workshops in Chicago, the third in a smaller room; and a weekly group taken date by date. */
const FEED = {
  version: '1',
  timezone: 'America/Chicago',
  events: [
    {
      id: 'workshops', title: 'Data literacy workshops', start: '2030-01-02T18:00:00', end: '2030-01-02T19:30:00',
      rrule: 'FREQ=WEEKLY;COUNT=4', capacity: 3, waitlist: true, rsvp: { mode: 'series' },
    },
    {
      id: 'workshops-small-room', seriesId: 'workshops', recurrenceId: '2030-01-16T18:00:00', title: 'Data literacy workshops',
      start: '2030-01-16T18:00:00', end: '2030-01-16T19:30:00', capacity: 2,
    },
    {
      id: 'user-group', title: 'Housing data user group', start: '2030-01-07T18:00:00', end: '2030-01-07T19:00:00',
      rrule: 'FREQ=WEEKLY;COUNT=4', capacity: 5, rsvp: { mode: 'occurrence' },
    },
  ],
};

/** Sessions' starts in UTC: 18:00 in Chicago is midnight UTC the next day. */
const SESSIONS = ['2030-01-03T00:00:00.000Z', '2030-01-10T00:00:00.000Z', '2030-01-17T00:00:00.000Z', '2030-01-24T00:00:00.000Z'];
const LAST_END = Date.parse('2030-01-24T01:30:00Z');

/** A clock the test moves. */
function clock(iso = '2029-12-20T12:00:00Z') {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (/** @type {number} */ ms) => { at = ms; } };
}

/**
 * The standing registrants of one occurrence's attendance list, as the staff page shows them.
 * @param {string} url
 * @param {string} occurrence
 */
async function attendance(url, occurrence) {
  const page = await fetch(`${url}/staff/attendance?${new URLSearchParams({ eventId: 'workshops', occurrence })}`, { headers: BEARER });
  assert.equal(page.status, 200);
  const html = await page.text();
  const names = (/** @type {string} */ heading) => {
    const at = html.indexOf(`<h2>${heading}`);
    return [...html.slice(at, html.indexOf('</table>', at)).matchAll(/<tr id="r\d+">(?:<td>\d+<\/td>)?<th scope="row">(.*?)<\/th>/g)].map((m) => m[1]);
  };
  return { html, confirmed: names('Confirmed'), waitlisted: names('Waitlist') };
}

describe('a series registration', () => {
  it('takes one seat in every session, as many as the smallest session holds, then waitlists', async (t) => {
    const { url, dbPath } = await start(t, { feed: FEED, events: [], exportToken: TOKEN, now: clock().now });
    const ada = await post(url, { eventId: 'workshops', name: 'Ada', email: 'ada@example.org' });
    assert.equal(ada.status, 201);
    assert.equal(ada.body.status, 'confirmed');
    const ben = await post(url, { eventId: 'workshops', occurrence: 'series', name: 'Ben', email: 'ben@example.org' });
    assert.equal(ben.body.status, 'confirmed');
    // The series seats 3, but its third session only 2: a third person would have no seat there.
    const cy = await post(url, { eventId: 'workshops', name: 'Cy', email: 'cy@example.org' });
    assert.equal(cy.status, 201);
    assert.deepEqual([cy.body.status, cy.body.position], ['waitlisted', 1]);
    assert.deepEqual((await rows(dbPath)).map((row) => [row.event_id, row.occurrence]), Array(3).fill(['workshops', 'series']));

    // Every session's list is the series' registrants.
    for (const session of SESSIONS) {
      const list = await attendance(url, session);
      assert.deepEqual(list.confirmed, ['Ada', 'Ben'], session);
      assert.deepEqual(list.waitlisted, ['Cy'], session);
      assert.match(list.html, /All 4 sessions, from Wednesday, January 2, 2030/);
      assert.match(list.html, /Check-in is kept once per registration, for the whole series/);
      assert.match(list.html, /<dt>Capacity<\/dt><dd>2<\/dd>/);
    }
    const index = await (await fetch(`${url}/staff`, { headers: { ...BEARER, Accept: 'application/json' } })).json();
    assert.deepEqual(index.occurrences.map((/** @type {any} */ o) => [o.occurrence, o.capacity, o.confirmed, o.waitlisted, o.startsAt, o.endsAt]), [
      ['series', 2, 2, 1, SESSIONS[0], new Date(LAST_END).toISOString()],
    ]);
    assert.equal(index.occurrences[0].sessions, 4);
  });

  it('has one cancel link that cancels every session, and the first waiting takes the seat', async (t) => {
    const { url } = await start(t, { feed: FEED, events: [], exportToken: TOKEN, now: clock().now });
    const ada = await post(url, { eventId: 'workshops', name: 'Ada', email: 'ada@example.org' });
    await post(url, { eventId: 'workshops', name: 'Ben', email: 'ben@example.org' });
    await post(url, { eventId: 'workshops', name: 'Cy', email: 'cy@example.org' });
    const link = new URL(ada.body.cancelUrl, url);
    const cancelled = await fetch(link, { method: 'POST' });
    assert.equal(cancelled.status, 200);
    for (const session of [SESSIONS[0], SESSIONS[3]]) {
      const list = await attendance(url, /** @type {string} */ (session));
      assert.deepEqual(list.confirmed, ['Ben', 'Cy'], 'Ada is gone from every session; Cy has her seat');
      assert.deepEqual(list.waitlisted, []);
    }
    const again = await fetch(link, { method: 'POST' });
    assert.match((await again.json()).message, /already cancelled/);
  });

  it('takes one registration per email for the whole series', async (t) => {
    const { url, dbPath } = await start(t, { feed: FEED, events: [], now: clock().now });
    assert.equal((await post(url, { eventId: 'workshops', email: 'ada@example.org' })).status, 201);
    const twice = await post(url, { eventId: 'workshops', occurrence: 'series', email: 'ADA@example.org ' });
    assert.equal(twice.status, 200);
    assert.deepEqual([twice.body.status, twice.body.alreadyRegistered], ['confirmed', true]);
    assert.equal((await rows(dbPath)).length, 1);
  });

  it('is the only way into a series event, and no way into an event taken date by date', async (t) => {
    const { url, dbPath } = await start(t, { feed: FEED, events: [], now: clock().now });
    const oneDate = await post(url, { eventId: 'workshops', occurrence: '2030-01-09T18:00:00' });
    assert.equal(oneDate.status, 422);
    assert.match(oneDate.body.errors.occurrence, /one registration for all its 4 sessions, not one date/);
    const wholeGroup = await post(url, { eventId: 'user-group', occurrence: 'series' });
    assert.equal(wholeGroup.status, 422);
    assert.match(wholeGroup.body.errors.occurrence, /one date at a time: choose a date/);
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2030-01-14T18:00:00' })).status, 201);
    assert.deepEqual((await rows(dbPath)).map((row) => row.occurrence), ['2030-01-15T00:00:00.000Z']);
  });

  it('keeps its patrons\' data until the retention period after the last session', async (t) => {
    const time = clock();
    const { url, dbPath, rsvp } = await start(t, { feed: FEED, events: [], now: time.now, retentionDays: 7 });
    await post(url, { eventId: 'workshops', email: 'ada@example.org' });
    time.set(Date.parse('2030-01-03T01:30:00Z') + 8 * DAY);
    assert.equal(await rsvp.handler.purgeExpired(), 0, 'a week after the first session, three are still to come');
    time.set(LAST_END + 7 * DAY - 60_000);
    assert.equal(await rsvp.handler.purgeExpired(), 0);
    time.set(LAST_END + 7 * DAY + 60_000);
    assert.equal(await rsvp.handler.purgeExpired(), 1);
    assert.deepEqual((await rows(dbPath)).map((row) => row.name), ['']);
  });

  it('follows the feed: a session cancelled there no longer limits the seats', async (t) => {
    let feed = FEED;
    const { url } = await start(t, { feed: () => feed, events: [], exportToken: TOKEN, now: clock().now });
    await post(url, { eventId: 'workshops', email: 'a@example.org' });
    await post(url, { eventId: 'workshops', email: 'b@example.org' });
    assert.equal((await post(url, { eventId: 'workshops', email: 'c@example.org' })).body.status, 'waitlisted');
    // The small room's session is called off: every remaining session seats three.
    feed = { ...FEED, events: FEED.events.map((e) => (e.id === 'workshops-small-room' ? { ...e, status: 'cancelled' } : e)) };
    const list = await attendance(url, 'series');
    assert.deepEqual(list.waitlisted, []);
    assert.equal(list.confirmed.length, 3);
    assert.match(list.html, /All 3 sessions/);
  });

  it('refuses, at start, a series that never ends and a mode it does not know, naming the fix', () => {
    const endless = { ...FEED, events: [{ ...FEED.events[0], rrule: 'FREQ=WEEKLY' }] };
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', feed: endless, cancelSecret: randomBytes(32) }),
      /Event "workshops": rsvp\.mode "series" needs a series that ends, with at most 100 sessions: give its rrule a COUNT or an UNTIL/);
    const typo = { ...FEED, events: [{ ...FEED.events[0], rsvp: { mode: 'Series' } }] };
    assert.throws(() => createRsvpHandler({ dbPath: ':memory:', feed: typo, cancelSecret: randomBytes(32) }),
      /Event "workshops": rsvp\.mode "Series" is not one of "occurrence", "series"/);
  });

  it('takes its sessions from the events option too, checked at start', async (t) => {
    const course = {
      id: 'course', mode: 'series', capacity: 5, sessions: [
        { startsAt: '2030-03-04T17:00:00Z', endsAt: '2030-03-04T19:00:00Z' },
        { startsAt: '2030-03-11T17:00:00Z', endsAt: '2030-03-11T19:00:00Z', capacity: 1 },
      ],
    };
    const { url, dbPath } = await start(t, { events: [course], now: clock().now });
    assert.equal((await post(url, { eventId: 'course' })).body.status, 'confirmed');
    assert.equal((await post(url, { eventId: 'course', occurrence: 'series' })).status, 409, 'the second session seats one');
    assert.deepEqual((await rows(dbPath)).map((row) => row.occurrence), ['series']);
    for (const sessions of [[], [{ startsAt: 'soon', endsAt: 'later' }], [{ ...course.sessions[0], capacity: 2.5 }]]) {
      assert.throws(() => createRsvpHandler({ dbPath: ':memory:', events: [{ ...course, sessions }], cancelSecret: randomBytes(32) }), /Event "course": /);
    }
  });

  it('a one-off event in series mode registers as it always did', async (t) => {
    const oneOff = { version: '1', events: [{ id: 'talk', title: 'Talk', start: '2030-02-01T18:00:00Z', rsvp: { mode: 'series' } }] };
    const { url, dbPath } = await start(t, { feed: oneOff, events: [], now: clock().now, dbPath: freshDbPath() });
    assert.equal((await post(url, { eventId: 'talk' })).status, 201);
    assert.deepEqual((await rows(dbPath)).map((row) => row.occurrence), ['']);
  });
});

describe('a series registration\'s mail', () => {
  it('lists every session, carries the whole series as .ics, and its cancel link cancels them all', async (t) => {
    const { smtp, url } = await startMailed(t, { feed: FEED });
    assert.equal((await post(url, { eventId: 'workshops', email: 'ada@example.org' })).status, 201);
    await smtp.until(1);
    const mail = readMessage(/** @type {string} */ (smtp.received[0]?.raw));
    assert.equal(mail.subject, 'You are registered: Data literacy workshops');
    const text = mail.parts.find((p) => p.type === 'text/plain')?.text ?? '';
    assert.match(text, /This registration holds your place in all 4 sessions:\r?\n- Wednesday, January 2, 2030, 6:00\s*–\s*7:30\sPM CST\r?\n- Wednesday, January 9, 2030/);
    assert.match(text, /- Wednesday, January 23, 2030, 6:00\s*–\s*7:30\sPM CST/);
    const html = mail.parts.find((p) => p.type === 'text/html')?.text ?? '';
    assert.equal(html.match(/<li>/g)?.length, 4);
    const ics = mail.parts.find((p) => p.filename === 'event.ics')?.text ?? '';
    assert.match(ics, /RRULE:FREQ=WEEKLY;COUNT=4/);
    assert.match(ics, /RECURRENCE-ID[^:]*:20300116T180000/);
    const link = /^(http:\/\/\S+\/cancel\?token=\S+)$/m.exec(text)?.[1];
    assert.ok(link);
    assert.equal((await fetch(link, { method: 'POST' })).status, 200);
    await smtp.until(2);
    const goodbye = readMessage(/** @type {string} */ (smtp.received[1]?.raw));
    assert.match(goodbye.parts.find((p) => p.type === 'text/plain')?.text ?? '', /Your registration for Data literacy workshops is cancelled\.\r?\nIt was for all 4 sessions of the series\./);
  });
});

describe('the feed schema', () => {
  const schema = JSON.parse(readFileSync(new URL('../../src/feed/feed.schema.json', import.meta.url), 'utf8'));
  const validator = new Validator(schema, '2020-12', false);

  it('takes rsvp.mode "series" and "occurrence"', () => {
    for (const mode of ['series', 'occurrence']) {
      const feed = { ...FEED, groups: [], resources: [], places: [], events: [{ ...FEED.events[0], rsvp: { mode } }] };
      assert.deepEqual(validator.validate(feed).errors, [], mode);
    }
  });

  it('refuses any other mode, naming where', () => {
    const feed = { ...FEED, groups: [], resources: [], places: [], events: [{ ...FEED.events[0], rsvp: { mode: 'weekly' } }] };
    const { valid, errors } = validator.validate(feed);
    assert.equal(valid, false);
    const at = errors.find((e) => e.instanceLocation === '#/events/0/rsvp/mode');
    assert.ok(at, JSON.stringify(errors));
    assert.match(at.error, /series/);
  });
});
