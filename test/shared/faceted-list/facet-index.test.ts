import { expect } from 'chai';
import fc from 'fast-check';
import { FacetIndex, type FacetSpec } from '../../../src/shared/faceted-list/facet-index.js';

interface Item {
  type?: string;
  topics?: string[];
}

const specs: FacetSpec<Item>[] = [
  { key: 'type', values: (i) => i.type },
  { key: 'topic', values: (i) => i.topics },
];

const items: Item[] = [
  { type: 'guide', topics: ['housing', 'transit'] },
  { type: 'guide', topics: ['budget'] },
  { type: 'zine', topics: ['housing', 'housing'] },
  { type: 'report' },
  { topics: ['transit'] },
];

const selection = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('FacetIndex', () => {
  const index = new FacetIndex(items, specs);

  it('lists the values of a facet, most common first, counting an item once', () => {
    expect(index.values('type')).to.deep.equal([
      { value: 'guide', total: 2 },
      { value: 'zine', total: 1 },
      { value: 'report', total: 1 },
    ]);
    expect(index.values('topic')[0]).to.deep.equal({ value: 'housing', total: 2 });
    expect(index.resolve('type', 'GUIDE')).to.equal('guide');
    expect(index.resolve('type', 'unknown')).to.equal('unknown');
  });

  it('matches any value within a facet and every facet across them, with disjunctive counts', () => {
    const result = index.match(selection({ type: ['guide', 'zine'], topic: ['housing'] }));
    expect(result.matched).to.deep.equal([0, 2]);
    // Type counts ignore the type selection: housing items of each type.
    expect(index.countOf(result, 'type', 'guide')).to.equal(1);
    expect(index.countOf(result, 'type', 'zine')).to.equal(1);
    expect(index.countOf(result, 'type', 'report')).to.equal(0);
    // Topic counts ignore the topic selection: topics of guides and zines.
    expect(index.countOf(result, 'topic', 'housing')).to.equal(2);
    expect(index.countOf(result, 'topic', 'budget')).to.equal(1);
    expect(index.countOf(result, 'topic', 'transit')).to.equal(1);
  });

  it('lets a search narrow everything, and a value the data lacks match nothing', () => {
    const result = index.match(selection({}), (i) => i !== 0);
    expect(result.matched).to.deep.equal([1, 2, 3, 4]);
    expect(index.countOf(result, 'topic', 'transit')).to.equal(1);
    expect(index.match(selection({ type: ['video'] })).matched).to.deep.equal([]);
  });

  it('agrees with a plain implementation on any data', () => {
    const value = fc.constantFrom<string>('a', 'b', 'c', 'd');
    const item = fc.record({ type: fc.option(value, { nil: undefined }), topics: fc.option(fc.array(value, { maxLength: 3 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(value, { maxLength: 2 }), fc.array(value, { maxLength: 2 }), (list, types, topics) => {
        const idx = new FacetIndex(list, specs);
        const chosen = selection({ type: types, topic: topics });
        const passes = (i: Item, skip?: string) =>
          (skip === 'type' || !types.length || types.includes(i.type!)) &&
          (skip === 'topic' || !topics.length || (i.topics ?? []).some((t) => topics.includes(t)));
        const result = idx.match(chosen);
        expect(result.matched).to.deep.equal(list.flatMap((i, n) => (passes(i) ? [n] : [])));
        for (const v of ['a', 'b', 'c', 'd']) {
          expect(idx.countOf(result, 'type', v)).to.equal(list.filter((i) => passes(i, 'type') && i.type === v).length);
          expect(idx.countOf(result, 'topic', v)).to.equal(list.filter((i) => passes(i, 'topic') && (i.topics ?? []).includes(v)).length);
        }
      }),
    );
  });
});
