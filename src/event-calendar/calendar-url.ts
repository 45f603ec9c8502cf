/**
 * The calendar's view, period and filters in the page's query string, so a visitor can share or
 * bookmark exactly what they see: `?calendar-view=week&calendar-date=2026-03-02&calendar-topics=housing`.
 * The open event is there too (`calendar-event=ID`, and `calendar-occurrence=START` for a date of a
 * series), and a shared link names it, so the link opens the event's details. This file reads them
 * (the element's shell does, before its views are here); calendar-url-write.ts writes them.
 */
import { readUrlState } from '../shared/url-state.js';
import { FACETS, emptyFilters, isView, parseDay, type CalendarView, type Filters } from './calendar-state.js';

/** The event a link opens: its id, and for one date of a series, that occurrence's start. */
export interface EventLink {
  id: string;
  occurrence?: string;
}

export interface CalendarUrlState {
  view?: CalendarView;
  date?: string;
  /** Only when the URL names a filter: otherwise the element's own presets stand. */
  filters?: Filters;
  event?: EventLink;
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
  const id = value('event').slice(0, 500);
  const occurrence = value('occurrence').slice(0, 40);
  if (id) out.event = occurrence ? { id, occurrence } : { id };
  return out;
}
