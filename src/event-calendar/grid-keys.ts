/**
 * The month grid's keys (WAI-ARIA grid pattern, as in its date-picker example): arrows move a day
 * or a week, mirrored when the page runs right to left; Home and End go to the week's ends (with
 * Ctrl, the month's); PageUp and PageDown move a month (with Shift, a year).
 */
import { addMonths, monthStart, weekStart } from './period.js';

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

/** The day a key moves focus to from `day`, or undefined when the key is not the grid's. */
export function dayForKey(event: GridKey, day: number, firstDay: number, rtl: boolean): number | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowRight':
      return day + (rtl ? -1 : 1);
    case 'ArrowLeft':
      return day + (rtl ? 1 : -1);
    case 'ArrowDown':
      return day + 7;
    case 'ArrowUp':
      return day - 7;
    case 'Home':
      return ctrl ? monthStart(day) : weekStart(day, firstDay);
    case 'End':
      return ctrl ? addMonths(monthStart(day), 1) - 1 : weekStart(day, firstDay) + 6;
    case 'PageUp':
      return addMonths(day, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(day, event.shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}
