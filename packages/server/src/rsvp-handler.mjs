// @ts-check
/**
 * The RSVP endpoint (feed-format.md "Submission") as a node:http request handler that any server
 * can mount: the reference server (rsvp-server.mjs) and the demo server (scripts/serve.mjs).
 *
 *   POST    {path}             register; 201 confirmed | waitlisted, 200 already registered
 *                              (same email, same occurrence), 409 full, 422 errors
 *   OPTIONS {path}[/…]         CORS preflight for the configured origins
 *   GET     {path}/health      { ok: true }
 *   GET     {path}/export.csv  staff export, with `Authorization: Bearer <exportToken>`
 *   GET     {path}/cancel?token=…   a page asking to confirm (a mail scanner's GET changes nothing)
 *   POST    {path}/cancel?token=…   the patron cancels; the first waiting takes the seat
 *   DELETE  {path}/registrations/{id}  staff cancel, with `Authorization: Bearer <exportToken>`
 */
import { createHash, randomBytes } from 'node:crypto';
import { clientAddressOf } from './client-address.mjs';
import { header, isJsonContentType, readText, sendJson } from './http-io.mjs';
import { hashSubmission, idempotencyKey } from './idempotency.mjs';
import { mailLanguageOf } from './mail/mail-texts.mjs';
import { createMailer } from './mail/mail-worker.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { closedReason, compileEvents, eventsFromFeed } from './rsvp-events.mjs';
import { hasBearerToken, sendExport, weakTokenReason } from './rsvp-export.mjs';
import { openRsvpStore } from './rsvp-store.mjs';
import { answerErrors, validateSubmission } from './rsvp-validate.mjs';

/** Far more than any registration needs (answers included), far less than a slow-loris wants. */
export const MAX_BODY_BYTES = 32 * 1024;
const DEFAULT_RATE_LIMIT = { windowMs: 60_000, max: 30 };

