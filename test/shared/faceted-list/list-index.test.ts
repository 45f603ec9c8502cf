import { expect } from 'chai';
import { ListIndex, type ListQuery } from '../../../src/shared/faceted-list/list-index.js';

interface Item {
  name: string;
  kind: string;
  size?: number;
}

const items: Item[] = [
  { name: 'Zebra crossing counts', kind: 'dataset', size: 5 },
  { name: 'Ábaco de datos', kind: 'guide' },
  { name: 'abacus', kind: 'guide', size: 1 },
  { name: 'Item 10', kind: 'zine', size: 3 },
  { name: 'Item 9', kind: 'zine' },
];

const index = new ListIndex(items, {
  facets: [{ key: 'kind', values: (i) => i.kind }],
  search: [{ text: (i) => i.name, weight: 1 }],
  title: (i) => i.name,
  orders: { size: (i) => i.size ?? NaN },
});

const ask = (q: Partial<ListQuery>) =>
  index.run({ query: '', selection: new Map(), order: 'title', locale: 'en', label: (_k, v) => v, ...q });
const names = (q: Partial<ListQuery>) => ask(q).items.map((i) => i.name);

describe('ListIndex', () => {
  after(() => index.dispose());

  it('sorts by title with the collator: accents and case do not count, numbers sort as numbers', () => {
    expect(names({})).to.deep.equal(['Ábaco de datos', 'abacus', 'Item 9', 'Item 10', 'Zebra crossing counts']);
  });

  it('sorts by a host order, items without a value last in title order', () => {
    expect(names({ order: 'size' })).to.deep.equal(['abacus', 'Item 10', 'Zebra crossing counts', 'Ábaco de datos', 'Item 9']);
  });

  it('sorts by relevance while searching, ties by title', () => {
    expect(names({ query: 'aba', order: 'relevance' })).to.deep.equal(['Ábaco de datos', 'abacus']);
    expect(names({ query: 'abacus', order: 'relevance' })).to.deep.equal(['abacus']);
    expect(names({ query: 'item', order: 'relevance' })).to.deep.equal(['Item 9', 'Item 10']);
  });

  it('labels and counts facet values, most common first, and keeps unknown chosen values', () => {
    const result = ask({ selection: new Map([['kind', new Set(['guide', 'video'])]]), label: (_k, v) => v.toUpperCase() });
    expect(result.items).to.have.length(2);
    expect(result.facets[0]!.values).to.deep.equal([
      { value: 'guide', label: 'GUIDE', count: 2, selected: true },
      { value: 'zine', label: 'ZINE', count: 2, selected: false },
      { value: 'dataset', label: 'DATASET', count: 1, selected: false },
      { value: 'video', label: 'VIDEO', count: 0, selected: true },
    ]);
  });
});
