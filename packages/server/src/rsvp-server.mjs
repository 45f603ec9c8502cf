// @ts-check
/**
 * The reference RSVP server: the handler of rsvp-handler.mjs on its own node:http server, for a
 * library that has no registration backend yet. `civic-widgets serve` runs it.
 */
import { createServer } from 'node:http';
import { sendJson } from './http-io.mjs';
import { createRsvpHandler } from './rsvp-handler.mjs';

export { createRsvpHandler, MAX_BODY_BYTES } from './rsvp-handler.mjs';
export { clientAddressOf } from './client-address.mjs';
export { hasBearerToken, weakTokenReason } from './rsvp-export.mjs';

/**
 * @typedef {import('./rsvp-handler.mjs').RsvpHandlerOptions} RsvpServerOptions
 */

/**
 * Creates the server, not yet listening. Paths outside the endpoint answer 404.
 * @param {RsvpServerOptions} options
 */
export function createRsvpServer(options) {
  const handler = createRsvpHandler(options);
  const server = createServer((request, response) => {
    if (handler.handle(request, response)) return;
    sendJson(request, response, 404, { error: 'Not found.' });
  });
  // node:http answers a request it cannot parse (headers over 16 KB: 431; bad syntax: 400)
  // itself, with an empty text answer, unless this event takes over.
  server.on('clientError', (error, socket) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_HEADERS_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'The request is not HTTP the server can read.'];
    socket.end(rawJsonResponse(status, reason, { error: message }));
  });
  // A registration is a few kilobytes; a client that takes longer than this is not sending one.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    server,
    handler,

    /**
     * Starts listening; port 0 picks a free one.
     * @param {number} [port]
     * @param {string} [host] default 127.0.0.1: put a TLS proxy in front to serve the public
     * @returns {Promise<{ port: number, url: string }>} url is the endpoint's
     */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          resolve({ port: actual, url: `http://${shownHost}:${actual}${handler.path}` });
        });
      });
    },

    /**
     * Stops taking connections, lets requests in progress finish for up to `graceMs` (idle
     * keep-alive connections are closed at once), then closes the database.
     * @param {number} [graceMs]
     * @returns {Promise<void>}
     */
    close(graceMs = 5000) {
      return new Promise((resolve) => {
        if (!server.listening) {
          handler.close();
          resolve();
          return;
        }
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          handler.close();
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** @typedef {ReturnType<typeof createRsvpServer>} RsvpServer */

/**
 * A whole HTTP/1.1 answer as bytes, for a socket that has no response object; the headers are
 * those of every other answer (http-io.mjs sendJson).
 * @param {number} status
 * @param {string} reason
 * @param {unknown} body
 */
function rawJsonResponse(status, reason, body) {
  const bytes = Buffer.from(JSON.stringify(body));
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${bytes.length}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}
