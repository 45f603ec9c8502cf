/**
 * A windowed feed read one month at a time, against the real `civic-widgets serve` feed routes
 * (test/runner-plugins/windowed-feed.mjs): what a visitor sees month by month, and what the server was
 * asked, counted on its side.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible, waitFor } from '../helpers.js';
import { CalendarPage } from './calendar-page.js';

let run = 0;
/** A key of its own per test, so the server's log of requests is this test's alone. */
const newKey = () => `t${Date.now()}-${++run}`;

async function requests(key: string): Promise<string[]> {
  const response = await fetch(`/test/feed-requests?key=${key}`, { cache: 'no-store' });
  return (await response.json()) as string[];
}

const windowOf = (request: string) => {
  const params = new URL(request, location.href).searchParams;
  return params.has('from') ? `${params.get('from')}/${params.get('to')}` : 'whole';
};

async function showsEvent(page: CalendarPage, title: string): Promise<void> {
  await waitFor(() => page.eventTexts().some((t) => t.includes(title)), 8000, `"${title}" on screen`);
  await page.ready();
}

describe('<civic-event-calendar windowed>', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('asks for the month on screen, the next month after "Next month", and nothing when going back', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" windowed date="2030-03-12" view="month" locale="en-US"`);
    expect(page.heading()).to.equal('March 2030');
    expect(page.text(page.cell('2030-03-12'))).to.include('March talk');
    expect(page.eventTexts().join(' ')).to.not.include('April workshop');
    expect((await requests(key)).map(windowOf)).to.deep.equal(['2030-02-22T00:00:00Z/2030-04-08T00:00:00Z']);

    await page.click('Next month');
    await showsEvent(page, 'April workshop');
    expect(page.heading()).to.equal('April 2030');
    expect(page.eventTexts().join(' ')).to.not.include('March talk');
    expect((await requests(key)).map(windowOf)).to.deep.equal([
      '2030-02-22T00:00:00Z/2030-04-08T00:00:00Z',
      '2030-03-25T00:00:00Z/2030-05-08T00:00:00Z',
    ]);

    await page.click('Previous month');
    await showsEvent(page, 'March talk');
    await page.click('Next month');
    await showsEvent(page, 'April workshop');
    expect(await requests(key), 'going back and forth again asks nothing').to.have.length(2);
    await expectAccessible(page.el);
  });

  it('a visitor faster than the server: the month left behind is dropped, and the month reached shows', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}&delay=400" windowed no-cache date="2030-03-12" view="month" locale="en-US"`);
    await page.click('Next month');
    expect(page.count()).to.match(/Loading/);
    await page.click('Next month');
    await showsEvent(page, 'May fair');
    expect(page.heading()).to.equal('May 2030');
    expect(page.eventTexts().join(' ')).to.not.include('April workshop');
    expect(await requests(key)).to.have.length(3);
    // April was dropped unfinished, so it is asked again; May and March are held.
    await page.click('Previous month');
    await showsEvent(page, 'April workshop');
    await page.click('Next month');
    await showsEvent(page, 'May fair');
    expect((await requests(key)).map(windowOf).slice(3)).to.deep.equal(['2030-03-25T00:00:00Z/2030-05-08T00:00:00Z']);
  });

  it('agrees with the whole feed on the edges of a window: a span begun before it, an all-day first day, a series begun months before', async () => {
    const key = newKey();
    const windowed = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" windowed date="2030-04-12" view="month" locale="en-US"`);
    const whole = await CalendarPage.open(`src="/test/plain-feed.json?key=${key}-whole" no-cache date="2030-04-12" view="month" locale="en-US"`);
    // The exhibit began March 20, before the window (March 25); it covers April 1 to 10.
    for (const day of ['2030-04-01', '2030-04-10']) expect(windowed.text(windowed.cell(day)), day).to.include('Spring exhibit');
    expect(windowed.text(windowed.cell('2030-04-11'))).to.not.include('Spring exhibit');
    // An all-day event on the grid's first day (Sunday, March 31).
    expect(windowed.text(windowed.cell('2030-03-31'))).to.include('Sky day');
    // A timed event on that first day, outside April in UTC too.
    expect(windowed.text(windowed.cell('2030-03-31'))).to.include('Sunday walk');
    // A weekly series from September 2029, with April 16 moved to the 17th.
    for (const day of ['2030-04-02', '2030-04-09', '2030-04-23', '2030-04-30']) expect(windowed.text(windowed.cell(day)), day).to.include('Book club');
    expect(windowed.text(windowed.cell('2030-04-16'))).to.not.include('Book club');
    expect(windowed.text(windowed.cell('2030-04-17'))).to.include('Book club (moved)');
    // Month by month, the windowed calendar shows what the whole feed shows.
    for (const month of ['April 2030', 'May 2030', 'June 2030', 'February 2030', 'March 2030']) {
      if (month === 'February 2030') {
        for (const page of [windowed, whole]) for (let i = 0; i < 4; i++) await page.click('Previous month');
      } else if (month !== 'April 2030') {
        for (const page of [windowed, whole]) await page.click('Next month');
      }
      await windowed.ready();
      await whole.ready();
      expect(windowed.heading()).to.equal(month);
      expect(whole.heading()).to.equal(month);
      expect(windowed.count(), month).to.equal(whole.count());
      expect(windowed.eventTexts(), month).to.deep.equal(whole.eventTexts());
    }
    expect(await requests(`${key}-whole`), 'the whole feed, once').to.have.length(1);
  });

  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    it(`agrees with the whole feed in a zone far from UTC (${zone})`, async () => {
      const key = newKey();
      const attributes = `date="2030-04-01" view="month" locale="en-US" timezone="${zone}"`;
      const windowed = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" windowed ${attributes}`);
      const whole = await CalendarPage.open(`src="/test/plain-feed.json?key=${key}-whole" no-cache ${attributes}`);
      for (const month of ['April 2030', 'May 2030']) {
        if (month !== 'April 2030') for (const page of [windowed, whole]) await page.click('Next month');
        await windowed.ready();
        await whole.ready();
        expect(windowed.heading()).to.equal(month);
        expect(windowed.count(), month).to.equal(whole.count());
        expect(windowed.eventTexts(), month).to.deep.equal(whole.eventTexts());
      }
      expect(whole.eventTexts().join(' ')).to.include('Late night');
      expect(whole.eventTexts().join(' ')).to.include('May Day eve');
    });
  }

  it('reads a feed without windowing once, whole, however far the visitor goes', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/plain-feed.json?key=${key}" date="2030-03-12" view="month" locale="en-US"`);
    await page.click('Next month');
    await showsEvent(page, 'April workshop');
    await page.click('Next month');
    await showsEvent(page, 'May fair');
    expect((await requests(key)).map(windowOf)).to.deep.equal(['whole']);
  });

  it('a server that ignores from and to: the first answer is the whole feed, and no more is asked', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/plain-feed.json?key=${key}" windowed no-cache date="2030-03-12" view="month" locale="en-US"`);
    await page.click('Next month');
    await showsEvent(page, 'April workshop');
    expect(await requests(key)).to.have.length(1);
  });

  it('remembers a feed that says it is windowed: the next visit asks for its month only', async () => {
    const key = newKey();
    const first = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" date="2030-03-12" view="month" locale="en-US"`);
    expect(first.text(first.cell('2030-03-12'))).to.include('March talk');
    cleanup();
    const again = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" date="2030-05-12" view="list" locale="en-US"`);
    await showsEvent(again, 'May fair');
    expect((await requests(key)).map(windowOf)).to.deep.equal(['whole', '2030-04-24T00:00:00Z/2030-06-08T00:00:00Z']);
  });

  it('the week view asks for the month its day is in, and a week across two months shows both sides', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}" windowed date="2030-03-26" view="week" locale="en-US"`);
    expect(page.eventTexts().join(' ')).to.include('Edge day');
    await page.click('Next week');
    await page.ready();
    // March 31 to April 6: the anchor moved to April 2, so April's month is asked for; the Sunday is in it.
    await waitFor(() => page.eventTexts().some((t) => t.includes('Sunday walk')), 8000, 'the Sunday walk');
    expect(page.eventTexts().join(' ')).to.include('Book club');
    expect((await requests(key)).map(windowOf)).to.deep.equal([
      '2030-02-22T00:00:00Z/2030-04-08T00:00:00Z',
      '2030-03-25T00:00:00Z/2030-05-08T00:00:00Z',
    ]);
  });

  it('keeps each month and revalidates it with its ETag on the next visit', async () => {
    const key = newKey();
    const attributes = `src="/test/windowed-feed.json?key=${key}" windowed date="2030-03-12" view="month" locale="en-US"`;
    const first = await CalendarPage.open(attributes);
    expect(first.text(first.cell('2030-03-12'))).to.include('March talk');
    cleanup();
    const again = await CalendarPage.open(attributes);
    expect(again.text(again.cell('2030-03-12'))).to.include('March talk');
    expect((await requests(`${key}%23revalidated`)).map(windowOf)).to.deep.equal(['2030-02-22T00:00:00Z/2030-04-08T00:00:00Z']);
    expect(again.root.querySelector('[part="stale-notice"]')).to.equal(null);
  });

  it('a month that cannot be fetched says so; the toolbar stays, and the months held still show', async () => {
    const key = newKey();
    const page = await CalendarPage.open(`src="/test/windowed-feed.json?key=${key}&missing=2030-03-25T00:00:00Z" windowed no-cache date="2030-03-12" view="month" locale="en-US"`);
    await page.click('Next month');
    const error = await waitFor(() => page.root.querySelector('[part="error"]'), 8000, 'the error');
    expect(page.text(error)).to.match(/404/);
    expect(page.heading()).to.equal('April 2030');
    expect(page.eventTexts().join(' '), 'no event of another month shown as April’s').to.not.include('March talk');
    await expectAccessible(page.el);
    await page.click('Previous month');
    await showsEvent(page, 'March talk');
    expect(page.root.querySelector('[part="error"]')).to.equal(null);
  });
});
