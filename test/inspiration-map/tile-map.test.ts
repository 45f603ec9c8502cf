/**
 * The map on tiles (`tiles="…"`), with Leaflet. In a file of its own: this page must not have
 * loaded Leaflet or the basemap geometry before, to show which of them each map loads.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import '../../src/inspiration-map/define.js';
import { cleanup, expectAccessible, waitFor } from '../helpers.js';
import { findByRole, findByText, getByRole } from '../queries.js';
import { describeElement as text, MapPage, mountMap, placesFeed, preferReducedMotion, pressKey } from './map-page.js';

const SAMPLE = buildSampleFeed(new Date('2030-01-01T12:00:00Z'));
const TILES = '/test/inspiration-map/fixtures/tile.png?{z}/{x}/{y}';

const requested = () => performance.getEntriesByType('resource').map((e) => new URL(e.name));

/** The zoom of the newest tile requested, from its URL. */
/** The zoom level of the tiles Leaflet shows on top (it keeps the last level's below while it fades). */
function tileZoom(page: MapPage): number {
  const levels = [...page.root.querySelectorAll<HTMLElement>('.leaflet-tile-container')];
  const top = levels.sort((a, b) => Number(b.style.zIndex) - Number(a.style.zIndex))[0];
  const img = top?.querySelector<HTMLImageElement>('img.leaflet-tile');
  return img ? Number(new URL(img.src).search.slice(1).split('/')[0]) : NaN;
}

async function tileMap(feed = SAMPLE, attrs = ''): Promise<MapPage> {
  const page = await mountMap(feed, `tiles="${TILES}" attribution="Tiles: test fixture" ${attrs}`);
  await waitFor(() => page.markers().length > 0, 8000, 'markers on the tiles');
  await waitFor(() => page.root.querySelector('img.leaflet-tile-loaded'), 8000, 'a tile');
  return page;
}

async function press(page: MapPage, key: string): Promise<void> {
  await pressKey(key);
  await page.idle();
}

