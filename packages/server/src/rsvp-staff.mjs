// @ts-check
/**
 * The staff side of the registration endpoint, behind the staff token (staff-auth.mjs):
 *
 *   GET    {path}/staff                               the events with their counts (HTML, or JSON)
 *   GET    {path}/staff/attendance?eventId=…&occurrence=…      one occurrence's list (HTML)
 *   GET    {path}/staff/attendance.csv?eventId=…&occurrence=…  the same as CSV
 *   GET    {path}/export.csv[?eventId=…[&occurrence=…]]        every registration as CSV
 *   POST   {path}/registrations/{id}/check-in          check in (a form field undo=1 undoes)
 *   DELETE {path}/registrations/{id}/check-in          undo a check-in
 *   DELETE {path}/registrations/{id}                   cancel, and promote the first waiting
 */
import { sendHtml } from './html-page.mjs';
import { header, readText, sendJson } from './http-io.mjs';
import { registrationRows, toCsv } from './rsvp-csv.mjs';
import { attendanceHref, attendanceHtml, STAFF_STYLE, staffIndexHtml } from './rsvp-staff-pages.mjs';
import { SERIES_OCCURRENCE } from './rsvp-series.mjs';
import { crossSiteReason, STAFF_REALM, staffCredential } from './staff-auth.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 * @typedef {'staff' | 'attendance' | 'attendance-csv' | 'export' | 'check-in' | 'staff-cancel'} StaffRoute
 * @typedef {import('./rsvp-store.mjs').RegistrationRow} RegistrationRow
 */

/**
 * @typedef {object} StaffOptions
 * @property {import('./rsvp-store.mjs').RsvpStore} store
 * @property {string | null} token the staff token; without one every staff route answers 404
 * @property {string} path the endpoint's path
 * @property {() => string[]} publicOrigins
 * @property {(eventId: string, occurrence: string) => { title: string, capacity: number | undefined, timeZone: string | undefined, allDay: boolean } | undefined} eventOf
 *   what the events say of an occurrence now (undefined: gone from the feed)
 * @property {import('./rsvp-store.mjs').CapacityOf} capacityOf
 * @property {(eventId: string) => import('./rsvp-series.mjs').Session[] | undefined} sessionsOf
 *   the sessions of an event that takes one registration for all of them (rsvp-series.mjs)
 * @property {() => Date} now
 * @property {(request: Request) => boolean} allowAttempt counts a failed login against the
 *   client's budget; false when it is spent
 */

/** The staff routes below the endpoint's path, or undefined. */
const ROUTES = /** @type {const} */ ([
  [/^\/staff$/, 'staff'],
  [/^\/staff\/attendance$/, 'attendance'],
  [/^\/staff\/attendance\.csv$/, 'attendance-csv'],
  [/^\/export\.csv$/, 'export'],
  [/^\/registrations\/[1-9][0-9]{0,15}\/check-in$/, 'check-in'],
  [/^\/registrations\/[1-9][0-9]{0,15}$/, 'staff-cancel'],
]);

/** @type {Record<StaffRoute, string>} */
export const STAFF_METHODS = {
  staff: 'GET, HEAD, OPTIONS',
  attendance: 'GET, HEAD, OPTIONS',
  'attendance-csv': 'GET, HEAD, OPTIONS',
  export: 'GET, HEAD, OPTIONS',
  'check-in': 'POST, DELETE, OPTIONS',
  'staff-cancel': 'DELETE, OPTIONS',
};

/**
 * The staff route a path below the endpoint names.
 * @param {string} rest the path after the endpoint's
 * @returns {StaffRoute | undefined}
 */
export function staffRouteOf(rest) {
  return ROUTES.find(([pattern]) => pattern.test(rest))?.[1];
}

