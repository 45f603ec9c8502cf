// @ts-check
/**
 * Mail (#17 item 3), end to end: a real RSVP server on loopback sends through a real SMTP server
 * (smtp-server) on loopback, started by the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../packages/server/src/config.mjs';
import { mailOptionsFromEnv, mailOptionsOf } from '../../packages/server/src/mail/mail-settings.mjs';
import { MAIL_LANGUAGES, mailTexts } from '../../packages/server/src/mail/mail-texts.mjs';
import { PATRON_LANGUAGES } from '../../packages/server/src/rsvp-validate.mjs';
import { post, query, start } from './rsvp-fixtures.mjs';
import { MAIL_FEED, readMessage, startMailed, startSmtp, startWithMail } from './rsvp-mail-fixtures.mjs';

/**
 * The mail queue's rows, read through a connection of the test's own.
 * @param {string} dbPath
 * @returns {Promise<{ kind: string, state: string, recipient: string | null, attempts: number }[]>}
 */
async function queued(dbPath) {
  return query(dbPath, 'SELECT * FROM mail_queue ORDER BY id');
}

/**
 * The message sent to `address`, read.
 * @param {{ to: string[], raw: string }[]} received
 * @param {string} address
 * @param {number} [nth]
 */
function messageTo(received, address, nth = 0) {
  const found = received.filter((m) => m.to.includes(address))[nth];
  assert.ok(found, `a message to ${address}`);
  return readMessage(found.raw);
}

/**
 * The cancel link in a message's plain text, if any.
 * @param {ReturnType<typeof readMessage>} mail
 */
const linkIn = (mail) => /^(https?:\/\/\S+\/cancel\?token=\S+)$/m.exec(mail.parts.find((p) => p.type === 'text/plain')?.text ?? '')?.[1];

