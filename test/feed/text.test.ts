import { expect } from 'chai';
import { decodeEntities, hasMarkup, plainText, safeUrl } from '../../src/feed/text.js';

describe('text', () => {
  it('decodes numeric and named entities the way WordPress writes them', () => {
    expect(decodeEntities('Data &#8211; Day &amp; Night &#x2019;s &eacute;t&eacute; &bogus;')).to.equal(
      'Data – Day & Night ’s été &bogus;',
    );
    expect(decodeEntities('&#0; &#xD800;')).to.equal('\ufffd \ufffd');
  });

  it('strips tags, scripts and comments into folded plain text', () => {
    expect(plainText('<p>Hello <b>there</b></p>\n\n<script>evil()</script><!-- x -->friend')).to.equal('Hello there friend');
    expect(plainText('a < b and c > d')).to.equal('a < b and c > d');
    expect(plainText('x'.repeat(20), 10)).to.equal(`${'x'.repeat(9)}…`);
  });

  it('tells markup from text', () => {
    expect(hasMarkup('<p>hi</p>')).to.equal(true);
    expect(hasMarkup('3 < 4')).to.equal(false);
  });

  it('keeps only http, https, mailto and tel links', () => {
    expect(safeUrl('https://example.org/a')).to.equal('https://example.org/a');
    expect(safeUrl('mailto:a@b.org')).to.equal('mailto:a@b.org');
    expect(safeUrl('/events', 'https://lib.org/feed.json')).to.equal('https://lib.org/events');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'jav&#x61;script:x']) {
      expect(safeUrl(bad, 'https://lib.org/'), bad).to.equal(undefined);
    }
    expect(safeUrl(42)).to.equal(undefined);
  });
});
