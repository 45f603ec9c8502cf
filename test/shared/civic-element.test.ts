import { expect } from 'chai';
import '../../src/resource-list/define.js';
import type { CivicResourceList } from '../../src/resource-list/resource-list.js';
import type { CivicErrorDetail } from '../../src/shared/events.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible, fixture, jsonUrl, settled, waitFor } from '../helpers.js';
import { findByRole, findByText, queryAllByRole } from '../queries.js';

const feed = {
  version: '1',
  resources: [
    { id: 'r1', title: 'Data Walks', url: 'https://www.urban.org/research/publication/data-walks' },
    { id: 'r2', title: 'DiscoTech zine', url: 'https://alliedmedia.org/ddjc/discotech' },
  ],
};

function errors(): CivicErrorDetail[] {
  const seen: CivicErrorDetail[] = [];
  const listener = (e: Event) => seen.push((e as CustomEvent<CivicErrorDetail>).detail);
  document.addEventListener('civic-error', listener);
  after(() => document.removeEventListener('civic-error', listener));
  return seen;
}

describe('CivicElement (through <civic-resource-list>)', () => {
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('loads its src and renders the feed', async () => {
    const el = fixture<CivicResourceList>(`<civic-resource-list src="${jsonUrl(feed)}"></civic-resource-list>`);
    const link = await findByRole(el, 'link', { name: 'Data Walks' });
    expect(link.getAttribute('href')).to.equal('https://www.urban.org/research/publication/data-walks');
    await findByText(el, '2 resources');
    await expectAccessible(el);
  });

  it('speaks the nearest lang, across shadow roots, unless locale says otherwise', async () => {
    const host = fixture(`<div lang="es"><div id="h"></div></div>`);
    const shadow = host.querySelector('#h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<civic-resource-list src="${jsonUrl(feed)}"></civic-resource-list>`;
    const inner = shadow.querySelector('civic-resource-list')!;
    await findByText(inner, '2 recursos');
    inner.setAttribute('locale', 'en-GB');
    await findByText(inner, '2 resources');
  });

  it('shows a clear error and fires civic-error when the source cannot be read', async () => {
    const seen = errors();
    const el = fixture(`<civic-resource-list src="/test-api/status?code=404&key=el"></civic-resource-list>`);
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.match(/could not be loaded.*HTTP 404/s);
    expect(seen.at(-1)).to.include({ kind: 'network' });
    await expectAccessible(el);
  });

  describe('a feed on another origin that allows no cross-origin reads', () => {
    // localhost and 127.0.0.1 are two origins on the one test server, in every browser.
    const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    let warnings: unknown[][];
    const warn = console.warn;
    beforeEach(() => {
      warnings = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
    });
    afterEach(() => {
      console.warn = warn;
    });

    it('tells the visitor in plain words and the webmaster the cause and the fix, once', async () => {
      const seen = errors();
      const src = `${other}/test-api/switch?key=${Math.random()}`;
      const el = fixture(`<civic-resource-list src="${src}"></civic-resource-list>`);
      const alert = await findByRole(el, 'alert', {}, 8000);
      const site = new URL(other).host;
      expect(alert.textContent).to.include(`${site} may not let other websites show its data, or it may be out of reach.`);
      expect(seen.at(-1)).to.include({ kind: 'network', crossOrigin: true, src });
      const explained = warnings.filter((args) => String(args[0]).includes('Access-Control-Allow-Origin'));
      expect(explained).to.have.length(1);
      expect(explained[0]![0]).to.include(src).and.include('npx civic-widgets feed build').and.include('civic-widgets serve').and.include('docs/sources.md');
      expect(explained[0]![0]).to.include(`npx civic-widgets feed check ${src} --origin ${location.origin}`);
      await expectAccessible(el);
    });

    it('reads the same URL once the other site allows this page', async () => {
      const el = fixture(`<civic-resource-list src="${other}/test-api/switch?key=${Math.random()}&cors=${location.origin}"></civic-resource-list>`);
      await findByText(el, 'No resources');
      expect(warnings.filter((args) => String(args[0]).includes('Access-Control-Allow-Origin'))).to.have.length(0);
    });

    it('speaks the visitor’s language', async () => {
      const el = fixture(`<civic-resource-list locale="fr" src="${other}/test-api/switch?key=${Math.random()}"></civic-resource-list>`);
      const alert = await findByRole(el, 'alert', {}, 8000);
      expect(alert.textContent).to.include('n’autorise peut-être pas d’autres sites web à afficher ses données');
    });

    it('keeps the same-origin message for a same-origin failure', async () => {
      const el = fixture(`<civic-resource-list src="/test-api/status?code=503&key=same-origin"></civic-resource-list>`);
      const alert = await findByRole(el, 'alert', {}, 8000);
      expect(alert.textContent).to.match(/could not be reached \(HTTP 503\)/);
      expect(warnings.filter((args) => String(args[0]).includes('Access-Control-Allow-Origin'))).to.have.length(0);
    });
  });

  it('says so when it has no source at all', async () => {
    const seen = errors();
    const el = fixture(`<civic-resource-list></civic-resource-list>`);
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.include('No feed is set for this widget.');
    expect(seen.at(-1)).to.include({ kind: 'config' });
  });

  it('shows the last good copy with a notice when the feed fails later', async () => {
    const key = Math.random().toString(36).slice(2);
    const src = `/test-api/switch?key=${key}`;
    const first = fixture(`<civic-event-calendar-less></civic-event-calendar-less><civic-resource-list src="${src}"></civic-resource-list>`);
    const el = first.nextElementSibling as CivicResourceList;
    await findByText(el, 'No resources');
    el.remove();
    await fetch(`/test-api/down?key=${key}`);
    const again = fixture<CivicResourceList>(`<civic-resource-list src="${src}"></civic-resource-list>`);
    const notice = await findByText(again, /saved copy from .* it may be out of date/, 8000);
    expect(notice.closest('[role="status"]')).to.exist;
    await expectAccessible(again);
  });

  it('warns once about skipped items and renders the rest', async () => {
    const warnings: unknown[] = [];
    const listener = (e: Event) => warnings.push((e as CustomEvent).detail);
    document.addEventListener('civic-feed-warning', listener);
    const bad = { resources: [...feed.resources, { id: 'x', title: 'No link' }] };
    const el = fixture(`<civic-resource-list src="${jsonUrl(bad)}"></civic-resource-list>`);
    await findByText(el, '2 resources');
    document.removeEventListener('civic-feed-warning', listener);
    expect(warnings).to.have.length(1);
  });

  it('takes a feed object from JavaScript', async () => {
    const el = fixture<CivicResourceList>(`<civic-resource-list></civic-resource-list>`);
    el.feed = { version: '1', events: [], groups: [], places: [], resources: feed.resources };
    await findByRole(el, 'link', { name: 'DiscoTech zine' });
  });

  it('aborts its load and leaks nothing when removed mid-load', async () => {
    const seen = errors();
    const el = fixture(`<civic-resource-list src="/test-api/slow?ms=1500&key=abort"></civic-resource-list>`);
    await settled(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 1800));
    expect(seen).to.have.length(0);
    expect(queryAllByRole(document.body, 'alert')).to.have.length(0);
  });

  it('inherits the page font and colour by default', async () => {
    const wrapper = fixture(`<div style="font-family: Georgia, serif; color: rgb(10, 20, 30)"><civic-resource-list src="${jsonUrl(feed)}"></civic-resource-list></div>`);
    const el = wrapper.querySelector('civic-resource-list')!;
    await waitFor(() => el.shadowRoot?.querySelector('a'));
    const style = getComputedStyle(el.shadowRoot!.querySelector('li')!);
    expect(style.fontFamily).to.equal('Georgia, serif');
    expect(style.color).to.equal('rgb(10, 20, 30)');
  });
});