describe('mail', () => {
  it('confirms with the event, its .ics and a cancel link that cancels', async (t) => {
    const { smtp, url } = await startMailed(t);
    const answer = await post(url, { eventId: 'data-day', email: 'ada@example.org' });
    assert.equal(answer.status, 201);
    await smtp.until(1);
    const mail = messageTo(smtp.received, 'ada@example.org');
    assert.equal(mail.subject, 'You are registered: Data Day 2099');
    const text = mail.parts.find((p) => p.type === 'text/plain')?.text ?? '';
    assert.match(text, /You are registered for Data Day 2099\./);
    assert.match(text, /When: Wednesday, May 20, 2099, 6:00\s*–\s*8:00\sPM CDT/);
    assert.match(text, /Where: Main Library, Room 2, 100 Main St, Springfield/);
    assert.ok(!text.includes('Ada'), 'the message does not name the patron');
    const html = mail.parts.find((p) => p.type === 'text/html')?.text ?? '';
    assert.match(html, /<html lang="en" dir="ltr">/);
    const ics = mail.parts.find((p) => p.filename === 'event.ics');
    assert.ok(ics, 'the .ics is attached');
    assert.match(ics.text, /BEGIN:VEVENT/);
    assert.match(ics.text, /SUMMARY:Data Day 2099/);
    assert.match(ics.text, /DTSTART:20990520T230000Z/);

    const link = /^(http:\/\/127\.0\.0\.1:\d+\/api\/rsvp\/cancel\?token=[1-9][0-9]*\.[A-Za-z0-9_-]{43})$/m.exec(text)?.[1];
    assert.ok(link, 'the plain text carries an absolute cancel link');
    assert.ok(html.includes(`href="${link}"`), 'so does the HTML');
    const cancelled = await fetch(link, { method: 'POST' });
    assert.equal(cancelled.status, 200);
    assert.equal((await cancelled.json()).status, 'cancelled');
    await smtp.until(2);
    const goodbye = messageTo(smtp.received, 'ada@example.org', 1);
    assert.equal(goodbye.subject, 'Registration cancelled: Data Day 2099');
    assert.ok(!goodbye.parts.some((p) => p.filename), 'nothing to add to a calendar once cancelled');
  });

  it('names the occurrence registered for, and one an override moved', async (t) => {
    const { smtp, url } = await startMailed(t);
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2099-06-09T18:30:00', email: 'second.week@example.org' })).status, 201);
    assert.equal((await post(url, { eventId: 'user-group', occurrence: '2099-06-16T18:30:00', email: 'third.week@example.org' })).status, 201);
    await smtp.until(2);
    const second = messageTo(smtp.received, 'second.week@example.org');
    assert.match(second.parts[0]?.text ?? '', /When: Tuesday, June 9, 2099, 6:30\s*–\s*8:00\sPM CDT\r?\nWhere: Room B/);
    assert.match(second.parts.find((p) => p.filename === 'event.ics')?.text ?? '', /DTSTART:20990609T233000Z/);
    const third = messageTo(smtp.received, 'third.week@example.org');
    assert.equal(third.subject, 'You are registered: Housing Data User Group (moved)');
    assert.match(third.parts[0]?.text ?? '', /When: Wednesday, June 17, 2099, 6:30\s*–\s*8:00\sPM CDT\r?\nWhere: Auditorium/);
    assert.match(third.parts.find((p) => p.filename === 'event.ics')?.text ?? '', /DTSTART:20990617T233000Z/);
  });

  it('tells the waiting their place, then that a cancel gave them the seat', async (t) => {
    const { smtp, url } = await startMailed(t);
    const first = await post(url, { eventId: 'data-day', email: 'first@example.org' });
    const second = await post(url, { eventId: 'data-day', email: 'second@example.org' });
    const secondLink = new URL(second.body.cancelUrl, url).href;
    await smtp.until(2);
    const waiting = messageTo(smtp.received, 'second@example.org');
    assert.equal(waiting.subject, 'You are on the waitlist: Data Day 2099');
    assert.match(waiting.parts[0]?.text ?? '', /You are number 1 on the waitlist/);
    assert.equal(linkIn(waiting), secondLink, 'the link the form showed');

    const cancel = await fetch(new URL(first.body.cancelUrl, url), { method: 'POST' });
    assert.equal(cancel.status, 200);
    await smtp.until(4);
    const promoted = messageTo(smtp.received, 'second@example.org', 1);
    assert.equal(promoted.subject, 'A place opened up: you are registered for Data Day 2099');
    assert.ok(promoted.parts.some((p) => p.filename === 'event.ics'));
    assert.equal(linkIn(promoted), secondLink, 'every message carries the same link');
    const cancelled = messageTo(smtp.received, 'first@example.org', 1);
    assert.equal(cancelled.subject, 'Registration cancelled: Data Day 2099');
    assert.equal(linkIn(cancelled), undefined, 'nothing left to cancel');
  });

  it('keeps mail queued while the SMTP server is down and sends it once it is up', async (t) => {
    // A port that was free a moment ago, with nothing listening on it now.
    const probe = await startSmtp();
    const { port } = probe;
    await probe.close();
    const { url, dbPath, logged } = await startWithMail(t, port);
    const started = Date.now();
    const answer = await post(url, { eventId: 'data-day', email: 'patient.patron@example.org', name: 'Patient Patron' });
    assert.equal(answer.status, 201, 'the registration does not wait for the mail server');
    assert.ok(Date.now() - started < 2000);
    // Tried and failed at least once, and still queued (between tries; during one it is 'sending').
    const deadline = Date.now() + 5000;
    while (!(await queued(dbPath)).some((row) => row.attempts > 0 && row.state === 'queued') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [row] = (await queued(dbPath));
    assert.equal(row?.state, 'queued');
    assert.ok((row?.attempts ?? 0) > 0);

    const smtp = await startSmtp(port);
    t.after(() => smtp.close());
    await smtp.until(1);
    assert.equal(messageTo(smtp.received, 'patient.patron@example.org').subject, 'You are registered: Data Day 2099');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.received.length, 1, 'sent once');
    const after = (await queued(dbPath));
    assert.deepEqual(after.map((r) => [r.state, r.recipient]), [['sent', null]], 'the address is gone once sent');

    assert.ok(logged.some((line) => /^mail: sent 0, to retry 1, given up 0 \((ESOCKET|ECONNECTION)\)$/.test(line)), logged.join('\n'));
    assert.ok(logged.some((line) => /^mail: sent 1\b/.test(line)));
    for (const line of logged) assert.ok(!/@|patient|patron/i.test(line), `no address or name in "${line}"`);
  });

  it('sends only the cancellation notice for a registration cancelled before its confirmation went out', async (t) => {
    const probe = await startSmtp();
    const { port } = probe;
    await probe.close();
    const { url, dbPath } = await startWithMail(t, port);
    const answer = await post(url, { eventId: 'data-day', email: 'changed.mind@example.org' });
    const cancel = await fetch(new URL(answer.body.cancelUrl, url), { method: 'POST' });
    assert.equal(cancel.status, 200);
    // The registration's data is gone; the notice keeps its own copy of the address until sent.
    const [registration] = await query(dbPath, 'SELECT email FROM registrations');
    assert.equal(registration.email, '');
    // Queued, or being tried against the server that is down.
    const notices = (await queued(dbPath)).map((r) => [r.kind, r.state === 'sending' ? 'queued' : r.state, r.recipient]);
    assert.deepEqual(notices, [['cancellation', 'queued', 'changed.mind@example.org']]);

    const smtp = await startSmtp(port);
    t.after(() => smtp.close());
    await smtp.until(1);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(smtp.received.map((m) => readMessage(m.raw).subject), ['Registration cancelled: Data Day 2099']);
    assert.deepEqual((await queued(dbPath)).map((r) => [r.kind, r.state, r.recipient]), [['cancellation', 'sent', null]]);
  });

  it('forgets its mail when the retention period deletes the registration', async (t) => {
    let clock = new Date('2099-05-01T00:00:00Z');
    const { smtp, url, dbPath, rsvp } = await startMailed(t, { now: () => clock, retentionDays: 30 });
    await post(url, { eventId: 'data-day', email: 'kept.a.while@example.org' });
    await post(url, { eventId: 'data-day', email: 'waiting@example.org' });
    await smtp.until(2);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await queued(dbPath)).length, 2);
    clock = new Date('2099-07-01T00:00:00Z');
    assert.equal(await rsvp.handler.purgeExpired(), 2);
    assert.deepEqual((await queued(dbPath)), []);
  });

  it('writes in the registration\'s language, right to left in Arabic', async (t) => {
    const { smtp, url } = await startMailed(t);
    await post(url, { eventId: 'data-day', email: 'ana@example.org', language: 'es-MX' });
    await post(url, { eventId: 'data-day', email: 'amal@example.org', language: 'ar' });
    await post(url, { eventId: 'data-day', email: 'kim@example.org', language: 'ko' });
    await smtp.until(3);
    const spanish = messageTo(smtp.received, 'ana@example.org');
    assert.equal(spanish.subject, 'Tiene una plaza: Data Day 2099');
    assert.match(spanish.parts[0]?.text ?? '', /Cuándo: miércoles, 20 de mayo de 2099/);
    const arabic = messageTo(smtp.received, 'amal@example.org');
    assert.equal(arabic.subject, 'أنت على قائمة الانتظار: Data Day 2099');
    assert.match(arabic.parts.find((p) => p.type === 'text/html')?.text ?? '', /<html lang="ar" dir="rtl">/);
    // No words in Korean: the configured language, English by default.
    assert.equal(messageTo(smtp.received, 'kim@example.org').subject, 'You are on the waitlist: Data Day 2099');
  });

  it('reminds a registrant who submits again, at most once an hour', async (t) => {
    const { smtp, url, dbPath } = await startMailed(t);
    await post(url, { eventId: 'data-day', email: 'again@example.org' });
    for (let i = 0; i < 4; i++) {
      const answer = await post(url, { eventId: 'data-day', email: 'Again@Example.org ' });
      assert.equal(answer.body.alreadyRegistered, true);
    }
    await smtp.until(2);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(smtp.received.length, 2, 'one confirmation and one reminder');
    const reminder = messageTo(smtp.received, 'again@example.org', 1);
    assert.equal(reminder.subject, 'You are already registered: Data Day 2099');
    assert.equal(linkIn(reminder), linkIn(messageTo(smtp.received, 'again@example.org')), 'with the cancel link');
    assert.deepEqual((await queued(dbPath)).map((r) => r.kind), ['confirmation', 'reminder']);
  });

  it('writes to the address as registered, never to a list hidden in it', async (t) => {
    const { smtp, url } = await startMailed(t);
    const answer = await post(url, { eventId: 'data-day', email: 'x,victim@example.org' });
    assert.equal(answer.status, 201);
    await smtp.until(1);
    assert.deepEqual(smtp.received.map((m) => m.to), [['"x,victim"@example.org']]);
  });

  it('gives up at once on an address the SMTP server refuses for good, and logs no address', async (t) => {
    const { smtp, url, dbPath, logged } = await startMailed(t);
    await post(url, { eventId: 'data-day', email: 'no.such.user@example.org' });
    await post(url, { eventId: 'data-day', email: 'real@example.org' });
    await smtp.until(1);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['real@example.org']);
    const rows = (await queued(dbPath));
    assert.deepEqual(rows.map((r) => [r.kind, r.state, r.recipient, r.attempts]), [['confirmation', 'failed', null, 1], ['waitlist', 'sent', null, 1]]);
    assert.equal(/** @type {any} */ (rows[0]).last_error, 'EENVELOPE 550');
    assert.ok(logged.some((line) => /given up 1 \(EENVELOPE 550\)/.test(line)), logged.join('\n'));
    for (const line of logged) assert.ok(!/@|no\.such/.test(line), line);
  });

  it('tells the waiting when a larger capacity gives them seats', async (t) => {
    let feed = MAIL_FEED;
    const { smtp, url } = await startMailed(t, { feed: () => feed });
    await post(url, { eventId: 'data-day', email: 'seated@example.org' });
    await post(url, { eventId: 'data-day', email: 'next.in.line@example.org' });
    await smtp.until(2);
    feed = { ...MAIL_FEED, events: [{ ...MAIL_FEED.events[0], capacity: 2 }] };
    // The endpoint sees the new capacity at its next registration, and seats the waiting first.
    await post(url, { eventId: 'data-day', email: 'third@example.org' });
    await smtp.until(4);
    assert.equal(messageTo(smtp.received, 'next.in.line@example.org', 1).subject, 'A place opened up: you are registered for Data Day 2099');
    assert.equal(messageTo(smtp.received, 'third@example.org').subject, 'You are on the waitlist: Data Day 2099');
  });

  it('sends each message once with two servers on one database', async (t) => {
    const smtp = await startSmtp();
    t.after(() => smtp.close());
    const feed = { ...MAIL_FEED, events: [{ ...MAIL_FEED.events[0], capacity: 100 }] };
    const one = await startWithMail(t, smtp.port, { feed });
    const two = await startWithMail(t, smtp.port, { dbPath: one.dbPath, feed });
    const posts = [];
    for (let i = 0; i < 20; i++) posts.push(post(i % 2 ? one.url : two.url, { eventId: 'data-day', email: `p${i}@example.org` }));
    await Promise.all(posts);
    await smtp.until(20);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(smtp.received.length, 20);
    assert.equal(new Set(smtp.received.map((m) => m.to[0])).size, 20);
  });

  it('gives up, never resends, a message whose sender died while sending', async (t) => {
    const { smtp, url, dbPath, rsvp } = await startMailed(t);
    await post(url, { eventId: 'data-day', email: 'sent.once@example.org' });
    await smtp.until(1);
    await rsvp.close();
    // As a process that claimed a message and died before marking it sent leaves it.
    await query(dbPath, `INSERT INTO mail_queue (registration_id, kind, recipient, event_id, occurrence, state, next_attempt_at, claim, lease_until, created_at)
      VALUES (1, 'reminder', 'sent.once@example.org', 'data-day', '', 'sending', 0, 'dead', ?, 0)`, [Date.now() - 1]);
    const again = await startWithMail(t, smtp.port, { dbPath });
    await post(again.url, { eventId: 'data-day', email: 'next@example.org' });
    await smtp.until(2);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['sent.once@example.org', 'next@example.org']);
    const rows = (await queued(dbPath));
    assert.deepEqual(rows.map((r) => [r.kind, r.state, r.recipient]), [
      ['confirmation', 'sent', null], ['reminder', 'failed', null], ['waitlist', 'sent', null],
    ]);
  });

  it('queues nothing when mail is off', async (t) => {
    const { url, dbPath } = await start(t);
    const answer = await post(url, { eventId: 'data-day' });
    assert.equal(answer.status, 201);
    assert.deepEqual((await queued(dbPath)), []);
  });

  it('has every message in every language a registration can keep', () => {
    for (const language of PATRON_LANGUAGES) assert.ok(MAIL_LANGUAGES.includes(/** @type {any} */ (language)), language);
    const keys = Object.keys(mailTexts('en')).sort();
    for (const language of MAIL_LANGUAGES) {
      const texts = mailTexts(language);
      assert.deepEqual(Object.keys(texts).sort(), keys, language);
      for (const [key, text] of Object.entries(texts)) {
        const wanted = [...(mailTexts('en')[/** @type {keyof typeof texts} */ (key)].match(/\{\w+\}/g) ?? [])].sort();
        assert.deepEqual([...(text.match(/\{\w+\}/g) ?? [])].sort(), wanted, `${language} ${key} keeps its placeholders`);
      }
    }
  });

  it('takes the settings docs/server.md shows', () => {
    const doc = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '').filter((b) => b.includes('"passwordEnv"'));
    assert.equal(blocks.length, 1);
    const server = JSON.parse(blocks[0] ?? '');
    const config = parseConfig(JSON.stringify({ sources: [{ file: 'feed.json' }], server }, null, 2), '/etc/civic-widgets/civic.json');
    const section = /** @type {any} */ (config.server).mail;
    assert.deepEqual(mailOptionsOf(section, 'from the environment'), {
      host: 'smtp.riverside-library.org', port: 587, tls: 'starttls', user: 'events', password: 'from the environment',
      from: 'Riverside Library <events@riverside-library.org>', replyTo: 'programs@riverside-library.org', language: 'en',
    });
  });

  it('is read from the environment by npm run rsvp-server, naming the variable to fix', () => {
    assert.equal(mailOptionsFromEnv({}), undefined, 'off without RSVP_SMTP_HOST');
    const env = { RSVP_SMTP_HOST: 'smtp.library.example', RSVP_MAIL_FROM: 'Library <events@library.example>' };
    assert.deepEqual(mailOptionsFromEnv({ ...env, RSVP_SMTP_PORT: '2525', RSVP_MAIL_LANGUAGE: 'zh' }), {
      host: 'smtp.library.example', port: 2525, tls: 'starttls', from: 'Library <events@library.example>', language: 'zh',
    });
    assert.throws(() => mailOptionsFromEnv({ ...env, RSVP_SMTP_PORT: 'twenty-five' }), /^Error: RSVP_SMTP_PORT: "twenty-five" is not a port number/);
    assert.throws(() => mailOptionsFromEnv({ ...env, RSVP_MAIL_FROM: 'events' }), /^Error: RSVP_MAIL_FROM: "events" is not an address/);
    assert.throws(() => mailOptionsFromEnv({ ...env, RSVP_SMTP_USER: 'events' }), /^Error: RSVP_SMTP_PASSWORD: the environment variable RSVP_SMTP_PASSWORD is not set/);
    assert.throws(() => mailOptionsFromEnv({ ...env, RSVP_MAIL_LANGUAGE: 'de' }), /^Error: RSVP_MAIL_LANGUAGE: must be one of en, es, fr, zh, ar/);
  });
});
