import { expect } from 'chai';
import { queryWords } from '../../../src/shared/text-search.js';
import { SearchIndex } from '../../../src/shared/faceted-list/search-index.js';

interface Item {
  title: string;
  tags?: string[];
  body?: string;
}

const items: Item[] = [
  { title: 'Data Walks', body: 'Posters along a route.' },
  { title: 'Housing guide', tags: ['Eviction filings'], body: 'How to read data about housing.' },
  { title: 'Metadata primer', body: 'Describing datasets.' },
  { title: 'Zine', tags: ['Datos abiertos'] },
];

const index = new SearchIndex(items, [
  { text: (i: Item) => i.title, weight: 4 },
  { text: (i: Item) => i.tags, weight: 2 },
  { text: (i: Item) => i.body, weight: 1 },
]);

const score = (i: number, q: string) => index.score(i, queryWords(q));

describe('SearchIndex', () => {
  it('needs every word somewhere in the item', () => {
    expect(score(1, 'housing eviction')).to.be.greaterThan(0);
    expect(score(1, 'housing zine')).to.equal(0);
    expect(score(3, 'DATOS')).to.be.greaterThan(0);
  });

  it('weighs fields, word starts and whole words', () => {
    // In a title as a whole word > in a body as a whole word; a whole word > a word start > inside a word.
    expect(score(0, 'data')).to.be.greaterThan(score(1, 'data'));
    expect(score(2, 'meta')).to.be.greaterThan(score(2, 'data'));
    expect(score(0, 'data')).to.be.greaterThan(score(2, 'meta'));
  });

  it('rewards the words side by side, in the order typed', () => {
    expect(score(0, 'data walks')).to.be.greaterThan(score(0, 'walks data'));
  });
});
