/**
 * What the calendar's attributes and URL can ask for: a view, a `YYYY-MM-DD` day, filters. Read
 * without time-zone or feed code: the element's shell needs it before its feed and views are here.
 */
export type CalendarView = 'month' | 'week' | 'list';
export const VIEWS: readonly CalendarView[] = ['month', 'week', 'list'];

export const DAY_MS = 86_400_000;

export function isView(value: unknown): value is CalendarView {
  return VIEWS.includes(value as CalendarView);
}

/** `YYYY-MM-DD` to a day; undefined for anything else, including dates that do not exist. */
export function parseDay(text: string | null | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = Math.floor(Date.UTC(y, mo - 1, d) / DAY_MS);
  const back = new Date(day * DAY_MS);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return day;
}

/** What a visitor narrows the calendar to (see filters.ts for how events are matched). */
export const FACETS = ['topics', 'audience', 'mode', 'accessibility', 'languages'] as const;
export type FacetKey = (typeof FACETS)[number];

export interface Filters {
  query: string;
  topics: string[];
  audience: string[];
  mode: string[];
  accessibility: string[];
  languages: string[];
}

export function emptyFilters(): Filters {
  return { query: '', topics: [], audience: [], mode: [], accessibility: [], languages: [] };
}

export function hasFilters(filters: Filters): boolean {
  return filters.query.trim() !== '' || FACETS.some((f) => filters[f].length > 0);
}

export function activeFacetCount(filters: Filters): number {
  return FACETS.reduce((n, f) => n + filters[f].length, 0);
}
