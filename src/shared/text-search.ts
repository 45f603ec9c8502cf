// Most feed text is ASCII, or Latin with common accents: those take the quick paths below (a
// Unicode-property regex over 5,000 descriptions costs a visible pause).
const NON_ASCII = /[\u0080-\uffff]/;
const COMMON_MARKS = /[\u0300-\u036f]+/g;

/**
 * Text folded for forgiving search: lower case, accents removed (NFD, then combining marks dropped),
 * and every run of punctuation or spaces turned into one space, with a space at each end so that
 * `includes(' ' + word)` finds a word start.
 */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  if (NON_ASCII.test(folded)) {
    folded = folded.normalize('NFD').replace(COMMON_MARKS, '');
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
