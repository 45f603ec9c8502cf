import { foldText } from '../text-search.js';

/** How `word` (from `queryWords`) occurs in `folded` (from `foldText`): 0 not at all, 1 inside a word, 2 at a word start, 3 as a whole word. */
export function wordRank(folded: string, word: string): 0 | 1 | 2 | 3 {
  if (!folded.includes(word)) return 0;
  if (!folded.includes(` ${word}`)) return 1;
  return folded.includes(` ${word} `) ? 3 : 2;
}

/** One searchable field of an item, and how much a match in it counts towards relevance. */
export interface SearchField<T> {
  text(item: T): string | readonly string[] | undefined;
  weight: number;
}

/**
 * The folded text of every item's searchable fields, built once per list so that a keystroke
 * only scans strings (no normalizing, no allocation per item).
 */
export class SearchIndex<T> {
  private readonly fields: { weight: number; texts: string[] }[];

  constructor(items: readonly T[], fields: readonly SearchField<T>[]) {
    this.fields = fields.map((field) => ({
      weight: field.weight,
      texts: items.map((item) => {
        const value = field.text(item);
        return foldText(Array.isArray(value) ? value.join(' \u2022 ') : ((value as string | undefined) ?? ''));
      }),
    }));
  }

  /**
   * How well item `index` matches `words` (from `queryWords`): 0 when some word is in none of its
   * fields (text-search.ts's rule); otherwise higher for matches in heavier fields, at word starts,
   * and of whole words.
   */
  score(index: number, words: readonly string[]): number {
    let total = 0;
    for (const word of words) {
      let best = 0;
      for (const { weight, texts } of this.fields) {
        const value = weight * wordRank(texts[index]!, word);
        if (value > best) best = value;
      }
      if (best === 0) return 0;
      total += best;
    }
    if (words.length > 1) {
      // The words in the order typed, side by side, count once more per field that has them so.
      const phrase = ` ${words.join(' ')} `;
      for (const { weight, texts } of this.fields) if (texts[index]!.includes(phrase)) total += weight;
    }
    return total;
  }
}
