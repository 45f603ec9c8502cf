import { expect } from 'chai';
import { cleanup, waitFor } from '../helpers.js';
import { findByText } from '../queries.js';

/** Opens a test page in an iframe, as a visitor's browser would load a library's page. */
async function openPage(path: string): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.src = path;
  frame.style.width = '800px';
  frame.style.height = '600px';
  document.body.append(frame);
  after(() => frame.remove());
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Window & typeof globalThis;
}

function scriptsRequested(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => path.endsWith('.js'));
}

describe('the script-tag entry (built dist/civic-widgets.js)', () => {
  afterEach(cleanup);

  it('loads the calendar’s code and no other element’s', async () => {
    const win = await openPage('/test/pages/calendar-only.html');
    await waitFor(() => win.customElements.get('civic-event-calendar'), 5000, 'calendar defined');
    const calendar = win.document.querySelector('civic-event-calendar')!;
    await findByText(calendar, /^1 event in March 2030$/);
    const scripts = scriptsRequested(win);
    expect(scripts).to.include('/dist/civic-widgets.js');
    expect(scripts.some((s) => /^\/dist\/chunks\/event-calendar-[\w-]+\.js$/.test(s)), scripts.join('\n')).to.equal(true);
    for (const other of ['rsvp-form', 'group-finder', 'resource-list', 'inspiration-map', 'feed-provider', 'ics-', 'jsonld-', 'tribe-', 'mapping-', 'purify', 'es-']) {
      expect(scripts.filter((s) => s.includes(`/${other}`)), `${other} should not load`).to.deep.equal([]);
    }
    for (const tag of ['civic-rsvp-form', 'civic-group-finder', 'civic-resource-list', 'civic-inspiration-map', 'civic-feed']) {
      expect(win.customElements.get(tag), tag).to.equal(undefined);
    }
    // Every script came from this page's origin: the bundle contacts nothing else.
    const origins = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).origin);
    expect(new Set(origins)).to.deep.equal(new Set([location.origin]));
  });

  it('keeps the space between a chip’s time and its title (the minifier must not drop it)', async () => {
    const win = await openPage('/test/pages/calendar-only.html');
    const calendar = await waitFor(() => win.document.querySelector('civic-event-calendar'));
    await findByText(calendar, /^1 event in March 2030$/);
    const chip = await waitFor(() => calendar.shadowRoot!.querySelector('.month .event'));
    // Seen and heard as "10:00 AM Data Day", not "10:00 AMData Day".
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2030, 2, 7, 10))} Data Day`);
  });

  it('defines an element added to the page later', async () => {
    const win = await openPage('/test/pages/calendar-only.html');
    await waitFor(() => win.customElements.get('civic-event-calendar'));
    const list = win.document.createElement('civic-resource-list');
    list.setAttribute('src', '/test-api/flaky?fail=0&key=late');
    win.document.body.append(list);
    await waitFor(() => win.customElements.get('civic-resource-list'), 5000, 'resource list defined');
    await findByText(list, 'No resources');
  });

  it('turns CMS-safe data-civic divs into widgets, with every data-* option', async () => {
    const win = await openPage('/test/pages/cms-markup.html');
    const calendar = await waitFor(() => win.document.querySelector('civic-event-calendar'));
    expect(calendar.hasAttribute('no-cache')).to.equal(true);
    const form = win.document.querySelector('civic-rsvp-form')!;
    expect(form.getAttribute('event-id')).to.equal('e1');
    const feed = win.document.querySelector('civic-feed')!;
    expect(feed.getAttribute('src')).to.equal('/test-api/flaky?fail=0&key=cms');
    expect(feed.parentElement!.classList.contains('wp-block-html')).to.equal(true);
    // The page is in Spanish, and both widgets read the one feed their <civic-feed> loaded.
    await findByText(calendar, /^1 evento en marzo de 2030$/);
    await findByText(form, 'Inscribirse en Data Day');
    expect(win.document.querySelector('[data-civic="not-a-widget"]')!.children).to.have.length(0);
  });
});
