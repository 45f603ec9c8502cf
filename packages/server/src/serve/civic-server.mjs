// @ts-check
/**
 * The one server a library runs: the live feed (`/feed.json`, `/feed.ics`), the staff status page
 * (`/status`), the registration endpoint (`/api/rsvp`, when on) and a health check (`/healthz`)
 * on one node:http server. Every other answer is JSON, `nosniff` and `no-store`.
 */
import { sendHtml } from '../html-page.mjs';
import { sendJson } from '../http-io.mjs';
import { createJsonHttpServer } from '../json-http-server.mjs';
import { STAFF_REALM, staffCredential } from '../staff-auth.mjs';
import { createFeedRoutes } from './feed-routes.mjs';
import { STATUS_STYLE, statusHtml, statusReport, storeHealth } from './status-page.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * @typedef {object} CivicServerOptions
 * @property {import('./live-feed.mjs').LiveFeed} live
 * @property {readonly string[]} origins pages allowed to read the feed (`*` for any)
 * @property {string | undefined} staffToken the status page's bearer token (no status page without one)
 * @property {import('../rsvp-handler.mjs').RsvpHandler} [rsvp] the registration endpoint, when on
 * @property {string} [rsvpDbPath] for the status page's store health
 * @property {string} [title]
 */

/** @param {CivicServerOptions} options */
export function createCivicServer(options) {
  const feedRoutes = createFeedRoutes({ live: options.live, origins: options.origins });

  const http = createJsonHttpServer((request, response) => route(request, response));

  /**
   * @param {Request} request
   * @param {Response} response
   */
  async function route(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (await feedRoutes.handle(request, response, url)) return;
    if (options.rsvp?.handle(request, response)) return;
    if (url.pathname === '/healthz') return sendJson(request, response, 200, { ok: true });
    if (url.pathname === '/status' || url.pathname === '/status.json') return status(request, response, url);
    if (url.pathname === '/') return sendJson(request, response, 200, { feed: '/feed.json', calendar: '/feed.ics', ...(options.rsvp ? { rsvp: options.rsvp.path } : {}) });
    return false;
  }

  /**
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  async function status(request, response, url) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(request, response, 405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
    if (!options.staffToken) return sendJson(request, response, 404, { error: 'The status page is off: set CIVIC_STAFF_TOKEN to turn it on.' });
    const wantsJson = url.pathname === '/status.json' || /application\/json/.test(request.headers.accept ?? '') && !/text\/html/.test(request.headers.accept ?? '');
    if (!authorized(request)) {
      return sendJson(request, response, 401, { error: 'Staff only: send the staff token.' }, wantsJson ? {} : { 'WWW-Authenticate': STAFF_REALM });
    }
    const report = statusReport(options.live, options.rsvp && options.rsvpDbPath ? await storeHealth(options.rsvp, options.rsvpDbPath) : undefined);
    if (wantsJson) return sendJson(request, response, 200, report);
    return sendHtml(request, response, 200, statusHtml(report, options.title ?? 'civic-widgets'), STATUS_STYLE);
  }

  /**
   * The staff token as a bearer token, or as the password of Basic authentication (so a browser
   * asks for it); compared in constant time.
   * @param {Request} request
   */
  function authorized(request) {
    return staffCredential(request, options.staffToken) !== undefined;
  }

  return {
    server: http.server,
    /**
     * @param {number} port
     * @param {string} host
     * @returns {Promise<{ url: string, port: number }>}
     */
    async listen(port, host) {
      const { port: actual, origin } = await http.listen(port, host);
      return { port: actual, url: origin };
    },
    /** Stops taking connections and lets requests in progress finish (idle ones close at once). */
    close: http.close,
  };
}
