import { expect } from 'chai';
import type { AdapterContext } from '../../src/feed/adapter.js';
import { ckanAdapter } from '../../src/feed/adapters/ckan.js';
import { normalizeFeed } from '../../src/feed/normalize.js';

const PORTAL = 'https://data.example.gov/api/3/action';
const fixture = (name: string) => fetch(new URL(`../fixtures/catalog/${name}`, import.meta.url)).then((r) => r.text());

function search(count: number, start: number, rows: number): unknown {
  const results = Array.from({ length: Math.max(0, Math.min(rows, count - start)) }, (_, i) => ({
    id: `d${start + i}`, name: `d-${start + i}`, title: `Dataset ${start + i}`, resources: [],
  }));
  return { help: `${PORTAL}/help_show?name=package_search`, success: true, result: { count, results } };
}

describe('CKAN adapter', () => {
  it('turns a dataset into a resource of type dataset, with its publisher, themes, formats, licence and dates', async () => {
    const text = await fixture('ckan-package-show.json');
    const { document, skipped } = await ckanAdapter({ text, contentType: 'application/json', url: `${PORTAL}/package_show?id=eviction-filings` }, { fetchJson: () => Promise.reject(new Error('offline')) });
    const { feed } = normalizeFeed(document, skipped);
    expect(feed.resources).to.have.length(1);
    expect(feed.resources[0]).to.deep.include({
      id: '0a1b2c3d-0000-4000-8000-000000000001',
      title: 'Eviction Filings',
      url: 'https://data.example.gov/dataset/eviction-filings',
      type: 'dataset',
      publisher: 'Housing Department',
      author: 'Housing Department',
      topics: ['Housing'],
      formats: ['CSV', 'GeoJSON'],
      license: { name: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by' },
      published: '2023-02-10',
      modified: '2025-11-30',
    });
    expect(feed.resources[0]!.description).to.equal('Eviction filings\n\nMonthly counts of eviction filings by ZIP code.\n\nSee the methodology.');
  });

  it('follows package_search page by page, and keeps what it read when a later page fails', async () => {
    const asked: string[] = [];
    const context = (failFrom = Infinity): AdapterContext => ({
      async fetchJson(url: string) {
        asked.push(url);
        const params = new URL(url).searchParams;
        const start = Number(params.get('start'));
        if (start >= failFrom) throw new Error('HTTP 502');
        return search(23, start, Number(params.get('rows')));
      },
    });
    const first = JSON.stringify(search(23, 0, 10));
    const all = await ckanAdapter({ text: first, contentType: 'application/json', url: `${PORTAL}/package_search?q=housing&rows=10` }, context());
    expect((all.document.resources as unknown[]).length).to.equal(23);
    expect(asked.map((u) => new URL(u).searchParams.get('start'))).to.deep.equal(['10', '20']);
    expect(new URL(asked[0]!).searchParams.get('q')).to.equal('housing');

    const partial = await ckanAdapter({ text: first, contentType: 'application/json', url: `${PORTAL}/package_search?rows=10` }, context(20));
    expect((partial.document.resources as unknown[]).length).to.equal(20);
    expect(partial.skipped).to.have.length(1);
    expect(partial.skipped[0]!.reason).to.match(/page 3 \(datasets from 21\) could not be read: HTTP 502; the 20 read before it are kept/);
  });

  it('says so when the portal refuses the request', async () => {
    const text = JSON.stringify({ success: false, error: { message: 'Access denied', __type: 'Authorization Error' } });
    const error = await ckanAdapter({ text, contentType: 'application/json', url: `${PORTAL}/package_show?id=x` }, { fetchJson: () => Promise.reject(new Error('offline')) }).catch((e: Error) => e);
    expect((error as Error).message).to.equal('the CKAN API refused the request: Access denied');
  });
});
