/**
 * A corpus of hostile feed content run through every element: nothing executes, nothing hangs
 * (recurrence and lists are bounded), and what is valid still renders.
 */
import { expect } from 'chai';
import '../../src/index.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, fixture, waitFor } from '../helpers.js';
import { deepElements, findByText } from '../queries.js';

type Pwned = Window & { pwned?: string };
const SCRIPT = `<script>window.pwned='script'</script>`;
const IMG = `<img src=x onerror="window.pwned='img'">`;
const SVG = `<svg onload="window.pwned='svg'"><script>window.pwned='svg-script'</script></svg>`;
const CSS = `</style><style>*{display:none!important}</style><div style="position:fixed;inset:0;background:red">`;
const JS_URL = 'javascript:window.pwned="url"';
const DATA_URL = 'data:text/html,<script>parent.pwned="data"</script>';

function tomorrow(hours = 10): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hours)}:00:00`;
}

/** JSON nested `depth` deep, written as text: JSON.stringify itself would overflow on it. */
const DEEP = `${'{"x":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;

function feedUrl(feed: unknown): string {
  const text = JSON.stringify(feed).replace('"__DEEP__"', DEEP);
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

const hostileFeed = {
  version: '1',
  title: `Evil ${SCRIPT}`,
  events: [
    { id: 'valid', title: 'Valid Data Day', start: tomorrow(), end: tomorrow(12), rsvp: { questions: [] }, capacity: 10 },
    { id: 'h1', title: `Title ${SCRIPT}${IMG}`, start: tomorrow(13), description: `${IMG}${SVG}${CSS}<a href="${JS_URL}">click</a>`, url: JS_URL, onlineUrl: DATA_URL, image: { url: JS_URL, alt: SCRIPT } },
    { id: 'h2', title: 'x'.repeat(1_000_000), start: tomorrow(14), description: 'y'.repeat(2_000_000) },
    { id: 'h3', title: 'Every second forever', start: tomorrow(15), rrule: 'FREQ=SECONDLY;COUNT=1000000000' },
    { id: 'h4', title: 'Never matches', start: tomorrow(16), rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' },
    { id: 'h5', title: 'Deep', start: tomorrow(17), nested: '__DEEP__' },
    { id: 'h6', title: `${CSS}Styled`, start: tomorrow(18), location: { name: SCRIPT, address: IMG, lat: 1e9, lon: 'x' } },
  ],
  groups: [
    { id: 'valid-group', name: 'Valid Budget Watchers' },
    { id: 'g1', name: `Group ${SCRIPT}`, description: `${IMG}${SVG}`, url: JS_URL, joinUrl: DATA_URL, datasets: [{ name: IMG, url: JS_URL }] },
  ],
  resources: [
    { id: 'valid-resource', title: 'Valid Data Walks', url: 'https://www.urban.org/' },
    { id: 'r1', title: `Resource ${SCRIPT}`, url: 'https://example.org/r1', description: `${CSS}${IMG}` },
    { id: 'r2', title: 'Evil link', url: JS_URL },
  ],
  places: [
    { id: 'valid-place', name: 'Valid Pittsburgh', program: 'Valid Pittsburgh Data Day', lat: 40.44, lon: -79.99 },
    { id: 'p1', name: `Place ${SCRIPT}`, lat: 40.7, lon: -74, description: `${IMG}${SVG}`, url: JS_URL },
    { id: 'p2', name: 'Nowhere', lat: 'NaN', lon: 500 },
  ],
};

const elements: [string, string, string][] = [
  ['civic-event-calendar', '', 'Valid Data Day'],
  ['civic-rsvp-form', 'event-id="valid"', 'Valid Data Day'],
  ['civic-group-finder', '', 'Valid Budget Watchers'],
  ['civic-resource-list', '', 'Valid Data Walks'],
  ['civic-inspiration-map', '', 'Valid Pittsburgh'],
];

function expectInert(root: Element): void {
  expect((window as Pwned).pwned, 'something executed').to.equal(undefined);
  const all = deepElements(root);
  expect(all.filter((el) => el.localName === 'script' && el.parentElement?.localName !== root.localName)).to.deep.equal([]);
  const handlers = all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
  expect(handlers.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
  const badLinks = all.filter((el) => /^\s*(javascript|data|vbscript):/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
  expect(badLinks.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
  expect(all.some((el) => el.hasAttribute('style')), 'an inline style attribute').to.equal(false);
}

describe('hostile feeds through every element', function () {
  this.timeout(30000);
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
    delete (window as Pwned).pwned;
  });

  for (const [tag, attrs, valid] of elements) {
    it(`<${tag}> renders what is valid and nothing hostile runs`, async () => {
      const started = performance.now();
      const el = fixture(`<${tag} ${attrs} date="${tomorrow().slice(0, 10)}" src="${feedUrl(hostileFeed)}"></${tag}>`);
      await waitFor(() => customElements.get(tag), 5000, `${tag} defined`);
      await findByText(el, new RegExp(valid), 15000);
      await new Promise((r) => setTimeout(r, 500)); // let lazy parts (the sanitizer) finish
      expect(performance.now() - started, 'took too long').to.be.below(15000);
      expectInert(el);
    });
  }

  it('an unreadable iCalendar file gives a clear error, not a hang', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\nSUMMARY:' + SCRIPT + '\r\n';
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    const el = fixture(`<civic-event-calendar src="${url}"></civic-event-calendar>`);
    await waitFor(() => el.shadowRoot?.textContent?.trim() && !/Loading/.test(el.shadowRoot.textContent), 15000, 'settled');
    expectInert(el);
  });
});
