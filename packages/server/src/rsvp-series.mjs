// @ts-check
/**
 * Series registration on the server (feed-format.md "RSVP", `mode`; the contract's part is
 * src/feed/rsvp-series.ts): an event whose `rsvp.mode` is `series` takes one registration for all
 * its sessions. Its rules, all here:
 *
 * - it is stored as ONE registration under the occurrence key `series` (SERIES_OCCURRENCE), so
 *   one row, one cancel link, one place in one waitlist, one registration per email;
 * - its capacity is the smallest of its sessions' (an override may seat fewer): a seat in the
 *   fullest session is a seat in every session, since every registration holds one in each;
 * - its times are the first session's start and the last session's end: the retention period
 *   counts from the last session;
 * - in series mode the event takes series registrations only: a submission naming a date is
 *   refused (422 on `occurrence`), as is a series submission to an event taken date by date;
 * - a series that never ends, or has more than MAX_SERIES_SESSIONS sessions, cannot promise a
 *   seat in each: the configuration is refused, naming the event.
 */
import {
  expandOccurrencesNow, MAX_SERIES_SESSIONS, normalizeFeed, RSVP_MODES, SERIES_OCCURRENCE, seriesSessions, seriesSpan,
  takesSeriesRegistration,
} from '../lib/feed.js';

export { SERIES_OCCURRENCE };

/**
 * One session of a series, as instants (ISO 8601).
 * @typedef {object} Session
 * @property {string} startsAt
 * @property {string} endsAt
 * @property {number} [capacity] the session's own capacity (an override's), when it has one
 */

/**
 * What a series registration counts against.
 * @typedef {object} WholeSeries
 * @property {Session[]} sessions by start
 * @property {import('./rsvp-events.mjs').EventRule} rule the series' rule, with the smallest capacity
 * @property {import('./rsvp-events.mjs').OccurrenceTimes} times the first start and the last end
 */

/**
 * The sessions of each event of a feed document (feed-format.md) that takes series registration,
 * by id: null for one whose sessions are unbounded (a rule without COUNT or UNTIL) or too many.
 * The feed is read as the widgets read it: the series and its overrides are normalized and
 * expanded by the feed layer, so the form lists the very sessions the server seats.
 * @param {unknown} feed
 * @returns {Map<string, Session[] | null>}
 */
export function seriesOfFeed(feed) {
  /** @type {Map<string, Session[] | null>} */
  const found = new Map();
  if (!isObject(feed) || !Array.isArray(feed.events)) return found;
  const ids = new Set();
  for (const event of feed.events) {
    if (isObject(event) && isObject(event.rsvp) && event.rsvp.mode === 'series' && event.seriesId === undefined) ids.add(String(event.id));
  }
  if (ids.size === 0) return found;
  const related = feed.events.filter((item) => isObject(item) && (ids.has(String(item.id)) || (typeof item.seriesId === 'string' && ids.has(item.seriesId))));
  /** @type {import('../lib/feed.js').CivicEvent[]} */
  let events;
  try {
    events = normalizeFeed({ ...feed, events: related, groups: [], resources: [], places: [] }).feed.events;
  } catch {
    return found;
  }
  const zone = typeof feed.timezone === 'string' ? feed.timezone : undefined;
  for (const event of events) {
    if (!ids.has(event.id) || !takesSeriesRegistration(event)) continue;
    const overrides = events.filter((other) => other.seriesId === event.id && other.recurrenceId);
    const asked = seriesSpan(event, overrides, { timezone: zone }, event.timezone ?? zone ?? 'UTC');
    if (!asked) continue;
    const { sessions, bounded } = seriesSessions(expandOccurrencesNow(asked.events, asked.span));
    found.set(event.id, !bounded || sessions.length === 0 ? null : sessions.map((o) => ({
      startsAt: new Date(o.startMs).toISOString(),
      endsAt: new Date(o.endMs).toISOString(),
      // A session shown through an override has the override's capacity when it gives one.
      ...(o.event.id !== event.id && o.event.capacity !== undefined ? { capacity: o.event.capacity } : {}),
    })));
  }
  return found;
}

/**
 * What a series registration counts against, for an event configured for series registration;
 * undefined for any other. Throws a TypeError for a mode it does not know, or a series whose
 * sessions cannot all be promised a seat.
 * @param {import('./rsvp-events.mjs').RsvpEventConfig} config
 * @param {import('./rsvp-events.mjs').EventRule} rule the event's own rule
 * @returns {WholeSeries | undefined}
 */
export function wholeSeriesOf(config, rule) {
  const mode = config.mode;
  if (mode !== undefined && !RSVP_MODES.includes(/** @type {import('../lib/feed.js').RsvpMode} */ (mode))) {
    throw new TypeError(`Event "${config.id}": rsvp.mode ${JSON.stringify(mode)} is not one of ${RSVP_MODES.map((m) => `"${m}"`).join(', ')}`);
  }
  if (mode !== 'series' || config.seriesId) return undefined;
  const { sessions } = config;
  if (sessions === null) {
    throw new TypeError(`Event "${config.id}": rsvp.mode "series" needs a series that ends, with at most ${MAX_SERIES_SESSIONS} sessions: give its rrule a COUNT or an UNTIL, or list its dates as rdates`);
  }
  // A one-off event (no rule, no rdates) has nothing to share: it registers as it always did.
  if (sessions === undefined) return undefined;
  if (!Array.isArray(sessions) || sessions.length === 0 || sessions.length > MAX_SERIES_SESSIONS) {
    throw new TypeError(`Event "${config.id}": sessions must list from 1 to ${MAX_SERIES_SESSIONS} sessions`);
  }
  const starts = sessions.map((s) => Date.parse(s.startsAt));
  const ends = sessions.map((s) => Date.parse(s.endsAt));
  if ([...starts, ...ends].some(Number.isNaN)) throw new TypeError(`Event "${config.id}": each session needs startsAt and endsAt as ISO 8601 instants`);
  for (const session of sessions) {
    const { capacity } = session;
    if (capacity !== undefined && !(Number.isInteger(capacity) && capacity >= 0)) {
      throw new TypeError(`Event "${config.id}": a session's capacity must be a whole number of seats from 0, not ${JSON.stringify(capacity)}`);
    }
  }
  // Every registration holds a seat in every session, so the fullest session, the smallest, decides.
  const capacities = [rule.capacity, ...sessions.map((s) => s.capacity)].filter((c) => c !== undefined);
  return {
    sessions: [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
    rule: { ...rule, capacity: capacities.length ? Math.min(...capacities) : undefined },
    times: { startsAt: new Date(Math.min(...starts)).toISOString(), endsAt: new Date(Math.max(...ends)).toISOString() },
  };
}

/**
 * Where a submission to a series-registration event counts: the series' seats, when it names no
 * date (or `series`); else why not.
 * @param {string} eventId the series' id
 * @param {string | undefined} occurrence as submitted
 * @param {WholeSeries} whole
 * @returns {import('./rsvp-events.mjs').Seats | import('./rsvp-events.mjs').EventError}
 */
export function seriesSeats(eventId, occurrence, whole) {
  if (occurrence !== undefined && occurrence !== '' && occurrence !== SERIES_OCCURRENCE) {
    return { field: 'occurrence', message: `This event takes one registration for all its ${whole.sessions.length} sessions, not one date: register for the whole series.` };
  }
  return { eventId, occurrence: SERIES_OCCURRENCE, rule: whole.rule, times: whole.times };
}

/** Why a series submission to an event taken date by date is refused. */
export const NOT_A_SERIES = 'This event takes registrations one date at a time: choose a date.';

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