/**
 * @typedef {import('./rsvp-events.mjs').RsvpEventConfig} RsvpEventConfig
 * @typedef {import('./client-address.mjs').TrustProxy} TrustProxy
 * @typedef {import('./client-address.mjs').ForwardedHeader} ForwardedHeader
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * @typedef {object} RsvpHandlerOptions
 * @property {string} dbPath SQLite file, an absolute path (created with its folder when
 *   missing), or ':memory:'
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
 *   address, counted apart for registrations and for exports (default 30 a minute; false turns it off)
 * @property {string} [path] where the endpoint lives (default '/api/rsvp')
 * @property {string | null} [exportToken] bearer token for the CSV export, at least 32 random
 *   bytes (43 base64url characters); a weaker one is refused at start. Default: the
 *   RSVP_EXPORT_TOKEN environment variable; without one the export answers 404.
 * @property {(line: string) => void} [log] where the one-line log messages go (default: stderr
 *   with an ISO time); they never hold patron data
 * @property {() => Date} [now] the clock, for registration windows (for tests)
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
  // Mail (#17 item 3): queued in the store's transactions, sent by a worker outside requests.
  if (options.mail && options.publicOrigin === undefined) {
    throw new TypeError('mail: set publicOrigin too: the links in the messages start with it');
  }
  const mailer = options.mail ? createMailer(options.mail, { feed: options.feed, cancelUrl: mailCancelUrl, log }) : undefined;
  const store = openRsvpStore(options.dbPath, mailer ? { mail: mailer.attach } : {});
  mailer?.start();
  // When the events change (a refreshed feed raised a capacity), the people waiting get the new
  // seats at once, in order, rather than at the occurrence's next registration.
  const catalog = eventCatalog(options, log, () => store.promoteWaiting(capacityOf));
  let closed = false;

  /**
   * @param {string} pathname
   * @returns {Route | undefined}
   */
  function routeOf(pathname) {
    if (pathname === path) return 'submit';
    if (pathname === `${path}/health`) return 'health';
    if (pathname === `${path}/export.csv`) return 'export';
    if (pathname === `${path}/cancel`) return 'cancel';
    if (/^\/registrations\/[1-9][0-9]{0,15}$/.test(pathname.slice(path.length))) return 'staff-cancel';
    return pathname.startsWith(`${path}/`) ? 'unknown' : undefined;
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
    if (origin !== undefined) {
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
      const ok = store.ping();
      return sendJson(request, response, ok ? 200 : 503, { ok });
    }

    const limiter = limiters?.[route === 'submit' || route === 'cancel' ? 'submit' : 'export'];
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
    if (route === 'cancel') return cancelByToken(request, response, url);
    if (route === 'staff-cancel') return cancelByStaff(request, response, url);
    return route === 'submit' ? submit(request, response) : sendExport(request, response, url, store, exportToken);
  }

  /**
   * The capacity of an occurrence as the events say now; null when the event no longer takes
   * registrations.
   * @param {string} eventId
   * @param {string} occurrence
   */
  function capacityOf(eventId, occurrence) {
    const seats = catalog().seats(eventId, occurrence || undefined);
    return 'field' in seats ? null : seats.rule.capacity;
  }

  /**
   * GET shows what the link is for and a button; POST cancels. A mail scanner or a link preview
   * follows the GET and changes nothing.
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  function cancelByToken(request, response, url) {
    request.resume();
    const token = url.searchParams.get('token') ?? '';
    const html = request.method !== 'POST' || /text\/html/.test(header(request, 'accept') ?? '');
    const hash = /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : undefined;
    const state = hash === undefined ? undefined : store.cancelState(hash);
    if (!hash || !state) {
      const error = 'This cancel link is not known: it may be mistyped, or the registration was deleted.';
      return html ? sendPage(request, response, 404, 'Cancel link not found', `<p>${error}</p>`) : sendJson(request, response, 404, { error });
    }
    if (request.method !== 'POST') {
      const body = state.status === 'cancelled'
        ? '<p>This registration is already cancelled.</p>'
        : `<p>This registration is ${state.status === 'confirmed' ? 'confirmed' : 'on the waitlist'}. Cancelling frees the place for the next person waiting.</p>
<form method="post"><button type="submit">Cancel my registration</button></form>`;
      return sendPage(request, response, 200, 'Cancel your registration', body);
    }
    const result = store.cancel({ by: 'token', hash }, capacityOf);
    const done = result.kind === 'already' ? 'This registration was already cancelled.' : 'Your registration is cancelled.';
    if (html) return sendPage(request, response, 200, 'Registration cancelled', `<p>${done}</p>`);
    return sendJson(request, response, 200, { status: 'cancelled', message: done });
  }

  /**
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  function cancelByStaff(request, response, url) {
    request.resume();
    if (!exportToken) return sendJson(request, response, 404, { error: 'Staff cancelling is off: start the server with RSVP_EXPORT_TOKEN.' });
    if (!hasBearerToken(request, exportToken)) {
      return sendJson(request, response, 401, { error: 'Staff cancelling needs Authorization: Bearer <token>.' }, {
        'WWW-Authenticate': 'Bearer realm="rsvp-export"',
      });
    }
    const id = Number(url.pathname.slice(path.length + '/registrations/'.length));
    const result = store.cancel({ by: 'id', id }, capacityOf);
    if (result.kind === 'unknown') return sendJson(request, response, 404, { error: `No registration ${id}.` });
    return sendJson(request, response, 200, {
      id, status: 'cancelled', alreadyCancelled: result.kind === 'already', promoted: result.promoted,
    });
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
    // The body took a while to arrive; from here to the store's queue all is synchronous, so this
    // check holds (and close() writes the queue before it closes the database).
    if (closed) return sendJson(request, response, 503, { error: 'The RSVP service is shutting down.' });

    // A retry is answered from the record before anything that may have changed since (the
    // clock, the event list) can give it a different answer.
    const earlier = store.find(key.value);
    if (earlier) return replay(request, response, earlier, requestHash, () => renewLink(key.value));

    const seats = catalog().seats(submission.eventId, submission.occurrence);
    if ('field' in seats) return sendJson(request, response, 422, { errors: { [seats.field]: seats.message } });
    const reason = closedReason(seats.rule, now().getTime());
    if (reason) return sendJson(request, response, 422, { errors: { eventId: reason } });
    const unanswered = answerErrors(seats.rule.questions, submission.answers);
    if (unanswered) return sendJson(request, response, 422, { errors: unanswered });

    // 256 random bits; only their hash is stored, so the database cannot cancel for anyone.
    const cancelToken = randomBytes(32).toString('base64url');
    const result = await store.registerSoon(
      {
        cancelHash: hashToken(cancelToken),
        eventId: seats.eventId,
        occurrence: seats.occurrence,
        name: submission.name,
        email: submission.email,
        answers: submission.answers,
        accommodations: submission.accommodations,
        idempotencyKey: key.value,
        requestHash,
        createdAt: new Date().toISOString(),
        ...(mailer ? { mail: { language: mailLanguageOf(record.language), cancelToken } } : {}),
      },
      { capacity: seats.rule.capacity, waitlist: seats.rule.waitlist },
      describeDecision,
    );
    if (result.kind === 'full') {
      return sendJson(request, response, 409, { status: 'full', message: 'Sorry, this event is full.' });
    }
    if (result.kind === 'existing') return replay(request, response, result, requestHash, () => renewLink(key.value));
    if (result.kind === 'registered') return sendJson(request, response, 200, alreadyRegistered(result.decision));
    // The link is added to what is sent, not to the answer stored for a replay: the token is
    // not kept.
    return sendJson(request, response, result.response.status, { ...result.response.body, cancelUrl: cancelUrlOf(cancelToken) });
  }

  /**
   * The cancel link a message carries, absolute or none. #17: until links are derived from the
   * row (`cancelUrlFor`), only a registration's first message has one, its token kept in the
   * queue row until sent. Repoint here.
   * @param {number} _registrationId
   * @param {import('./mail/mail-queue.mjs').MailDetails} details
   */
  function mailCancelUrl(_registrationId, details) {
    const url = details.token ? cancelUrlOf(details.token) : undefined;
    return url && /^https?:\/\//.test(url) ? url : undefined;
  }

  /** @param {string} token */
  function cancelUrlOf(token) {
    return `${publicOrigins()[0] ?? ''}${path}/cancel?token=${token}`;
  }

  /**
   * A replay's cancel link: the first answer may never have arrived (that is why the client
   * asks again), and its token is not kept, so a new one replaces it. Undefined when the
   * registration is cancelled.
   * @param {string} idempotencyKey
   */
  function renewLink(idempotencyKey) {
    const token = randomBytes(32).toString('base64url');
    return store.renewCancelHash(idempotencyKey, hashToken(token)) ? cancelUrlOf(token) : undefined;
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

    /** The store's health and size (and the mail queue's, when mail is on), for a staff status page (no patron data). */
    status() {
      const mail = mailer?.counts();
      return mail ? { ...store.stats(), mail } : store.stats();
    },

    /**
     * Writes a consistent copy of the database to `destination` (a path that does not exist
     * yet) while registrations go on: see docs/server.md "Backups".
     * @param {string} destination
     */
    backup(destination) {
      store.backup(destination);
    },

    /**
     * Closes the database (once a message being sent is finished); requests after this answer 503.
     * @returns {Promise<void>}
     */
    close() {
      closed = true;
      if (!mailer) {
        store.close();
        return Promise.resolve();
      }
      return mailer.stop().finally(() => store.close());
    },
  };
}

