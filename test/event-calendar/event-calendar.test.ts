import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import type { CivicEventSelectDetail } from '../../src/shared/events.js';
import { emit } from '../../src/shared/events.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible, fixture, settled, waitFor } from '../helpers.js';
import { findByRole, getByRole, queryAllByRole } from '../queries.js';
import { CalendarPage } from './calendar-page.js';
import { MARCH, marchFeed } from './fixtures.js';

const WIDE = 'locale="en-US" timezone="America/New_York"';

function selections(): CivicEventSelectDetail[] {
  const seen: CivicEventSelectDetail[] = [];
  const listener = (e: Event) => seen.push((e as CustomEvent<CivicEventSelectDetail>).detail);
  document.addEventListener('civic-event-select', listener);
  after(() => document.removeEventListener('civic-event-select', listener));
  return seen;
}

describe('<civic-event-calendar>', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
    history.replaceState(null, '', location.pathname);
  });

  describe('month view', () => {
    it('shows the month containing `date`, each day with its date and event count', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      expect(page.heading()).to.equal('March 2026');
      expect(page.count()).to.equal('9 events in March 2026');
      const grid = getByRole(page.root, 'grid', { name: 'March 2026' });
      expect(queryAllByRole(grid, 'columnheader').map((h) => h.querySelector('.visually-hidden')!.textContent)).to.deep.equal([
        'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
      ]);
      expect(getByRole(grid, 'gridcell', { name: /^Tuesday, March 10, 2026: 2 events 10:00 AM Cancelled Census workshop 6:30 PM Open Data Office Hours$/ })).to.exist;
      expect(getByRole(grid, 'gridcell', { name: 'Wednesday, March 11, 2026: no events' }).tabIndex).to.equal(0);
      expect(queryAllByRole(grid, 'gridcell').filter((c) => c.tabIndex === 0)).to.have.length(1);
      await expectAccessible(page.el);
    });

    it('expands the weekly series, leaves out its EXDATE and shows the moved occurrence at its new time', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const days = (name: RegExp) => page.events().filter((e) => name.test(page.text(e))).map((e) => e.closest<HTMLElement>('[data-day]')!.querySelector('.visually-hidden')!.textContent!.split(':')[0]);
      expect(days(/Office Hours$/)).to.deep.equal(['Tuesday, March 3, 2026', 'Tuesday, March 10, 2026', 'Tuesday, March 31, 2026']);
      expect(days(/Thursday edition/)).to.deep.equal(['Thursday, March 26, 2026']);
      expect(page.text(page.event('Thursday edition'))).to.equal('5:00 PM Open Data Office Hours (Thursday edition)');
      expect(page.cell('2026-03-17').querySelector('[data-key]')).to.equal(null);
      expect(page.cell('2026-03-24').querySelector('[data-key]')).to.equal(null);
    });

    it('spans an all-day two-day event over its days, not the day of its exclusive end', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const on = (day: string) => [...page.cell(day).querySelectorAll('[data-key]')].map((e) => page.text(e));
      expect(on('2026-03-13')).to.deep.equal(['All day Data Days weekend']);
      expect(on('2026-03-14')).to.deep.equal(['All day Data Days weekend (continued)']);
      expect(on('2026-03-15')).to.deep.equal([]);
      expect(page.cell('2026-03-13').querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-13');
    });

    it('marks a cancelled event in words, not only colour', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const census = page.event('Census workshop');
      expect(page.text(census)).to.equal('10:00 AM Cancelled Census workshop');
      expect(census.dataset.status).to.equal('cancelled');
    });

    it('gives every occurrence a <time> with its RFC 3339 start, or its date when all-day', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const times = page.datetimes();
      expect(times).to.include('2026-03-03T18:30:00-05:00');
      expect(times).to.include('2026-03-10T18:30:00-04:00');
      expect(times).to.include('2026-03-05T10:00:00-05:00');
      expect(times).to.include('2026-03-13');
      for (const t of times) expect(t).to.match(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/);
    });

    it('moves by month with previous, next and today', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      await page.click('Next month');
      expect(page.heading()).to.equal('April 2026');
      await page.ready();
      expect(page.count()).to.equal('No events in April 2026');
      expect(page.root.querySelector('[part="empty"]')!.textContent).to.include('No events in April 2026.');
      await page.click('Previous month');
      await page.click('Previous month');
      expect(page.heading()).to.equal('February 2026');
      await page.click('Today');
      expect(page.heading()).to.equal(new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'America/New_York' }).format(new Date()));
    });

    it('shows "+N more" when a day is full, and the whole day in the dialog', async () => {
      const feed = marchFeed();
      for (let i = 0; i < 5; i++) feed.events.push({ id: `extra-${i}`, title: `Extra ${i}`, start: `2026-03-12T0${i + 1}:00:00` });
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, feed);
      const more = page.button('3 more events on Thursday, March 12, 2026');
      expect(page.text(more)).to.equal('+3 more');
      more.click();
      const dialog = await page.dialogOpen();
      expect(getByRole(dialog, 'heading', { level: 2 } as never).textContent).to.equal('Events on Thursday, March 12, 2026');
      expect(queryAllByRole(dialog, 'button', { name: /Extra/ })).to.have.length(5);
      getByRole(dialog, 'button', { name: /Extra 4/ }).click();
      await settled(page.el);
      expect(getByRole(dialog, 'heading', { name: 'Extra 4' })).to.exist;
      await page.click('Back');
      expect(queryAllByRole(dialog, 'button', { name: /Extra/ })).to.have.length(5);
    });
  });

  describe('times and zones', () => {
    it('shows UTC and floating times in the feed’s zone by default', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" locale="en-US"`, marchFeed());
      expect(page.text(page.event('Hackathon').closest('li'))).to.match(/^10:00 – 11:30 AM Hackathon planning call/);
      expect(page.text(page.event('Office Hours').closest('li'))).to.match(/^6:30 – 8:00 PM/);
    });

    it('shows them in another zone, on the day they fall there, and names the zone', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" locale="en-US" timezone="Asia/Kathmandu"`, marchFeed());
      const planning = page.event('Hackathon').closest('li')!;
      expect(page.text(planning)).to.match(/^8:45 – 10:15 PM/);
      expect(planning.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-05T20:45:00+05:45');
      // 18:30 in New York is 05:15 the next morning in Kathmandu.
      const first = page.event('Office Hours').closest<HTMLElement>('section')!;
      expect(page.text(first.querySelector('h3'))).to.equal('Wednesday, March 4');
      const note = page.root.querySelector('[part="zone-note"]')!;
      expect(page.text(note)).to.match(/^Times are in .*Kathmandu.*\. Show my time/);
    });

    it('switches to the visitor’s zone and back from the note', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" locale="en-US" timezone="Asia/Kathmandu"`, marchFeed());
      await page.click(/^Show my time/);
      await page.ready();
      const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const expected = new Intl.DateTimeFormat('en-US', { timeZone: viewer, hour: 'numeric', minute: '2-digit' }).format(new Date('2026-03-05T15:00:00Z'));
      expect(page.text(page.event('Hackathon').closest('li'))).to.include(expected.replace(/\s?[AP]M$/, ''));
      await page.click(/^Show .*Kathmandu/);
      await page.ready();
      expect(page.text(page.event('Hackathon').closest('li'))).to.match(/^8:45 – 10:15 PM/);
    });

    it('uses the visitor’s own zone for timezone="viewer", with no note', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" locale="en-US" timezone="viewer"`, marchFeed());
      expect(page.root.querySelector('[part="zone-note"]')).to.equal(null);
      const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const start = page.event('Hackathon').closest('li')!.querySelector('time')!.getAttribute('datetime')!;
      expect(Date.parse(start)).to.equal(Date.parse('2026-03-05T15:00:00Z'));
      expect(viewer).to.be.a('string');
    });
  });

  describe('week view', () => {
    it('shows the week containing `date`, starting on the locale’s first day, with times', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="week" ${WIDE}`, marchFeed());
      expect(page.heading()).to.equal('Mar 8 – 14, 2026');
      const days = queryAllByRole(page.root, 'heading', { name: /2026: / }).map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
      expect(days[0]).to.match(/^Sun 8/);
      expect(page.eventTexts()).to.deep.equal([
        '10:00 AM Cancelled Census workshop',
        '6:30 PM Open Data Office Hours',
        'All day Data Days weekend',
        'All day Data Days weekend (continued)',
      ].sort((a, b) => page.eventTexts().indexOf(a) - page.eventTexts().indexOf(b)));
      const census = page.event('Census');
      expect(census.className).to.match(/\bbox r-9 s-8 c-0-1\b/);
      await expectAccessible(page.el);
    });

    it('starts on Monday in French', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="week" locale="fr-FR" timezone="America/New_York"`, marchFeed());
      expect(page.heading()).to.equal('9–15 mars 2026');
      const first = page.root.querySelector('.day-col h3')!;
      expect(first.textContent).to.match(/lundi 9 mars 2026/);
    });
  });

  describe('list view', () => {
    it('groups the month’s occurrences by day, listing a two-day event on both', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, marchFeed());
      const headings = queryAllByRole(page.root, 'heading', { name: /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/ }).map((h) => h.textContent!.trim());
      expect(headings).to.deep.equal([
        'Tuesday, March 3', 'Thursday, March 5', 'Tuesday, March 10', 'Friday, March 13', 'Saturday, March 14',
        'Friday, March 20', 'Thursday, March 26', 'Saturday, March 28', 'Tuesday, March 31',
      ]);
      expect(page.eventTexts().filter((t) => t === 'Data Days weekend')).to.have.length(2);
      const item = page.event('Riverside Data Day').closest('li')!;
      expect(page.text(item.querySelector('time'))).to.equal('10:00 AM – 4:00 PM');
      expect(page.text(item.querySelector('.where'))).to.equal('Main Library · 100 Main St, Riverside, NY');
      await expectAccessible(page.el);
    });
  });

  describe('languages', () => {
    it('speaks Spanish, French and Simplified Chinese, with dates from Intl', async () => {
      const cases: [string, string, RegExp, string][] = [
        ['es', 'marzo de 2026', /^9 eventos en marzo de 2026$/, 'Mes siguiente'],
        ['fr', 'mars 2026', /^9 événements en mars 2026$/, 'Mois suivant'],
        ['zh-CN', '2026年3月', /^2026年3月共 9 个活动$/, '下个月'],
      ];
      for (const [locale, title, count, next] of cases) {
        const page = await CalendarPage.open(`date="${MARCH}" view="month" locale="${locale}" timezone="America/New_York"`, marchFeed());
        await waitFor(() => page.buttons(next).length === 1, 5000, `${locale} strings`);
        expect(page.heading(), locale).to.equal(title);
        expect(page.count(), locale).to.match(count);
        await expectAccessible(page.el);
        page.el.remove();
      }
    });
  });

  describe('hostile text', () => {
    it('shows titles as text and sanitizes descriptions', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const hostile = page.event('Hostile');
      expect(page.text(hostile)).to.equal('12:00 PM Hostile title');
      expect(page.root.querySelector('img')).to.equal(null);
      hostile.click();
      const dialog = await page.dialogOpen();
      // Plain text shows while the sanitizer loads; then the sanitized markup.
      const description = await waitFor(() => dialog.querySelector('[part="description"] a'), 5000, 'the sanitized description');
      expect(description.hasAttribute('href')).to.equal(false);
      expect(dialog.querySelector('[part="description"] p')!.textContent).to.equal('Safe paragraph');
      expect(dialog.querySelector('script, [onclick], [href^="javascript"]')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('filters', () => {
    it('presets topics from the attribute and announces the count politely', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" topics="environment" ${WIDE}`, marchFeed());
      const status = getByRole(page.root, 'status', { name: '' });
      expect(status.textContent).to.equal('2 events match in March 2026');
      expect(page.eventTexts()).to.deep.equal(['Data Days weekend', 'Data Days weekend', 'Riverside Data Day']);
      const box = getByRole(page.root, 'checkbox', { name: 'Environment' }) as HTMLInputElement;
      expect(box.checked).to.equal(true);
    });

    it('filters by every facet the feed has, and searches titles and descriptions', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, marchFeed());
      const groups = [...page.root.querySelectorAll('fieldset legend')].map((legend) => legend.textContent);
      expect(groups).to.deep.equal(['Topic', 'Audience', 'How to attend', 'Accessibility', 'Language']);
      const check = async (name: string) => {
        getByRole(page.root, 'checkbox', { name }).click();
        await page.ready();
      };
      await check('Online');
      // A mixed event suits those joining online too.
      expect(new Set(page.eventTexts())).to.deep.equal(new Set(['Hackathon planning call', 'Open Data Office Hours']));
      await check('Online');
      await check('Wheelchair accessible');
      expect(page.eventTexts()).to.deep.equal(['Riverside Data Day']);
      await check('Wheelchair accessible');
      await check('Spanish');
      expect(page.count()).to.equal('3 events match in March 2026');
      await check('Spanish');
      const search = getByRole(page.root, 'searchbox', { name: 'Search events' }) as HTMLInputElement;
      search.value = 'LAPTOP';
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await page.ready();
      expect(page.eventTexts()).to.deep.equal(['Riverside Data Day']);
      await page.click('Clear filters');
      expect(page.count()).to.equal('9 events in March 2026');
      search.value = 'no such thing';
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await page.ready();
      expect(page.count()).to.equal('No events match in March 2026');
      expect(page.root.querySelector('[part="empty"]')!.textContent).to.match(/Try other words or fewer filters/);
      await expectAccessible(page.el);
    });

    it('keeps view, period and filters in the URL with url-state, and reads them back', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" url-state ${WIDE}`, marchFeed());
      await page.click('Week');
      await page.click('Next week');
      getByRole(page.root, 'checkbox', { name: 'Housing' }).click();
      await page.ready();
      const params = new URLSearchParams(location.search);
      expect(params.get('calendar-view')).to.equal('week');
      expect(params.get('calendar-date')).to.equal('2026-03-18');
      expect(params.get('calendar-topics')).to.equal('housing');
      page.el.remove();
      const again = await CalendarPage.open(`url-state ${WIDE}`, marchFeed());
      expect(again.heading()).to.equal('Mar 15 – 21, 2026');
      expect((getByRole(again.root, 'checkbox', { name: 'Housing' }) as HTMLInputElement).checked).to.equal(true);
      expect(getByRole(again.root, 'button', { name: 'Week' }).getAttribute('aria-pressed')).to.equal('true');
    });

    it('leaves the URL alone without url-state, and uses its own prefix when given one', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      await page.click('Week');
      expect(location.search).to.equal('');
      page.el.remove();
      const other = await CalendarPage.open(`date="${MARCH}" url-state="events" ${WIDE}`, marchFeed());
      await other.click('List');
      expect(new URLSearchParams(location.search).get('events-view')).to.equal('list');
    });
  });

  describe('details', () => {
    it('opens a modal dialog with everything about the occurrence, and fires civic-event-select', async () => {
      const seen = selections();
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      page.event('Riverside Data Day').click();
      const dialog = await page.dialogOpen();
      expect(dialog.matches(':modal')).to.equal(true);
      expect(seen.at(-1)!.event.id).to.equal('data-day');
      expect(seen.at(-1)!.occurrence).to.equal('2026-03-28T10:00:00-04:00');
      const facts = Object.fromEntries([...dialog.querySelectorAll('dt')].map((dt) => [dt.textContent, page.text(dt.nextElementSibling)]));
      expect(facts).to.deep.include({
        Cost: 'Free',
        Accessibility: 'Wheelchair accessible and ASL interpretation',
        Languages: 'English',
        Topics: 'Housing and Environment',
        For: 'Beginners and Researchers',
        Organizer: 'Reference Desk · ref@riverside.example.org',
        Seats: '20 seats left',
      });
      // The zone is named when the visitor's differs (the test browser's may be UTC).
      expect(facts['When']).to.match(/^Saturday, March 28, 2026, 10:00 AM – 4:00 PM( \(EDT\))?$/);
      expect(facts['Where']).to.equal('Main Library100 Main St, Riverside, NYMap (OpenStreetMap)');
      const map = getByRole(dialog, 'link', { name: 'Map (OpenStreetMap)' });
      expect(map.getAttribute('href')).to.equal('https://www.openstreetmap.org/?mlat=40.7128&mlon=-74.006#map=17/40.7128/-74.006');
      expect(getByRole(dialog, 'link', { name: 'Event page' }).getAttribute('href')).to.equal('https://riverside.example.org/events/data-day');
      const ics = getByRole(dialog, 'link', { name: 'This date (.ics file)' });
      expect(ics.getAttribute('download')).to.equal('riverside-data-day.ics');
      expect(getByRole(dialog, 'link', { name: 'Google Calendar' }).getAttribute('href')).to.match(/^https:\/\/calendar\.google\.com\//);
      expect(getByRole(dialog, 'link', { name: 'Outlook.com' }).getAttribute('href')).to.match(/^https:\/\/outlook\.live\.com\//);
      expect(dialog.textContent).to.include('Bring a laptop.');
      await expectAccessible(page.el);
    });

    it('builds the .ics download when it is followed', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      page.event('Office Hours').click();
      const dialog = await page.dialogOpen();
      const series = getByRole(dialog, 'link', { name: 'Every date (.ics file)' }) as HTMLAnchorElement;
      series.addEventListener('click', (e) => e.preventDefault(), { once: true });
      series.click();
      expect(series.href).to.match(/^blob:/);
      const text = await (await fetch(series.href)).text();
      expect(text).to.match(/^BEGIN:VCALENDAR\r\n/);
      expect(text).to.include('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5');
      expect(text).to.include('RECURRENCE-ID;TZID=America/New_York:20260324T183000');
    });

    it('says when it is cancelled, and offers no registration or calendar file for it', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      page.event('Census').click();
      const dialog = await page.dialogOpen();
      expect(page.text(dialog.querySelector('h2'))).to.equal('Cancelled Census workshop');
      expect(page.text(dialog.querySelector('.status-note'))).to.equal('This event is cancelled.');
      expect(queryAllByRole(dialog, 'link', { name: /\.ics/ })).to.deep.equal([]);
    });

    it('opens the registration form for the chosen event and occurrence', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      page.event('Riverside Data Day').click();
      const dialog = await page.dialogOpen();
      getByRole(dialog, 'button', { name: 'Register' }).click();
      const form = await waitFor(() => dialog.querySelector('civic-rsvp-form'));
      expect(form.getAttribute('event-id')).to.equal('data-day');
      expect(form.getAttribute('occurrence')).to.equal('2026-03-28T10:00:00-04:00');
      expect((form as HTMLElement & { feed?: unknown }).feed).to.have.property('events');
      await waitFor(() => customElements.get('civic-rsvp-form'), 5000, 'the form defined');
      expect(page.text(dialog.querySelector('h2'))).to.equal('Register for Riverside Data Day');
      await page.click('Back');
      expect(dialog.querySelector('civic-rsvp-form')).to.equal(null);
    });

    it('closes with its close button and gives focus back', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, marchFeed());
      const opener = page.event('Hackathon');
      opener.focus();
      opener.click();
      const dialog = await page.dialogOpen();
      getByRole(dialog, 'button', { name: 'Close' }).click();
      await waitFor(() => !dialog.open);
      await settled(page.el);
      expect(page.root.activeElement).to.equal(opener);
    });

    it('follows civic-event-select from other elements to the occurrence’s period, and opens it', async () => {
      const page = await CalendarPage.open(`date="2026-01-15" view="month" ${WIDE}`, marchFeed());
      const finder = fixture('<button type="button">Show in calendar</button>');
      finder.focus();
      const feed = marchFeed();
      emit(finder, 'civic-event-select', { event: feed.events[0], occurrence: '2026-03-31T18:30:00-04:00' });
      const dialog = await page.dialogOpen();
      expect(page.heading()).to.equal('March 2026');
      expect(page.text(dialog.querySelector('time'))).to.match(/^Tuesday, March 31, 2026, 6:30 – 8:00 PM( \(EDT\))?$/);
      dialog.close();
      await waitFor(() => document.activeElement === finder, 3000, 'focus back on the finder');
    });

    it('does not follow its own selections or another calendar’s', async () => {
      const first = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, marchFeed());
      const second = await CalendarPage.open(`date="2026-01-15" view="list" ${WIDE}`, marchFeed());
      first.event('Hackathon').click();
      await first.dialogOpen();
      await settled(second.el);
      expect(second.heading()).to.equal('January 2026');
      expect(second.dialog().open).to.equal(false);
    });

    it('lets a page take over by cancelling civic-event-select', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, marchFeed());
      page.el.addEventListener('civic-event-select', (e) => e.preventDefault(), { once: true });
      page.event('Hackathon').click();
      await settled(page.el);
      expect(page.dialog().open).to.equal(false);
    });
  });

  describe('an event without a title', () => {
    // iCalendar's SUMMARY is optional: such an event reaches the feed with title "".
    const untitledFeed = () => {
      const feed = marchFeed();
      feed.events.push({ id: 'untitled', title: '', start: '2026-03-18T15:00:00-04:00', end: '2026-03-18T16:00:00-04:00', rsvp: {} });
      return feed;
    };

    it('is shown as "Untitled event" in the list, the dialog, its links and the JSON-LD', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="list" ${WIDE}`, untitledFeed());
      expect(page.text(page.event('Untitled event'))).to.equal('Untitled event');
      await page.click('Untitled event');
      const dialog = await page.dialogOpen();
      expect(getByRole(dialog, 'heading', { name: 'Untitled event' })).to.exist;
      const google = new URL(getByRole(dialog, 'link', { name: 'Google Calendar' }).getAttribute('href')!);
      expect(google.searchParams.get('text')).to.equal('Untitled event');
      expect(getByRole(dialog, 'link', { name: 'This date (.ics file)' }).getAttribute('download')).to.equal('untitled-event.ics');
      await expectAccessible(page.el);
      const script = await waitFor(() => page.el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]'));
      const data = JSON.parse(script.textContent!) as Record<string, unknown>[];
      expect(data.filter((e) => e['name'] === 'Untitled event')).to.have.length(1);
    });

    it('is named in the page language', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" locale="es" timezone="America/New_York"`, untitledFeed());
      expect(page.text(page.event(/Evento sin título/))).to.match(/Evento sin título$/);
    });
  });

  describe('search engines', () => {
    it('adds schema.org Event JSON-LD for the occurrences it shows to its light DOM', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      const script = await waitFor(() => page.el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]'));
      const data = JSON.parse(script.textContent!) as Record<string, unknown>[];
      expect(data).to.have.length(9);
      const dataDay = data.find((e) => e['name'] === 'Riverside Data Day')!;
      expect(dataDay).to.deep.include({
        '@context': 'https://schema.org',
        '@type': 'Event',
        startDate: '2026-03-28T10:00:00-04:00',
        endDate: '2026-03-28T16:00:00-04:00',
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        isAccessibleForFree: true,
      });
      expect(dataDay['location']).to.deep.include({ '@type': 'Place', name: 'Main Library', address: '100 Main St, Riverside, NY' });
      expect(data.find((e) => e['name'] === 'Census workshop')!['eventStatus']).to.equal('https://schema.org/EventCancelled');
      expect(script.textContent).to.not.include('<');
      page.el.setAttribute('no-seo', '');
      await waitFor(() => !page.el.querySelector('script'), 3000, 'the JSON-LD removed');
    });
  });

  describe('the page around it', () => {
    it('defaults to the list below ~40rem and to the month above, unless `view` is set', async () => {
      const host = fixture<HTMLDivElement>('<div class="narrow"></div>');
      host.style.width = '320px';
      const narrow = fixture(`<civic-event-calendar date="${MARCH}" ${WIDE}></civic-event-calendar>`);
      host.append(narrow);
      (narrow as HTMLElement & { feed: unknown }).feed = marchFeed();
      const page = new CalendarPage(narrow as never);
      await waitFor(() => page.root.querySelector('[part="list"]'), 3000, 'the list');
      expect(page.root.querySelector('[part="month"]')).to.equal(null);
      await expectAccessible(narrow);
      expect(narrow.scrollWidth).to.be.at.most(320);
      narrow.setAttribute('view', 'month');
      await waitFor(() => page.root.querySelector('[part="month"]'), 3000, 'the month');
      expect(narrow.scrollWidth).to.be.at.most(320);
      await expectAccessible(narrow);
      const wide = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      expect(wide.root.querySelector('[part="month"]')).to.exist;
    });

    it('prints the list', async () => {
      const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
      window.dispatchEvent(new Event('beforeprint'));
      expect(page.root.querySelector('[part="list"]')).to.exist;
      expect(page.root.querySelectorAll('[part="list"] section')).to.have.length(9);
      window.dispatchEvent(new Event('afterprint'));
      await settled(page.el);
      expect(page.root.querySelector('[part="month"]')).to.exist;
    });

    it('shows loading and error states in the page’s language', async () => {
      const loading = fixture(`<civic-event-calendar src="/test-api/slow?ms=3000&key=cal-slow" no-cache></civic-event-calendar>`);
      expect((await findByRole(loading, 'status', { name: '' })).textContent).to.equal('Loading…');
      const failing = fixture(`<civic-event-calendar locale="es" src="/test-api/status?code=404&key=cal" no-cache></civic-event-calendar>`);
      await waitFor(() => /No se pudo cargar/.test(getByRole(failing, 'alert').textContent!), 5000, 'the error in Spanish');
    });

    it('leaves nothing behind when a CMS swaps it out', async () => {
      const counts = { document: 0, window: 0 };
      const track = (target: EventTarget, key: keyof typeof counts) => {
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
          if (/^(civic-event-select|beforeprint|afterprint)$/.test(args[0])) counts[key]++;
          add(...args);
        };
        target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
          if (/^(civic-event-select|beforeprint|afterprint)$/.test(args[0])) counts[key]--;
          remove(...args);
        };
        return () => {
          delete (target as Partial<EventTarget>).addEventListener;
          delete (target as Partial<EventTarget>).removeEventListener;
        };
      };
      const untrack = [track(document, 'document'), track(window, 'window')];
      try {
        for (let i = 0; i < 5; i++) {
          const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
          page.el.remove();
          await settled(page.el);
        }
        expect(counts).to.deep.equal({ document: 0, window: 0 });
      } finally {
        for (const undo of untrack) undo();
      }
    });
  });
});
