import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/feed-provider/define.js';
import type { CivicEvent, Feed, Question } from '../../src/feed/types.js';
import { resetRsvpDelivery } from '../../src/rsvp-form/outbox/delivery.js';
import { CivicRsvpForm } from '../../src/rsvp-form/rsvp-form.js';
import { cleanup, expectAccessible, fixture, jsonUrl } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';
import {
  clearOutboxStorage, feedWith, findRole, recordEvents, rendered, requests, rows, RsvpPage, setFlaky, startServer, until, YEAR,
} from './rsvp-page.js';
// Sending, retrying and the server's answers. They run in this page, not a page of their own: a
// page that loads a form sends whatever submissions other pages of the origin left pending, so two
// pages of these tests side by side would deliver each other's on purpose.
import { deliveryTests } from './rsvp-delivery.suite.js';
import { outcomeTests } from './rsvp-outcome.suite.js';

const ALL_TYPES: Question[] = [
  { id: 'org', label: 'Organization', type: 'text', help: 'If you come with a group.' },
  { id: 'why', label: 'What would you like to learn?', type: 'textarea' },
  { id: 'alt', label: 'Another email', type: 'email' },
  { id: 'phone', label: 'Phone for reminders', type: 'tel' },
  { id: 'guests', label: 'Guests', type: 'number' },
  { id: 'lunch', label: 'Lunch', type: 'select', required: true, options: ['Vegetarian', 'Vegan', 'No lunch'] },
  { id: 'track', label: 'Which track?', type: 'radio', required: true, options: ['Beginners', 'Mapping'] },
  { id: 'photos', label: 'I agree to be photographed', type: 'checkbox', required: true },
  { id: 'topics', label: 'Topics', type: 'checkboxes', required: true, options: ['Housing', 'Transit', 'Budget'] },
];

