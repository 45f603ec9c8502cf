/**
 * What the map benchmark runs in Chromium, bundled by esbuild from the TypeScript sources: load
 * the basemap's code and geometry once (as a page does the first time), then mount the map with
 * thousands of places and step its zoom in and out with the "Zoom in" and "Zoom out" buttons.
 */
import '../../src/inspiration-map/define.ts';
import { loadGeometry } from '../../src/inspiration-map/geometry.ts';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Style and layout of what was rendered, so a measurement includes them, not just the DOM. */
function layout(el) {
  el.shadowRoot.querySelector('.markers')?.getBoundingClientRect();
  el.shadowRoot.querySelector('.list-item')?.getBoundingClientRect();
  return el.shadowRoot.querySelectorAll('.marker, .cluster').length;
}

/** Waits for Lit updates (microtasks only) until the map has drawn its markers. */
async function drawn(el) {
  for (let i = 0; i < 50; i++) {
    await el.updateComplete;
    if (el.shadowRoot.querySelector('.markers > g')) return;
    await Promise.resolve();
  }
  // The basemap module resolves on a later task the first time: wait for it, then go on counting.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return drawn(el);
}

function button(el, name) {
  return [...el.shadowRoot.querySelectorAll('.controls button')].find((b) => b.textContent.includes(name));
}

async function round(feed, attrs) {
  const el = document.createElement('civic-inspiration-map');
  el.setAttribute('locale', 'en-US');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  document.body.append(el);
  await el.updateComplete;
  await frame();
  // A fresh object each round, so the feed is normalized again as on a real page.
  const t0 = performance.now();
  el.feed = { ...feed, places: feed.places.map((p) => ({ ...p })) };
  await drawn(el);
  const markers = layout(el);
  const first = performance.now() - t0;

  const zooms = [];
  for (const name of ['Zoom in', 'Zoom in', 'Zoom in', 'Zoom in', 'Zoom out', 'Zoom out', 'Zoom out', 'Zoom out']) {
    await frame();
    const start = performance.now();
    button(el, name).click();
    await el.updateComplete;
    layout(el);
    zooms.push(performance.now() - start);
  }
  // A drag's step: one pointermove, at the deepest zoom.
  const map = el.shadowRoot.querySelector('.svg-map');
  button(el, 'Zoom in').click();
  button(el, 'Zoom in').click();
  await el.updateComplete;
  const box = map.getBoundingClientRect();
  const at = (type, x) =>
    map.dispatchEvent(new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', button: 0, clientX: box.x + x, clientY: box.y + 100, bubbles: true, composed: true }));
  at('pointerdown', 200);
  const pans = [];
  for (let i = 1; i <= 8; i++) {
    await frame();
    const start = performance.now();
    at('pointermove', 200 - i * 12);
    await el.updateComplete;
    layout(el);
    pans.push(performance.now() - start);
  }
  at('pointerup', 200 - 8 * 12);
  const region = el.shadowRoot.querySelector('svg').dataset.region;
  el.remove();
  globalThis.gc?.();
  return { first, zooms, pans, markers, region };
}

globalThis.benchMap = async ({ rounds }) => {
  const data = await fetch('/data.json').then((r) => r.json());
  const world = { version: '1', events: [], groups: [], resources: [], places: data.places };
  const us = { ...world, places: data.places.filter((p) => p.country === 'US') };
  // The geometry loads once per page, before any round is timed: the goal counts from there.
  const geometryStart = performance.now();
  await Promise.all([loadGeometry('world'), loadGeometry('us'), import('../../src/inspiration-map/basemap.ts')]);
  const geometry = performance.now() - geometryStart;
  const scenarios = {
    world: { feed: world, attrs: {} },
    us: { feed: us, attrs: { region: 'us' } },
  };
  const out = { geometry };
  for (const [name, { feed, attrs }] of Object.entries(scenarios)) {
    await round(feed, attrs); // warm-up, not counted: the first run compiles the code
    const result = { first: [], zooms: [], pans: [], places: feed.places.length };
    for (let r = 0; r < rounds; r++) {
      const one = await round(feed, attrs);
      result.first.push(one.first);
      result.zooms.push(...one.zooms);
      result.pans.push(...one.pans);
      result.markers = one.markers;
      result.region = one.region;
    }
    out[name] = result;
  }
  return out;
};
