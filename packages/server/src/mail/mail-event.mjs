// @ts-check
/**
 * What a message says about its event: the feed's event and the occurrence registered for, found
 * with the feed layer the widgets run (lib/feed.js), so the mail, the calendar and the .ics agree.
 */
import { expandOccurrences, normalizeFeed, seriesSessions, seriesSpan } from '../../lib/feed.js';
import { instantOfFeedDate, readFeedDate } from '../../lib/feed.js';
import { occurrenceKey } from '../feed-time.mjs';
import { SERIES_OCCURRENCE } from '../rsvp-series.mjs';

const DAY_MS = 86_400_000;

/**
 * @typedef {import('../../lib/feed.js').CivicEvent} CivicEvent
 * @typedef {import('../../lib/feed.js').Occurrence} Occurrence
 * @typedef {object} MailEvent
 * @property {CivicEvent} event the event (an override's own, when one replaced the occurrence)
 * @property {Occurrence | undefined} occurrence undefined when the feed no longer has it, and for a series registration
 * @property {Occurrence[]} [sessions] for a registration for a whole series (rsvp-series.mjs): every session, by start
 * @property {CivicEvent[]} events the event and its overrides (a series' .ics needs them)
 * @property {string | undefined} timeZone the zone its times are shown in
 */

/**
 * Looks events up in the current feed. Only the event asked for and its overrides are
 * normalized, once per feed object: normalizing a whole 50,000-event feed would hold up the
 * server for a fifth of a second or more at each refresh.
 * @param {unknown | (() => unknown)} feed a feed document or a function returning the current one
 */
export function mailEventsOf(feed) {
  /** @type {WeakMap<object, Map<string, import('../../lib/feed.js').Feed | undefined>>} */
  const normalized = new WeakMap();
  /** @param {string} eventId */
  const current = (eventId) => {
    const document = typeof feed === 'function' ? feed() : feed;
    if (!isObject(document) || !Array.isArray(document.events)) return undefined;
    let byEvent = normalized.get(document);
    if (!byEvent) {
      byEvent = new Map();
      normalized.set(document, byEvent);
    }
    if (!byEvent.has(eventId)) {
      const related = document.events.filter((item) => isObject(item) && (String(item.id) === eventId || item.seriesId === eventId));
      /** @type {import('../../lib/feed.js').Feed | undefined} */
      let found;
      try {
        found = normalizeFeed({ ...document, events: related, groups: [], resources: [], places: [] }).feed;
      } catch {
        found = undefined;
      }
      byEvent.set(eventId, found);
    }
    return byEvent.get(eventId);
  };

  /**
   * The event and occurrence a registration is for, or undefined when the feed has no such event.
   * @param {string} eventId the series' id for an occurrence of a recurring event
   * @param {string} occurrence the store's occurrence key ('' for a one-off event)
   * @returns {Promise<MailEvent | undefined>}
   */
  return async function mailEvent(eventId, occurrence) {
    const doc = current(eventId);
    const event = doc?.events.find((candidate) => candidate.id === eventId && !candidate.recurrenceId);
    if (!doc || !event) return undefined;
    const timeZone = event.timezone ?? doc.timezone;
    const related = doc.events.filter((candidate) => candidate === event || candidate.seriesId === eventId);
    if (occurrence === SERIES_OCCURRENCE) {
      // One registration for every session: the message lists them all, and its .ics is the series'.
      const asked = seriesSpan(event, related.filter((o) => o !== event), doc, timeZone ?? 'UTC');
      const sessions = asked ? seriesSessions(await expandOccurrences(asked.events, asked.span)).sessions : [];
      return { event, occurrence: undefined, sessions, events: doc.events, timeZone };
    }
    // An override that moved this occurrence: it is shown at its own time.
    const override = occurrence
      ? related.find((candidate) => candidate.recurrenceId && keyOf(candidate.recurrenceId, candidate.timezone ?? timeZone) === occurrence)
      : undefined;
    const at = epochOf(override?.start ?? (occurrence || event.start), override?.timezone ?? timeZone);
    /** @type {Occurrence | undefined} */
    let found;
    if (at !== undefined) {
      const window = { from: new Date(at - 2 * DAY_MS), to: new Date(at + 2 * DAY_MS), timeZone: timeZone ?? 'UTC', feedTimeZone: doc.timezone };
      const nearby = await expandOccurrences(related, window);
      const wanted = override?.id ?? eventId;
      const candidates = nearby.filter((o) => o.event.id === wanted);
      // The one starting at the registered time; else (a floating time read in another zone) the nearest.
      found = candidates.find((o) => o.startMs === at)
        ?? candidates.sort((a, b) => Math.abs(a.startMs - at) - Math.abs(b.startMs - at))[0];
    }
    return { event: found?.event ?? override ?? event, occurrence: found, events: doc.events, timeZone };
  };
}

/**
 * @param {string} text a feed time
 * @param {string | undefined} zone
 */
function epochOf(text, zone) {
  const time = readFeedDate(text);
  return time ? instantOfFeedDate(time, zone) : undefined;
}

/**
 * @param {string} text
 * @param {string | undefined} zone
 */
function keyOf(text, zone) {
  const time = readFeedDate(text);
  return time ? occurrenceKey(time, zone) : undefined;
}

/** @typedef {ReturnType<typeof mailEventsOf>} MailEventLookup */

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
