/**
 * The calendar's view, period and filters in the page's query string, so a visitor can share or
 * bookmark exactly what they see: `?calendar-view=week&calendar-date=2026-03-02&calendar-topics=housing`.
 * Written with `history.replaceState`: browsing adds no history entries and never reloads the page.
 */
import { FACETS, emptyFilters, type Filters } from './filters.js';
import { isView, parseDay, type CalendarView } from './period.js';

export interface CalendarUrlState {
  view?: CalendarView;
  date?: string;
  /** Only when the URL names a filter: otherwise the element's own presets stand. */
  filters?: Filters;
}

/** What the URL says under `prefix` (each part only when present and valid). */
export function readCalendarState(prefix: string, search: string = location.search): CalendarUrlState {
  const params = new URLSearchParams(search);
  const out: CalendarUrlState = {};
  const view = params.get(`${prefix}-view`);
  if (isView(view)) out.view = view;
  const date = params.get(`${prefix}-date`);
  if (date && parseDay(date) !== undefined) out.date = date;
  const keys = ['q', ...FACETS].map((k) => `${prefix}-${k}`);
  if (keys.some((k) => params.has(k))) {
    const filters = emptyFilters();
    filters.query = (params.get(`${prefix}-q`) ?? '').slice(0, 200);
    for (const facet of FACETS) {
      filters[facet] = (params.get(`${prefix}-${facet}`) ?? '')
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
  const url = new URL(location.href);
  const params = url.searchParams;
  const set = (key: string, value: string) => {
    if (value) params.set(`${prefix}-${key}`, value);
    else params.delete(`${prefix}-${key}`);
  };
  set('view', state.view);
  set('date', state.date);
  set('q', state.filters.query.trim());
  if (presets && !params.has(`${prefix}-q`)) params.set(`${prefix}-q`, '');
  for (const facet of FACETS) set(facet, state.filters[facet].join(','));
  if (params.toString() === new URLSearchParams(location.search).toString()) return;
  url.search = params.toString();
  history.replaceState(history.state, '', url);
}
