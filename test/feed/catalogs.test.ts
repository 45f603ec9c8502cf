import { expect } from 'chai';
import type { AdapterContext } from '../../src/feed/adapter.js';
import { ckanAdapter } from '../../src/feed/adapters/ckan.js';
import { dcatAdapter } from '../../src/feed/adapters/dcat.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';

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

describe('DCAT-US adapter', () => {
  const catalog = {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    dataset: [
      {
        title: 'Building Permits', identifier: 'permits', description: 'Permits since 2010.', keyword: ['permits'],
        modified: '2025-01-15T10:00:00Z', issued: '2015-03-01', publisher: { name: 'Department of Buildings' },
        license: 'https://creativecommons.org/publicdomain/zero/1.0/', language: ['en-US'],
        distribution: [{ downloadURL: 'https://data.example.gov/permits.csv', mediaType: 'text/csv' }, { accessURL: 'https://data.example.gov/permits/api', format: 'API' }],
      },
      { title: 'Internal', identifier: 'hr', accessLevel: 'non-public' },
      { title: 'No link at all', identifier: 'nolink' },
    ],
  };

  it('turns datasets into resources and names the ones it leaves out', async () => {
    const text = JSON.stringify(catalog);
    const { document, skipped } = await dcatAdapter({ text, contentType: 'application/json', url: 'https://data.example.gov/data.json' }, { fetchJson: () => Promise.reject(new Error('offline')) });
    const { feed } = normalizeFeed(document, skipped);
    expect(feed.resources).to.have.length(1);
    expect(feed.resources[0]).to.deep.include({
      id: 'permits', url: 'https://data.example.gov/permits.csv', type: 'dataset', publisher: 'Department of Buildings',
      topics: ['permits'], formats: ['CSV', 'API'], license: { url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      modified: '2025-01-15', published: '2015-03-01', languages: ['en-US'],
    });
    expect(skipped.map((s) => [s.id, s.reason])).to.deep.equal([
      ['hr', '"accessLevel" is "non-public"'],
      ['nolink', 'no link: neither "landingPage", a distribution\'s "accessURL"/"downloadURL", nor a URL "identifier"'],
    ]);
  });

  it('is told apart from JSON-LD events and from CKAN', () => {
    const auto = (value: unknown) => detectFormat({ text: JSON.stringify(value), contentType: 'application/json', url: 'https://x.example/data.json' }, {});
    expect(auto(catalog)).to.equal('dcat');
    expect(auto(search(1, 0, 1))).to.equal('ckan');
    expect(auto({ '@context': 'https://schema.org', '@type': 'Event', name: 'x', startDate: '2026-01-01' })).to.equal('jsonld');
  });
});
