/**
 * What a visitor learns about a registration kept on the device and delivered on a later page
 * (#17 item 8), and cancelling through the link the form offers. The real reference server on
 * loopback; run by rsvp-form.test.ts in its page, for the reason given there.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { resetRsvpDelivery } from '../../src/rsvp-form/outbox/delivery.js';
import { expectAccessible } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';
import {
  feedWith, findRole, recordEvents, rendered, rows, RsvpPage, setFlaky, startServer, storedSubmissions, type TestServer,
} from './rsvp-page.js';

const KEPT = 'civic-widgets:rsvp-outcome:v1:';

/** What is kept about answered registrations, as stored. */
function keptOutcomes(): string[] {
  return Object.keys(localStorage).filter((k) => k.startsWith(KEPT)).map((k) => localStorage.getItem(k)!);
}

/** Submits a valid registration while the server is down: it is kept on the device. */
async function keepOne(server: TestServer, eventId: string, options: { attributes?: string; name?: string; email?: string } = {}): Promise<RsvpPage> {
  await setFlaky(server, { down: true });
  const page = await RsvpPage.mount(feedWith({ id: eventId }, server.url), options.attributes ?? `event-id="${eventId}"`);
  await page.fillValid(options.name, options.email);
  await page.submit();
  await page.waitForStatus(/saved on this device/);
  return page;
}

/** Closes the page (as far as the outbox knows) and opens a new one with a form for the event. */
async function reload(page: RsvpPage, server: TestServer, eventId: string, attributes = `event-id="${eventId}"`): Promise<RsvpPage> {
  page.el.remove();
  resetRsvpDelivery();
  await setFlaky(server, { down: false });
  return RsvpPage.mount(feedWith({ id: eventId }, server.url), attributes);
}

/** The panel of a kept answer, found by its heading. */
async function keptPanel(page: RsvpPage, heading: string): Promise<HTMLElement> {
  const title = await findRole(page.el, 'heading', { name: heading });
  return title.closest('[part="outcome"]') as HTMLElement;
}

/**
 * Follows the cancel link in a tab of its own, as a patron would, presses the server page's button,
 * and checks the server's answer and its record.
 */
