// @ts-check
/**
 * The RSVP endpoint (feed-format.md "Submission") as a node:http request handler that any server
 * can mount: the reference server (rsvp-server.mjs) and the demo server (scripts/serve.mjs).
 *
 *   POST    {path}             register; 201 confirmed | waitlisted, 200 already registered
 *                              (same email, same occurrence), 409 full, 422 errors; for a series
 *                              taken whole, one registration for every session (rsvp-series.mjs)
 *   OPTIONS {path}[/…]         CORS preflight for the configured origins
 *   GET     {path}/health      { ok: true }
 *   GET     {path}/cancel?token=…   a page asking to confirm (a mail scanner's GET changes nothing)
 *   POST    {path}/cancel?token=…   the patron cancels; the first waiting takes the seat
 *   …and the staff routes of rsvp-staff.mjs (export, attendance, check-in, staff cancel).
 */
import { dirname } from 'node:path';
import { cancelToken, loadCancelSecret, tokenId, tokenMatches } from './cancel-link.mjs';
import { clientAddressOf } from './client-address.mjs';
import { escapeHtml, htmlDocument, sendHtml } from './html-page.mjs';
import { header, isJsonContentType, readText, sendJson } from './http-io.mjs';
import { hashSubmission, idempotencyKey } from './idempotency.mjs';
import { createMailer } from './mail/mail-worker.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { closedReason, compileEvents, eventsFromFeed } from './rsvp-events.mjs';
import { weakTokenReason } from './rsvp-export.mjs';
import { createStaffRoutes, STAFF_METHODS, staffRouteOf } from './rsvp-staff.mjs';
import { isPostgresUrl, openRsvpStore } from './rsvp-store.mjs';
import { answerErrors, validateSubmission } from './rsvp-validate.mjs';

/** Far more than any registration needs (answers included), far less than a slow-loris wants. */
export const MAX_BODY_BYTES = 32 * 1024;
const DEFAULT_RATE_LIMIT = { windowMs: 60_000, max: 30 };
/** Days after an occurrence ends that its registrations' personal data is kept (docs/privacy.md). */
export const DEFAULT_RETENTION_DAYS = 30;
/** How often the retention job runs, besides at start. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/**
 * @typedef {import('./rsvp-events.mjs').RsvpEventConfig} RsvpEventConfig
 * @typedef {import('./client-address.mjs').TrustProxy} TrustProxy
 * @typedef {import('./client-address.mjs').ForwardedHeader} ForwardedHeader
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * @typedef {object} RsvpHandlerOptions
 * @property {string} [dbPath] SQLite file, an absolute path (created with its folder when
 *   missing), or ':memory:'
 * @property {string} [databaseUrl] a PostgreSQL database instead (postgres://user:password@host/db),
 *   which several server processes can share; needs `cancelSecret` (or CIVIC_CANCEL_SECRET), the
 *   same in every process
 * @property {RsvpEventConfig[] | (() => RsvpEventConfig[])} [events] events taking registrations;
 *   a function is asked on every registration, and the list is compiled again only when it
 *   returns a different array
 * @property {unknown | (() => unknown)} [feed] a feed document (feed-format.md), or a function
 *   returning the current one (a refreshed feed: return the same object until it changes, since
 *   its events are worked out once per object); its events with `rsvp` take registrations.
 *   `events` wins over it for the same id.
 * @property {string[]} [allowedOrigins] origins (exact `scheme://host:port`) whose pages may post
 *   cross-origin
 * @property {string | string[] | (() => string[])} [publicOrigin] the origin(s) patrons reach
 *   this server at (`https://events.library.org`): pages there may post as same-origin. The
 *   request's Host header is never used for this; a function serves a server that learns its
 *   port when it listens (the demo).
 * @property {TrustProxy} [trustProxy] which reverse proxies may say who the client is (see
 *   client-address.mjs); default false: forwarding headers are ignored
 * @property {ForwardedHeader} [forwardedHeader] the header those proxies write (default `x-forwarded-for`)
 * @property {{ windowMs: number, max: number, maxClients?: number } | false} [rateLimit] per client
 *   address, counted apart for registrations and cancel links, and for failed staff logins
 *   (default 30 a minute; false turns it off)
 * @property {string} [path] where the endpoint lives (default '/api/rsvp')
 * @property {string | null} [exportToken] the staff token (export, attendance lists, check-in,
 *   staff cancel), at least 32 random bytes (43 base64url characters); a weaker one is refused at
 *   start. Default: the RSVP_EXPORT_TOKEN environment variable; without one those routes answer 404.
 * @property {(line: string) => void} [log] where the one-line log messages go (default: stderr
 *   with an ISO time); they never hold patron data
 * @property {() => Date} [now] the clock: registration windows, the times recorded, and the
 *   retention period (tests move it)
 * @property {string | Buffer} [cancelSecret] signs the cancel links (cancel-link.mjs). Default:
 *   the CIVIC_CANCEL_SECRET environment variable, else the `cancel-secret` file beside the
 *   database (created at first start). Every process serving one database needs the same one.
 * @property {number} [retentionDays] days after an occurrence ends that its registrations'
 *   personal data is kept (default 30; 0: deleted once it ends)
 * @property {import('./mail/mail-worker.mjs').MailOptions} [mail] confirmation, waitlist, promotion,
 *   cancellation and reminder messages over SMTP (docs/server.md "Mail"); off without it. Needs
 *   `publicOrigin`, which the messages' links start with.
 */

