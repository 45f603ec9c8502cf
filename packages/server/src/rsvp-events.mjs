// @ts-check
/**
 * The events the RSVP server takes registrations for, and the one question it asks of them:
 * which seats does a submission for (eventId, occurrence) count against, and may it register now?
 */
import { instantOfFeedDate, readFeedDate } from '../lib/feed.js';
import { occurrenceKey } from './feed-time.mjs';
import { NOT_A_SERIES, SERIES_OCCURRENCE, seriesOfFeed, seriesSeats, wholeSeriesOf } from './rsvp-series.mjs';

/**
 * One event the server takes registrations for.
 * @typedef {object} RsvpEventConfig
 * @property {string} id the feed's event id
 * @property {number} [capacity] seats per occurrence; no limit when absent
 * @property {boolean} [waitlist] whether registrations past capacity are waitlisted (default false: 409 full)
 * @property {string | Date} [opens] registrations are refused before this (feed time or Date)
 * @property {string | Date} [closes] registrations are refused from this moment on
 * @property {boolean} [recurring] each registration must name an occurrence (the feed's `rrule`)
 * @property {string} [timezone] IANA zone for floating times in `opens`, `closes` and occurrences
 * @property {boolean} [cancelled] registrations are refused
 * @property {string} [seriesId] with `recurrenceId`: this entry replaces one occurrence of that series
 * @property {string} [recurrenceId] the replaced occurrence's original start
 * @property {string} [start] when it starts (feed time); for a replacement, its own start, which a
 *   form may name the occurrence by
 * @property {string} [end] when it ends (feed time); retention counts from here (else from the start)
 * @property {string} [title] what staff pages call it
 * @property {Question[]} [questions] the questions its form asks (`rsvp.questions`), checked against each submission's answers
 * @property {string} [mode] `rsvp.mode`: `series` takes one registration for all the sessions
 *   (rsvp-series.mjs); `occurrence` (the default) one per date; any other value is refused
 * @property {import('./rsvp-series.mjs').Session[] | null} [sessions] with mode `series`: the
 *   sessions (eventsFromFeed works them out from the feed); null for a series that never ends
 */

/**
 * A question of the event's form, as far as checking answers needs it.
 * @typedef {object} Question
 * @property {string} id
 * @property {string} type text, textarea, email, tel, number, select, radio, checkbox or checkboxes
 * @property {boolean} [required]
 * @property {string[]} [options] for select, radio and checkboxes
 */

/**
 * @typedef {object} EventRule
 * @property {string} id
 * @property {number | undefined} capacity
 * @property {boolean} waitlist
 * @property {number | undefined} opensMs
 * @property {number | undefined} closesMs
 * @property {boolean} cancelled
 * @property {Question[]} questions
 * @property {string} title
 * @property {string | undefined} timeZone
 * @property {boolean} allDay its dates have no time of day
 * @property {number | undefined} startsMs a one-off event's start; a series' first
 * @property {number} durationMs how long an occurrence lasts (0 when the feed gives no end)
 */

/**
 * When an occurrence starts and ends, as ISO 8601 instants; null when the events do not say.
 * @typedef {{ startsAt: string | null, endsAt: string | null }} OccurrenceTimes
 */

/**
 * Where a submission's seats are counted: the series and original occurrence for an override, so
 * that registrations made through the override and through the series share the seats.
 * @typedef {{ eventId: string, occurrence: string, rule: EventRule, times: OccurrenceTimes }} Seats
 * @typedef {{ field: 'eventId' | 'occurrence', message: string }} EventError
 */

/**
 * @typedef {object} Series
 * @property {EventRule} rule
 * @property {boolean} recurring
 * @property {string | undefined} timeZone
 * @property {Map<string, { occurrence: string, rule: EventRule, times: OccurrenceTimes }>} overrides by original and by moved start
 * @property {OccurrenceTimes} times a one-off event's
 * @property {import('./rsvp-series.mjs').WholeSeries | undefined} whole when it takes one registration for all its sessions
 */

/**
 * The RSVP events of a feed document (feed-format.md): events with `rsvp`, and the overrides that
 * cancel an occurrence of one.
 * @param {unknown} feed
 * @returns {RsvpEventConfig[]}
 */
