/**
 * The demo server that `npm start` runs: a dependency-free static server for the demo library page.
 *
 *   /                  examples/index.html
 *   /builder.html      the snippet builder (examples/builder.html, built to dist/builder/)
 *   /examples/…        the demo page's own files
 *   /dist/…            the built library (`npm run build`)
 *   /sample-feed.json  the sample feed, built for today on every request
 *   /sample-feed.ics   its events as iCalendar, which the feed names for the calendar's Subscribe links
 *
 * It binds 127.0.0.1 only, and sends the strict Content-Security-Policy the library promises to
 * work under, so the demo proves it.
 *
 * Usage: node scripts/serve.mjs   (PORT=8080 to choose the port; a busy port moves to the next one)
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSampleFeed } from '../examples/sample-feed.js';
import { feedByMinute } from '../packages/server/src/feed-by-minute.mjs';
import { createRsvpHandler } from '../packages/server/src/rsvp-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const DEFAULT_PORT = 8000;
/** How many ports after the first to try when it is taken. */
const PORT_ATTEMPTS = 20;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
].join('; ');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

/** URL prefixes served from folders of the repository. */
const FOLDERS = {
  '/examples/': 'examples',
  '/dist/': 'dist',
};

/**
 * @typedef {object} DemoServerOptions
 * @property {string} [root] the repository folder (default: the one this script sits in)
 * @property {() => Date} [now] the moment the sample feed is built for (default: the clock)
 * @property {string} [rsvpDb] where the RSVP endpoint keeps registrations (default: .rsvp-data/demo.sqlite)
 */

/**
 * The demo server, not yet listening.
 * @param {DemoServerOptions} [options]
 * @returns {import('node:http').Server}
 */
export function createDemoServer(options = {}) {
  const root = resolve(options.root ?? ROOT);
  const now = options.now ?? (() => new Date());
  // The demo's registrations go to the reference RSVP server, mounted at /api/rsvp, which takes
  // its events, capacities and waitlists from the same sample feed the widgets read.
  const rsvp = createRsvpHandler({
    dbPath: options.rsvpDb ?? join(root, '.rsvp-data', 'demo.sqlite'),
    feed: feedByMinute(buildSampleFeed, now),
    // The demo's pages are its own; it learns its port when it listens.
    publicOrigin: () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      return port ? [`http://127.0.0.1:${port}`, `http://localhost:${port}`] : [];
    },
  });
  const server = createServer((request, response) => {
    if (rsvp.handle(request, response)) return;
    handle(request, response, root, now).catch((error) => {
      console.error(error);
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', 'Internal server error\n');
      else response.destroy();
    });
  });
  server.on('close', () => rsvp.close());
  return server;
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} root
 * @param {() => Date} now
 */
async function handle(request, response, root, now) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return send(response, request, 400, 'text/plain; charset=utf-8', 'Bad request\n');
  }
  if (path.includes('\0')) return send(response, request, 400, 'text/plain; charset=utf-8', 'Bad request\n');

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, request, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  }

  if (path === '/sample-feed.json') {
    const body = `${JSON.stringify({ ...buildSampleFeed(now()), subscribe: '/sample-feed.ics' }, null, 2)}\n`;
    return sendWithEtag(response, request, 'application/json; charset=utf-8', body);
  }
  if (path === '/sample-feed.ics') {
    // The same writer as `civic-widgets feed build --ics` (the feed layer, built for Node).
    const { feedIcs, normalizeFeed } = await import('../packages/server/lib/feed.js');
    const { feed } = normalizeFeed(buildSampleFeed(now()));
    return sendWithEtag(response, request, 'text/calendar; charset=utf-8', feedIcs(feed, { uidDomain: 'riverside-library.example' }));
  }
  if (path === '/' || path === '/index.html') {
    return sendFile(response, request, join(root, 'examples', 'index.html'));
  }
  if (path === '/builder.html') return sendFile(response, request, join(root, 'examples', 'builder.html'));
  for (const [prefix, folder] of Object.entries(FOLDERS)) {
    if (!path.startsWith(prefix)) continue;
    const base = join(root, folder);
    const file = resolve(base, `.${path.slice(prefix.length - 1)}`);
    // `resolve` has folded every `..`; what is left must still be inside the folder.
    if (!file.startsWith(base + sep)) break;
    return sendFile(response, request, file, folder === 'dist' ? 'Run `npm run build` first.' : undefined);
  }
  return send(response, request, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {import('node:http').IncomingMessage} request
 * @param {string} file
 * @param {string} [hint] added to a 404 message
 */
async function sendFile(response, request, file, hint) {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    return send(response, request, 404, 'text/plain; charset=utf-8', `Not found${hint ? `. ${hint}` : ''}\n`);
  }
  const type = contentType(file);
  const body = await readFile(file);
  if (type.startsWith('text/html')) setPageHeaders(response);
  return sendWithEtag(response, request, type, body);
}

/** @param {string} file */
function contentType(file) {
  const name = file.toLowerCase();
  if (name.endsWith('.d.ts')) return CONTENT_TYPES['.d.ts'];
  return CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(name))] ?? 'application/octet-stream';
}

/** Headers for HTML: the strict policy the built script must live with, and no referrer leaks. */
function setPageHeaders(/** @type {import('node:http').ServerResponse} */ response) {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Sends `body` with an ETag from its content, or 304 when the client already has it. `no-cache`
 * makes browsers ask every time, so the demo shows today's feed and a fresh build at once.
 * @param {import('node:http').ServerResponse} response
 * @param {import('node:http').IncomingMessage} request
 * @param {string} type
 * @param {string | Buffer} body
 */
function sendWithEtag(response, request, type, body) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  if (matches(request.headers['if-none-match'], etag)) {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.writeHead(304);
    return response.end();
  }
  return send(response, request, 200, type, body);
}

/**
 * True when an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matches(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {import('node:http').IncomingMessage} request
 * @param {number} status
 * @param {string} type
 * @param {string | Buffer} body
 */
function send(response, request, status, type, body) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * Listens on `port` on 127.0.0.1, or on the next free port after it.
 * @param {import('node:http').Server} server
 * @param {number} port
 * @returns {Promise<number>} the port it listens on
 */
export function listen(server, port, attempts = PORT_ATTEMPTS) {
  return new Promise((resolvePort, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && attempts > 0 && port !== 0) {
        resolvePort(listen(server, port + 1, attempts - 1));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Starts a demo server; `port` 0 picks any free one (for tests).
 * @param {DemoServerOptions & { port?: number }} [options]
 */
export async function startDemoServer(options = {}) {
  const server = createDemoServer(options);
  const port = await listen(server, options.port ?? DEFAULT_PORT);
  return { server, port, url: `http://${HOST}:${port}/` };
}

function runDirectly() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (runDirectly()) {
  const requested = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(1);
  }
  const { server, url } = await startDemoServer({ port: requested });
  console.log(`Civic widgets demo: ${url}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
