/**
 * The resource list reading what a library keeps its guides and datasets in, by URL: a
 * spreadsheet published as CSV, and a CKAN portal's dataset.
 */
import { expect } from 'chai';
import '../../src/resource-list/define.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, expectAccessible, fixture } from '../helpers.js';
import { FacetedListPage } from '../shared/faceted-list/faceted-list-page.js';

describe('<civic-resource-list> reading a spreadsheet and a catalogue', () => {
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('shows the rows of a semicolon-separated spreadsheet as resources', async () => {
    const el = fixture('<civic-resource-list src="/test/fixtures/csv/resources-semicolon.csv" no-cache locale="en-US"></civic-resource-list>');
    const page = await new FacetedListPage(el).ready();
    expect(page.titles()).to.have.members(['Data Walks', "Accessible hackathon checklist; a library's"]);
    await expectAccessible(el);
  });

  it('shows a CKAN dataset as a resource', async () => {
    const el = fixture('<civic-resource-list src="/test/fixtures/catalog/ckan-package-show.json" no-cache locale="en-US"></civic-resource-list>');
    const page = await new FacetedListPage(el).ready();
    expect(page.titles()).to.deep.equal(['Eviction Filings']);
    const card = page.card('Eviction Filings');
    const fact = (term: string) => [...card.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === term)?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim();
    expect(fact('Formats')).to.equal('CSV and GeoJSON');
    expect(fact('Updated')).to.match(/Nov(ember)? 30, 2025/);
    expect(fact('Licence')).to.equal('Creative Commons Attribution');
    const licence = [...card.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Creative Commons Attribution');
    expect(licence?.getAttribute('href')).to.equal('http://www.opendefinition.org/licenses/cc-by');
    await expectAccessible(el);
  });
});