export function eventsFromFeed(feed) {
  if (!isObject(feed) || !Array.isArray(feed.events)) return [];
  const feedZone = typeof feed.timezone === 'string' ? feed.timezone : undefined;
  const sessionsById = seriesOfFeed(feed);
  /** @type {RsvpEventConfig[]} */
  const configs = [];
  for (const event of feed.events) {
    if (!isObject(event) || typeof event.id !== 'string') continue;
    const rsvp = isObject(event.rsvp) ? event.rsvp : undefined;
    const cancelled = event.status === 'cancelled';
    const isOverride = typeof event.seriesId === 'string' && feedTime(event.recurrenceId) !== undefined;
    if (!rsvp && !(isOverride && cancelled)) continue;
    configs.push({
      id: event.id,
      // Passed on as written, so that compileEvents refuses "10", 2.5 or -1 by name rather than
      // reading them as "no limit" and overbooking the room.
      capacity: event.capacity === undefined || event.capacity === null ? undefined : /** @type {number} */ (event.capacity),
      waitlist: event.waitlist === true,
      // People write feeds: an unreadable window is ignored here, as the form ignores it.
      opens: feedTime(rsvp?.opens),
      closes: feedTime(rsvp?.closes),
      recurring: typeof event.rrule === 'string' && event.rrule !== '',
      timezone: typeof event.timezone === 'string' ? event.timezone : feedZone,
      cancelled,
      seriesId: isOverride ? String(event.seriesId) : undefined,
      recurrenceId: isOverride ? String(event.recurrenceId) : undefined,
      start: typeof event.start === 'string' ? event.start : undefined,
      end: typeof event.end === 'string' ? event.end : undefined,
      title: typeof event.title === 'string' ? event.title : undefined,
      questions: questionsOf(rsvp?.questions),
      mode: rsvp?.mode === undefined ? undefined : /** @type {string} */ (rsvp.mode),
      sessions: sessionsById.get(event.id),
    });
  }
  return configs;
}

/**
 * Compiles event configurations into a lookup. Throws a TypeError for a configuration that would
 * take registrations wrongly (a capacity that is not a whole number, an unreadable window).
 * @param {RsvpEventConfig[]} configs
 */
export function compileEvents(configs) {
  /** @type {Map<string, Series>} */
  const series = new Map();
  /** @type {Map<string, { seriesId: string, occurrence: string, rule: EventRule, times: OccurrenceTimes }>} */
  const overrideIds = new Map();

  for (const config of configs) {
    if (!config.seriesId) series.set(config.id, seriesOf(config, config.recurring === true));
  }
  for (const config of configs) {
    const parent = config.seriesId ? series.get(config.seriesId) : undefined;
    if (!config.seriesId) continue;
    if (!parent) {
      // An override of a series that takes no registrations stands on its own.
      series.set(config.id, seriesOf(config, false));
      continue;
    }
    const zone = config.timezone ?? parent.timeZone;
    const original = readFeedDate(config.recurrenceId ?? '');
    if (!original) throw new TypeError(`Event "${config.id}": recurrenceId "${config.recurrenceId}" is not a feed time`);
    const occurrence = occurrenceKey(original, zone);
    // What the override does not say, it keeps from its series.
    const own = toRule({ ...config, timezone: zone });
    const rule = {
      ...own,
      capacity: config.capacity ?? parent.rule.capacity,
      waitlist: config.waitlist ?? parent.rule.waitlist,
      opensMs: own.opensMs ?? parent.rule.opensMs,
      closesMs: own.closesMs ?? parent.rule.closesMs,
      questions: config.questions ?? parent.rule.questions,
      title: config.title ?? parent.rule.title,
      allDay: config.start ? own.allDay : parent.rule.allDay,
      startsMs: own.startsMs ?? instantOfFeedDate(original, zone),
      durationMs: config.end ? own.durationMs : parent.rule.durationMs,
    };
    const entry = { occurrence, rule, times: timesOf(rule, rule.startsMs) };
    parent.overrides.set(occurrence, entry);
    const moved = config.start ? readFeedDate(config.start) : undefined;
    if (moved) parent.overrides.set(occurrenceKey(moved, zone), entry);
    overrideIds.set(config.id, { seriesId: config.seriesId, ...entry });
  }

  return {
    /**
     * Where a submission's seats are, or why it cannot register. Says nothing of the clock.
     * @param {string} eventId
     * @param {string | undefined} occurrence as submitted
     * @returns {Seats | EventError}
     */
    seats(eventId, occurrence) {
      const override = overrideIds.get(eventId);
      // A session of a series taken whole is registered for through its series.
      const whole = override ? series.get(override.seriesId)?.whole : undefined;
      if (override && whole) return seriesSeats(override.seriesId, occurrence, whole);
      if (override) return { eventId: override.seriesId, occurrence: override.occurrence, rule: override.rule, times: override.times };
      const found = series.get(eventId);
      if (!found) return { field: 'eventId', message: 'This event does not take registrations here.' };
      if (found.whole) return seriesSeats(eventId, occurrence, found.whole);
      if (!found.recurring) return { eventId, occurrence: '', rule: found.rule, times: found.times };
      if (occurrence === SERIES_OCCURRENCE) return { field: 'occurrence', message: NOT_A_SERIES };
      if (occurrence === undefined || occurrence === '') {
        return { field: 'occurrence', message: 'Choose which date you are registering for.' };
      }
      const time = readFeedDate(occurrence);
      if (!time) return { field: 'occurrence', message: 'The date is not in a form the server understands.' };
      const key = occurrenceKey(time, found.timeZone);
      const replaced = found.overrides.get(key);
      return replaced ? { eventId, ...replaced } : { eventId, occurrence: key, rule: found.rule, times: timesOf(found.rule, instantOfFeedDate(time, found.timeZone)) };
    },

    /**
     * The sessions of an event (or of the series of an override) that takes one registration
     * for all of them; undefined for any other.
     * @param {string} eventId
     */
    sessionsOf(eventId) {
      const seriesId = overrideIds.get(eventId)?.seriesId ?? eventId;
      return series.get(seriesId)?.whole?.sessions;
    },
  };
}