describe('<civic-inspiration-map tiles>', () => {
  before(async () => {
    await setViewport({ width: 800, height: 700 });
    await preferReducedMotion(true);
  });
  afterEach(cleanup);

  it('loads Leaflet only for tiles, asks only the tile server named, and never loads the basemap', async () => {
    expect(requested().filter((u) => u.pathname.includes('leaflet')), 'before any tiled map').to.deep.equal([]);
    const page = await tileMap();
    const urls = requested();
    expect(urls.some((u) => u.pathname.endsWith('/leaflet/dist/leaflet-src.esm.js'))).to.equal(true);
    expect(urls.some((u) => u.pathname === '/test/inspiration-map/fixtures/tile.png')).to.equal(true);
    expect(new Set(urls.map((u) => u.origin))).to.deep.equal(new Set([location.origin]));
    expect(urls.filter((u) => /world-atlas|us-atlas|d3-geo/.test(u.pathname))).to.deep.equal([]);
    // Leaflet's own chrome stays off: our buttons, our credit line (plain text), no link to leafletjs.com.
    expect(page.root.querySelector('.leaflet-control-attribution')).to.equal(null);
    await findByText(page.el, 'Map tiles: Tiles: test fixture');
  });

  it('has the same markers, named after their places and reached from west to east', async () => {
    const page = await tileMap();
    const xs = page.markers().map((m) => m.getBoundingClientRect().x);
    expect(xs).to.deep.equal([...xs].sort((a, b) => a - b));
    expect(page.markers().map((m) => m.getAttribute('role'))).to.satisfy((roles: string[]) => roles.every((r) => r === 'button'));
    expect(page.markers().every((m) => m.tabIndex === 0)).to.equal(true);
    page.marker(/^Pittsburgh's Data Day|places: .*Pittsburgh's Data Day/);
    await expectAccessible(page.el);
  });

  it('opens a card with Enter, and Escape closes it and returns the focus to the marker', async () => {
    const page = await tileMap();
    const marker = page.markers().find((m) => m.matches('.is-marker'))!;
    const name = marker.getAttribute('aria-label')!;
    marker.focus();
    await press(page, 'Enter');
    const card = await findByRole(page.el, 'dialog');
    expect(card.textContent).to.include(name.split(',')[0]);
    expect(page.markers().find((m) => m.getAttribute('aria-label') === name)!.getAttribute('aria-current')).to.equal('true');
    expect(page.listButtons().filter((b) => b.getAttribute('aria-current') === 'true')).to.have.length(1);
    await expectAccessible(page.el);
    await press(page, 'Escape');
    await waitFor(() => !page.card(), 2000, 'the card closed');
    expect(page.focus()).to.equal(text(page.markers().find((m) => m.getAttribute('aria-label') === name)));
  });

  it('zooms with the buttons and the keys, and pans with the arrow keys', async () => {
    const page = await tileMap();
    const start = tileZoom(page);
    await page.click(page.control('Zoom in'));
    await waitFor(() => tileZoom(page) === start + 1, 3000, 'tiles one level deeper');
    // Leaflet starts an animated zoom on the next frame and drops a zoom asked for during one.
    await page.idle();
    page.map().focus();
    await press(page, '-');
    await waitFor(() => tileZoom(page) === start, 3000, 'tiles back at the first level');
    await page.idle();
    const pane = page.root.querySelector<HTMLElement>('.leaflet-map-pane')!;
    const before = pane.style.transform;
    await press(page, 'ArrowRight');
    await waitFor(() => pane.style.transform !== before, 3000, 'the map panned');
  });

  it('centres a place picked in the list and marks its marker', async () => {
    const page = await tileMap();
    await page.click(page.listButton(/^Open Data Ottawa/));
    await findByRole(page.el, 'dialog', { name: "Open Data Ottawa's Open Data Book Club" });
    const marker = await waitFor(() => page.markers().find((m) => m.getAttribute('aria-current') === 'true'), 3000, 'the marker marked');
    expect(marker.getAttribute('aria-label')).to.match(/^Open Data Ottawa/);
    const map = page.map().getBoundingClientRect();
    const box = marker.getBoundingClientRect();
    expect(Math.abs(box.x + box.width / 2 - (map.x + map.width / 2))).to.be.lessThan(4);
  });

  it('clusters close places and splits them when the cluster is activated', async () => {
    const page = await tileMap(
      placesFeed([
        { id: 'a', name: 'Place A', lat: 40.0, lon: -75.0 },
        { id: 'b', name: 'Place B', lat: 40.02, lon: -75.02 },
        { id: 'far', name: 'Far away', lat: 34.05, lon: -118.24 },
      ]),
    );
    const cluster = page.clusters()[0]!;
    expect(cluster.getAttribute('aria-label')).to.equal('2 places: Place A and Place B');
    expect(cluster.textContent!.trim()).to.equal('2');
    await page.click(cluster);
    await waitFor(() => page.labels().includes('Place A') && page.labels().includes('Place B'), 5000, 'the cluster split');
    await expectAccessible(page.el);
  });

  it('falls back to the built-in map for a tile template that is not http(s)', async () => {
    const page = await (await mountMap(SAMPLE, 'tiles="javascript:alert(1)//{z}/{x}/{y}"')).ready();
    expect(page.root.querySelector('svg .land')).to.exist;
  });

  it('runs under a strict Content-Security-Policy, SVG and tiles alike, with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/inspiration-map/fixtures/strict-map.html';
    frame.width = '900';
    frame.height = '1400';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as Window & typeof globalThis & { violations: string[] };
      const svg = win.document.getElementById('svg')!;
      const tiles = win.document.getElementById('tiles')!;
      await waitFor(() => svg.shadowRoot?.querySelector('.marker, .cluster'), 8000, 'the SVG map');
      await waitFor(() => tiles.shadowRoot?.querySelector('.leaflet-marker-icon'), 8000, 'the tile map');
      await waitFor(() => tiles.shadowRoot?.querySelector('img.leaflet-tile-loaded'), 8000, 'a tile');
      expect(win.violations).to.deep.equal([]);
      // It is really under that policy: an inline style attribute is refused.
      win.document.body.setAttribute('style', 'color: red');
      await waitFor(() => win.violations.length > 0, 3000, 'a violation');
      expect(win.violations[0]).to.match(/^style-src/);
      getByRole(svg, 'group', { name: 'Map of places worth learning from' });
    } finally {
      frame.remove();
    }
  });
});