async function expectCancelledThrough(link: HTMLAnchorElement, server: TestServer): Promise<void> {
  const visit = await executeServerCommand<{ before: { text: string }; after: { title: string; text: string } }, unknown>(
    'rsvp-visit', { href: link.href, press: 'Cancel my registration' },
  );
  expect(visit.before.text).to.include('This registration is confirmed.');
  expect(visit.after.title).to.equal('Registration cancelled');
  expect(visit.after.text).to.include('Your registration is cancelled');
  const [row] = await rows(server);
  expect(row!.cancelled_at).to.be.a('string');
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

export function outcomeTests(): void {
  it('shows a kept registration’s confirmation after a reload, with the cancel link, until it is hidden', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'kept-day' }));
    const first = await keepOne(server, 'kept-day');
    expect((storedSubmissions()[0]!.body as Record<string, unknown>).language).to.equal('en');
    const events = recordEvents();

    const page = await reload(first, server, 'kept-day');
    const panel = await keptPanel(page, 'You are registered');
    expect(text(panel)).to.match(/Your registration saved on this device has been sent: you are registered for Data Day on \w+day, March 7, \d{4}\./);
    const link = getByRole(panel, 'link', { name: 'Cancel my registration' }) as HTMLAnchorElement;
    expect(link.href).to.match(new RegExp(`^${new URL(server.url).origin}/api/rsvp/cancel\\?token=`));
    expect(link.target).to.equal('');
    expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-confirmed']);
    expect(events[0]!.detail).to.deep.include({ status: 'confirmed', cancelUrl: link.href });
    // Kept: the answer, not the visitor. The submission itself is gone.
    expect(storedSubmissions()).to.deep.equal([]);
    const [kept] = keptOutcomes();
    expect(kept).to.include('kept-day');
    expect(kept).not.to.match(/Ada|example\.org/);
    await expectAccessible(page.el);

    // Still there on the next page, until the visitor hides it.
    const again = await reload(page, server, 'kept-day');
    await keptPanel(again, 'You are registered');
    getByRole(again.el, 'button', { name: 'Hide this message' }).click();
    await rendered(again.el);
    await rendered(again.el);
    expect(queryAllByRole(again.el, 'heading', { name: 'You are registered' })).to.have.length(0);
    expect(keptOutcomes()).to.deep.equal([]);
    expect(again.activeElement?.id).to.equal('rsvp-title');

    // The kept link cancels, as the email's would.
    await expectCancelledThrough(link, server);
  });

  it('shows a kept registration’s place on the waitlist, in the form’s language', async function () {
    this.timeout(20_000);
    const waiting = { capacity: 0, registered: 0, waitlist: true };
    const server = await startServer(feedWith({ id: 'kept-wait', ...waiting }));
    await setFlaky(server, { down: true });
    const first = await RsvpPage.mount(feedWith({ id: 'kept-wait', ...waiting }, server.url), 'event-id="kept-wait" locale="es"');
    await first.fillValid();
    await first.submit();
    await first.waitForStatus(/se ha guardado en este dispositivo/);
    expect((storedSubmissions()[0]!.body as Record<string, unknown>).language).to.equal('es');

    first.el.remove();
    resetRsvpDelivery();
    await setFlaky(server, { down: false });
    const page = await RsvpPage.mount(feedWith({ id: 'kept-wait', ...waiting }, server.url), 'event-id="kept-wait" locale="es"');
    const panel = await keptPanel(page, 'Está en la lista de espera');
    expect(text(panel)).to.match(/ocupa el puesto 1 en la lista de espera de Data Day del \S+ 7 de marzo de \d{4}\./);
    expect(getByRole(panel, 'link', { name: 'Cancelar mi inscripción' })).to.exist;
    await expectAccessible(page.el);
  });

  it('tells a patron already registered, live and when a kept registration arrives later', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'twice-day' }));
    const live = await RsvpPage.mount(feedWith({ id: 'twice-day' }, server.url), 'event-id="twice-day"');
    await live.fillValid();
    await live.submit();
    await findRole(live.el, 'heading', { name: 'You are registered' });
    // The same email again, from the same page: said plainly.
    getByRole(live.el, 'button', { name: 'Register someone else' }).click();
    await rendered(live.el);
    const events = recordEvents();
    await live.fillValid('Ada L.', 'ADA@example.org');
    await live.submit();
    const heading = await findRole(live.el, 'heading', { name: 'You are already registered' });
    expect(text(heading.closest('[part="confirmation"]')!)).to.match(
      /You were already registered for Data Day on \w+day, March 7, \d{4}, so nothing was added: your seat is confirmed\./,
    );
    expect(events.at(-1)!.detail).to.deep.include({ status: 'confirmed', alreadyRegistered: true });
    await expectAccessible(live.el);
    live.el.remove();

    // And once more, kept on the device and sent from a later page.
    const first = await keepOne(server, 'twice-day');
    const page = await reload(first, server, 'twice-day');
    const panel = await keptPanel(page, 'You are already registered');
    expect(text(panel)).to.match(/You were already registered for Data Day on \w+day, March 7, \d{4}, so nothing was added/);
    expect(await rows(server)).to.have.length(1);
    await expectAccessible(page.el);
  });

  it('shows the server’s reasons when it refuses a kept registration, and that a full event took none', async function () {
    this.timeout(20_000);
    const server = await startServer(feedWith({ id: 'odd-kept' }));
    // Control characters pass the browser's checks; the server refuses them.
    const first = await keepOne(server, 'odd-kept', { name: 'Ada\u0007Lovelace' });
    const page = await reload(first, server, 'odd-kept');
    const panel = await keptPanel(page, 'Your registration was not accepted');
    expect(text(panel)).to.match(/Your registration for Data Day on \w+day, March 7, \d{4}, saved on this device, was not accepted\./);
    expect(getByRole(panel, 'listitem').textContent!.trim()).to.equal('Name: Please write your name on one line.');
    expect(keptOutcomes().join()).not.to.include('Lovelace');
    // The form is there to register again.
    expect(page.textbox(/^Name/).value).to.equal('');
    await expectAccessible(page.el);
    page.el.remove();

    const full = await startServer(feedWith({ id: 'full-kept' }), { events: [{ id: 'full-kept', capacity: 0 }] });
    const late = await keepOne(full, 'full-kept');
    const next = await reload(late, full, 'full-kept');
    const fullPanel = await keptPanel(next, 'The event is full');
    expect(text(fullPanel)).to.match(/arrived after the event filled up: you are not registered\./);
    await expectAccessible(next.el);
  });

  it('offers the cancel link once registered, and the server’s page cancels', async () => {
    const server = await startServer(feedWith({ id: 'cancel-day' }));
    const page = await RsvpPage.mount(feedWith({ id: 'cancel-day' }, server.url), 'event-id="cancel-day"');
    await page.fillValid();
    await page.submit();
    const confirmation = await page.findConfirmation();
    expect(text(confirmation)).to.include('If you cannot come, cancel so that someone else can take your place:');
    const link = getByRole(confirmation, 'link', { name: 'Cancel my registration' }) as HTMLAnchorElement;
    // Shown live, so nothing is kept for later.
    expect(keptOutcomes()).to.deep.equal([]);
    await expectCancelledThrough(link, server);
  });
}
