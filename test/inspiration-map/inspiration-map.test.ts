import { expect } from 'chai';
import { executeServerCommand, sendMouse, setViewport } from '@web/test-runner-commands';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import '../../src/inspiration-map/define.js';
import type { CivicPlaceSelectDetail } from '../../src/inspiration-map/inspiration-map.js';
import type { CivicFeedWarningDetail } from '../../src/shared/events.js';
import { cleanup, expectAccessible, waitFor } from '../helpers.js';
import { findByRole, findByText, getByRole, queryAllByRole } from '../queries.js';
import { backgroundFirefox, describeElement as text, MapPage, mountMap, placesFeed, preferReducedMotion, pressKey, settle } from './map-page.js';

const SAMPLE = buildSampleFeed(new Date('2030-01-01T12:00:00Z'));
const WEST_TO_EAST = ['Detroit', 'Cleveland', 'Pittsburgh', 'Chapel Hill', 'Ottawa', 'Baltimore', 'New York'];

function events<T>(name: string): T[] {
  const seen: T[] = [];
  const listener = (e: Event) => seen.push((e as CustomEvent<T>).detail);
  document.addEventListener(name, listener);
  afterEach(() => document.removeEventListener(name, listener));
  return seen;
}

/** The map under test, for helpers that wait on it. */
let current: MapPage | undefined;

/** Presses keys one by one, each given time to take effect (an animated zoom included). */
async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    await pressKey(key);
    await current?.idle();
  }
}

async function open(feed: Parameters<typeof mountMap>[0], attrs = '', width?: number): Promise<MapPage> {
  current = await mountMap(feed, attrs, width);
  return current;
}

/** The visitor's view of a marker: its name, without the city the test does not care about. */
const cityOf = (label: string) =>
  SAMPLE.places.find((p) => label.startsWith(p.name))?.city ?? label;

