/**
 * Writes the calendar's state into the page's query string (calendar-url.ts reads it), with
 * `history.replaceState`: browsing adds no history entries and never reloads the page.
 */
import type { Occurrence } from '../feed/occurrences.js';
import { setUrlState, writeUrlState } from '../shared/url-state.js';
import { FACETS, type CalendarView, type Filters } from './calendar-state.js';
import type { EventLink } from './calendar-url.js';

/** What a link needs to open `o`: its event, and the date too when it is one of a series. */
export function eventLink(o: Occurrence): EventLink {
  return o.seriesId || o.event.rrule ? { id: o.event.id, occurrence: o.start } : { id: o.event.id };
}

/** `href` with the parameters that open `o` under `prefix`: the link Share gives. */
export function linkToOccurrence(href: string, prefix: string, o: Occurrence): string {
  const url = new URL(href);
  setUrlState(url.searchParams, prefix, new Map(eventEntries(eventLink(o))));
  return url.href;
}

/** The parameters that name `event` (none for no event). */
function eventEntries(event: EventLink | undefined): [string, string[] | undefined][] {
  return [
    ['event', event ? [event.id] : undefined],
    ['occurrence', event?.occurrence ? [event.occurrence] : undefined],
  ];
}

/**
 * Writes the state under `prefix`; other parameters and the fragment stay as they are. With
 * `presets`, an empty search is still written (`calendar-q=`), so a link to "no filters" does not
 * bring the element's preset filters back.
 */
export function writeCalendarState(
  prefix: string,
  state: { view: CalendarView; date: string; filters: Filters; event?: EventLink },
  presets = false,
): void {
  const one = (v: string) => (v ? [v] : undefined);
  const query = state.filters.query.trim();
  const entries = new Map<string, string[] | undefined>([
    ['view', one(state.view)],
    ['date', one(state.date)],
    ['q', query ? [query] : presets ? [] : undefined],
  ]);
  for (const facet of FACETS) entries.set(facet, one(state.filters[facet].join(',')));
  for (const [key, values] of eventEntries(state.event)) entries.set(key, values);
  writeUrlState(prefix, entries);
}
