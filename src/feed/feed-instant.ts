/**
 * A feed date as numbers and as an instant, for the server (which compares registration windows
 * and occurrences) and the calendar (which finds the occurrence another element selected).
 */
import { canonicalFeedDate, isTimeZone } from './feed-date.js';
import { parseFeedDate, wallToEpoch, type ParsedFeedDate } from './zoned-time.js';

/** A feed date read into numbers, or undefined when it is not a real date (2026-02-30, 25:00). */
export function readFeedDate(input: unknown): ParsedFeedDate | undefined {
  const canonical = canonicalFeedDate(input);
  return canonical && parseFeedDate(canonical.value);
}

/**
 * The instant a feed date stands for: a zoned time is one already; a floating time or a date (its
 * midnight) is read in `timeZone`, or as UTC when no usable zone is known.
 */
export function instantOfFeedDate(date: ParsedFeedDate, timeZone?: string): number {
  if (date.kind === 'zoned') return date.wall - date.offset;
  return isTimeZone(timeZone) ? wallToEpoch(date.wall, timeZone) : date.wall;
}
