import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { backgroundFirefox, cleanup, expectAccessible, settled, waitFor } from '../helpers.js';
import { getByRole } from '../queries.js';
import { CalendarPage } from './calendar-page.js';
import { MARCH, marchFeed } from './fixtures.js';

const WIDE = 'locale="en-US" timezone="America/New_York"';

/** Presses a key, with modifiers held down: `Shift+PageDown` (the page object's, which copes with a background Firefox). */
const press = (page: CalendarPage, keys: string): Promise<void> => page.press(keys);

describe('<civic-event-calendar> from the keyboard', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('moves through the month grid with arrows, Home and End', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
    page.cell(MARCH).focus();
    await press(page, 'ArrowRight');
    expect(page.focusedDay()).to.equal('2026-03-12');
    await press(page, 'ArrowDown');
    expect(page.focusedDay()).to.equal('2026-03-19');
    await press(page, 'ArrowLeft');
    await press(page, 'ArrowUp');
    expect(page.focusedDay()).to.equal('2026-03-11');
    await press(page, 'Home');
    expect(page.focusedDay()).to.equal('2026-03-08');
    await press(page, 'End');
    expect(page.focusedDay()).to.equal('2026-03-14');
    // One day in the tab order: the focused one.
    expect(page.cell('2026-03-14').tabIndex).to.equal(0);
    expect(page.cell(MARCH).tabIndex).to.equal(-1);
  });

  it('changes month with PageUp and PageDown, and by walking off the month', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
    page.cell(MARCH).focus();
    await press(page, 'PageDown');
    expect(page.heading()).to.equal('April 2026');
    expect(page.focusedDay()).to.equal('2026-04-11');
    await press(page, 'PageUp');
    await press(page, 'PageUp');
    expect(page.heading()).to.equal('February 2026');
    expect(page.focusedDay()).to.equal('2026-02-11');
    await press(page, 'Shift+PageDown');
    expect(page.heading()).to.equal('February 2027');
    await press(page, 'PageUp');
    await press(page, 'Control+End');
    expect(page.focusedDay()).to.equal('2027-01-31');
    await press(page, 'ArrowRight');
    expect(page.heading()).to.equal('February 2027');
    expect(page.focusedDay()).to.equal('2027-02-01');
  });

  it('opens a day’s event with Enter, and Escape closes the dialog and gives focus back', async function () {
    this.timeout(30_000); // a tab behind another runs its timers once a second
    const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
    page.cell('2026-03-10').focus();
    await press(page, 'Enter');
    const first = page.root.activeElement as HTMLElement;
    expect(page.text(first)).to.equal('10:00 AM Cancelled Census workshop');
    await press(page, 'ArrowDown');
    const second = page.root.activeElement as HTMLElement;
    expect(page.text(second)).to.equal('6:30 PM Open Data Office Hours');
    await press(page, 'Enter');
    const dialog = await page.dialogOpen();
    expect(page.text(dialog.querySelector('h2'))).to.equal('Open Data Office Hours');
    await expectAccessible(page.el);
    await press(page, 'Escape');
    await waitFor(() => !dialog.open, 3000, 'the dialog to close');
    await settled(page.el);
    expect(page.root.activeElement).to.equal(second);
    await press(page, 'Escape');
    expect(page.focusedDay()).to.equal('2026-03-10');
    expect(page.root.activeElement!.getAttribute('role')).to.equal('gridcell');
  });

  it('reaches every control with Tab, focus always visible', async function () {
    if (backgroundFirefox()) this.skip();
    const page = await CalendarPage.open(`date="${MARCH}" view="month" ${WIDE}`, marchFeed());
    getByRole(page.root, 'button', { name: 'Previous month' }).focus();
    const seen: string[] = [];
    for (let i = 0; i < 16 && !seen.includes('gridcell'); i++) {
      const active = page.root.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      expect(style.outlineStyle, active.outerHTML.slice(0, 80)).to.not.equal('none');
      seen.push(active.getAttribute('aria-label') ?? active.getAttribute('role') ?? page.text(active));
      await sendKeys({ press: 'Tab' });
    }
    expect(seen.slice(0, 6)).to.deep.equal(['Previous month', 'Today', 'Next month', 'Month', 'Week', 'List']);
    expect(seen).to.include('gridcell');
  });

  it('mirrors the arrows right to left, with Arabic dates', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" view="month" locale="ar-EG" timezone="Africa/Cairo"`, marchFeed());
    const wrapper = page.root.querySelector('[part="base"]')!;
    expect(wrapper.getAttribute('dir')).to.equal('rtl');
    expect(page.heading()).to.equal(new Intl.DateTimeFormat('ar-EG', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)));
    // Weeks start on Saturday in Egypt.
    expect(page.root.querySelector('[role="columnheader"] .visually-hidden')!.textContent).to.equal('السبت');
    page.cell(MARCH).focus();
    await press(page, 'ArrowLeft');
    expect(page.focusedDay()).to.equal('2026-03-12');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    expect(page.focusedDay()).to.equal('2026-03-10');
    // Logical properties: the first day of the week sits at the right.
    const first = page.cell('2026-03-07').getBoundingClientRect();
    const second = page.cell('2026-03-08').getBoundingClientRect();
    expect(first.left).to.be.greaterThan(second.left);
    await expectAccessible(page.el);
  });
});
