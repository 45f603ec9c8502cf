// @ts-check
/**
 * The one server a library runs: the live feed (`/feed.json`, `/feed.ics`), the staff status page
 * (`/status`), the registration endpoint (`/api/rsvp`, when on) and a health check (`/healthz`)
 * on one node:http server. Every other answer is JSON, `nosniff` and `no-store`.
 */
import { createServer } from 'node:http';
import { sendJson } from '../http-io.mjs';
import { sameSecret } from '../rsvp-export.mjs';
import { createFeedRoutes } from './feed-routes.mjs';
import { STATUS_STYLE_HASH, statusHtml, statusReport, storeHealth } from './status-page.mjs';

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

  const server = createServer((request, response) => {
    route(request, response).catch((error) => {
      console.error(`${request.method} ${pathOf(request)}: ${error instanceof Error ? error.message : error}`);
      if (!response.headersSent) sendJson(request, response, 500, { error: 'The server could not answer this request.' });
      else response.destroy();
    });
  });
  // A feed or a registration is asked for in one go; a client that dawdles is not a reader.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', (error, socket) => {
    const code = /** @type {{ code?: string }} */ (error).code;
    const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    if (socket.writable && !(/** @type {{ _httpMessage?: unknown }} */ (socket))._httpMessage) {
      const body = JSON.stringify({ error: status === 431 ? 'The request headers are too large.' : 'The request could not be read.' });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
    } else {
      socket.destroy();
    }
  });

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
    sendJson(request, response, 404, { error: 'Not found.' });
  }

  /**
   * @param {Request} request
   * @param {Response} response
   * @param {URL} url
   */
  function status(request, response, url) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(request, response, 405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
    if (!options.staffToken) return sendJson(request, response, 404, { error: 'The status page is off: set CIVIC_STAFF_TOKEN to turn it on.' });
    const wantsJson = url.pathname === '/status.json' || /application\/json/.test(request.headers.accept ?? '') && !/text\/html/.test(request.headers.accept ?? '');
    if (!authorized(request)) {
      return sendJson(request, response, 401, { error: 'Staff only: send the staff token.' }, wantsJson ? {} : { 'WWW-Authenticate': 'Basic realm="civic-widgets staff", charset="UTF-8"' });
    }
    const report = statusReport(options.live, options.rsvp && options.rsvpDbPath ? storeHealth(options.rsvp, options.rsvpDbPath) : undefined);
    if (wantsJson) return sendJson(request, response, 200, report);
    const body = Buffer.from(statusHtml(report, options.title ?? 'civic-widgets'));
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': `default-src 'none'; style-src '${STATUS_STYLE_HASH}'; frame-ancestors 'none'`,
      'Referrer-Policy': 'no-referrer',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /**
   * The staff token as a bearer token, or as the password of Basic authentication (so a browser
   * asks for it); compared in constant time.
   * @param {Request} request
   */
  function authorized(request) {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
    const given = bearer ?? (basic ? Buffer.from(basic, 'base64').toString('utf8').replace(/^[^:]*:/, '') : undefined);
    return !!given && !!options.staffToken && sameSecret(given, options.staffToken);
  }

  return {
    server,
    /**
     * @param {number} port
     * @param {string} host
     * @returns {Promise<{ url: string, port: number }>}
     */
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ port: actual, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
        });
      });
    },
    /** Stops taking connections and lets requests in progress finish (idle ones close at once). */
    close(graceMs = 5000) {
      return new Promise((resolve) => {
        if (!server.listening) return resolve(undefined);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve(undefined);
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** @param {Request} request */
function pathOf(request) {
  return (request.url ?? '/').split('?')[0];
}
