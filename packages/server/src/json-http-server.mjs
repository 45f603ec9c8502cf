// @ts-check
/**
 * A node:http server whose every answer is JSON with `nosniff` and `no-store`, including the ones
 * node:http would write itself (a request it cannot parse), with the time limits a feed or a
 * registration needs, and a graceful stop. The registration server and `civic-widgets serve`
 * both run on it.
 */
import { createServer } from 'node:http';
import { sendJson } from './http-io.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * @param {(request: Request, response: Response) => Promise<boolean | void> | boolean | void} handle
 *   answers a request, or returns false (or a promise of false) for a 404
 * @param {{ onClosed?: () => void | Promise<void> }} [options] `onClosed`: after the last request has finished
 */
export function createJsonHttpServer(handle, options = {}) {
  const server = createServer((request, response) => {
    Promise.resolve()
      .then(() => handle(request, response))
      .then(
        (handled) => {
          if (handled === false && !response.headersSent) sendJson(request, response, 404, { error: 'Not found.' });
        },
        (error) => {
          console.error(`${request.method} ${(request.url ?? '/').split('?')[0]}: ${error instanceof Error ? error.stack ?? error.message : error}`);
          if (!response.headersSent) sendJson(request, response, 500, { error: 'The server could not answer this request.' });
          else response.destroy();
        },
      );
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
  // A feed request or a registration is a few kilobytes; a client that takes longer is not sending one.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    server,

    /**
     * Starts listening; port 0 picks a free one.
     * @param {number} [port]
     * @param {string} [host] default 127.0.0.1: put a TLS proxy in front to serve the public
     * @returns {Promise<{ port: number, origin: string }>}
     */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ port: actual, origin: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
        });
      });
    },

    /**
     * Stops taking connections, lets requests in progress finish for up to `graceMs` (idle
     * keep-alive connections are closed at once), then calls `onClosed`.
     * @param {number} [graceMs]
     * @returns {Promise<void>}
     */
    close(graceMs = 5000) {
      return new Promise((resolve) => {
        if (!server.listening) {
          Promise.resolve(options.onClosed?.()).catch(() => {}).then(() => resolve());
          return;
        }
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          // The RSVP handler finishes a message being sent before it closes its database.
          Promise.resolve(options.onClosed?.()).catch(() => {}).then(() => resolve());
        });
        server.closeIdleConnections();
      });
    },
  };
}

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
