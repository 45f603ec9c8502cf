import { expect } from 'chai';
import { dayOf, formatList, formatName, markdownText } from '../../src/feed/adapters/datasets.js';

describe('catalogue datasets', () => {
  it('names formats as people know them', () => {
    expect(formatName('csv')).to.equal('CSV');
    expect(formatName('.CSV')).to.equal('CSV');
    expect(formatName('text/csv')).to.equal('CSV');
    expect(formatName('Esri REST')).to.equal('Esri REST');
    expect(formatName('', 'application/vnd.geo+json')).to.equal('GeoJSON');
    expect(formatName(undefined, 'application/x-custom; charset=utf-8')).to.equal('CUSTOM');
    expect(formatName(undefined, 'not a type')).to.equal(undefined);
    expect(formatList(['CSV', 'csv', undefined, 'JSON'])).to.deep.equal(['CSV', 'JSON']);
    expect(formatList([undefined])).to.equal(undefined);
  });

  it('reads the day of the dates catalogues write, and none of a repeating interval', () => {
    expect(dayOf('2023-02-10T15:21:08.402051')).to.equal('2023-02-10');
    expect(dayOf('2025-01-15')).to.equal('2025-01-15');
    expect(dayOf('2025-01-15T10:00:00Z')).to.equal('2025-01-15');
    expect(dayOf('R/P1D')).to.equal(undefined);
    expect(dayOf('R/2019-01-01/P1M')).to.equal('2019-01-01');
    expect(dayOf(20250115)).to.equal(undefined);
  });

  it('turns a Markdown description into plain paragraphs', () => {
    expect(markdownText('## Permits\n\nIssued **since 2010**; see [the docs](https://x.example) and ![a chart](c.png).')).to.equal('Permits\n\nIssued since 2010; see the docs and .');
    expect(markdownText('<p>Plain &amp; simple</p>')).to.equal('Plain & simple');
    expect(markdownText('   ')).to.equal(undefined);
  });
});