/** @typedef {ReturnType<typeof createRsvpHandler>} RsvpHandler */

/** @typedef {'submit' | 'health' | 'export' | 'cancel' | 'staff-cancel' | 'unknown'} Route */

/** @type {Record<Route, string>} */
const METHODS = {
  submit: 'POST, OPTIONS',
  health: 'GET, HEAD, OPTIONS',
  export: 'GET, HEAD, OPTIONS',
  cancel: 'GET, HEAD, POST, OPTIONS',
  'staff-cancel': 'DELETE, OPTIONS',
  unknown: 'GET, HEAD, OPTIONS',
};

/** @param {string} token */
function hashToken(token) {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * A small HTML page for a patron who followed a cancel link: no name, email or answers on it.
 * @param {Request} request
 * @param {Response} response
 * @param {number} status
 * @param {string} title
 * @param {string} body trusted markup
 */
function sendPage(request, response, status, title, body) {
  const bytes = Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title></head>
<body><main><h1>${title}</h1>
${body}
</main></body></html>
`);
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; form-action 'self'",
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * The events taking registrations, worked out from `feed` and `events` once per feed object and
 * events array, not per registration: a 1,000-event feed costs its derivation when it changes.
 * The first derivation happens here, so a configuration error (a capacity of "ten") stops the
 * start; a later feed with such an error is logged and the last good events stay in force.
 * @param {RsvpHandlerOptions} options
 * @param {(line: string) => void} log
 * @param {() => void} [onChange] called after a later derivation succeeds
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
      if (!first) onChange();
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
 * to the form.
 * @param {Request} request
 * @param {Response} response
 * @param {{ requestHash: string, response: import('./rsvp-store.mjs').StoredResponse }} earlier
 * @param {string} requestHash
 * @param {() => string | undefined} renewLink a new cancel link for the registration, if it stands
 */
function replay(request, response, earlier, requestHash, renewLink) {
  if (earlier.requestHash !== requestHash) {
    return sendJson(request, response, 422, {
      errors: { idempotencyKey: 'This idempotency key was already used for a different registration.' },
    });
  }
  const cancelUrl = renewLink();
  const body = cancelUrl ? { ...earlier.response.body, cancelUrl } : earlier.response.body;
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
 * The answer to a second registration by the same email for the same occurrence: the first
 * one's status as it stands now, and nothing stored.
 * @param {import('./rsvp-store.mjs').Decision} decision
 */
function alreadyRegistered(decision) {
  const { body } = describeDecision(decision);
  const message = decision.status === 'confirmed'
    ? 'You are already registered for this event.'
    : `You are already on the waitlist for this event, number ${decision.position}.`;
  return { ...body, alreadyRegistered: true, message };
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
