import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { DATA_DAY_ID } from '../../examples/sample-feed.js';
import { cleanup, expectAccessible, settled } from '../helpers.js';
import { findByRole, findByText, getByRole, queryAllByRole } from '../queries.js';
import { BuilderPage } from './builder-page.js';

const restore: (() => void)[] = [];

function stubClipboard(refuse = false): string[] {
  const copied: string[] = [];
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    writable: true,
    value: (text: string) => {
      if (refuse) return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      copied.push(text);
      return Promise.resolve();
    },
  });
  restore.push(() => delete (navigator.clipboard as unknown as Record<string, unknown>)['writeText']);
  return copied;
}

// localhost and 127.0.0.1 are two origins on the one test server, in every browser.
const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

describe('<civic-snippet-builder>', () => {
  const warn = console.warn;
  beforeEach(() => {
    // The preview widget names skipped items and refusals in the console; the check shows them.
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
    while (restore.length) restore.pop()!();
    cleanup();
  });

  it('starts with the sample feed: the live calendar shows its events and the check its counts', async () => {
    const page = await BuilderPage.open();
    const status = await findByText(page.check(), /^Read \d+ events, \d+ groups, \d+ resources, \d+ places\.$/, 8000);
    expect(status.getAttribute('role')).to.equal('status');
    expect(page.check().textContent).to.include('This page may read it: it is on this site.');
    const calendar = page.preview();
    expect(calendar.localName).to.equal('civic-event-calendar');
    expect(calendar.getAttribute('src')).to.equal('/test-api/sample-feed');
    // The sample feed's Data Day is an event the calendar lists, as a visitor sees it.
    await page.select('View', 'List');
    await findByText(page.preview(), /Data Day/, 8000);
    expect(page.snippet()).to.equal('<civic-event-calendar src="/test-api/sample-feed" view="list"></civic-event-calendar>');
    await expectAccessible(page.el);
  });

  it('is empty until it has a feed, and accessible so; choosing the sample feed reads it', async () => {
    const page = await BuilderPage.open();
    await page.choose('A feed address');
    await findByText(page.check(), /Choose the sample feed or give a feed address/);
    expect(page.snippet()).to.equal('<civic-event-calendar></civic-event-calendar>');
    await expectAccessible(page.el);
    await page.choose('The bundled sample feed');
    await findByText(page.check(), /^Read \d+ events, /, 8000);
    expect(page.snippet()).to.equal('<civic-event-calendar src="/test-api/sample-feed"></civic-event-calendar>');
  });

  it('writes the same settings as an element, a data-civic div, a shortcode and a block', async () => {
    const page = await BuilderPage.open();
    await page.select('Widget', 'RSVP form');
    // The event select is filled from the feed's events.
    await findByRole(page.el, 'option', { name: new RegExp(`\\(${DATA_DAY_ID}\\)$`) }, 8000);
    await page.select('Event', new RegExp(`\\(${DATA_DAY_ID}\\)$`));
    await page.type('Heading level', '3', 'spinbutton');
    expect(page.snippet()).to.equal(`<civic-rsvp-form src="/test-api/sample-feed" event-id="${DATA_DAY_ID}" heading-level="3"></civic-rsvp-form>`);
    await page.choose('data-civic div');
    expect(page.snippet()).to.equal(`<div data-civic="rsvp-form" data-src="/test-api/sample-feed" data-event-id="${DATA_DAY_ID}" data-heading-level="3"></div>`);
    await expectAccessible(page.el);
    await page.choose('WordPress shortcode');
    expect(page.snippet()).to.equal(`[civic_rsvp src="/test-api/sample-feed" event-id="${DATA_DAY_ID}" heading-level="3"]`);
    await expectAccessible(page.el);
    await page.choose('WordPress block');
    expect(page.snippet()).to.equal(`<!-- wp:civic-widgets/rsvp-form {"src":"/test-api/sample-feed","eventId":"${DATA_DAY_ID}","headingLevel":3} /-->`);
    await expectAccessible(page.el);
    // The live form is the one for that event.
    expect(page.preview().getAttribute('event-id')).to.equal(DATA_DAY_ID);
  });

  it('says why a shortcode cannot carry a value instead of writing a broken one', async () => {
    const page = await BuilderPage.open();
    await page.select('Widget', 'Resource list');
    await page.choose('WordPress shortcode');
    await page.type('Search text to start with', 'data [beginners]');
    await findByText(page.el, /A shortcode cannot carry query: its value has a " , \[ or \]/);
    expect(queryAllByRole(page.el, 'textbox', { name: /snippet$/ })).to.have.length(0);
    await page.choose('WordPress block');
    expect(page.snippet()).to.include('"query":"data [beginners]"');
    await expectAccessible(page.el);
  });

  it('shows the refusal and the fix for a feed on another site that allows no cross-origin reads', async () => {
    const page = await BuilderPage.open();
    const src = `${other}/test-api/switch?key=${Math.random()}`;
    await page.feedAddress(src);
    await findByText(page.check(), `This page may not read ${src}.`, 10000);
    const text = page.check().textContent!;
    expect(text).to.include(`${new URL(other).host} sends no Access-Control-Allow-Origin header for ${location.origin}`);
    expect(text).to.include('npx civic-widgets feed build civic.json -o feed.json');
    expect(text).to.include('npx civic-widgets serve --config civic.json');
    expect(text).to.include(`npx civic-widgets feed check ${src} --origin https://your-library.org`);
    // The live widget says the same in its own words.
    const alert = await findByRole(page.preview(), 'alert', {}, 10000);
    expect(alert.textContent).to.include('may not let other websites show its data');
    await expectAccessible(page.el);
  });

  it('reads the same address once the other site allows this page', async () => {
    const page = await BuilderPage.open();
    await page.feedAddress(`${other}/test-api/switch?key=${Math.random()}&cors=${location.origin}`);
    await findByText(page.check(), /allows pages on other sites to read it/, 8000);
  });

  it('names a malformed item and counts the rest', async () => {
    const page = await BuilderPage.open();
    const feed = {
      version: '1',
      events: [
        { id: 'good', title: 'Open data night', start: '2030-05-06T18:00:00-05:00' },
        { id: 'no-start', title: 'When?' },
      ],
    };
    await page.feedAddress(`/test-api/text?type=application/json&body=${encodeURIComponent(JSON.stringify(feed))}`);
    await findByText(page.check(), /^Read 1 events; 1 skipped\.$/, 8000);
    const skipped = await findByText(page.check(), /^events #2 "no-start": /);
    expect(skipped.closest('ul')).to.exist;
    await expectAccessible(page.el);
  });

  it('refuses an address a widget could not fetch, says why, and leaves it out', async () => {
    const page = await BuilderPage.open();
    await page.feedAddress('javascript:alert(1)');
    await findByText(page.el, /^Give an address starting with https:\/\//);
    await page.feedAddress('not a url');
    const field = getByRole(page.el, 'textbox', { name: 'Feed address' }) as HTMLInputElement;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    await findByText(page.el, field.validationMessage);
    expect(page.snippet()).to.equal('<civic-event-calendar></civic-event-calendar>');
    await expectAccessible(page.el);
    // A path on the page's own site is an address too.
    await page.feedAddress('/test-api/sample-feed');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(page.snippet()).to.equal('<civic-event-calendar src="/test-api/sample-feed"></civic-event-calendar>');
  });

  it('refuses a time zone the browser does not know', async () => {
    const page = await BuilderPage.open();
    await page.type('Time zone', 'Mars/Olympus', 'combobox');
    await findByText(page.el, /“Mars\/Olympus” is not a time zone/);
    await page.type('Time zone', 'America/Chicago', 'combobox');
    expect(page.snippet()).to.include('timezone="America/Chicago"');
  });

  it('copies the snippet and says so, from the keyboard', async () => {
    const copied = stubClipboard();
    const page = await BuilderPage.open();
    await findByText(page.check(), /^Read /, 8000);
    // Arrow keys move through the formats, Tab reaches the copy button, Enter copies.
    (getByRole(page.el, 'radio', { name: 'Element' }) as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settled(page.el);
    expect((getByRole(page.el, 'radio', { name: 'WordPress shortcode' }) as HTMLInputElement).checked).to.equal(true);
    getByRole(page.el, 'button', { name: 'Copy shortcode' }).focus();
    await sendKeys({ press: 'Enter' });
    const done = await findByText(page.el, 'Copied the shortcode.');
    expect(done.getAttribute('role')).to.equal('status');
    expect(copied).to.deep.equal(['[civic_calendar src="/test-api/sample-feed"]']);
  });

  it('selects the snippet to copy by hand when the browser refuses the clipboard', async () => {
    stubClipboard(true);
    const page = await BuilderPage.open();
    getByRole(page.el, 'button', { name: /^Copy / }).click();
    await findByText(page.el, /did not allow copying\. The snippet is selected/);
    const field = getByRole(page.el, 'textbox', { name: /snippet$/ }) as HTMLTextAreaElement;
    expect(field.readOnly).to.equal(true);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).to.equal(field.value);
    await expectAccessible(page.el);
  });

  it('offers a field mapping only for format="mapping", and writes it only then', async () => {
    const page = await BuilderPage.open();
    await page.moreOptions();
    expect(queryAllByRole(page.el, 'textbox', { name: 'Field mapping address' })).to.have.length(0);
    await page.select('Feed format', 'mapping');
    await page.type('Field mapping address', '/test-api/mapping.json');
    expect(page.snippet()).to.equal('<civic-event-calendar src="/test-api/sample-feed" format="mapping" mapping="/test-api/mapping.json"></civic-event-calendar>');
    await page.select('Feed format', 'Decide from the feed (auto)');
    expect(page.snippet()).to.equal('<civic-event-calendar src="/test-api/sample-feed"></civic-event-calendar>');
  });

  it('offers each widget its own options, read from the element', async () => {
    const page = await BuilderPage.open();
    await page.select('Widget', 'Inspiration map');
    await findByRole(page.el, 'combobox', { name: 'Region' });
    expect(queryAllByRole(page.el, 'combobox', { name: 'View' })).to.have.length(0);
    await page.select('Region', 'World');
    expect(page.snippet()).to.equal('<civic-inspiration-map src="/test-api/sample-feed" region="world"></civic-inspiration-map>');
    await page.choose('data-civic div');
    expect(page.snippet()).to.equal('<div data-civic="inspiration-map" data-src="/test-api/sample-feed" data-region="world"></div>');
  });
});