describe('<civic-inspiration-map>', () => {
  before(async () => {
    await setViewport({ width: 800, height: 700 });
    // Every view change lands at once (where the browser can emulate it): the motion test turns animation back on.
    await preferReducedMotion(true);
  });
  afterEach(() => {
    cleanup();
    current = undefined;
  });

  describe('with the sample places', () => {
    it('draws a basemap, a marker per place, and the same places as a list', async () => {
      const page = await (await open(SAMPLE)).ready();
      expect(page.status()).to.equal('7 places');
      expect(page.markers()).to.have.length(7);
      expect(page.clusters()).to.have.length(0);
      expect(page.listButtons().map((b) => b.querySelector('.item-name')!.textContent)).to.deep.equal(SAMPLE.places.map((p) => p.name));
      // The US region was chosen from the data: its states are drawn.
      expect(page.root.querySelector('svg')!.dataset.region).to.equal('us');
      expect(page.root.querySelector('.states')).to.exist;
      page.marker("Pittsburgh's Data Day");
      page.marker('NYC Open Data event calendar, New York');
      await expectAccessible(page.el);
    });

    it('has no inline style anywhere, and positions markers with SVG attributes', async () => {
      const page = await (await open(SAMPLE)).ready();
      const styled = [...page.root.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 80));
      expect(styled).to.deep.equal([]);
      expect(page.root.querySelectorAll('style')).to.have.length(0);
      expect(page.markers()[0]!.getAttribute('transform')).to.match(/^translate\(/);
    });

    it('requests nothing from any origin but the page’s own, and no tile library', async () => {
      await (await open(SAMPLE, 'region="world"')).ready();
      const entries = performance.getEntriesByType('resource').map((e) => new URL(e.name));
      expect(new Set(entries.map((u) => u.origin))).to.deep.equal(new Set([location.origin]));
      expect(entries.filter((u) => u.pathname.includes('leaflet'))).to.deep.equal([]);
      // The basemap geometry comes from the package, as its own module.
      expect(entries.some((u) => u.pathname.includes('/world-atlas/countries-110m.json'))).to.equal(true);
    });
  });

  describe('clustering', () => {
    it('groups places that overlap at a world view into one cluster with a count, and splits it on activation', async () => {
      const page = await (await open(SAMPLE, 'region="world"')).ready();
      expect(page.markers()).to.have.length(1);
      const cluster = page.clusters()[0]!;
      expect(cluster.getAttribute('aria-label')).to.match(/^7 places: .+, .+, .+ and 4 more$/);
      expect(cluster.textContent!.trim()).to.equal('7');
      await expectAccessible(page.el);

      cluster.focus();
      await press('Enter');
      await waitFor(() => page.markers().length > 1, 3000, 'the cluster split');
      expect(page.view().k).to.be.greaterThan(1);
      const count = page.markers().reduce((n, m) => n + (m.matches('.cluster') ? Number(m.textContent) : 1), 0);
      expect(count).to.equal(7);
      // The focus stays on what holds the cluster's first place.
      expect(page.focused()?.matches('.marker, .cluster')).to.equal(true);
    });

    it('splits a cluster when zooming in on it, and merges it again when zooming out', async () => {
      const close = placesFeed([
        { id: 'a', name: 'Place A', lat: 40.0, lon: -75.0 },
        { id: 'b', name: 'Place B', lat: 40.05, lon: -75.05 },
        { id: 'c', name: 'Place C', lat: 40.1, lon: -74.95 },
        { id: 'far', name: 'Far away', lat: 34.05, lon: -118.24 },
      ]);
      const page = await (await open(close)).ready();
      expect(page.labels()).to.deep.equal(['Far away', '3 places: Place A, Place B, and Place C']);
      await page.click(page.clusters()[0]!);
      expect(page.labels()).to.include.members(['Place A', 'Place B', 'Place C']);
      expect(page.clusters()).to.have.length(0);
      page.map().focus();
      await press('-');
      expect(page.markers().length, 'one step out merges some of them').to.be.lessThan(4);
      for (let i = 0; i < 10 && page.view().k > 1; i++) await press('-');
      expect(page.clusters()).to.have.length(1);
      expect(page.clusters()[0]!.textContent!.trim()).to.equal('3');
    });

    it('lists places at the very same spot instead of zooming forever', async () => {
      const spot = { lat: 41.2616, lon: -73.9248 };
      const page = await (await open(
        placesFeed([
          { id: 'one', name: 'Data Day', ...spot },
          { id: 'two', name: 'Book Club', ...spot },
          { id: 'three', name: 'Hackathon', ...spot },
        ]),
      )).ready();
      const cluster = page.clusters()[0]!;
      await page.click(cluster);
      const card = await findByRole(page.el, 'dialog', { name: '3 places at this spot' });
      expect(page.view().k).to.equal(1);
      await expectAccessible(page.el);
      getByRole(card, 'button', { name: 'Book Club' }).click();
      await page.idle();
      await findByRole(page.el, 'dialog', { name: 'Book Club' });
      await press('Escape');
      await waitFor(() => !page.card(), 2000, 'the card closed');
      expect(page.focus()).to.equal(text(page.clusters()[0]));
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the markers from west to east, after the zoom buttons and the map', async function () {
      if (backgroundFirefox()) this.skip();
      const page = await (await open(SAMPLE)).ready();
      page.control('Zoom in').focus();
      await press('Tab', 'Tab', 'Tab');
      expect(page.focus()).to.equal(text(page.map()));
      const reached: string[] = [];
      for (let i = 0; i < 7; i++) {
        await press('Tab');
        reached.push(cityOf(page.focused()!.getAttribute('aria-label')!));
      }
      expect(reached).to.deep.equal(WEST_TO_EAST);
      const xs = page.markers().map((m) => m.getBoundingClientRect().x);
      expect(xs).to.deep.equal([...xs].sort((a, b) => a - b));
      await press('Tab');
      expect(page.focus()).to.equal(text(page.listButtons()[0]));
    });

    it('Enter opens the card, and Escape closes it and puts the focus back on the marker', async () => {
      const page = await (await open(SAMPLE)).ready();
      const marker = page.marker("Pittsburgh's Data Day");
      marker.focus();
      await press('Enter');
      const card = await findByRole(page.el, 'dialog', { name: "Pittsburgh's Data Day" });
      expect(page.focus()).to.equal(text(card.querySelector('h3')));
      expect(card.textContent).to.include('Data Day').and.include('Pittsburgh, PA, United States');
      expect(getByRole(card, 'link', { name: "Website of Pittsburgh's Data Day" }).getAttribute('href')).to.equal(SAMPLE.places[0]!.url);
      expect(page.listButton(/^Pittsburgh's Data Day/).getAttribute('aria-current')).to.equal('true');
      expect(page.marker("Pittsburgh's Data Day").getAttribute('aria-current')).to.equal('true');
      await expectAccessible(page.el);
      await press('Escape');
      await waitFor(() => !page.card(), 2000, 'the card closed');
      expect(page.focus()).to.equal(text(page.marker("Pittsburgh's Data Day")));
      expect(page.listButton(/^Pittsburgh's Data Day/).hasAttribute('aria-current')).to.equal(false);
    });

    it('Space opens a marker too, and Close returns the focus as Escape does', async () => {
      const page = await (await open(SAMPLE)).ready();
      page.marker('Baltimore Data Day').focus();
      await press('Space');
      const card = await findByRole(page.el, 'dialog', { name: 'Baltimore Data Day' });
      getByRole(card, 'button', { name: 'Close' }).click();
      await settle(page.el);
      expect(page.card()).to.equal(undefined);
      expect(page.focus()).to.equal(text(page.marker('Baltimore Data Day')));
    });

    it('+ and − zoom, arrow keys pan, and 0 shows everything, when the map has focus', async () => {
      const page = await (await open(SAMPLE)).ready();
      page.map().focus();
      await press('+');
      expect(page.view().k).to.equal(2);
      await findByText(page.el, /^Zoom 2×: \d markers? in view$/);
      const before = page.view();
      await press('ArrowRight');
      expect(page.view().x).to.be.lessThan(before.x);
      await press('ArrowDown');
      expect(page.view().y).to.be.lessThan(before.y);
      await press('ArrowLeft', 'ArrowUp');
      expect(page.view()).to.deep.equal(before);
      await press('-');
      expect(page.view().k).to.equal(1);
      await press('+', '+', '0');
      expect(page.view()).to.deep.equal({ k: 1, x: 0, y: 0 });
    });

    it('arrow keys pan from a focused marker too, and the focus stays on a marker', async () => {
      const page = await (await open(SAMPLE)).ready();
      page.map().focus();
      await press('+', '+');
      const first = page.markers()[0]!;
      first.focus();
      const x = page.view().x;
      await press('ArrowLeft');
      expect(page.view().x).to.be.greaterThan(x);
      expect(page.focused()?.matches('.marker, .cluster, .svg-map')).to.equal(true);
    });
  });

  describe('pointer', () => {
    it('opens a marker on a click, highlights its list entry and scrolls the list to it', async () => {
      const seen = events<CivicPlaceSelectDetail>('civic-place-select');
      const page = await (await open(SAMPLE)).ready();
      const area = page.root.querySelector<HTMLElement>('.list-area')!;
      expect(area.scrollHeight, 'the list scrolls beside the map').to.be.greaterThan(area.clientHeight);
      await page.click(page.marker('DiscoTech (Detroit Digital Justice Coalition)'));
      await findByRole(page.el, 'dialog', { name: 'DiscoTech (Detroit Digital Justice Coalition)' });
      expect(seen.at(-1)).to.deep.include({ kind: 'place', id: 'detroit-discotech', source: 'map' });
      expect(seen.at(-1)!.kind === 'place' && seen.at(-1)).to.have.nested.property('place.city', 'Detroit');
      const entry = page.listButton(/^DiscoTech/);
      expect(entry.getAttribute('aria-current')).to.equal('true');
      const inView = () => {
        const box = area.getBoundingClientRect();
        const item = entry.getBoundingClientRect();
        return item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
      };
      await waitFor(inView, 3000, 'the entry scrolled into view');
    });

    it('a place picked in the list is highlighted and centred on the map', async () => {
      const seen = events<CivicPlaceSelectDetail>('civic-place-select');
      const page = await (await open(SAMPLE, 'region="world"')).ready();
      expect(page.clusters()).to.have.length(1);
      await page.click(page.listButton(/^Open Data Ottawa/));
      const card = await findByRole(page.el, 'dialog', { name: "Open Data Ottawa's Open Data Book Club" });
      expect(seen.at(-1)).to.deep.include({ id: 'ottawa-book-club', source: 'list' });
      expect(page.focus()).to.equal(text(card.querySelector('h3')));
      // Zoomed in far enough that Ottawa stands alone, in the middle of the map.
      const marker = page.marker(/^Open Data Ottawa/);
      expect(marker.getAttribute('aria-current')).to.equal('true');
      const [x, y] = page.centreInMap(marker);
      const map = page.map().getBoundingClientRect();
      expect(Math.abs(x - map.width / 2)).to.be.lessThan(3);
      expect(Math.abs(y - map.height / 2)).to.be.lessThan(3);
      await press('Escape');
      await waitFor(() => !page.card(), 2000, 'the card closed');
      expect(page.focus()).to.equal(text(page.listButton(/^Open Data Ottawa/)));
    });

    it('a drag pans the map, and the click that ends a drag opens nothing', async function () {
      if (backgroundFirefox()) this.skip();
      const page = await (await open(SAMPLE)).ready();
      await page.click(page.control('Zoom in'));
      const marker = page.markers()[2]!;
      const box = marker.getBoundingClientRect();
      const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
      const before = page.view();
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x - 30, y - 20] });
      await sendMouse({ type: 'move', position: [x - 60, y - 40] });
      await sendMouse({ type: 'up' });
      await settle(page.el);
      const after = page.view();
      expect(after.x).to.be.closeTo(before.x - 60, 1);
      expect(after.y).to.be.closeTo(before.y - 40, 1);
      expect(page.card()).to.equal(undefined);
    });

    it('the wheel zooms around the pointer, and at the full view scrolling down is left to the page', async () => {
      const page = await (await open(SAMPLE)).ready();
      const surface = page.root.querySelector('svg')!;
      const box = surface.getBoundingClientRect();
      const wheel = (deltaY: number) => {
        const event = new WheelEvent('wheel', { deltaY, clientX: box.x + 100, clientY: box.y + 80, bubbles: true, cancelable: true, composed: true });
        surface.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(wheel(100), 'scrolling down at the full view').to.equal(false);
      expect(wheel(-500)).to.equal(true);
      await page.idle();
      const view = page.view();
      expect(view.k).to.be.greaterThan(1.5);
      // The point under the pointer stayed put.
      expect((100 - view.x) / view.k).to.be.closeTo(100, 0.5);
      expect((80 - view.y) / view.k).to.be.closeTo(80, 0.5);
    });

    it('a pinch zooms with two pointers', async () => {
      const page = await (await open(SAMPLE)).ready();
      const surface = page.map();
      const box = surface.getBoundingClientRect();
      const at = (id: number, x: number, type: string) =>
        surface.dispatchEvent(
          new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: box.x + x, clientY: box.y + 150, bubbles: true, composed: true, isPrimary: id === 1 }),
        );
      at(1, 200, 'pointerdown');
      at(2, 260, 'pointerdown');
      at(2, 320, 'pointermove');
      at(1, 140, 'pointermove');
      at(1, 140, 'pointerup');
      at(2, 320, 'pointerup');
      await settle(page.el);
      expect(page.view().k).to.be.closeTo(3, 0.01);
    });
  });

  describe('filters', () => {
    it('filters by topic and by program, in step on the map and in the list', async () => {
      const page = await (await open(SAMPLE)).ready();
      const topic = getByRole(page.el, 'combobox', { name: 'Topic' }) as HTMLSelectElement;
      expect([...topic.options].map((o) => o.text)).to.include.members(['All topics', 'Housing', 'Community engagement']);
      topic.value = 'housing';
      topic.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(page.el);
      expect(page.status()).to.equal('1 of 7 places matches');
      expect(page.labels()).to.deep.equal(['Baltimore Data Day']);
      expect(page.listButtons()).to.have.length(1);
      await expectAccessible(page.el);

      topic.value = '';
      topic.dispatchEvent(new Event('change', { bubbles: true }));
      const program = getByRole(page.el, 'combobox', { name: 'Program' }) as HTMLSelectElement;
      program.value = 'Data Day';
      program.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(page.el);
      expect(page.status()).to.equal('3 of 7 places match');
      expect(page.markers()).to.have.length(3);
    });

    it('starts from the topic and program attributes, and says when nothing matches', async () => {
      const page = await open(SAMPLE, 'topic="transit"');
      await findByText(page.el, 'No places match this filter. Choose another topic or program.');
      expect(page.status()).to.equal('No places match');
      await expectAccessible(page.el);
    });

    it('closes the card of a place the filter hides', async () => {
      const page = await (await open(SAMPLE, 'selected="pittsburgh-data-day"')).ready();
      expect(page.card()).to.exist;
      const topic = getByRole(page.el, 'combobox', { name: 'Topic' }) as HTMLSelectElement;
      topic.value = 'housing';
      topic.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(page.el);
      expect(page.card()).to.equal(undefined);
    });
  });

  describe('states', () => {
    it('opens the place named by `selected`, without taking the focus from the page', async () => {
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      const page = await (await open(SAMPLE, 'selected="baltimore-data-day"')).ready();
      await findByRole(page.el, 'dialog', { name: 'Baltimore Data Day' });
      expect(document.activeElement === outside, 'the focus stayed outside').to.equal(true);
      outside.remove();
      await expectAccessible(page.el);
    });

    it('says so when the feed has no places, and still draws the world', async () => {
      const page = await open(placesFeed([]));
      await findByText(page.el, 'There are no places to show.');
      await waitFor(() => page.root.querySelector('.land'), 8000, 'the basemap');
      expect(page.root.querySelector('svg')!.dataset.region).to.equal('world');
      expect(page.status()).to.equal('No places');
      await expectAccessible(page.el);
    });

    it('shows a clear error when the feed cannot be loaded', async () => {
      const page = await open(undefined, 'src="/test-api/status?code=404&key=map"');
      const alert = await findByRole(page.el, 'alert');
      expect(alert.textContent).to.match(/could not be loaded/);
      await expectAccessible(page.el);
    });

    it('speaks Spanish, with numbers and lists by Intl', async () => {
      const page = await (await open(SAMPLE, 'locale="es" region="world"')).ready();
      await findByText(page.el, '7 lugares');
      expect(page.clusters()[0]!.getAttribute('aria-label')).to.match(/^7 lugares: .+, .+, .+ y 4 más$/);
      page.control('Acercar');
      page.control('Alejar');
      page.list();
      await page.click(page.listButton(/^Open Data Ottawa/));
      const card = await findByRole(page.el, 'dialog', { name: "Open Data Ottawa's Open Data Book Club" });
      expect(card.textContent).to.include('Organiza').and.include('Ottawa, ON, Canadá');
      getByRole(card, 'button', { name: 'Cerrar' });
      await expectAccessible(page.el);
    });

    it('maps events and groups with coordinates when `show` asks for them', async () => {
      const page = await (await open(SAMPLE, 'show="places,events,groups"')).ready();
      const mapped = page.listButtons().length;
      expect(mapped).to.be.greaterThan(7);
      expect(page.status()).to.equal(`${mapped} places`);
      const total = page.markers().reduce((n, m) => n + (m.matches('.cluster') ? Number(m.textContent) : 1), 0);
      expect(total).to.equal(mapped);
      expect(page.listButtons().some((b) => b.textContent!.includes('Event'))).to.equal(true);
      await expectAccessible(page.el);
    });
  });

  describe('hostile feeds', () => {
    it('skips places with invalid coordinates, warns once, and renders the rest', async () => {
      const warnings = events<CivicFeedWarningDetail>('civic-feed-warning');
      const feed = {
        version: '1',
        places: [
          ...SAMPLE.places.slice(0, 3),
          { id: 'north-of-north', name: 'Beyond the pole', lat: 123, lon: 10 },
          { id: 'words', name: 'Somewhere', lat: 'forty', lon: -75 },
          { id: 'nothing', name: 'Nowhere' },
          { id: 'infinite', name: 'Off the map', lat: 'INFINITY', lon: 0 },
        ],
      };
      // A number too big for a double: JSON.parse reads it as Infinity.
      const text = JSON.stringify(feed).replace('"INFINITY"', '1e309');
      const src = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const page = await (await open(undefined, `src="${src}"`)).ready();
      expect(page.markers()).to.have.length(3);
      expect(page.status()).to.equal('3 places');
      expect(warnings).to.have.length(1);
      expect(warnings[0]!.skipped.map((s) => s.id)).to.have.members(['north-of-north', 'words', 'nothing', 'infinite']);
    });

    it('keeps markup in descriptions and names inert', async () => {
      const hostile = placesFeed([
        {
          id: 'x',
          name: '<img src=x onerror="window.__mapPwned=1">Zine fair',
          lat: 40,
          lon: -75,
          description: '<p>Hello <img src="x" onerror="window.__mapPwned=2"><script>window.__mapPwned=3</script><strong>world</strong></p>',
          url: 'javascript:window.__mapPwned=4',
        },
        { id: 'y', name: 'Second', lat: 41, lon: -80 },
      ]);
      const page = await (await open(hostile)).ready();
      await page.click(page.marker(/Zine fair$/));
      const card = await findByRole(page.el, 'dialog');
      await waitFor(() => card.querySelector('strong'), 3000, 'the sanitized description');
      expect(card.querySelector('img, script')).to.equal(null);
      expect(queryAllByRole(card, 'link')).to.have.length(0);
      await new Promise((r) => setTimeout(r, 100));
      expect((window as unknown as { __mapPwned?: number }).__mapPwned).to.equal(undefined);
    });
  });

  describe('layout', () => {
    it('puts the list below the map at 320 px, with no horizontal scrolling', async () => {
      const page = await (await open(SAMPLE, '', 320)).ready();
      const map = page.map().getBoundingClientRect();
      const list = page.list().getBoundingClientRect();
      expect(list.top).to.be.at.least(map.bottom);
      expect(page.el.scrollWidth).to.be.at.most(320);
      expect(page.root.querySelector('.widget')!.scrollWidth).to.be.at.most(320);
      await page.click(page.markers().find((m) => m.matches('.marker'))!);
      const card = (await findByRole(page.el, 'dialog')).getBoundingClientRect();
      expect(card.top).to.be.at.least(map.bottom);
      expect(card.right).to.be.at.most(page.el.getBoundingClientRect().right + 0.5);
      await expectAccessible(page.el);
    });

    it('puts the list beside the map in a wide container', async () => {
      const page = await (await open(SAMPLE, '', 760)).ready();
      const map = page.map().getBoundingClientRect();
      const list = page.root.querySelector('.list-area')!.getBoundingClientRect();
      expect(list.left).to.be.at.least(map.right);
      expect(Math.abs(list.height - map.height)).to.be.lessThan(2);
    });

    it('redraws the map for its new size when the container changes, keeping the place in view', async () => {
      const page = await (await open(SAMPLE, '', 700)).ready();
      const before = page.root.querySelector('svg')!.getAttribute('viewBox');
      (page.el.parentElement as HTMLElement).style.width = '360px';
      await waitFor(() => page.root.querySelector('svg')!.getAttribute('viewBox') !== before, 8000, 'a new size');
      expect(page.markers()).to.have.length.greaterThan(0);
    });
  });

  describe('motion', () => {
    after(() => preferReducedMotion(true));

    it('animates zoom steps, but not when the visitor prefers reduced motion', async function () {
      // A hidden tab draws no frames, so the map does not animate there.
      if (!(await preferReducedMotion(false)) || document.hidden) this.skip();
      const page = await (await open(SAMPLE)).ready();
      page.control('Zoom in').click();
      await settle(page.el);
      expect(page.map().getAttribute('aria-busy'), 'busy while it moves').to.equal('true');
      expect(page.view().k, 'mid-animation').to.be.lessThan(2);
      await page.idle();
      expect(page.view().k).to.equal(2);
      expect(page.map().hasAttribute('aria-busy')).to.equal(false);

      await preferReducedMotion(true);
      page.control('Zoom in').click();
      await settle(page.el);
      expect(page.view().k).to.equal(4);
    });
  });

  describe('lifecycle', () => {
    it('leaves and comes back (as a CMS moves it) without errors, mid-animation too', async () => {
      await preferReducedMotion(false);
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      try {
        const page = await (await open(SAMPLE)).ready();
        const parent = page.el.parentElement!;
        page.control('Zoom in').click();
        page.el.remove();
        await new Promise((r) => setTimeout(r, 400));
        parent.append(page.el);
        await page.ready();
        expect(page.markers().length).to.be.greaterThan(0);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        await preferReducedMotion(true);
      }
    });
  });
  describe('forced colors', () => {
    /** A system colour as the browser resolves it, outside forced colours' reach. */
    function systemColor(name: string): string {
      const probe = document.createElement('span');
      probe.style.color = name;
      probe.style.forcedColorAdjust = 'none';
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }

    it('draws the markers in system colours, the open one highlighted (Windows High Contrast)', async function () {
      // The RSVP plugin's DevTools command (test/runner-plugins/rsvp-plugin.mjs); Chromium only.
      const result = await executeServerCommand<{ emulated: boolean }, { active: boolean }>('rsvp-forced-colors', { active: true }).catch(() => undefined);
      if (!result?.emulated) this.skip();
      try {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const page = await (await open(SAMPLE, 'selected="baltimore-data-day"')).ready();
        const dot = (name: string) => getComputedStyle(page.marker(name).querySelector('.dot')!).fill;
        expect(dot('Data Days Cleveland')).to.equal(systemColor('LinkText'));
        expect(dot('Baltimore Data Day')).to.equal(systemColor('Highlight'));
        expect(getComputedStyle(page.root.querySelector('.land')!).stroke).to.equal(systemColor('CanvasText'));
        await expectAccessible(page.el);
      } finally {
        await executeServerCommand('rsvp-forced-colors', { active: false });
        await preferReducedMotion(true);
      }
    });
  });
});
