/**
 * The calendar's view, period and filters in the page's query string, so a visitor can share or
 * bookmark exactly what they see: `?calendar-view=week&calendar-date=2026-03-02&calendar-topics=housing`.
 * Written with `history.replaceState`: browsing adds no history entries and never reloads the page.
 */
import { readUrlState, writeUrlState } from '../shared/url-state.js';
import { FACETS, emptyFilters, isView, parseDay, type Filters, type CalendarView } from './calendar-state.js';

export interface CalendarUrlState {
  view?: CalendarView;
  date?: string;
  /** Only when the URL names a filter: otherwise the element's own presets stand. */
  filters?: Filters;
}

/** What the URL says under `prefix` (each part only when present and valid). */
export function readCalendarState(prefix: string, search: string = location.search): CalendarUrlState {
  const params = readUrlState(prefix, search);
  // A facet may come as one comma list or as repeated parameters.
  const value = (key: string) => params.get(key)?.join(',') ?? '';
  const out: CalendarUrlState = {};
  const view = value('view');
  if (isView(view)) out.view = view;
  const date = value('date');
  if (date && parseDay(date) !== undefined) out.date = date;
  if (['q', ...FACETS].some((k) => params.has(k))) {
    const filters = emptyFilters();
    filters.query = value('q').slice(0, 200);
    for (const facet of FACETS) {
      filters[facet] = value(facet)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
        .slice(0, 50);
    }
    out.filters = filters;
  }
  return out;
}

/**
 * Writes the state under `prefix`; other parameters and the fragment stay as they are. With
 * `presets`, an empty search is still written (`calendar-q=`), so a link to "no filters" does not
 * bring the element's preset filters back.
 */
export function writeCalendarState(
  prefix: string,
  state: { view: CalendarView; date: string; filters: Filters },
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
  writeUrlState(prefix, entries);
}
