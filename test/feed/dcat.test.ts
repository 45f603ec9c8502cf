import { expect } from 'chai';
import { dcatAdapter } from '../../src/feed/adapters/dcat.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { detectFormat } from '../../src/feed/parse-source.js';

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
    expect(auto({ help: 'https://data.example.gov/api/3/action/help_show?name=package_search', success: true, result: { count: 0, results: [] } })).to.equal('ckan');
    expect(auto({ '@context': 'https://schema.org', '@type': 'Event', name: 'x', startDate: '2026-01-01' })).to.equal('jsonld');
  });
});
