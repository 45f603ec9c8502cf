import type { Feed } from '../src/feed/types.js';

/** The library's time zone: "today" and every local time in the sample feed are read in it. */
export declare const SAMPLE_TIMEZONE: 'America/New_York';

/** The id of the Data Day, the event the demo page's registration form is for. */
export declare const DATA_DAY_ID: 'riverside-data-day';

/**
 * The bundled sample feed (feed-format.md) of the invented Riverside Public Library, with every
 * date computed from `today` (default: now) so that all its events lie ahead.
 */
export declare function buildSampleFeed(today?: Date): Feed;
