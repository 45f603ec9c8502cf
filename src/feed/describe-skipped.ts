import type { SkippedItem } from './types.js';

/**
 * One skipped (or repaired) item in words: `events #3 "data-day": no start`. The command's
 * reports and the snippet builder say it alike.
 */
export function describeSkipped(item: SkippedItem): string {
  const which = item.index >= 0 ? ` #${item.index + 1}` : '';
  const id = item.id ? ` "${item.id}"` : '';
  return `${item.list}${which}${id}: ${item.reason}`;
}
