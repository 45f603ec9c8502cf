/** Detail of `civic-filter-change`: a visitor changed the search, a filter or the order of a list. */
export interface CivicFilterChangeDetail {
  /** Selected values per facet key (`{ topic: ['housing'], language: [] }`). */
  filters: Record<string, string[]>;
  /** The search text as typed. */
  query: string;
  /** The order chosen (`relevance`, `title`, `newest`, `distance`, …). */
  sort: string;
  /** How many items match now. */
  count: number;
}

declare global {
  interface HTMLElementEventMap {
    'civic-filter-change': CustomEvent<CivicFilterChangeDetail>;
  }
  // The event bubbles out of shadow roots, so pages listen on the document too.
  interface DocumentEventMap {
    'civic-filter-change': CustomEvent<CivicFilterChangeDetail>;
  }
}
