/**
 * Series registration (feed-format.md "RSVP", `mode`): a recurring event whose `rsvp.mode` is
 * `series` takes one registration for all its sessions, four Wednesday workshops say, rather than
 * one per date. What that means for the data lives here, for the form and the server alike: which
 * events take it, the occurrence a submission names, and which occurrences are the sessions.
 */
import { parseFeedDate } from './zoned-time.js';
import type { Occurrence, OccurrenceWindow } from './occurrence.js';
import type { CivicEvent, Feed } from './types.js';

export { RSVP_MODES } from './rsvp-mode.js';

/** The `occurrence` a submission for the whole series sends, and the key its seats are counted under. */
export const SERIES_OCCURRENCE = 'series';

/**
 * Sessions a series registration may cover. A rule without COUNT or UNTIL never ends, and a seat
 * in every date of it cannot be promised: such a series takes registrations one date at a time.
 */
export const MAX_SERIES_SESSIONS = 100;

const DAY = 86_400_000;
/** How far from its first start a series' sessions are looked for. */
const SERIES_SPAN_MS = 20 * 366 * DAY;

/** Whether an event takes one registration for all its dates: it says so, it has dates to share (a rule or RDATEs), and it is not an override. */
export function takesSeriesRegistration(event: CivicEvent): boolean {
  if (event.rsvp?.mode !== 'series' || (event.seriesId && event.recurrenceId)) return false;
  return !!(event.rrule || event.rrules?.length || event.rdates?.length);
}

/**
 * What to expand to find a series' sessions: the series and its `overrides` (a moved, cancelled or
 * smaller session: the feed's events whose `seriesId` names it), from its first start on.
 * Undefined when its start cannot be read.
 * @param timeZone the zone the occurrences are written in
 */
export function seriesSpan(
  series: CivicEvent,
  overrides: readonly CivicEvent[],
  feed: Pick<Feed, 'timezone'>,
  timeZone: string,
): { events: CivicEvent[]; span: OccurrenceWindow } | undefined {
  const start = parseFeedDate(series.start.trim());
  if (!start) return undefined;
  // The first start's wall time, read as UTC: two days either side covers any zone's offset.
  const at = start.kind === 'zoned' ? start.wall - start.offset : start.wall;
  return {
    events: [series, ...overrides],
    // One past the bound, and room for cancelled sessions, so that "too many" can be told.
    span: { from: new Date(at - 2 * DAY), to: new Date(at + SERIES_SPAN_MS), timeZone, feedTimeZone: feed.timezone, limit: 2 * MAX_SERIES_SESSIONS + 1 },
  };
}

/** A series' sessions, and whether they are few enough (and end) for one registration to hold a seat in each. */
export interface SeriesSessions {
  /** The occurrences that take place, by start: a cancelled one is not a session. */
  sessions: Occurrence[];
  /** False for a series that never ends or has more than {@link MAX_SERIES_SESSIONS} sessions. */
  bounded: boolean;
}

/** The sessions among the occurrences of {@link seriesSpan}. */
export function seriesSessions(occurrences: readonly Occurrence[]): SeriesSessions {
  const sessions = occurrences.filter((o) => o.status !== 'cancelled');
  const bounded = occurrences.length < 2 * MAX_SERIES_SESSIONS + 1 && sessions.length <= MAX_SERIES_SESSIONS;
  return { sessions: sessions.slice(0, MAX_SERIES_SESSIONS), bounded };
}
