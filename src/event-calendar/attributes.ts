/**
 * The calendar's attribute values, read without any time-zone code: view names and `YYYY-MM-DD`
 * days. The element's shell needs these before its feed (and the rest of period.ts) is here.
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
