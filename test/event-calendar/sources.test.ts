/**
 * The calendar reading each kind of source by URL, as a webmaster embeds it: an iCalendar export
 * (a weekly series with EXDATEs, a moved and a cancelled occurrence, a UTC event, a three-day
 * exhibit), schema.org JSON-LD in an HTML page, and The Events Calendar's WordPress API.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible } from '../helpers.js';
import { CalendarPage } from './calendar-page.js';

describe('<civic-event-calendar> reading sources', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('iCalendar: a weekly series with EXDATEs and a moved occurrence, a UTC event shown in New York', async () => {
    const page = await CalendarPage.open('src="/test/fixtures/ics/google-export.ics" no-cache date="2026-10-15" view="list" locale="en-US"');
    const byDay = (title: RegExp) => page.events().filter((e) => title.test(page.text(e))).map((e) => page.text(e.closest('section')!.querySelector('h3')));
    // Thursdays 18:30, without Oct 8 (EXDATE); Oct 22 moved to Friday the 23rd at 17:00.
    expect(byDay(/^Open Data Office Hours$/)).to.deep.equal(['Thursday, October 1', 'Thursday, October 15', 'Thursday, October 29']);
    expect(byDay(/Friday edition/)).to.deep.equal(['Friday, October 23']);
    const moved = page.event('Friday edition').closest('li')!;
    expect(page.text(moved.querySelector('time'))).to.equal('5:00 – 6:30 PM');
    expect(moved.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-23T17:00:00-04:00');
    // 14:00 UTC is 10:00 in New York.
    expect(page.text(page.event('Data Day 2026').closest('li')!.querySelector('time'))).to.equal('10:00 AM – 5:00 PM');
    await expectAccessible(page.el);
  });

  it('iCalendar: a cancelled occurrence stays, marked; a three-day exhibit spans its days', async () => {
    const page = await CalendarPage.open('src="/test/fixtures/ics/google-export.ics" no-cache date="2026-11-10" view="month" locale="en-US"');
    const cancelled = page.cell('2026-11-05').querySelector<HTMLElement>('[data-key]')!;
    expect(page.text(cancelled)).to.match(/Cancelled Open Data Office Hours$/);
    for (const day of ['2026-11-09', '2026-11-10', '2026-11-11']) {
      expect(page.text(page.cell(day).querySelector('[data-key]')), day).to.match(/Exhibit: Mapping Our Neighborhoods/);
    }
    expect(page.text(page.cell('2026-11-12'))).to.not.include('Exhibit');
  });

  it('iCalendar: floating times read in the feed’s zone and shown in another', async () => {
    const page = await CalendarPage.open('src="/test/fixtures/ics/floating.ics" format="ics" no-cache date="2026-03-05" view="week" locale="en-GB" timezone="Europe/London"');
    // Daily from March 1, without the 3rd and 5th (EXDATE): Monday 2 to Sunday 8 holds five.
    // Floating 09:00 with no zone in the file is read in the display zone.
    expect(page.eventTexts().filter((t) => /Morning check-in/.test(t))).to.have.length(5);
    expect(page.text(page.event('Morning check-in'))).to.match(/^0?9:00 Morning check-in$/);
  });

  it('JSON-LD in an HTML page', async () => {
    const page = await CalendarPage.open('src="/test/fixtures/jsonld/page.html" no-cache date="2026-03-21" view="list" locale="en-US" timezone="America/New_York"');
    const zine = page.event('Zine Making with Census Data').closest('li')!;
    expect(page.text(zine.querySelector('time'))).to.equal('2:00 – 4:00 PM');
    expect(page.eventTexts()).to.include('Teen Data Detectives');
  });

  it('The Events Calendar (WordPress): entities decoded, all-day events across days', async () => {
    const page = await CalendarPage.open('src="/test/fixtures/tribe/events-page-1.json" format="tribe" no-cache date="2026-03-07" view="list" locale="en-US" timezone="America/New_York"');
    const day = page.event('Open Data Day – Maps & Spreadsheets').closest('li')!;
    expect(page.text(day.querySelector('time'))).to.match(/^10:00 AM/);
    expect(page.root.querySelector('img')).to.equal(null);
  });

  // One test per source: Firefox runs a background tab's timers once a second, and two loads
  // in one test could outlast a single test's time there.
  for (const [src, format] of [['/test/fixtures/tribe/hostile.json', 'tribe'], ['/test/fixtures/jsonld/hostile.html', 'jsonld']]) {
    it(`a hostile ${format} feed renders as text`, async function () {
      this.timeout(20000);
      const page = await CalendarPage.open(`src="${src}" format="${format}" no-cache date="2026-06-01" view="list" locale="en-US"`);
      expect(page.events().length, src).to.be.greaterThan(0);
      expect(page.root.querySelector('script, img, [onerror], [href^="javascript"]'), src).to.equal(null);
      expect((window as unknown as { alerted?: boolean }).alerted).to.equal(undefined);
      page.el.remove();
    });
  }
});
