/**
 * How every widget matches what a visitor types: one folding and one rule, so the same words find
 * the same things in the calendar, the group finder and the resource list.
 *
 * The rule: every word of the query must occur in the folded text, anywhere in it. Matches at
 * the start of a word, and whole words, only rank higher (faceted-list/search-index.ts). Word
 * starts alone would fail the languages we serve: Chinese is written without spaces (数据 inside 开放数据日), and Arabic
 * joins the article to its noun (بيانات inside البيانات).
 */

// Most feed text is ASCII, or Latin with common accents: those take the quick paths below (a
// Unicode-property regex over 5,000 descriptions costs a visible pause).
const NON_ASCII = /[\u0080-\uffff]/;
const COMMON_MARKS = /[\u0300-\u036f]+/g;

/**
 * Text folded for forgiving search: lower case, compatibility forms unified and accents removed
 * (NFKD, then combining marks dropped: "Ｄａｔａ" is "data", "café" is "cafe", أ is ا, Arabic
 * vowel marks go), and every run of punctuation or spaces turned into one space, with a space at
 * each end so that `includes(' ' + word)` finds a word start.
 */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  if (NON_ASCII.test(folded)) {
    folded = folded.normalize('NFKD').replace(COMMON_MARKS, '');
    if (NON_ASCII.test(folded)) folded = folded.replace(/\p{M}+/gu, '');
  }
  const spaced = NON_ASCII.test(folded)
    ? folded.replace(/[^\p{L}\p{N}]+/gu, ' ')
    : folded.replace(/[^a-z0-9]+/g, ' ');
  const trimmed = spaced.trim();
  return trimmed ? ` ${trimmed} ` : ' ';
}

/** The distinct folded words of a query, in the order typed. */
export function queryWords(query: string): string[] {
  return [...new Set(foldText(query).split(' ').filter(Boolean))];
}

/** True when every word occurs in `folded`: the match rule itself. */
export function matchesEvery(folded: string, words: readonly string[]): boolean {
  for (const word of words) if (!folded.includes(word)) return false;
  return true;
}
