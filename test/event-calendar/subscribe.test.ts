import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { subscribeLinks } from '../../src/event-calendar/subscribe.js';
import { backgroundFirefox, cleanup, expectAccessible, waitFor } from '../helpers.js';
import { findByRole, queryAllByRole } from '../queries.js';
import { CalendarPage } from './calendar-page.js';
import { MARCH, marchFeed } from './fixtures.js';

const WIDE = 'locale="en-US" timezone="America/New_York"';
const ICS = 'https://riverside.example.org/civic/feed.ics';

function subscribable() {
  return { ...marchFeed(), subscribe: ICS };
}

describe('Subscribe', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('builds webcal, Google, Outlook.com, Microsoft 365 and plain links, with nothing added', () => {
    const links = Object.fromEntries(subscribeLinks(ICS, 'Riverside & Co').map((l) => [l.label, l.href]));
    expect(links).to.deep.equal({
      calSubscribeApple: 'webcal://riverside.example.org/civic/feed.ics',
      calGoogle: 'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Friverside.example.org%2Fcivic%2Ffeed.ics',
      calOutlook: 'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Friverside.example.org%2Fcivic%2Ffeed.ics&name=Riverside%20%26%20Co',
      calSubscribeOffice: 'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Friverside.example.org%2Fcivic%2Ffeed.ics&name=Riverside%20%26%20Co',
      calSubscribeAddress: ICS,
    });
    expect(subscribeLinks('http://x.example/a.ics')[0]!.href).to.equal('webcal://x.example/a.ics');
    expect(subscribeLinks('http://x.example/a.ics')[2]!.href).to.not.include('name=');
  });

  it('is not offered when the feed names no iCalendar address', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, marchFeed());
    expect(queryAllByRole(page.root, 'button', { name: 'Subscribe' })).to.have.length(0);
  });

  it('shows and hides its panel of links from the toolbar, accessibly', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, subscribable());
    const button = page.button('Subscribe');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const panel = page.root.getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(true);
    expect(panel.checkVisibility()).to.equal(false);
    await page.click('Subscribe');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.checkVisibility()).to.equal(true);
    // The panel's links come with the dialog's code, which the calendar fetches in idle time.
    const list = await findByRole(panel, 'list', { name: /Add this calendar to your calendar app/ });
    const links = queryAllByRole(list, 'link').map((a) => [page.text(a), a.getAttribute('href'), a.getAttribute('target')]);
    expect(links).to.deep.equal([
      ['Apple Calendar and other apps', 'webcal://riverside.example.org/civic/feed.ics', null],
      ['Google Calendar', subscribeLinks(ICS)[1]!.href, '_blank'],
      ['Outlook.com', `${subscribeLinks(ICS)[2]!.href}&name=Riverside%20Public%20Library`, '_blank'],
      ['Microsoft 365 (work or school)', `${subscribeLinks(ICS)[3]!.href}&name=Riverside%20Public%20Library`, '_blank'],
      ['Calendar address (.ics)', ICS, null],
    ]);
    await expectAccessible(page.el);
    await page.click('Subscribe');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('closes on a click elsewhere on the page', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, subscribable());
    await page.click('Subscribe');
    (await waitFor(() => page.root.querySelector<HTMLElement>('#subscribe-hint'), 3000, 'the panel')).click();
    await page.el.updateComplete;
    expect(page.button('Subscribe').getAttribute('aria-expanded')).to.equal('true');
    document.body.click();
    await page.el.updateComplete;
    expect(page.button('Subscribe').getAttribute('aria-expanded')).to.equal('false');
  });

  it('works from the keyboard: Enter opens, Tab reaches the links, Escape closes and returns focus', async function () {
    const page = await CalendarPage.open(`date="${MARCH}" ${WIDE}`, subscribable());
    const button = page.button('Subscribe');
    button.focus();
    await page.press('Enter');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await findByRole(page.root, 'link', { name: 'Apple Calendar and other apps' });
    if (backgroundFirefox()) this.skip();
    await sendKeys({ press: 'Tab' });
    expect(page.text(page.root.activeElement)).to.equal('Apple Calendar and other apps');
    await page.press('Escape');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(page.root.activeElement).to.equal(button);
    // Tabbing on past the last link closes the panel, which would cover what comes next.
    await page.press('Enter');
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
    await page.el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(page.root.activeElement?.closest('.subscribe')).to.equal(null);
  });

  it('speaks the calendar’s language', async () => {
    const page = await CalendarPage.open(`date="${MARCH}" locale="fr" timezone="America/New_York"`, subscribable());
    (await findByRole(page.root, 'button', { name: 'S’abonner' })).click();
    await findByRole(page.root, 'link', { name: 'Google Agenda' });
    expect(queryAllByRole(page.root, 'link').map((a) => page.text(a))).to.include.members([
      'Calendrier Apple et autres applications',
      'Google Agenda',
      'Microsoft 365 (professionnel ou scolaire)',
      'Adresse du calendrier (.ics)',
    ]);
  });
});