/** @param {string} line */
const defaultLog = (line) => console.error(`${new Date().toISOString()} rsvp: ${line}`);

/**
 * Creates the RSVP request handler. It opens the database at once, so configuration errors
 * (a bad capacity, an unwritable path) throw here rather than on the first registration.
 * @param {RsvpHandlerOptions} options
 */
export function createRsvpHandler(options) {
  const path = (options.path ?? '/api/rsvp').replace(/\/+$/, '') || '/api/rsvp';
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => originOf(origin, 'allowedOrigins')));
  const publicOrigins = publicOriginsOf(options.publicOrigin);
  const clientAddress = clientAddressOf(options.trustProxy, options.forwardedHeader);
  const limits = options.rateLimit === false ? undefined : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  // Two budgets: patrons registering cannot use up the one library staff export with.
  const limiters = limits && { submit: createRateLimiter(limits), export: createRateLimiter(limits) };
  const exportToken = (options.exportToken === undefined ? process.env.RSVP_EXPORT_TOKEN : options.exportToken) || null;
  const weak = exportToken ? weakTokenReason(exportToken) : undefined;
  if (weak) throw new TypeError(`RSVP export: ${weak}`);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? defaultLog;
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 3650) {
    throw new TypeError(`retentionDays must be a whole number of days from 0 to 3650, not ${JSON.stringify(retentionDays)}`);
  }
  // Mail (#17 item 3): queued in the store's transactions, sent by a worker outside requests.
  if (options.mail && options.publicOrigin === undefined) {
    throw new TypeError('mail: set publicOrigin too: the links in the messages start with it');
  }
  const mailer = options.mail ? createMailer(options.mail, { feed: options.feed, cancelUrl: mailCancelUrl, log }) : undefined;
  // The store first: it refuses a relative path, which would put the secret in the working directory.
  const where = options.databaseUrl ?? options.dbPath;
  if (!where) throw new TypeError('Say where registrations are kept: dbPath (a SQLite file) or databaseUrl (PostgreSQL).');
  const postgres = isPostgresUrl(where);
  const cancelSecret = options.cancelSecret === undefined ? process.env.CIVIC_CANCEL_SECRET : options.cancelSecret;
  if (postgres && !cancelSecret) {
    throw new TypeError('With PostgreSQL, set CIVIC_CANCEL_SECRET (the same in every server process), so that a cancel link works whichever process answers it.');
  }
  const store = openRsvpStore(where, { now, ...(mailer ? { mail: mailer.hooks } : {}) });
  /** @type {Buffer} */
  let secret;
  /** @type {ReturnType<typeof eventCatalog>} */
  let catalog;
  try {
    secret = Buffer.isBuffer(options.cancelSecret) && options.cancelSecret.length >= 32
      ? options.cancelSecret
      : loadCancelSecret({
        env: cancelSecret === undefined ? undefined : String(cancelSecret),
        dataDir: postgres || where === ':memory:' ? undefined : dirname(where),
      });
    // When the events change (a refreshed feed raised a capacity or moved a date), the people
    // waiting get the new seats at once, in order, and the retention period follows the new end.
    catalog = eventCatalog(options, log, (events) => {
      applying = applyEventsOf(events).then(() => {}, (error) => {
        log(`the changed events could not be applied: ${error instanceof Error ? error.message : error}`);
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  /** @type {Promise<void>} the events' last change, being applied */
  let applying = Promise.resolve();
  let closed = false;
  // Once the database is open: the events as they are now, the retention job, then the mail.
  const ready = store.ready
    .then(() => applyEventsOf(catalog()))
    .then(() => purgeExpired())
    .then(() => mailer?.start(store));
  ready.catch(() => {});
  const staff = createStaffRoutes({
    store,
    token: exportToken,
    path,
    publicOrigins,
    eventOf(eventId, occurrence) {
      const seats = catalog().seats(eventId, occurrence || undefined);
      const { title, capacity, timeZone, allDay } = 'field' in seats ? {} : seats.rule;
      return title === undefined ? undefined : { title, capacity, timeZone, allDay: allDay === true };
    },
    capacityOf,
    sessionsOf: (eventId) => catalog().sessionsOf(eventId),
    now,
    allowAttempt: (request) => limiters?.export.hit(clientAddress(request)).ok ?? true,
  });
  const retentionTimer = setInterval(() => {
    // A database busy past its timeout now is tried again in an hour, not a crash.
    purgeExpired().catch((error) => {
      log(`the retention job failed, and runs again in an hour: ${error instanceof Error ? error.message : error}`);
    });
  }, RETENTION_EVERY_MS);
  retentionTimer.unref();

  /**
   * Deletes the personal data of registrations for occurrences that ended more than
   * `retentionDays` ago; returns how many.
   */
  async function purgeExpired() {
    if (closed) return 0;
    const purged = await store.purgeEndedBefore(new Date(now().getTime() - retentionDays * DAY_MS).toISOString());
    if (purged > 0) log(`deleted the personal data of ${purged} registrations for events that ended more than ${retentionDays} days ago`);
    return purged;
  }

  /**
   * @param {string} pathname
   * @returns {Route | undefined}
   */
  function routeOf(pathname) {
    if (pathname === path) return 'submit';
    if (pathname === `${path}/health`) return 'health';
    if (pathname === `${path}/cancel`) return 'cancel';
    if (!pathname.startsWith(`${path}/`)) return undefined;
    return staffRouteOf(pathname.slice(path.length)) ?? 'unknown';
  }

  /**
   * @param {Route} route
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  async function serve(route, request, response, url) {
    response.setHeader('Vary', 'Origin');
    const origin = header(request, 'origin');
    const staffRoute = route in STAFF_METHODS;
    // Staff routes answer no other origin (no CORS) and check their own (rsvp-staff.mjs).
    if (origin !== undefined && !staffRoute) {
      if (allowedOrigins.has(origin)) {
        response.setHeader('Access-Control-Allow-Origin', origin);
        // So a form on another origin can wait as long as a 429 asks.
        response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      } else if (route !== 'cancel' && !publicOrigins().includes(origin)) {
        // The cancel route is exempt: its token is the authority, so a page elsewhere cannot
        // forge a cancellation, and the confirm page's own form posts from wherever it is served.
        return sendJson(request, response, 403, { error: `Pages on ${origin} may not use this RSVP endpoint.` });
      }
    }
    const methods = METHODS[route];
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        Allow: methods,
        'Access-Control-Allow-Methods': methods,
        'Access-Control-Allow-Headers': route === 'submit' ? 'Content-Type, Idempotency-Key' : 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      return response.end();
    }
    if (route === 'unknown') return sendJson(request, response, 404, { error: 'Not found.' });
    const allowed = methods.split(', ').includes(request.method ?? '') && request.method !== 'OPTIONS';
    if (!allowed) return sendJson(request, response, 405, { error: `Use ${methods}.` }, { Allow: methods });
    if (closed) return sendJson(request, response, 503, { error: 'The RSVP service is shutting down.' });
    if (route === 'health') {
      const ok = await store.ping();
      return sendJson(request, response, ok ? 200 : 503, { ok });
    }

    // Staff with the token are not limited (a door's check-ins come fast); their failed logins are.
    const limiter = staffRoute ? undefined : limiters?.submit;
    if (limiter) {
      const decision = limiter.hit(clientAddress(request));
      if (!decision.ok) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        return sendJson(request, response, 429, { error: `Too many requests; try again in ${seconds} s.` }, {
          'Retry-After': String(seconds),
        });
      }
    }
    // Asking for the events applies a capacity raised since the last request.
    catalog();
    await applying;
    if (route === 'cancel') return cancelByToken(request, response, url);
    if (route === 'submit') return submit(request, response);
    return staff.serve(/** @type {import('./rsvp-staff.mjs').StaffRoute} */ (route), request, response, url);
  }

  /**
   * The capacity of an occurrence as the events say now; null when the event no longer takes
   * registrations.
   * @param {string} eventId
   * @param {string} occurrence
   * @param {ReturnType<typeof compileEvents>} [events] the events to ask (default: as they are now)
   */
  function capacityOf(eventId, occurrence, events = catalog()) {
    const seats = events.seats(eventId, occurrence || undefined);
    return 'field' in seats ? null : seats.rule.capacity;
  }

  /**
   * An occurrence's times as the events say now; undefined when they do not say (the times
   * last known stay).
   * @param {string} eventId
   * @param {string} occurrence
   * @param {ReturnType<typeof compileEvents>} [events] the events to ask (default: as they are now)
   */
  function timesOf(eventId, occurrence, events = catalog()) {
    const seats = events.seats(eventId, occurrence || undefined);
    return 'field' in seats || seats.times.startsAt === null ? undefined : seats.times;
  }

  /**
   * Applies these events to the store (new times, seats a larger capacity frees). They are asked
   * as they are, not anew: asking anew could derive them again and apply them again, without end.
   * @param {ReturnType<typeof compileEvents>} events
   */
  function applyEventsOf(events) {
    return store.applyEvents((eventId, occurrence) => capacityOf(eventId, occurrence, events),
      (eventId, occurrence) => timesOf(eventId, occurrence, events));
  }

  /**
   * The cancel link of a registration: absolute when a public origin is configured, else a path
   * on the endpoint. Any message may carry it: it is worked out, not stored.
   * @param {import('./cancel-link.mjs').LinkedRegistration} registration
   */
  function cancelUrlFor(registration) {
    return `${publicOrigins()[0] ?? ''}${path}/cancel?token=${cancelToken(secret, registration)}`;
  }

  /**
   * GET shows what the link is for and a button; POST cancels and deletes the patron's data. A
   * mail scanner or a link preview follows the GET and changes nothing.
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  async function cancelByToken(request, response, url) {
    request.resume();
    const token = url.searchParams.get('token') ?? '';
    const html = request.method !== 'POST' || /text\/html/.test(header(request, 'accept') ?? '');
    const id = tokenId(token);
    const state = id === undefined ? undefined : await store.state(id);
    if (!state || !tokenMatches(secret, token, state)) {
      const error = 'This cancel link is not known: it may be mistyped, or the registration was deleted.';
      return html ? sendPage(request, response, 404, 'Cancel link not found', `<p>${error}</p>`) : sendJson(request, response, 404, { error });
    }
    if (request.method !== 'POST') {
      const body = state.cancelled_at
        ? '<p>This registration is already cancelled.</p>'
        : `<p>This registration is ${state.status === 'confirmed' ? 'confirmed' : 'on the waitlist'}. Cancelling frees the place for the next person waiting, and deletes your name, email and answers.</p>
<form method="post"><button type="submit">Cancel my registration</button></form>`;
      return sendPage(request, response, 200, 'Cancel your registration', body);
    }
    const result = await store.cancel(state.id, capacityOf);
    const done = result.kind === 'already'
      ? 'This registration was already cancelled.'
      : 'Your registration is cancelled, and your name, email and answers are deleted.';
    if (html) return sendPage(request, response, 200, 'Registration cancelled', `<p>${escapeHtml(done)}</p>`);
    return sendJson(request, response, 200, { status: 'cancelled', message: done });
  }

  /**
   * @param {Request} request
   * @param {Response} response
   */
  async function submit(request, response) {
    /** @param {string} error */
    const badRequest = (error, close = false) =>
      sendJson(request, response, 400, { error }, close ? { Connection: 'close' } : {});

    if (!isJsonContentType(header(request, 'content-type'))) {
      request.resume();
      return badRequest('Send the registration as JSON, with Content-Type: application/json.');
    }
    const read = await readText(request, MAX_BODY_BYTES);
    if ('problem' in read && read.problem === 'aborted') {
      log('a client closed the connection before its registration arrived');
      return response.destroy();
    }
    if ('problem' in read) {
      return read.problem === 'tooLarge'
        ? badRequest(`The registration is larger than ${MAX_BODY_BYTES / 1024} KB.`, true)
        : badRequest('The body is not UTF-8 text.');
    }
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(read.text);
    } catch {
      return badRequest('The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest('The body must be a JSON object.');
    }
    const record = /** @type {Record<string, unknown>} */ (body);

    const key = idempotencyKey(header(request, 'idempotency-key'), record.idempotencyKey);
    if ('error' in key) return badRequest(key.error);

    const checked = validateSubmission(record);
    if (checked.errors) return sendJson(request, response, 422, { errors: checked.errors });
    const submission = checked.value;
    const requestHash = hashSubmission(submission);
    // A retry is answered from the record before anything that may have changed since (the
    // clock, the event list) can give it a different answer.
    const earlier = closed ? undefined : await store.find(key.value);
    if (earlier) return replay(request, response, earlier, requestHash, cancelUrlFor);
    // The body took a while to arrive; from here to the store's call all is synchronous, so this
    // check holds (and close() writes what the store holds before it closes the database).
    if (closed) return sendJson(request, response, 503, { error: 'The RSVP service is shutting down.' });

    const seats = catalog().seats(submission.eventId, submission.occurrence);
    if ('field' in seats) return sendJson(request, response, 422, { errors: { [seats.field]: seats.message } });
    const reason = closedReason(seats.rule, now().getTime());
    if (reason) return sendJson(request, response, 422, { errors: { eventId: reason } });
    const unanswered = answerErrors(seats.rule.questions, submission.answers);
    if (unanswered) return sendJson(request, response, 422, { errors: unanswered });

    const result = await store.register(
      {
        eventId: seats.eventId,
        occurrence: seats.occurrence,
        name: submission.name,
        email: submission.email,
        answers: submission.answers,
        accommodations: submission.accommodations,
        language: submission.language ?? null,
        idempotencyKey: key.value,
        requestHash,
        createdAt: now().toISOString(),
      },
      { capacity: seats.rule.capacity, waitlist: seats.rule.waitlist, ...seats.times },
      describeDecision,
    );
    if (result.kind === 'full') {
      return sendJson(request, response, 409, { status: 'full', message: 'Sorry, this event is full.' });
    }
    if (result.kind === 'existing') return replay(request, response, result, requestHash, cancelUrlFor);
    if (result.kind === 'registered') return sendJson(request, response, 200, alreadyRegistered(result.status));
    // The link is added to what is sent, not to the answer stored: a replay works it out again.
    return sendJson(request, response, result.response.status, { ...result.response.body, cancelUrl: cancelUrlFor(result.row) });
  }

  /**
   * The cancel link a message carries: absolute, or none (a page that is not on a public origin).
   * @param {import('./cancel-link.mjs').LinkedRegistration} registration
   */
  function mailCancelUrl(registration) {
    const url = cancelUrlFor(registration);
    return /^https?:\/\//.test(url) ? url : undefined;
  }

  return {
    /**
     * Serves the request when its path is the endpoint's (`path` or below it) and returns true;
     * returns false, touching nothing, for any other path.
     * @param {Request} request
     * @param {Response} response
     * @returns {boolean}
     */
    handle(request, response) {
      /** @type {URL} */
      let url;
      try {
        url = new URL(request.url ?? '/', 'http://localhost');
      } catch {
        return false;
      }
      const route = routeOf(url.pathname);
      if (!route) return false;
      serve(route, request, response, url).catch((error) => {
        log(`internal error: ${error instanceof Error ? error.stack : error}`);
        if (!response.headersSent) sendJson(request, response, 500, { error: 'The server could not take this request.' });
        else response.destroy();
      });
      return true;
    },

    /** The path the endpoint is mounted at. */
    path,

    /**
     * Settles once the database is open, the events applied and the retention job run: a server
     * listens only then. Rejects with a message naming what to fix (an unreachable PostgreSQL).
     */
    ready,

    /**
     * The cancel link of a stored registration (its `id` and `created_at`), for any message to
     * the patron: confirmation, waitlist, promotion, reminder.
     */
    cancelUrlFor,

    /**
     * Runs the retention job now (it also runs at start and every hour): deletes the personal
     * data of registrations whose occurrence ended more than `retentionDays` ago; returns how many.
     */
    purgeExpired,

    /** The store's health and size (and the mail queue's, when mail is on), for a staff status page (no patron data). */
    async status() {
      const stats = await store.stats();
      const mail = await mailer?.counts().catch(() => undefined);
      return mail ? { ...stats, mail } : stats;
    },

    /**
     * Writes a consistent copy of the database to `destination` (a path that does not exist
     * yet) while registrations go on: see docs/server.md "Backups".
     * @param {string} destination
     */
    backup(destination) {
      return store.backup(destination);
    },

    /**
     * Closes the database (once a message being sent is finished); requests after this answer 503.
     * @returns {Promise<void>}
     */
    close() {
      closed = true;
      clearInterval(retentionTimer);
      if (!mailer) return store.close();
      return mailer.stop().finally(() => store.close());
    },
  };
}

/** @typedef {ReturnType<typeof createRsvpHandler>} RsvpHandler */

/** @typedef {'submit' | 'health' | 'cancel' | 'unknown' | import('./rsvp-staff.mjs').StaffRoute} Route */

/** @type {Record<Route, string>} */
const METHODS = {
  submit: 'POST, OPTIONS',
  health: 'GET, HEAD, OPTIONS',
  cancel: 'GET, HEAD, POST, OPTIONS',
  unknown: 'GET, HEAD, OPTIONS',
  ...STAFF_METHODS,
};

/**
 * A small HTML page for a patron who followed a cancel link: no name, email or answers on it.
 * @param {Request} request
 * @param {Response} response
 * @param {number} status
 * @param {string} title
 * @param {string} body trusted markup
 */
function sendPage(request, response, status, title, body) {
  sendHtml(request, response, status, htmlDocument({ title, body: `<main><h1>${escapeHtml(title)}</h1>\n${body}\n</main>` }));
}

/**
 * The events taking registrations, worked out from `feed` and `events` once per feed object and
 * events array, not per registration: a 1,000-event feed costs its derivation when it changes.
 * The first derivation happens here, so a configuration error (a capacity of "ten") stops the
 * start; a later feed with such an error is logged and the last good events stay in force.
 * @param {RsvpHandlerOptions} options
 * @param {(line: string) => void} log
 * @param {(events: ReturnType<typeof compileEvents>) => void} [onChange] called after a later derivation succeeds
 */
function eventCatalog({ events, feed }, log, onChange = () => {}) {
  // One empty list, so that "no events" is the same list on every call.
  const NO_EVENTS = /** @type {RsvpEventConfig[]} */ ([]);
  /** @type {unknown} */
  let lastFeed;
  /** @type {unknown} */
  let lastEvents;
  /** @type {ReturnType<typeof compileEvents> | undefined} */
  let compiled;

  const current = () => {
    const document = typeof feed === 'function' ? feed() : feed;
    const given = typeof events === 'function' ? events() : events ?? NO_EVENTS;
    if (compiled && document === lastFeed && given === lastEvents) return compiled;
    lastFeed = document;
    lastEvents = given;
    try {
      if (!Array.isArray(given)) throw new TypeError('events must be an array of { id, capacity?, waitlist?, … }');
      const ids = new Set(given.map((event) => event.id));
      const fromFeed = eventsFromFeed(document).filter((event) => !ids.has(event.id));
      const first = !compiled;
      compiled = compileEvents([...fromFeed, ...given]);
      if (!first) onChange(compiled);
    } catch (error) {
      if (!compiled) throw error;
      log(`keeping the events of the last good feed: ${error instanceof Error ? error.message : error}`);
    }
    return compiled;
  };
  current();
  return current;
}

/**
 * Answers a key seen before: with its first answer when the registration is the same, or 422 on
 * `idempotencyKey` when it is not (as the IETF Idempotency-Key draft does), since 409 means "full"
 * to the form. The first answer may never have arrived (that is why the client asks again), so
 * the cancel link comes again too, unless the registration is cancelled. Once the registration's
 * personal data is deleted, so is the hash that told a retry apart: the first answer is replayed.
 * @param {Request} request
 * @param {Response} response
 * @param {{ requestHash: string, response: import('./rsvp-store.mjs').StoredResponse, row: import('./rsvp-store.mjs').StoredRow }} earlier
 * @param {string} requestHash
 * @param {(registration: import('./cancel-link.mjs').LinkedRegistration) => string} cancelUrlFor
 */
function replay(request, response, earlier, requestHash, cancelUrlFor) {
  if (!earlier.row.purged && earlier.requestHash !== requestHash) {
    return sendJson(request, response, 422, {
      errors: { idempotencyKey: 'This idempotency key was already used for a different registration.' },
    });
  }
  const body = earlier.row.cancelled ? earlier.response.body : { ...earlier.response.body, cancelUrl: cancelUrlFor(earlier.row) };
  return sendJson(request, response, earlier.response.status, body, { 'Idempotent-Replayed': 'true' });
}

/**
 * @param {import('./rsvp-store.mjs').Decision} decision
 * @returns {import('./rsvp-store.mjs').StoredResponse}
 */
function describeDecision(decision) {
  if (decision.status === 'confirmed') {
    return { status: 201, body: { status: 'confirmed', message: 'You are registered.' } };
  }
  return {
    status: 201,
    body: {
      status: 'waitlisted',
      position: decision.position,
      message: `The event is full; you are number ${decision.position} on the waitlist.`,
    },
  };
}

/**
 * The answer to a second registration by the same email for the same occurrence: whether the
 * first one is confirmed or waiting, and nothing more (no place in line, no link, no name), since
 * whoever knows an email can ask; nothing is stored.
 * @param {import('./rsvp-store.mjs').Decision['status']} status
 */
function alreadyRegistered(status) {
  const message = status === 'confirmed'
    ? 'You are already registered for this event.'
    : 'You are already on the waitlist for this event.';
  return { status, alreadyRegistered: true, message };
}

/**
 * The configured public origins as a function, each checked once and spelled as browsers send
 * Origin (`https://host[:port]`, lower case, no path).
 * @param {RsvpHandlerOptions['publicOrigin']} setting
 * @returns {() => string[]}
 */
function publicOriginsOf(setting) {
  if (typeof setting === 'function') return () => setting().map((origin) => originOf(origin, 'publicOrigin'));
  const fixed = (setting === undefined ? [] : [setting].flat()).map((origin) => originOf(origin, 'publicOrigin'));
  return () => fixed;
}

/**
 * @param {string} text
 * @param {string} option
 */
function originOf(text, option) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${option}: "${text}" is not an origin like https://events.example.org`);
  }
  if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new TypeError(`${option}: "${text}" is not an origin like https://events.example.org (no path)`);
  }
  return url.origin;
}
