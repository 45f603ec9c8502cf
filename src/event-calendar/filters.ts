/**
 * What a visitor narrows the calendar to: a text search over titles and descriptions, and facets
 * from the feed's own data (topics, audience, attendance mode, accessibility, language). Values
 * within a facet widen the choice (housing OR transit); facets narrow it (housing AND online).
 */
import { plainText } from '../feed/text.js';
import { foldText, matchesEvery, queryWords } from '../shared/text-search.js';
import type { CivicEvent } from '../feed/types.js';
import { FACETS, type FacetKey, type Filters } from './calendar-state.js';

/** The facet's values for one event. Languages are compared by their main tag (`es-MX` is `es`). */
export function valuesOf(event: CivicEvent, facet: FacetKey): readonly string[] {
  switch (facet) {
    case 'mode':
      return event.attendanceMode ? [event.attendanceMode] : [];
    case 'languages':
      return (event.languages ?? []).map((tag) => tag.split('-')[0]!.toLowerCase());
    default:
      return event[facet] ?? [];
  }
}

/** Every value a facet takes in the feed, the most common first. */
export function facetValues(events: readonly CivicEvent[], facet: FacetKey): string[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    for (const value of new Set(valuesOf(event, facet))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  if (facet === 'mode') return ['in-person', 'online', 'mixed'].filter((m) => counts.has(m));
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

/** A mixed event suits those who come in person and those who join online alike. */
function matchValues(event: CivicEvent, facet: FacetKey): readonly string[] {
  if (facet === 'mode' && event.attendanceMode === 'mixed') return ['mixed', 'in-person', 'online'];
  return valuesOf(event, facet);
}

const searchTexts = new WeakMap<CivicEvent, string>();

/** An event's title and description, folded once (text-search.ts), as the finders fold theirs. */
function searchTextOf(event: CivicEvent): string {
  let text = searchTexts.get(event);
  if (text === undefined) {
    text = foldText(`${event.title}\n${event.description ? plainText(event.description, 50_000) : ''}`);
    searchTexts.set(event, text);
  }
  return text;
}

/** A predicate for the events `filters` lets through (made once per change, run per occurrence). */
export function matcher(filters: Filters): (event: CivicEvent) => boolean {
  const words = queryWords(filters.query);
  const facets = FACETS.filter((f) => filters[f].length > 0).map((f) => [f, new Set(filters[f])] as const);
  if (!words.length && !facets.length) return () => true;
  return (event) => {
    for (const [facet, wanted] of facets) {
      if (!matchValues(event, facet).some((v) => wanted.has(v))) return false;
    }
    return !words.length || matchesEvery(searchTextOf(event), words);
  };
}

/** The filters with `value` of `facet` ticked (`on`) or not. */
export function withFacetValue(filters: Filters, facet: FacetKey, value: string, on: boolean): Filters {
  const values = filters[facet].filter((v) => v !== value);
  if (on) values.push(value);
  return { ...filters, [facet]: values };
}
