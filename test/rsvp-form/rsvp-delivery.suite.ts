/**
 * Sending: the real reference server on loopback, behind a proxy that fails on purpose. Imported by
 * rsvp-form.test.ts (see there why they share its page).
 */
import { expect } from 'chai';
import ICAL from 'ical.js';
import type { Question } from '../../src/feed/types.js';
import { resetRsvpDelivery } from '../../src/rsvp-form/outbox/delivery.js';
import { expectAccessible, waitFor } from '../helpers.js';
import { getByRole } from '../queries.js';
import {
  feedWith, recordEvents, rendered, requests, rows, RsvpPage, setFlaky, startServer, storedSubmissions, tick, until,
} from './rsvp-page.js';

const track: Question = { id: 'org', label: 'Organization', type: 'text' };

export function deliveryTests(): void {
  it('registers, says so, and offers the occurrence as an .ics file', async () => {
    const feed = feedWith({ id: 'send-day', rsvp: { questions: [track] } });
    const server = await startServer(feed);
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'send-day', rsvp: { questions: [track] } }, server.url), 'event-id="send-day"');
    await page.fillValid();
    page.fill(/^Organization/, 'Riverside Tenants');
    page.fill(/^Access needs/, 'Captions, please');
    await page.submit();
    const confirmation = await page.findConfirmation();
    expect(page.activeElement?.id).to.equal('rsvp-done-title');
    expect(confirmation.textContent).to.match(/You are registered for Data Day on \w+day, March 7, \d{4}\./);

    const [row] = await rows(server);
    expect(row).to.include({ event_id: 'send-day', name: 'Ada Lovelace', email: 'ada@example.org', accommodations: 'Captions, please', status: 'confirmed' });
    expect(JSON.parse(String(row!.answers))).to.deep.equal({ org: 'Riverside Tenants' });
    const { keys } = await requests(server);
    expect(keys).to.have.length(1);
    expect(row!.idempotency_key).to.equal(keys[0]);
    expect(storedSubmissions()).to.deep.equal([]);

    expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-submit', 'civic-rsvp-confirmed']);
    expect(events[1]!.detail).to.deep.include({ eventId: 'send-day', status: 'confirmed', idempotencyKey: keys[0], endpoint: server.url });
    for (const { detail } of events) expect(JSON.stringify(detail)).not.to.match(/Ada|example\.org|Captions/);

    const link = getByRole(page.el, 'link', { name: 'Add to my calendar (.ics file)' }) as HTMLAnchorElement;
    expect(link.download).to.equal('data-day.ics');
    expect(link.href).to.match(/^blob:/);
    const text = await (await fetch(link.href)).text();
    expect(text).to.match(/^BEGIN:VCALENDAR\r\n/);
    const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(vevent.summary).to.equal('Data Day');
    expect(vevent.location).to.equal('Main Branch, 1 Library Square');
    expect(vevent.startDate.toJSDate().getTime()).to.equal(Date.UTC(new Date().getUTCFullYear() + 1, 2, 7, 15));
    expect(vevent.endDate.toJSDate().getTime()).to.equal(Date.UTC(new Date().getUTCFullYear() + 1, 2, 7, 21));
    await expectAccessible(page.el);

    // "Register someone else" starts a fresh form, and the calendar file is let go.
    getByRole(page.el, 'button', { name: 'Register someone else' }).click();
    await rendered(page.el);
    expect(page.textbox(/^Name/).value).to.equal('');
    expect(page.activeElement?.id).to.equal('rsvp-name');
  });

  it('shows the waitlist position the server gives', async () => {
    const feed = feedWith({ id: 'wait-day', capacity: 0, registered: 0, waitlist: true });
    const server = await startServer(feed);
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'wait-day', capacity: 0, registered: 0, waitlist: true }, server.url), 'event-id="wait-day"');
    await page.fillValid();
    expect(page.submitButton.textContent!.trim()).to.equal('Join the waitlist');
    await page.submit();
    const confirmation = await page.findConfirmation();
    expect(confirmation.textContent).to.include('You are on the waitlist');
    expect(confirmation.textContent).to.include('You are number 1 on the waitlist for Data Day.');
    expect(getByRole(page.el, 'heading', { name: 'You are on the waitlist' })).to.exist;
    expect(events.at(-1)).to.deep.include({ name: 'civic-rsvp-confirmed' });
    expect(events.at(-1)!.detail).to.deep.include({ status: 'waitlisted', position: 1 });
    await expectAccessible(page.el);
  });

  it('says the event filled up when the server answers 409, and keeps nothing', async () => {
    const server = await startServer(feedWith({ id: 'late-day' }), { events: [{ id: 'late-day', capacity: 0 }] });
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'late-day' }, server.url), 'event-id="late-day"');
    await page.fillValid();
    await page.submit();
    const panel = await page.findConfirmation();
    expect(panel.textContent).to.include('Sorry, the event filled up before your registration arrived.');
    expect(page.activeElement?.id).to.equal('rsvp-done-title');
    expect(events.at(-1)).to.deep.include({ name: 'civic-rsvp-failed' });
    expect(events.at(-1)!.detail).to.deep.include({ reason: 'full', httpStatus: 409 });
    expect(storedSubmissions()).to.deep.equal([]);
    expect(await rows(server)).to.deep.equal([]);
    await expectAccessible(page.el);
  });

  it('puts each of a 422’s messages next to its field and in the summary', async () => {
    const server = await startServer(feedWith({ id: 'odd-day', rsvp: { questions: [track] } }));
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'odd-day', rsvp: { questions: [track] } }, server.url), 'event-id="odd-day"');
    // Control characters pass the browser's checks; the server refuses them, field by field.
    await page.fillValid('Ada\u0007Lovelace');
    page.fill(/^Organization/, 'Tenants\u0001Union');
    await page.submit();
    await until(() => page.summary, 8000);
    expect(page.activeElement?.id).to.equal('rsvp-summary-title');
    const name = page.textbox(/^Name/);
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.getElementById('rsvp-name-error')!.textContent).to.include('Please write your name on one line.');
    const org = page.textbox(/^Organization/);
    expect(org.getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.getElementById(`${org.id}-error`)!.textContent).to.include('This answer contains characters that cannot be stored.');
    const links = [...page.summary!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Please write your name on one line.',
      'This answer contains characters that cannot be stored.',
    ]);
    links[1]!.click();
    expect(page.activeElement).to.equal(org);
    expect(events.at(-1)!.detail).to.deep.include({ reason: 'invalid', httpStatus: 422 });
    expect(storedSubmissions()).to.deep.equal([]);
    expect(page.submitButton.getAttribute('aria-disabled')).to.equal('false');
    await expectAccessible(page.el);

    // Corrected, it goes through (as a new submission, with a new key).
    page.fill(/^Name/, 'Ada Lovelace');
    page.fill(/^Organization/, 'Tenants Union');
    await page.submit();
    await page.findConfirmation();
    const { keys } = await requests(server);
    expect(new Set(keys).size).to.equal(2);
  });

  it('sends one submission however often the button is pressed, and says it is sending', async () => {
    const server = await startServer(feedWith({ id: 'click-day' }));
    await setFlaky(server, { delayMs: 800 });
    const page = await RsvpPage.mount(feedWith({ id: 'click-day' }, server.url), 'event-id="click-day"');
    await page.fillValid();
    page.submitButton.click();
    page.submitButton.click();
    page.form!.requestSubmit();
    await rendered(page.el);
    page.submitButton.click();
    expect(page.submitButton.getAttribute('aria-disabled')).to.equal('true');
    expect(page.submitButton.textContent!.trim()).to.equal('Sending…');
    expect(page.status).to.equal('Sending…');
    await expectAccessible(page.el);
    await page.findConfirmation();
    expect((await requests(server)).posts).to.equal(1);
    expect(await rows(server)).to.have.length(1);
  });

  it('keeps a submission the server cannot take, says so, and sends it once the server is back', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'down-day' }));
    await setFlaky(server, { down: true, status: 503 });
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'down-day' }, server.url), 'event-id="down-day"');
    await page.fillValid();
    await page.submit();
    await page.waitForStatus(/saved on this device\. It will be sent automatically/);
    expect(page.submitButton.getAttribute('aria-disabled')).to.equal('true');
    const [kept] = storedSubmissions();
    expect(kept).to.include({ endpoint: server.url });
    expect(kept!.attempts).to.be.at.least(1);
    expect(kept!.key).to.be.a('string');
    expect((kept!.body as Record<string, unknown>).idempotencyKey).to.equal(kept!.key);
    expect(kept!.savedAt).to.be.a('number');
    expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-submit', 'civic-rsvp-queued']);
    expect(events[1]!.detail).to.deep.include({ persisted: true, attempts: 1 });
    await expectAccessible(page.el);

    await setFlaky(server, { down: false });
    await page.findConfirmation(10_000); // the first retry comes within 5 s
    await page.waitForStatus(/^Your saved registration has been sent\.$/);
    expect(await rows(server)).to.have.length(1);
    const { posts, keys } = await requests(server);
    expect(posts).to.be.at.least(2);
    expect(new Set(keys)).to.deep.equal(new Set([kept!.key]));
    expect(storedSubmissions()).to.deep.equal([]);
    expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-submit', 'civic-rsvp-queued', 'civic-rsvp-confirmed']);
  });

  it('deletes a kept submission unsent once the event is over, and says the event has taken place', async function () {
    this.timeout(25_000);
    const start = new Date(Date.now() - 60 * 60_000).toISOString();
    const end = new Date(Date.now() + 6_000).toISOString();
    const server = await startServer(feedWith({ id: 'ending-day', start, end }));
    await setFlaky(server, { down: true, status: 503 });
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'ending-day', start, end }, server.url), 'event-id="ending-day"');
    await page.fillValid();
    await page.submit();
    await page.waitForStatus(/saved on this device/);
    expect(storedSubmissions()).to.have.length(1);
    // Retries keep failing until the event ends; the next one finds it over.
    await waitFor(() => page.el.shadowRoot!.textContent!.includes('This event has already taken place.'), 20_000, 'the expiry said');
    expect(storedSubmissions()).to.deep.equal([]);
    const failed = events.find((e) => e.name === 'civic-rsvp-failed');
    expect(failed?.detail).to.deep.include({ reason: 'expired', httpStatus: 0 });
    expect(await rows(server)).to.have.length(0);
    await expectAccessible(page.el);
  });

  it('tries again as soon as the browser is back online', async () => {
    const server = await startServer(feedWith({ id: 'online-day' }));
    await setFlaky(server, { down: true, mode: 'drop' });
    const page = await RsvpPage.mount(feedWith({ id: 'online-day' }, server.url), 'event-id="online-day"');
    await page.fillValid();
    await page.submit();
    await page.waitForStatus(/saved on this device/);
    await setFlaky(server, { down: false });
    const started = performance.now();
    window.dispatchEvent(new Event('online'));
    await page.findConfirmation(1500); // sooner than the 2–4 s backoff
    expect(performance.now() - started).to.be.lessThan(1500);
    expect(await rows(server)).to.have.length(1);
  });

  it('sends what a reloaded page left pending, once, when a form connects', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'reload-day' }));
    await setFlaky(server, { down: true });
    const first = await RsvpPage.mount(feedWith({ id: 'reload-day' }, server.url), 'event-id="reload-day"');
    await first.fillValid();
    await first.submit();
    await first.waitForStatus(/saved on this device/);
    const [kept] = storedSubmissions();

    // The visitor closes the tab; the server comes back; later any page with a form opens.
    first.el.remove();
    resetRsvpDelivery();
    await setFlaky(server, { down: false });
    const events = recordEvents();
    const second = await RsvpPage.mount(feedWith({ id: 'reload-day' }, server.url), 'event-id="reload-day"');
    await second.waitForStatus(/^A registration for this event that was saved on this device has been sent\.$/);
    expect(await rows(server)).to.have.length(1);
    expect(new Set((await requests(server)).keys)).to.deep.equal(new Set([kept!.key]));
    expect(storedSubmissions()).to.deep.equal([]);
    expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-confirmed']);
    expect(events[0]!.detail).to.deep.include({ eventId: 'reload-day', idempotencyKey: kept!.key });
    // Only once per page: another form connecting sends nothing more.
    await RsvpPage.mount(feedWith({ id: 'reload-day' }, server.url), 'event-id="reload-day"');
    for (let i = 0; i < 10; i++) await tick();
    expect((await requests(server)).posts).to.equal(2);
  });

  it('keeps nothing on the device with no-store, and still retries while the page is open', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'private-day' }));
    await setFlaky(server, { down: true });
    const events = recordEvents();
    const page = await RsvpPage.mount(feedWith({ id: 'private-day' }, server.url), 'event-id="private-day" no-store');
    await page.fillValid();
    await page.submit();
    await page.waitForStatus(/keep trying while this page is open/);
    expect(storedSubmissions()).to.deep.equal([]);
    expect(events.at(-1)!.detail).to.deep.include({ persisted: false });
    await setFlaky(server, { down: false });
    await page.findConfirmation(10_000);
    expect(await rows(server)).to.have.length(1);
  });

  it('waits as long as a 429 asks before trying again', async function () {
    this.timeout(20_000);
    const feed = feedWith({ id: 'busy-day' });
    const server = await startServer(feed, { rateLimit: { windowMs: 2000, max: 1 } });
    const first = await RsvpPage.mount(feedWith({ id: 'busy-day' }, server.url), 'event-id="busy-day"');
    await first.fillValid();
    await first.submit();
    await first.findConfirmation();
    const second = await RsvpPage.mount(feedWith({ id: 'busy-day' }, server.url), 'event-id="busy-day"');
    await second.fillValid('Grace Hopper', 'grace@example.org');
    await second.submit();
    await second.waitForStatus(/saved on this device/);
    const [kept] = storedSubmissions();
    expect(kept!.notBefore).to.be.a('number');
    await second.findConfirmation(10_000);
    expect(await rows(server)).to.have.length(2);
  });

  it('posts to the endpoint attribute rather than the feed’s', async () => {
    const server = await startServer(feedWith({ id: 'override-day' }));
    const page = await RsvpPage.mount(
      feedWith({ id: 'override-day' }, 'https://nowhere.invalid/api/rsvp'),
      `event-id="override-day" endpoint="${server.url}"`,
    );
    await page.fillValid();
    await page.submit();
    await page.findConfirmation();
    expect(await rows(server)).to.have.length(1);
  });
}