/** @param {StaffOptions} options */
export function createStaffRoutes(options) {
  const { store, token, path } = options;
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

  /**
   * Serves a staff route; the method is already known to be one the route takes.
   * @param {StaffRoute} route
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  async function serve(route, request, response, url) {
    if (!token) {
      request.resume();
      return sendJson(request, response, 404, { error: 'Staff pages are off: start the server with a staff token (RSVP_EXPORT_TOKEN, or CIVIC_STAFF_TOKEN for serve).' });
    }
    const credential = staffCredential(request, token);
    if (!credential) {
      request.resume();
      if (!options.allowAttempt(request)) return sendJson(request, response, 429, { error: 'Too many attempts; try again in a minute.' }, { 'Retry-After': '60' });
      // Both challenges: a script sends Bearer, a browser shows its login box for Basic.
      return sendJson(request, response, 401, { error: 'Staff only: send the staff token (Authorization: Bearer <token>).' }, {
        'WWW-Authenticate': ['Bearer realm="rsvp-export"', STAFF_REALM],
      });
    }
    if (request.method === 'POST' || request.method === 'DELETE') {
      const refused = crossSiteReason(request, options.publicOrigins(), credential);
      if (refused) {
        request.resume();
        return sendJson(request, response, 403, { error: `Refused: ${refused}.` });
      }
    }
    const id = Number(/\/registrations\/(\d+)/.exec(url.pathname)?.[1]);
    if (route === 'check-in') return checkIn(request, response, id);
    request.resume();
    if (route === 'staff-cancel') return cancel(request, response, id);
    if (route === 'staff') return index(request, response);
    if (route === 'export') return sendCsv(request, response, await listFor(url), `rsvp-${url.searchParams.get('eventId') || 'all'}`);
    const which = seatsOf(url.searchParams.get('eventId') ?? '', url.searchParams.get('occurrence') ?? '');
    if (!which.eventId) return sendJson(request, response, 400, { error: 'Which event? Add ?eventId=… (and &occurrence=… for a date of a series).' });
    const rows = await store.list(which);
    const { confirmed, waitlisted } = attendees(rows);
    if (route === 'attendance-csv') {
      const name = `attendance-${which.eventId}${which.occurrence ? `-${which.occurrence.slice(0, 10)}` : ''}`;
      return sendCsv(request, response, [...confirmed, ...waitlisted], name);
    }
    const summary = await summaryOf(which, rows);
    return sendHtml(request, response, 200, attendanceHtml(path, summary, confirmed.map(attendee), waitlisted.map(attendee)), STAFF_STYLE);
  }

  /**
   * @param {URL} url
   */
  function listFor(url) {
    const eventId = url.searchParams.get('eventId') || undefined;
    const occurrence = url.searchParams.get('occurrence') ?? undefined;
    return store.list(eventId === undefined || occurrence === undefined ? { eventId, occurrence } : seatsOf(eventId, occurrence));
  }

  /**
   * Where the registrations for an occurrence are: for any session of a series taken whole, the
   * series' (every series registrant attends every session).
   * @param {string} eventId
   * @param {string} occurrence
   */
  function seatsOf(eventId, occurrence) {
    return { eventId, occurrence: eventId && options.sessionsOf(eventId) ? SERIES_OCCURRENCE : occurrence };
  }

  /**
   * The standing registrations: the confirmed by name, the waitlist in order.
   * @param {RegistrationRow[]} rows
   */
  function attendees(rows) {
    const standing = rows.filter((row) => !row.cancelled_at);
    return {
      confirmed: standing.filter((row) => row.status === 'confirmed').sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
      waitlisted: standing.filter((row) => row.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
    };
  }

  /**
   * @param {{ eventId: string, occurrence: string }} which
   * @param {RegistrationRow[]} rows
   * @returns {Promise<import('./rsvp-staff-pages.mjs').OccurrenceSummary>}
   */
  async function summaryOf(which, rows) {
    const event = options.eventOf(which.eventId, which.occurrence);
    const standing = rows.filter((row) => !row.cancelled_at);
    const startsAt = (await store.times(which.eventId, which.occurrence))?.starts_at ?? null;
    return {
      ...which,
      title: event?.title ?? which.eventId,
      startsAt,
      timeZone: event?.timeZone,
      allDay: event?.allDay ?? false,
      capacity: event?.capacity,
      confirmed: standing.filter((row) => row.status === 'confirmed').length,
      waitlisted: standing.filter((row) => row.status === 'waitlisted').length,
      cancelled: rows.length - standing.length,
      checkedIn: standing.filter((row) => row.checked_in_at).length,
      sessions: options.sessionsOf(which.eventId)?.length,
    };
  }

  /**
   * @param {Request} request
   * @param {Response} response
   */
  async function index(request, response) {
    const occurrences = (await store.occurrences()).map((o) => {
      const event = options.eventOf(o.event_id, o.occurrence);
      return {
        eventId: o.event_id, occurrence: o.occurrence, title: event?.title ?? o.event_id, startsAt: o.starts_at,
        endsAt: o.ends_at, timeZone: event?.timeZone, allDay: event?.allDay ?? false, capacity: event?.capacity, confirmed: o.confirmed,
        waitlisted: o.waitlisted, cancelled: o.cancelled, checkedIn: o.checked_in,
        sessions: o.occurrence === SERIES_OCCURRENCE ? options.sessionsOf(o.event_id)?.length : undefined,
      };
    });
    const accept = header(request, 'accept') ?? '';
    if (/application\/json/.test(accept) && !/text\/html/.test(accept)) {
      return sendJson(request, response, 200, {
        occurrences: occurrences.map(({ timeZone: _zone, allDay: _allDay, ...o }) => ({
          ...o, capacity: o.capacity ?? null, attendance: attendanceHref(path, o), csv: attendanceHref(path, o, 'csv'),
        })),
      });
    }
    return sendHtml(request, response, 200, staffIndexHtml(path, occurrences, options.now().getTime()), STAFF_STYLE);
  }

  /**
   * POST checks in (or, from the page's Undo button, undoes with the form field undo=1); DELETE
   * undoes. A form post is answered with the list again (303), anything else with JSON.
   * @param {Request} request
   * @param {Response} response
   * @param {number} id
   */
  async function checkIn(request, response, id) {
    const form = /application\/x-www-form-urlencoded/.test(header(request, 'content-type') ?? '');
    let undo = request.method === 'DELETE';
    if (form) {
      const read = await readText(request, 1024);
      if ('problem' in read) return sendJson(request, response, 400, { error: 'The form could not be read.' });
      undo = undo || new URLSearchParams(read.text).get('undo') === '1';
    } else {
      request.resume();
    }
    const state = await store.state(id);
    if (!state) return sendJson(request, response, 404, { error: `No registration ${id}.` });
    if (state.cancelled_at) return sendJson(request, response, 409, { error: `Registration ${id} is cancelled.` });
    const at = undo ? null : options.now().toISOString();
    await store.checkIn(id, at);
    if (form) {
      const back = `${attendanceHref(path, { eventId: state.event_id, occurrence: state.occurrence })}#r${id}`;
      response.writeHead(303, { Location: back, 'Cache-Control': 'no-store', 'Content-Length': '0' });
      return response.end();
    }
    return sendJson(request, response, 200, { id, checkedIn: !undo, checkedInAt: at });
  }

  /**
   * @param {Request} request
   * @param {Response} response
   * @param {number} id
   */
  async function cancel(request, response, id) {
    const result = await store.cancel(id, options.capacityOf);
    if (result.kind === 'unknown') return sendJson(request, response, 404, { error: `No registration ${id}.` });
    return sendJson(request, response, 200, {
      id, status: 'cancelled', alreadyCancelled: result.kind === 'already', promoted: result.promoted,
    });
  }

  return { serve };
}

/**
 * Registrations as a CSV download; quoted and formula-safe (rsvp-csv.mjs).
 * @param {Request} request
 * @param {Response} response
 * @param {RegistrationRow[]} rows
 * @param {string} name the file's name, without extension
 */
function sendCsv(request, response, rows, name) {
  // The byte-order mark makes Excel read the file as UTF-8 rather than the system's code page.
  const bytes = Buffer.from(`\ufeff${toCsv(registrationRows(rows))}`);
  response.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.csv"`,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * @param {RegistrationRow} row
 * @returns {import('./rsvp-staff-pages.mjs').Attendee}
 */
function attendee(row) {
  /** @type {Record<string, unknown>} */
  let answers = {};
  try {
    answers = JSON.parse(row.answers);
  } catch {
    answers = {};
  }
  const text = Object.entries(answers)
    .map(([id, value]) => `${id}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
  return {
    id: row.id, name: row.name, status: row.status, accommodations: row.accommodations, answers: text, checkedInAt: row.checked_in_at,
  };
}