/**
 * @param {RsvpEventConfig} config
 * @param {boolean} recurring
 * @returns {Series}
 */
function seriesOf(config, recurring) {
  const rule = toRule(config);
  const whole = wholeSeriesOf(config, rule);
  return { rule, recurring, timeZone: config.timezone, overrides: new Map(), times: timesOf(rule, rule.startsMs), whole };
}

/**
 * @param {EventRule} rule
 * @param {number | undefined} startsMs
 * @returns {OccurrenceTimes}
 */
function timesOf(rule, startsMs) {
  if (startsMs === undefined) return { startsAt: null, endsAt: null };
  return { startsAt: new Date(startsMs).toISOString(), endsAt: new Date(startsMs + rule.durationMs).toISOString() };
}

/**
 * Why registration is refused at `nowMs`, or undefined when it is open.
 * @param {EventRule} rule
 * @param {number} nowMs
 * @returns {string | undefined}
 */
export function closedReason(rule, nowMs) {
  if (rule.cancelled) return 'This event is cancelled.';
  if (rule.opensMs !== undefined && nowMs < rule.opensMs) return 'Registration for this event is not open yet.';
  if (rule.closesMs !== undefined && nowMs >= rule.closesMs) return 'Registration for this event is closed.';
  return undefined;
}

/**
 * @param {RsvpEventConfig} config
 * @returns {EventRule}
 */
function toRule(config) {
  const { capacity } = config;
  if (capacity !== undefined && capacity !== null && !(Number.isInteger(capacity) && capacity >= 0)) {
    throw new TypeError(`Event "${config.id}": capacity must be a whole number of seats from 0, not ${JSON.stringify(capacity)}`);
  }
  // People write feeds: a start the server cannot read leaves the event without times (retention
  // then counts from each registration) rather than refusing it.
  const start = config.start ? readFeedDate(config.start) : undefined;
  const end = config.end ? readFeedDate(config.end) : undefined;
  const startsMs = start && instantOfFeedDate(start, config.timezone);
  const endsMs = end ? instantOfFeedDate(end, config.timezone) : undefined;
  const durationMs = startsMs === undefined ? 0 : endsMs !== undefined && endsMs > startsMs ? endsMs - startsMs : start?.kind === 'date' ? 86_400_000 : 0;
  return {
    id: config.id,
    title: config.title ?? config.id,
    timeZone: config.timezone,
    allDay: start?.kind === 'date',
    startsMs,
    durationMs,
    capacity: capacity ?? undefined,
    waitlist: config.waitlist === true,
    opensMs: windowEdge(config, 'opens'),
    closesMs: windowEdge(config, 'closes'),
    cancelled: config.cancelled === true,
    questions: config.questions ?? [],
  };
}

const QUESTION_TYPES = ['text', 'textarea', 'email', 'tel', 'number', 'select', 'radio', 'checkbox', 'checkboxes'];
const CHOICE_TYPES = ['select', 'radio', 'checkboxes'];

/**
 * The questions a form shows, read as the form reads them (feed-format.md "Question"): one without
 * an id or a label, of an unknown type, or a choice without options is not shown, so not asked.
 * @param {unknown} value
 * @returns {Question[] | undefined}
 */
function questionsOf(value) {
  if (!Array.isArray(value)) return undefined;
  /** @type {Question[]} */
  const questions = [];
  for (const q of value) {
    if (!isObject(q)) continue;
    const id = typeof q.id === 'number' && Number.isFinite(q.id) ? String(q.id) : typeof q.id === 'string' ? q.id.trim() : '';
    const label = typeof q.label === 'string' ? q.label.trim() : '';
    const type = q.type === undefined ? 'text' : String(q.type);
    const options = Array.isArray(q.options) ? q.options.filter((o) => typeof o === 'string').map((o) => o.trim()) : undefined;
    if (!id || !label || !QUESTION_TYPES.includes(type) || (CHOICE_TYPES.includes(type) && !options?.length)) continue;
    questions.push({ id, type, required: q.required === true, options: CHOICE_TYPES.includes(type) ? options : undefined });
  }
  return questions.slice(0, 50);
}

/**
 * @param {RsvpEventConfig} config
 * @param {'opens' | 'closes'} edge
 */
function windowEdge(config, edge) {
  const value = config[edge];
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`Event "${config.id}": ${edge} is an invalid Date`);
    return value.getTime();
  }
  const time = readFeedDate(String(value));
  if (!time) throw new TypeError(`Event "${config.id}": ${edge} "${value}" is not a feed time`);
  return instantOfFeedDate(time, config.timezone);
}

/**
 * The value when it is a readable feed time.
 * @param {unknown} value
 */
function feedTime(value) {
  return typeof value === 'string' && readFeedDate(value) ? value : undefined;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
