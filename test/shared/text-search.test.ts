import { expect } from 'chai';
import { foldText, queryWords } from '../../src/shared/text-search.js';

describe('foldText', () => {
  it('drops case and accents, and spaces words with punctuation folded away', () => {
    expect(foldText('Cómo organizar una DiscoTech')).to.equal(' como organizar una discotech ');
    expect(foldText('Naïve, São Paulo — Ñandú!')).to.equal(' naive sao paulo nandu ');
    expect(foldText('Open-data portals (2026)')).to.equal(' open data portals 2026 ');
    expect(foldText('')).to.equal(' ');
  });

  it('folds decomposed and precomposed forms alike', () => {
    expect(foldText('e\u0301')).to.equal(foldText('\u00e9'));
  });
});

describe('queryWords', () => {
  it('splits a query into distinct folded words, in the order typed', () => {
    expect(queryWords('  Vivienda  VIVIENDA, datos ')).to.deep.equal(['vivienda', 'datos']);
    expect(queryWords('   ')).to.deep.equal([]);
    expect(queryWords('data-walks')).to.deep.equal(['data', 'walks']);
  });
});
