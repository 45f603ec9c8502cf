import { expect } from 'chai';
import { wordRank } from '../../src/shared/faceted-list/search-index.js';
import { foldText, matchesEvery, queryWords } from '../../src/shared/text-search.js';

const finds = (text: string, query: string) => matchesEvery(foldText(text), queryWords(query));

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

  it('folds full-width and compatibility forms, as Chinese and Arabic text carry them', () => {
    expect(foldText('开放数据日２０２６：Ｄａｔａ')).to.equal(' 开放数据日2026 data ');
    // Vowel marks dropped, hamza forms of alef read as alef.
    expect(foldText('البَيانات المفتوحة')).to.equal(foldText('البيانات المفتوحة'));
    expect(foldText('أحداث')).to.equal(foldText('احداث'));
  });
});

describe('queryWords', () => {
  it('splits a query into distinct folded words, in the order typed', () => {
    expect(queryWords('  Vivienda  VIVIENDA, datos ')).to.deep.equal(['vivienda', 'datos']);
    expect(queryWords('   ')).to.deep.equal([]);
    expect(queryWords('data-walks')).to.deep.equal(['data', 'walks']);
  });
});

describe('the match rule', () => {
  it('finds every word anywhere, in all five interface languages', () => {
    expect(finds('Open Data Day at the library', 'DATA lib')).to.equal(true);
    expect(finds('Taller de datos abiertos: vivienda', 'vivienda taller')).to.equal(true);
    expect(finds('Atelier « données ouvertes » à la médiathèque', 'donnees mediatheque')).to.equal(true);
    // Arabic joins the article to the noun: بيانات is found inside البيانات.
    expect(finds('يوم البيانات المفتوحة في المكتبة', 'بيانات المكتبة')).to.equal(true);
    // Chinese has no spaces between words: 数据 is found inside 开放数据日.
    expect(finds('开放数据日：图书馆工作坊', '数据 工作坊')).to.equal(true);
    expect(finds('开放数据日', '数据 地图')).to.equal(false);
    expect(finds('Open Data Day', 'data walk')).to.equal(false);
  });

  it('ranks whole words over word starts over the inside of a word', () => {
    const folded = foldText('Metadata primer: datasets and data');
    expect(wordRank(folded, 'data')).to.equal(3);
    expect(wordRank(folded, 'meta')).to.equal(2);
    expect(wordRank(folded, 'etada')).to.equal(1);
    expect(wordRank(folded, 'census')).to.equal(0);
  });
});
