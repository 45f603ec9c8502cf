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
