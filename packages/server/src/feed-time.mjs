// @ts-check
/**
 * The one spelling the RSVP store gives an occurrence. Feed dates are read by the feed layer
 * (src/feed/feed-date.ts, bundled as lib/feed.js), as the widgets read them.
 */
import { instantOfFeedDate, isTimeZone } from '../lib/feed.js';

/**
 * One spelling per occurrence, so that "10:00-05:00", "15:00Z" and a floating "10:00" in New York
 * count against the same seats: an instant in UTC (`…T15:00:00.000Z`), or the date of an all-day
 * occurrence. A floating time with no known zone stays floating, with seconds written out.
 * @param {import('../lib/feed.js').ParsedFeedDate} time from `readFeedDate`
 * @param {string} [timeZone]
 */
export function occurrenceKey(time, timeZone) {
  if (time.kind === 'date') return new Date(time.wall).toISOString().slice(0, 10);
  if (time.kind === 'floating' && !isTimeZone(timeZone)) return new Date(time.wall).toISOString().slice(0, 19);
  return new Date(instantOfFeedDate(time, timeZone)).toISOString();
}
