/**
 * The feed layer as one module, for Node: the `civic-widgets` command and server bundle this file
 * (scripts/build-feed-node.mjs), so they read a source exactly as a widget does. Nothing here
 * touches the DOM; the elements import the modules they need directly, so they load lazily.
 */
export type { AdapterContext, AdapterResult, FeedFormat, SourceText } from './adapter.js';
export { detectFormat, parseSource } from './parse-source.js';
export { parseJson } from './parse-json.js';
export { normalizeFeed, MAX_ITEMS } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export { expandOccurrences, occurrencesIn, MAX_OCCURRENCES } from './occurrences.js';
export { expandOccurrencesNow } from './occurrences-now.js';
export type { Occurrence, OccurrenceWindow } from './occurrences.js';
export { canonicalFeedDate, isTimeZone } from './feed-date.js';
export { instantOfFeedDate, readFeedDate } from './feed-instant.js';
export type { ParsedFeedDate } from './zoned-time.js';
export { plainText, safeUrl } from './text.js';
export type * from './types.js';
export { mergeFeeds, itemsFrom, withDefaults } from './merge.js';
export type { LabelledFeed, MergeNote } from './merge.js';
export { feedIcs, occurrenceIcs, placeText, seriesIcs } from './ics-writer.js';
export { FEED_FORMATS } from './adapter.js';
export type { FeedList } from './adapter.js';
export { RSVP_EMAIL, RSVP_LIMITS } from './rsvp-limits.js';
export { LANGUAGES } from './languages.js';
export type { Language } from './languages.js';
export { MAX_SERIES_SESSIONS, RSVP_MODES, SERIES_OCCURRENCE, seriesSessions, seriesSpan, takesSeriesRegistration } from './rsvp-series.js';
export type { SeriesSessions } from './rsvp-series.js';
export { CROSS_ORIGIN_FIXES, feedCheckCommand } from './cross-origin-fix.js';
export type { CrossOriginFix } from './cross-origin-fix.js';
export { describeSkipped } from './describe-skipped.js';
