import { expect } from 'chai';
import { capitalize, formatDay, formatList, humanize, languageName, listParts } from '../../../src/shared/faceted-list/labels.js';
import { countryName } from '../../../src/inspiration-map/labels.js';

describe('labels', () => {
  it('humanizes data values', () => {
    expect(humanize('public-safety', 'en')).to.equal('Public safety');
    expect(humanize('event_recipe', 'en')).to.equal('Event recipe');
    expect(humanize('community-engagement', 'en', false)).to.equal('community engagement');
    expect(humanize('ñandú', 'es')).to.equal('Ñandú');
    expect(humanize('---', 'en')).to.equal('---');
  });

  it('names languages and joins lists in the locale', () => {
    expect(languageName('es', 'en')).to.equal('Spanish');
    expect(capitalize(languageName('en', 'es'), 'es')).to.equal('Inglés');
    expect(languageName('not a tag!', 'en')).to.equal('not a tag!');
    expect(formatList(['English', 'Spanish', 'Tagalog'], 'en')).to.equal('English, Spanish, and Tagalog');
    expect(formatList(['inglés', 'español'], 'es')).to.equal('inglés y español');
    expect(listParts(['a', 'b'], 'en').map((p) => p.type)).to.deep.equal(['element', 'literal', 'element']);
  });

  it('keeps language names and country names apart, whichever is asked for first', () => {
    // Each locale is fresh to the cache: once the languages first, once the countries first.
    expect(languageName('es', 'en-AU')).to.equal('Spanish');
    expect(countryName('us', 'en-AU')).to.equal('United States');
    expect(countryName('CA', 'en-NZ')).to.equal('Canada');
    expect(languageName('en', 'en-NZ')).to.equal('English');
  });

  it('formats a calendar date as the same day in every zone', () => {
    expect(formatDay('2026-01-20', 'en-US')).to.equal('Jan 20, 2026');
    expect(formatDay('2026-01-20T23:30:00-05:00', 'es')).to.equal('20 ene 2026');
  });
});
