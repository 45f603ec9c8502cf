import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible, waitFor } from '../helpers.js';
import { findByRole, getByRole, queryAllByRole } from '../queries.js';
import { CalendarPage } from './calendar-page.js';
import { MARCH, marchFeed } from './fixtures.js';

const WIDE = 'locale="en-US" timezone="America/New_York"';

const restore: (() => void)[] = [];

/** Puts `value` in place of `navigator[name]` (or `navigator.clipboard.writeText`) for one test. */
function stub(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
  restore.push(() => delete (target as Record<string, unknown>)[name]);
}

/** A browser without the Web Share API, whose clipboard takes what it is given (or refuses it). */
function copyOnly(refuse = false): string[] {
  const copied: string[] = [];
  stub(navigator, 'share', undefined);
  stub(navigator.clipboard, 'writeText', (text: string) => {
    if (refuse) return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    copied.push(text);
    return Promise.resolve();
  });
  return copied;
}

async function openOfficeHours(page: CalendarPage): Promise<HTMLDialogElement> {
  page.event(/^6:30 PM Open Data Office Hours$/).click();
  return page.dialogOpen();
}

describe('Share', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    while (restore.length) restore.pop()!();
    cleanup();
    clearCachedFeeds();
    history.replaceState(null, '', location.pathname);
  });

  describe('without the Web Share API', () => {
    it('copies a link to this date of the series, and says so', async () => {
      const copied = copyOnly();
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      const dialog = await openOfficeHours(page);
      expect(queryAllByRole(dialog, 'button', { name: 'Share' })).to.have.length(0);
      getByRole(dialog, 'button', { name: 'Copy link' }).click();
      const status = await waitFor(() => queryAllByRole(dialog, 'status').find((s) => s.textContent === 'Link copied.'), 3000, 'the confirmation');
      expect(status.getAttribute('part')).to.equal('share-status');
      expect(copied).to.have.length(1);
      const link = new URL(copied[0]!);
      expect(link.origin + link.pathname).to.equal(location.origin + location.pathname);
      // The page's own parameters, and only what opens the event: no tracking parameters.
      expect([...link.searchParams]).to.deep.equal([
        ...new URLSearchParams(location.search),
        ['calendar-event', 'office-hours'],
        ['calendar-occurrence', '2026-03-03T18:30:00-05:00'],
      ]);
      await expectAccessible(page.el);
    });

    it('shows the link selected for copying when the clipboard is refused (from the keyboard)', async () => {
      copyOnly(true);
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      const dialog = await openOfficeHours(page);
      getByRole(dialog, 'button', { name: 'Copy link' }).focus();
      await page.press('Enter');
      const field = (await findByRole(dialog, 'textbox', { name: 'Copy this link:' }, 3000)) as HTMLInputElement;
      expect(field.readOnly).to.equal(true);
      expect(new URL(field.value).searchParams.get('calendar-event')).to.equal('office-hours');
      await waitFor(() => page.root.activeElement === field, 2000, 'the field to take focus');
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      await expectAccessible(page.el);
    });

    it('links a single event without a date, and shares with the url-state prefix', async () => {
      const copied = copyOnly();
      const page = await CalendarPage.open(`date="${MARCH}" url-state="events" ${WIDE}`, marchFeed());
      page.event('Riverside Data Day').click();
      const dialog = await page.dialogOpen();
      getByRole(dialog, 'button', { name: 'Copy link' }).click();
      await waitFor(() => copied.length, 3000, 'the copy');
      const params = new URL(copied[0]!).searchParams;
      expect(params.get('events-event')).to.equal('data-day');
      expect(params.has('events-occurrence')).to.equal(false);
      expect(params.has('calendar-event')).to.equal(false);
    });
  });

  describe('with the Web Share API', () => {
    it('hands the title and link to the share sheet', async () => {
      const shared: ShareData[] = [];
      stub(navigator, 'share', (data: ShareData) => {
        shared.push(data);
        return Promise.resolve();
      });
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      const dialog = await openOfficeHours(page);
      expect(queryAllByRole(dialog, 'button', { name: 'Copy link' })).to.have.length(0);
      getByRole(dialog, 'button', { name: 'Share' }).click();
      await waitFor(() => shared.length, 3000, 'the share sheet');
      expect(shared[0]!.title).to.equal('Open Data Office Hours');
      expect(new URL(shared[0]!.url!).searchParams.get('calendar-occurrence')).to.equal('2026-03-03T18:30:00-05:00');
      expect(dialog.querySelector('[part="share-status"]')!.textContent).to.equal('');
      await expectAccessible(page.el);
    });

    it('copies instead when the share sheet is refused, but not when the visitor closes it', async () => {
      const copied = copyOnly();
      let answer = new DOMException('Share canceled', 'AbortError');
      stub(navigator, 'share', () => Promise.reject(answer));
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      const dialog = await openOfficeHours(page);
      getByRole(dialog, 'button', { name: 'Share' }).click();
      await new Promise((r) => setTimeout(r, 100));
      expect(copied).to.have.length(0);
      answer = new DOMException('Not allowed', 'NotAllowedError');
      getByRole(dialog, 'button', { name: 'Share' }).click();
      await waitFor(() => queryAllByRole(dialog, 'status').find((s) => s.textContent === 'Link copied.'), 3000, 'the confirmation');
      expect(copied).to.have.length(1);
    });
  });

  describe('a shared link', () => {
    it('opens the date of the series it names, in its period', async () => {
      history.replaceState(null, '', `${location.pathname}?calendar-event=office-hours&calendar-occurrence=${encodeURIComponent('2026-03-10T18:30:00-04:00')}`);
      const page = await CalendarPage.open(WIDE, marchFeed());
      const dialog = await page.dialogOpen();
      expect(page.heading()).to.equal('March 2026');
      expect(getByRole(dialog, 'heading', { name: 'Open Data Office Hours' })).to.exist;
      expect(dialog.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-10T18:30:00-04:00');
    });

    it('opens a single event on its day, also with url-state and its prefix', async () => {
      history.replaceState(null, '', `${location.pathname}?events-event=data-day`);
      const page = await CalendarPage.open(`url-state="events" ${WIDE}`, marchFeed());
      const dialog = await page.dialogOpen();
      expect(getByRole(dialog, 'heading', { name: 'Riverside Data Day' })).to.exist;
      expect(page.heading()).to.equal('March 2026');
      // The open event stays in the URL while it is open, and leaves it when the dialog closes.
      expect(new URLSearchParams(location.search).get('events-event')).to.equal('data-day');
      getByRole(dialog, 'button', { name: 'Close' }).click();
      await waitFor(() => !page.dialog().open, 3000, 'the dialog to close');
      await page.el.updateComplete;
      expect(new URLSearchParams(location.search).has('events-event')).to.equal(false);
    });

    it('opens nothing for an event the feed does not have', async () => {
      history.replaceState(null, '', `${location.pathname}?calendar-event=nope`);
      const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
      await new Promise((r) => setTimeout(r, 200));
      expect(page.dialog().open).to.equal(false);
    });
  });
});
