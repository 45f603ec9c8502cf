/**
 * What the finders benchmark runs in Chromium, bundled by esbuild from the TypeScript sources:
 * mount an element with a generated feed, then type into its search field one key at a time.
 */
import '../../src/resource-list/define.ts';
import '../../src/group-finder/define.ts';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 }));

/** Resolves in a task of its own (a message, not a timer: no 4 ms clamp). */
const task = () => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => resolve();
  port2.postMessage(null);
});

/** Waits until the list is drawn: the element says "Loading…" until its views are here too. */
async function shown(el) {
  for (;;) {
    await el.updateComplete;
    if (el.shadowRoot.querySelector('[part~="status"]')) return;
    await task();
  }
}

/** Style and layout of what was rendered, so a measurement includes them, not just the DOM. */
function layout(el) {
  el.shadowRoot.querySelector('[part~="card"]')?.getBoundingClientRect();
  return el.shadowRoot.querySelectorAll('[part~="card"]').length;
}

/** One round for `tag`: time to first render, then each keystroke of each query. */
async function round(tag, raw, queries, now) {
  const el = document.createElement(tag);
  el.setAttribute('locale', 'en-US');
  el.now = now;
  // A fresh object each round, so the feed is normalized again as on a real page.
  const feed = { ...raw };
  await frame();
  const t0 = performance.now();
  el.feed = feed;
  document.body.append(el);
  await shown(el);
  const cards = layout(el);
  const first = performance.now() - t0;
  // A visitor takes a moment to reach the search field: the list uses it to fold its text.
  await idle();
  await idle();
  const input = el.shadowRoot.querySelector('input[type="search"]');
  const keys = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      await frame();
      const start = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      layout(el);
      keys.push(performance.now() - start);
    }
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  const status = el.shadowRoot.querySelector('[part~="status"]').textContent.trim();
  el.remove();
  globalThis.gc?.();
  return { first, keys, cards, status };
}

globalThis.benchFinders = async ({ rounds, now }) => {
  const data = await fetch('/data.json').then((r) => r.json());
  const resourcesFeed = { version: '1', events: [], groups: [], places: [], resources: data.resources };
  const groupsFeed = { version: '1', timezone: 'America/New_York', events: data.events, groups: data.groups, resources: [], places: [] };
  const out = { resources: { first: [], keys: [] }, groups: { first: [], keys: [] } };
  // A warm-up round of each, not counted: the first run compiles the code.
  await round('civic-resource-list', resourcesFeed, ['guide'], new Date(now));
  await round('civic-group-finder', groupsFeed, ['data'], new Date(now));
  for (let r = 0; r < rounds; r++) {
    const a = await round('civic-resource-list', resourcesFeed, ['housing', 'economica', 'data walks'], new Date(now));
    out.resources.first.push(a.first);
    out.resources.keys.push(...a.keys);
    out.resources.cards = a.cards;
    const b = await round('civic-group-finder', groupsFeed, ['eviction', 'datos'], new Date(now));
    out.groups.first.push(b.first);
    out.groups.keys.push(...b.keys);
    out.groups.cards = b.cards;
  }
  return out;
};