describe('<civic-rsvp-form>', () => {
  const originalFill = CivicRsvpForm.minimumFillMs;
  before(() => {
    CivicRsvpForm.minimumFillMs = 0;
  });
  after(() => {
    CivicRsvpForm.minimumFillMs = originalFill;
  });
  afterEach(() => {
    cleanup();
    resetRsvpDelivery();
    clearOutboxStorage();
  });

  describe('what it shows', () => {
    it('names an untitled event "Untitled event" in its language', async () => {
      const page = await RsvpPage.mount(feedWith({ id: 'data-day', title: '' }, 'https://rsvp.example/api/rsvp'));
      expect(page.headings()[0]).to.equal('Register for Untitled event');
    });

    it('names the event, its date and time in the event’s zone, where, and the seats left', async () => {
      const page = await RsvpPage.mount(feedWith({ id: 'data-day' }, 'https://rsvp.example/api/rsvp'));
      expect(page.headings()[0]).to.equal('Register for Data Day');
      const time = page.root.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.match(new RegExp(`^${YEAR}-03-07T10:00:00-05:00$`));
      const date = new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'America/New_York' });
      expect(time.textContent).to.equal(date.format(Date.UTC(YEAR, 2, 7, 15)));
      const details = page.root.querySelector('[part="details"]')!.textContent!.replace(/\s+/g, ' ');
      expect(details).to.match(/10:00\s?AM\s?–\s?4:00\s?PM/);
      if (Intl.DateTimeFormat().resolvedOptions().timeZone !== 'America/New_York') expect(details).to.include('Eastern Standard Time');
      expect(details).to.include('Main Branch, 1 Library Square');
      expect(details).to.include('60 seats left of 100');
      await expectAccessible(page.el);
    });

    it('asks every kind of question the contract has, labelled, with help, and always asks about access needs', async () => {
      const page = await RsvpPage.mount(feedWith({ rsvp: { questions: ALL_TYPES } }, 'https://rsvp.example/api/rsvp'));
      const name = await page.findTextbox(/^Name/);
      expect(name.autocomplete).to.equal('name');
      expect(name.required).to.equal(true);
      const email = page.textbox(/^Email/);
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
      const org = page.textbox(/^Organization/);
      expect(page.root.getElementById(org.getAttribute('aria-describedby')!)!.textContent).to.equal('If you come with a group.');
      expect(page.textbox(/^What would you like to learn/).localName).to.equal('textarea');
      expect(page.textbox(/^Another email/).type).to.equal('email');
      expect(page.textbox(/^Phone for reminders/).type).to.equal('tel');
      expect((getByRole(page.el, 'spinbutton', { name: /^Guests/ }) as HTMLInputElement).type).to.equal('number');
      const lunch = getByRole(page.el, 'combobox', { name: /^Lunch/ }) as HTMLSelectElement;
      expect([...lunch.options].map((o) => o.textContent!.trim())).to.deep.equal(['Choose…', 'Vegetarian', 'Vegan', 'No lunch']);
      expect(getByRole(page.el, 'group', { name: /^Which track\?/ })).to.exist;
      expect(queryAllByRole(page.el, 'radio')).to.have.length(2);
      expect(getByRole(page.el, 'checkbox', { name: /^I agree to be photographed/ })).to.exist;
      expect(getByRole(page.el, 'group', { name: /^Topics/ })).to.exist;
      expect(queryAllByRole(page.el, 'checkbox')).to.have.length(4);
      const access = page.textbox(/^Access needs or accommodations/);
      expect(access.required).to.equal(false);
      expect(access.getAttribute('aria-describedby')).to.match(/help/);
      await expectAccessible(page.el);
    });

    it('says a full event without a waitlist is full, and offers no form', async () => {
      const page = await RsvpPage.mount(feedWith({ capacity: 30, registered: 30, waitlist: false }, 'https://rsvp.example/api/rsvp'));
      await until(() => page.notices.length);
      expect(page.notices).to.deep.equal(['This event is full.']);
      expect(page.form).to.equal(null);
      expect(page.root.textContent).to.include('No seats left of 30');
      await expectAccessible(page.el);
    });

    it('offers the waitlist when the seats are gone and the event has one', async () => {
      const page = await RsvpPage.mount(feedWith({ capacity: 30, registered: 30, waitlist: true }, 'https://rsvp.example/api/rsvp'));
      await page.findTextbox(/^Name/);
      expect(page.submitButton.textContent!.trim()).to.equal('Join the waitlist');
      expect(page.notices[0]).to.match(/^This event is full\. You can join the waitlist/);
      await expectAccessible(page.el);
    });

    it('says when registration opens, and sends nothing before', async () => {
      const opens = `${YEAR}-02-01T09:00:00`;
      const page = await RsvpPage.mount(feedWith({ rsvp: { opens } }, 'https://rsvp.example/api/rsvp'));
      await until(() => page.notices.length);
      const expected = new Intl.DateTimeFormat('en', {
        weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'America/New_York',
        ...(Intl.DateTimeFormat().resolvedOptions().timeZone !== 'America/New_York' ? { timeZoneName: 'short' as const } : {}),
      }).format(Date.UTC(YEAR, 1, 1, 14));
      expect(page.notices).to.deep.equal([`Registration opens on ${expected}.`]);
      expect(page.form).to.equal(null);
      expect(page.root.querySelector('button')).to.equal(null);
      await expectAccessible(page.el);
    });

    it('says when registration closed', async () => {
      const page = await RsvpPage.mount(feedWith({ rsvp: { closes: '2020-01-15T17:00:00-05:00' } }, 'https://rsvp.example/api/rsvp'));
      await until(() => page.notices.length);
      expect(page.notices[0]).to.match(/^Registration closed on Wednesday, January 15, 2020(,| at) 5:00\s?PM/);
      expect(page.form).to.equal(null);
      await expectAccessible(page.el);
    });

    it('opens by itself when the window opens while the page is open', async () => {
      const opens = new Date(Date.now() + 3000).toISOString().replace(/\.\d+Z$/, 'Z');
      const page = await RsvpPage.mount(feedWith({ rsvp: { opens } }, 'https://rsvp.example/api/rsvp'));
      await until(() => page.notices.length);
      expect(page.form).to.equal(null);
      await page.findTextbox(/^Name/);
    });

    it('says a cancelled event takes no registrations, and one without an endpoint takes none here', async () => {
      const cancelled = await RsvpPage.mount(feedWith({ status: 'cancelled' }, 'https://rsvp.example/api/rsvp'));
      await until(() => cancelled.notices.length);
      expect(cancelled.notices).to.deep.equal(['This event is cancelled, so it does not take registrations.']);
      const offline = await RsvpPage.mount(feedWith({ rsvp: {} }));
      await until(() => offline.notices.length);
      expect(offline.notices).to.deep.equal(['This event does not take registrations here.']);
    });

    it('speaks Spanish when the page does', async () => {
      const wrapper = fixture(`<div lang="es"><civic-rsvp-form event-id="data-day"></civic-rsvp-form></div>`);
      const el = wrapper.querySelector('civic-rsvp-form')!;
      el.feed = feedWith({ title: 'Taller de datos', rsvp: { questions: [{ id: 'laptop', label: '¿Necesita una computadora?', type: 'radio', required: true, options: ['Sí', 'No'] }] } }, 'https://rsvp.example/api/rsvp');
      await findRole(el, 'heading', { name: 'Inscribirse en Taller de datos' });
      const page = new RsvpPage(el);
      await page.findTextbox(/^Nombre/);
      expect(page.root.textContent).to.include('Quedan 60 plazas de 100');
      expect(page.submitButton.textContent!.trim()).to.equal('Inscribirme');
      await page.submit();
      await until(() => page.summary);
      expect(page.summary!.textContent).to.include('Hay problemas con 3 respuestas');
      expect(page.summary!.textContent).to.include('Escriba su nombre.');
      expect(page.summary!.textContent).to.include('Elija una respuesta para «¿Necesita una computadora?».');
      await expectAccessible(el);
    });
  });

  describe('validation', () => {
    it('sends nothing while a required field is empty; the summary takes focus and links to each field', async () => {
      const feed = feedWith({ id: 'form-checks', rsvp: { questions: ALL_TYPES } });
      const server = await startServer(feed);
      const events = recordEvents();
      const page = await RsvpPage.mount(feedWith({ id: 'form-checks', rsvp: { questions: ALL_TYPES } }, server.url), 'event-id="form-checks"');
      await page.findTextbox(/^Name/);
      await page.submit();
      const summary = await until(() => page.summary);
      expect(page.activeElement?.id).to.equal('rsvp-summary-title');
      expect(page.activeElement?.textContent?.trim()).to.equal('There are problems with 6 answers');
      const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
      expect(links).to.deep.equal([
        'Enter your name.',
        'Enter your email address.',
        'Choose an answer for “Lunch”.',
        'Choose an answer for “Which track?”.',
        'Tick “I agree to be photographed” to continue.',
        'Choose an answer for “Topics”.',
      ]);

      // Each field says what is wrong, and is marked invalid.
      const name = page.textbox(/^Name/);
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      const described = name.getAttribute('aria-describedby')!.split(' ').map((id) => page.root.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim());
      expect(described).to.deep.equal(['Error: Enter your name.']);
      const topics = getByRole(page.el, 'group', { name: /^Topics/ });
      expect(topics.getAttribute('aria-describedby')).to.include('-error');

      // A link moves focus to its field.
      (summary.querySelectorAll('a')[3] as HTMLAnchorElement).click();
      expect(page.activeElement).to.equal(getByRole(page.el, 'radio', { name: 'Beginners' }));
      (summary.querySelector('a') as HTMLAnchorElement).click();
      expect(page.activeElement).to.equal(name);

      // Fixing a field clears its error.
      page.fill(/^Name/, 'Ada');
      await rendered(page.el);
      expect(name.hasAttribute('aria-invalid')).to.equal(false);
      expect(page.summary!.textContent).not.to.include('Enter your name.');

      await expectAccessible(page.el);
      expect((await requests(server)).posts).to.equal(0);
      expect(events).to.deep.equal([]);
    });

    it('asks for at least one box of a required group, and for an email that looks like one', async () => {
      const page = await RsvpPage.mount(feedWith({ rsvp: { questions: [ALL_TYPES[8]!] } }, 'https://rsvp.example/api/rsvp'));
      await page.fillValid('Ada', 'ada@localhost');
      await page.submit();
      await until(() => page.summary);
      expect([...page.summary!.querySelectorAll('a')].map((a) => a.textContent!.trim())).to.deep.equal([
        'Enter an email address like name@example.org.',
        'Choose an answer for “Topics”.',
      ]);
      page.check('checkbox', /^Transit/);
      page.fill(/^Email/, 'ada@example.org');
      await rendered(page.el);
      expect(page.summary).to.equal(null);
    });

    it('treats a name of spaces as no name', async () => {
      const page = await RsvpPage.mount(feedWith({}, 'https://rsvp.example/api/rsvp'));
      await page.fillValid('   ', 'ada@example.org');
      await page.submit();
      await until(() => page.summary);
      expect(page.summary!.textContent).to.include('Enter your name.');
    });
  });

  describe('recurring events', () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    function recurringFeed(endpoint?: string): Feed {
      const series: CivicEvent = {
        id: 'workshops', title: 'Data Literacy Workshops', start: `${day(7)}T18:00:00`, end: `${day(7)}T19:30:00`,
        rrule: 'FREQ=WEEKLY;COUNT=6', capacity: 20, registered: 3, rsvp: { endpoint },
      };
      const moved: CivicEvent = {
        ...series, rrule: undefined, id: 'workshops@maps', seriesId: 'workshops', recurrenceId: `${day(21)}T18:00:00`,
        title: 'Data literacy: Maps', start: `${day(21)}T18:00:00`, end: `${day(21)}T19:30:00`,
      };
      const cancelled: CivicEvent = {
        ...series, rrule: undefined, id: 'workshops@off', seriesId: 'workshops', recurrenceId: `${day(28)}T18:00:00`,
        start: `${day(28)}T18:00:00`, end: `${day(28)}T19:30:00`, status: 'cancelled',
      };
      return { version: '1', timezone: 'America/New_York', events: [series, moved, cancelled], groups: [], resources: [], places: [] };
    }

    it('lets the visitor pick an upcoming date, preset by the occurrence attribute, and sends it', async () => {
      const server = await startServer(recurringFeed());
      const page = await RsvpPage.mount(recurringFeed(server.url), `event-id="workshops" occurrence="${day(14)}T18:00:00"`);
      const picker = (await findRole(page.el, 'combobox', { name: /^Date/ })) as HTMLSelectElement;
      const labels = [...picker.options].slice(1).map((o) => o.textContent!.trim());
      expect(labels).to.have.length(5); // six weeks, one cancelled
      expect(labels.filter((l) => l.endsWith('– Data literacy: Maps'))).to.have.length(1);
      expect(picker.required).to.equal(true);
      const chosen = picker.selectedOptions[0]!;
      expect(new Date(chosen.value).getTime()).to.equal(new Date(picker.options[2]!.value).getTime());
      expect(page.root.querySelector('time')!.getAttribute('datetime')).to.equal(chosen.value);
      await expectAccessible(page.el);

      page.select(/^Date/, (o) => o.textContent!.includes('Data literacy: Maps'));
      await rendered(page.el);
      expect(page.headings()[0]).to.equal('Register for Data literacy: Maps');
      const value = picker.value;
      await page.fillValid();
      await page.submit();
      await page.findConfirmation();
      const [row] = await rows(server);
      expect(row).to.include({ event_id: 'workshops', occurrence: new Date(value).toISOString(), status: 'confirmed' });
    });

    it('asks for a date when none is chosen', async () => {
      const page = await RsvpPage.mount(recurringFeed('https://rsvp.example/api/rsvp'), 'event-id="workshops"');
      await findRole(page.el, 'combobox', { name: /^Date/ });
      await page.fillValid();
      await page.submit();
      await until(() => page.summary);
      expect(page.summary!.textContent).to.include('Choose a date.');
      (page.summary!.querySelector('a') as HTMLAnchorElement).click();
      expect(page.activeElement?.id).to.equal('rsvp-occurrence');
    });

    it('follows the occurrence picked in a calendar when it has no event-id', async () => {
      const wrapper = fixture(`<civic-feed src="${jsonUrl(recurringFeed('https://rsvp.example/api/rsvp'))}"><civic-rsvp-form></civic-rsvp-form></civic-feed>`);
      const el = wrapper.querySelector('civic-rsvp-form')!;
      const page = new RsvpPage(el);
      await until(() => page.notices[0] === 'Choose an event to register for.');
      const feed = recurringFeed();
      document.dispatchEvent(new CustomEvent('civic-event-select', {
        detail: { event: feed.events[0], occurrence: `${day(35)}T18:00:00-05:00` }, bubbles: true, composed: true,
      }));
      await findRole(el, 'heading', { name: 'Register for Data Literacy Workshops' });
      const picker = (await findRole(el, 'combobox', { name: /^Date/ })) as HTMLSelectElement;
      await until(() => picker.selectedIndex > 0);
      expect(picker.value.slice(0, 10)).to.equal(day(35));
    });
  });

  describe('a series taken whole (rsvp.mode "series")', () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    function seriesFeed(endpoint?: string, count = 4): Feed {
      const series: CivicEvent = {
        id: 'workshops', title: 'Data Literacy Workshops', start: `${day(7)}T18:00:00`, end: `${day(7)}T19:30:00`,
        rrule: `FREQ=WEEKLY;COUNT=${count}`, capacity: 12, rsvp: { endpoint, mode: 'series' },
      };
      // The third session is in a smaller room.
      const smaller: CivicEvent = {
        id: 'workshops@lab', seriesId: 'workshops', recurrenceId: `${day(21)}T18:00:00`, title: 'Data Literacy Workshops',
        start: `${day(21)}T18:00:00`, end: `${day(21)}T19:30:00`, capacity: 8,
      };
      return { version: '1', timezone: 'America/New_York', events: [series, smaller], groups: [], resources: [], places: [] };
    }

    it('lists the sessions instead of a date picker, registers for all of them, and says so', async () => {
      const server = await startServer(seriesFeed());
      const page = await RsvpPage.mount(seriesFeed(server.url), 'event-id="workshops"');
      const list = await findRole(page.el, 'list', { name: 'One registration for the whole series: a seat in each of its 4 sessions:' });
      const sessions = [...list.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(sessions).to.have.length(4);
      const date = new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
      expect(sessions[0]).to.match(new RegExp(`^${date.format(Date.parse(`${day(7)}T12:00:00Z`))}, 6:00\\s?–\\s?7:30\\s?PM`));
      expect(sessions[3]).to.include(date.format(Date.parse(`${day(28)}T12:00:00Z`)));
      expect(queryAllByRole(page.el, 'combobox')).to.have.length(0);
      // Every registration holds a seat in the smaller room too.
      expect(page.root.querySelector('[part="details"]')!.textContent).to.include('8 seats');
      await expectAccessible(page.el);

      await page.fillValid();
      await page.submit();
      const confirmation = await page.findConfirmation();
      const said = confirmation.textContent!.replace(/\s+/g, ' ');
      expect(said).to.include('You are registered for all 4 sessions of Data Literacy Workshops.');
      expect(said).to.include('Cancelling gives up all the sessions:');
      const [row] = await rows(server);
      expect(row).to.include({ event_id: 'workshops', occurrence: 'series', status: 'confirmed' });
      // The calendar file holds the whole series, not one date.
      const file = (await findRole(page.el, 'link', { name: /^Add to my calendar/ })) as HTMLAnchorElement;
      const ics = await (await fetch(file.href)).text();
      expect(ics).to.include('RRULE:FREQ=WEEKLY;COUNT=4');
      await expectAccessible(page.el);
    });

    it('names all the sessions in the answer to a registration kept on the device and sent later', async function () {
      this.timeout(20_000);
      const server = await startServer(seriesFeed());
      await setFlaky(server, { down: true });
      const first = await RsvpPage.mount(seriesFeed(server.url), 'event-id="workshops"');
      await first.fillValid();
      await first.submit();
      await first.waitForStatus(/saved on this device/);
      first.el.remove();
      resetRsvpDelivery();
      await setFlaky(server, { down: false });
      const page = await RsvpPage.mount(seriesFeed(server.url), 'event-id="workshops"');
      const title = await findRole(page.el, 'heading', { name: 'You are registered' });
      const panel = title.closest('[part="outcome"]')!;
      const said = panel.textContent!.replace(/\s+/g, ' ');
      expect(said).to.include('you are registered for Data Literacy Workshops (all 4 sessions).');
      expect(said).to.include('Cancelling gives up all the sessions:');
      const [row] = await rows(server);
      expect(row).to.include({ occurrence: 'series', status: 'confirmed' });
      await expectAccessible(page.el);
    });

    it('lists the first five of a long series and says how many more', async () => {
      const page = await RsvpPage.mount(seriesFeed('https://rsvp.example/api/rsvp', 10), 'event-id="workshops"');
      const list = await findRole(page.el, 'list', { name: /a seat in each of its 10 sessions/ });
      const items = [...list.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.have.length(6);
      expect(items[5]).to.equal('and 5 more sessions');
    });
  });

  describe('spam', () => {
    it('hides the honeypot from people and screen readers, and pretends success when it is filled', async () => {
      const server = await startServer(feedWith({ id: 'honeypot-day' }));
      const events = recordEvents();
      const page = await RsvpPage.mount(feedWith({ id: 'honeypot-day' }, server.url), 'event-id="honeypot-day"');
      await page.fillValid();
      const trap = page.root.querySelector('input[name="homepage"]') as HTMLInputElement;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.autocomplete).to.equal('off');
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      // Clipped to nothing where it stands (not pushed off screen, which widens a right-to-left page).
      const hidden = trap.closest('.hp')!;
      expect(getComputedStyle(hidden).clipPath).to.not.equal('none');
      expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
      trap.value = 'https://spam.example';
      await page.submit();
      await page.findConfirmation();
      expect(page.confirmation!.textContent).to.include('You are registered');
      expect((await requests(server)).posts).to.equal(0);
      expect(events).to.deep.equal([]);
    });

    it('holds a too-fast submission until the minimum fill time has passed, then sends it', async () => {
      CivicRsvpForm.minimumFillMs = 2000;
      try {
        const server = await startServer(feedWith({ id: 'fast-day' }));
        const events = recordEvents();
        const submitted: number[] = [];
        document.addEventListener('civic-rsvp-submit', () => submitted.push(performance.now()), { once: true });
        const mounted = performance.now();
        const page = await RsvpPage.mount(feedWith({ id: 'fast-day' }, server.url), 'event-id="fast-day"');
        await page.fillValid();
        page.submitButton.click();
        const clicked = performance.now();
        await page.findConfirmation(10_000);
        // Sent, not dropped, and not before the form had been on the page for the minimum time.
        expect(submitted[0]! - mounted).to.be.at.least(2000);
        if (clicked - mounted < 1500) expect(submitted[0]! - clicked).to.be.greaterThan(400);
        expect((await requests(server)).posts).to.equal(1);
        expect(events.map((e) => e.name)).to.deep.equal(['civic-rsvp-submit', 'civic-rsvp-confirmed']);
      } finally {
        CivicRsvpForm.minimumFillMs = 0;
      }
    });
  });

  describe('keyboard', () => {
    it('goes through the fields with Tab, skipping the honeypot, and submits with Enter', async () => {
      const server = await startServer(feedWith({ id: 'keyboard-day', rsvp: { questions: [{ id: 'track', label: 'Which track?', type: 'radio', required: true, options: ['Beginners', 'Mapping'] }] } }));
      const page = await RsvpPage.mount(
        feedWith({ id: 'keyboard-day', rsvp: { questions: [{ id: 'track', label: 'Which track?', type: 'radio', required: true, options: ['Beginners', 'Mapping'] }] } }, server.url),
        'event-id="keyboard-day"',
      );
      const name = await page.findTextbox(/^Name/);
      name.focus();
      await sendKeys({ type: 'Grace Hopper' });
      const visited = [page.activeElement?.id];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        visited.push(page.activeElement?.id || page.activeElement?.localName);
        if (page.activeElement?.id === 'rsvp-email') await sendKeys({ type: 'grace@example.org' });
        if (page.activeElement?.id === 'rsvp-q0') await sendKeys({ press: 'ArrowDown' }); // moves to and picks the second
      }
      expect(visited).to.deep.equal(['rsvp-name', 'rsvp-email', 'rsvp-q0', 'rsvp-accommodations', 'button']);
      expect((getByRole(page.el, 'radio', { name: 'Mapping' }) as HTMLInputElement).checked).to.equal(true);
      const back = async () => {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      };
      await back();
      await sendKeys({ type: 'Step-free seating, please' });
      await back();
      await back();
      expect(page.activeElement?.id).to.equal('rsvp-email');
      await sendKeys({ press: 'Enter' });
      await until(() => page.confirmation || page.summary, 8000, 'an answer');
      expect(page.summary?.textContent?.replace(/\s+/g, ' ') ?? '', 'no problems').to.equal('');
      const [row] = await rows(server);
      expect(row).to.include({ name: 'Grace Hopper', email: 'grace@example.org', accommodations: 'Step-free seating, please' });
      expect(JSON.parse(String(row!.answers))).to.deep.equal({ track: 'Mapping' });
    });
  });

  describe('sending', deliveryTests);

  describe('outcomes kept for a later page, and cancelling', outcomeTests);

  describe('layout', () => {
    it('fits 320 px without sideways scrolling', async () => {
      const wrapper = fixture(`<div class="narrow"><civic-rsvp-form event-id="data-day"></civic-rsvp-form></div>`);
      wrapper.style.width = '320px';
      const el = wrapper.querySelector('civic-rsvp-form')!;
      el.feed = feedWith({ rsvp: { questions: ALL_TYPES } }, 'https://rsvp.example/api/rsvp');
      const page = new RsvpPage(el);
      await page.findTextbox(/^Name/);
      const right = el.getBoundingClientRect().right;
      for (const node of page.root.querySelectorAll('input:not([name="homepage"]), select, textarea, button, label, p, legend')) {
        expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(right + 0.5);
      }
    });

    it('keeps errors and the disabled button distinguishable in forced-colors mode', async function () {
      const { emulated } = await executeServerCommand<{ emulated: boolean }, unknown>('rsvp-forced-colors', { active: true });
      after(() => executeServerCommand('rsvp-forced-colors', { active: false }));
      if (!emulated || !matchMedia('(forced-colors: active)').matches) this.skip();
      const page = await RsvpPage.mount(feedWith({}, 'https://rsvp.example/api/rsvp'));
      await page.findTextbox(/^Name/);
      await page.submit();
      await until(() => page.summary);
      const probe = fixture('<span style="color: GrayText; border-color: Mark">x</span>');
      const gray = getComputedStyle(probe).color;
      const mark = getComputedStyle(probe).borderTopColor;
      const error = page.root.querySelector('.field-error')!;
      expect(getComputedStyle(error).borderInlineStartColor).to.equal(mark);
      expect(getComputedStyle(page.textbox(/^Name/)).borderTopColor).to.equal(mark);
      page.submitButton.setAttribute('aria-disabled', 'true');
      expect(getComputedStyle(page.submitButton).color).to.equal(gray);
    });

    it('keeps what the visitor typed when a fresh copy of the feed arrives', async () => {
      const feed = feedWith({ capacity: 100, registered: 40 }, 'https://rsvp.example/api/rsvp');
      const page = await RsvpPage.mount(feed);
      await page.fillValid('Ada', 'ada@example.org');
      page.el.feed = { ...feed, events: feed.events.map((e) => ({ ...e, registered: 41 })) };
      await rendered(page.el);
      await until(() => page.root.textContent!.includes('59 seats left of 100'));
      expect(page.textbox(/^Name/).value).to.equal('Ada');
      expect(page.textbox(/^Email/).value).to.equal('ada@example.org');
    });

    it('leaves nothing behind when removed', async () => {
      const page = await RsvpPage.mount(feedWith({}, 'https://rsvp.example/api/rsvp'));
      await page.findTextbox(/^Name/);
      const el = page.el;
      el.remove();
      document.dispatchEvent(new CustomEvent('civic-event-select', { detail: { event: { id: 'x', title: 'X', start: '2030-01-01' }, occurrence: '2030-01-01' } }));
      await rendered(el);
      expect(el.shadowRoot!.textContent).to.include('Register for Data Day');
    });
  });
});
