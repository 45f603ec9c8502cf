import { FacetIndex, type FacetSpec, type Selection } from './facet-index.js';
import { queryWords } from '../text-search.js';
import { collator } from './labels.js';
import { SearchIndex, type SearchField } from './search-index.js';

/** What a list is made of: its facets, its searchable fields, and the orders it offers. */
export interface FacetedListOptions<T> {
  facets: readonly FacetSpec<T>[];
  search: readonly SearchField<T>[];
  /** The text an item sorts by alphabetically; every other order breaks its ties by it. */
  title(item: T): string;
  /** Orders by a number, lowest first (items without one, `NaN`, go last): `newest`, `distance`. */
  orders?: Readonly<Record<string, (item: T) => number>>;
}

/** One checkbox of a facet. */
export interface FacetChoice {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** One facet with its values: the most common first, then by label. */
export interface FacetChoices {
  key: string;
  values: FacetChoice[];
}

/** The list as it stands: every match in order, and the facets with their counts. */
export interface ListResult<T> {
  items: readonly T[];
  facets: FacetChoices[];
  /** Items in the data. */
  total: number;
  /** The order applied: `relevance`, `title`, or a key of `orders`. */
  order: string;
}

/** What to ask of a list. */
export interface ListQuery {
  query: string;
  selection: Selection;
  /** `relevance`, `title`, or a key of `orders`. */
  order: string;
  locale: string;
  /** A facet value's label, to sort equally common values by. */
  label(key: string, value: string): string;
}

/**
 * One list of items, indexed once for what every keystroke asks: facet values as integers, folded
 * search text (built in idle time after the first render), and each item's place in title order.
 */
export class ListIndex<T> {
  readonly facets: FacetIndex<T>;
  private searchIndex?: SearchIndex<T>;
  private ranks?: { locale: string; rank: Int32Array };
  private cancelPrebuild?: () => void;

  constructor(
    readonly items: readonly T[],
    private readonly options: FacetedListOptions<T>,
  ) {
    this.facets = new FacetIndex(items, options.facets);
    this.prebuildSearch();
  }

  /** Stops work scheduled for idle time (the host left the page). */
  dispose(): void {
    this.cancelPrebuild?.();
  }

  /** Every match in order, with each facet's values and disjunctive counts. */
  run({ query, selection, order, locale, label }: ListQuery): ListResult<T> {
    const { facets, items } = this;
    const words = queryWords(query);
    let scores: Float64Array | undefined;
    let passes: ((i: number) => boolean) | undefined;
    if (words.length) {
      const index = this.search();
      const s = (scores = new Float64Array(items.length));
      passes = (i) => (s[i] = index.score(i, words)) > 0;
    }
    const match = facets.match(selection, passes);
    const rank = this.titleRanks(locale);
    const matched = match.matched;
    const byKey = this.options.orders?.[order];
    if (order === 'relevance' && scores) {
      const s = scores;
      matched.sort((a, b) => s[b]! - s[a]! || rank[a]! - rank[b]!);
    } else if (byKey) {
      const keys = new Map<number, number>();
      for (const i of matched) {
        const value = byKey(items[i]!);
        keys.set(i, Number.isNaN(value) ? Infinity : value);
      }
      matched.sort((a, b) => keys.get(a)! - keys.get(b)! || rank[a]! - rank[b]!);
    } else {
      matched.sort((a, b) => rank[a]! - rank[b]!);
    }
    const sorter = collator(locale);
    const choices = this.options.facets.map(({ key }) => {
      const chosen = selection.get(key) ?? new Set<string>();
      const values: (FacetChoice & { total: number })[] = facets.values(key).map(({ value, total }) => ({
        value,
        label: label(key, value),
        count: facets.countOf(match, key, value),
        selected: chosen.has(value),
        total,
      }));
      values.sort((a, b) => b.total - a.total || sorter.compare(a.label, b.label));
      // A chosen value the data lacks (from the URL, or a typo) stays visible, so it can be unticked.
      for (const value of chosen) {
        if (facets.idOf(key, value) < 0) {
          values.push({ value, label: label(key, value), count: 0, selected: true, total: 0 });
        }
      }
      return { key, values: values.map(({ value, label, count, selected }) => ({ value, label, count, selected })) };
    });
    return { items: matched.map((i) => items[i]!), facets: choices, total: items.length, order };
  }

  /** Each item's position in title order, computed once per language. */
  private titleRanks(locale: string): Int32Array {
    if (this.ranks?.locale === locale) return this.ranks.rank;
    const titles = this.items.map((item) => this.options.title(item));
    const compare = collator(locale).compare;
    const order = titles.map((_, i) => i).sort((a, b) => compare(titles[a]!, titles[b]!) || a - b);
    const rank = new Int32Array(this.items.length);
    order.forEach((item, position) => (rank[item] = position));
    this.ranks = { locale, rank };
    return rank;
  }

  /** The search index, built now if idle time has not built it yet. */
  private search(): SearchIndex<T> {
    this.cancelPrebuild?.();
    return (this.searchIndex ??= new SearchIndex(this.items, this.options.search));
  }

  /** Folds every item's text while the visitor reads, so the first keystroke is as quick as the rest. */
  private prebuildSearch(): void {
    const build = () => {
      this.cancelPrebuild = undefined;
      this.searchIndex ??= new SearchIndex(this.items, this.options.search);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(build, { timeout: 2000 });
      this.cancelPrebuild = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(build, 200);
      this.cancelPrebuild = () => clearTimeout(id);
    }
  }
}
