// @ts-check
/**
 * The reference RSVP server: the handler of rsvp-handler.mjs on its own node:http server, for a
 * library that has no registration backend yet. `civic-widgets serve` runs it.
 */
import { createJsonHttpServer } from './json-http-server.mjs';
import { createRsvpHandler } from './rsvp-handler.mjs';

export { createRsvpHandler, DEFAULT_RETENTION_DAYS, MAX_BODY_BYTES } from './rsvp-handler.mjs';
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
  const http = createJsonHttpServer((request, response) => handler.handle(request, response), { onClosed: () => handler.close() });
  return {
    server: http.server,
    handler,

    /**
     * Starts listening; port 0 picks a free one.
     * @param {number} [port]
     * @param {string} [host] default 127.0.0.1: put a TLS proxy in front to serve the public
     * @returns {Promise<{ port: number, url: string }>} url is the endpoint's
     */
    async listen(port = 0, host = '127.0.0.1') {
      // Not before the database is open: an unreachable one stops the start here.
      await handler.ready;
      const { port: actual, origin } = await http.listen(port, host);
      return { port: actual, url: `${origin}${handler.path}` };
    },

    /**
     * Stops taking connections, lets requests in progress finish for up to `graceMs`, then
     * closes the database.
     */
    close: http.close,
  };
}

/** @typedef {ReturnType<typeof createRsvpServer>} RsvpServer */
