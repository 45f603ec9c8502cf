// @ts-check
/**
 * A Web Test Runner plugin that gives the browser tests the real reference RSVP server
 * (packages/server/src/rsvp-server.mjs) on loopback, behind a small proxy that can fail on purpose.
 *
 * From a test: `executeServerCommand('rsvp-server-start', { feed, events, origin: location.origin })`.
 *
 *   rsvp-server-start  { feed?, events?, origin, rateLimit? } → { id, url }   url: the endpoint, via the proxy
 *   rsvp-server-flaky  { id, fail?, down?, mode?: 'status' | 'drop', status?, delayMs? }
 *                      the next `fail` POSTs (or every POST while `down`) answer `status` (503) or
 *                      lose their connection; `delayMs` holds every POST back that long
 *   rsvp-server-requests { id } → { posts, keys }   POSTs the proxy saw, and their Idempotency-Keys
 *   rsvp-server-count  { id, eventId? } → { count } registrations stored (read with a fresh connection)
 *   rsvp-server-rows   { id } → { rows }
 *   rsvp-server-stop   { id }
 *   rsvp-forced-colors { active } → { emulated }   Windows High Contrast, as Chromium emulates it
 *   rsvp-visit         { href, press? } → { before, after? }   opens `href` in a new tab of the test's
 *                      browser (a link the page offers that leaves it, such as the cancel link), and
 *                      presses the button whose text is `press`; each page as { title, text }
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';

/**
 * @typedef {object} Flaky
 * @property {number} fail POSTs still to fail
 * @property {boolean} down fail every POST
 * @property {'status' | 'drop'} mode
 * @property {number} status
 * @property {number} delayMs
 */

/**
 * @typedef {object} Running
 * @property {ReturnType<typeof createRsvpServer>} rsvp
 * @property {import('node:http').Server} proxy
 * @property {string} dir
 * @property {string} dbPath
 * @property {Flaky} flaky
 * @property {{ posts: number, keys: string[] }} log
 */

/** @type {Map<string, Running>} */
const running = new Map();
/** DevTools protocol sessions, by test session. @type {Map<string, any>} */
const devtools = new Map();
let started = 0;

/** @param {unknown} payload */
function record(payload) {
  return /** @type {Record<string, any>} */ (payload && typeof payload === 'object' ? payload : {});
}

/** @param {string} id */
function get(id) {
  const entry = running.get(id);
  if (!entry) throw new Error(`no RSVP test server "${id}"`);
  return entry;
}

/**
 * A proxy in front of the server at `port`: counts POSTs and fails them as `flaky` says.
 * @param {number} port
 * @param {Flaky} flaky
 * @param {{ posts: number, keys: string[] }} log
 */
function createProxy(port, flaky, log) {
  return createServer(async (req, res) => {
    const origin = req.headers.origin;
    if (req.method === 'POST') {
      log.posts += 1;
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string') log.keys.push(key);
      if (flaky.delayMs) await new Promise((r) => setTimeout(r, flaky.delayMs));
      if (flaky.down || flaky.fail > 0) {
        if (!flaky.down) flaky.fail -= 1;
        if (flaky.mode === 'drop') {
          req.socket.destroy();
          return;
        }
        req.resume();
        const body = JSON.stringify({ error: 'The test server is down on purpose.' });
        res.writeHead(flaky.status, {
          'Content-Type': 'application/json',
          ...(origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
        });
        res.end(body);
        return;
      }
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
}

/** @param {import('node:http').Server} server */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** @param {unknown} payload */
async function start(payload) {
  const options = record(payload);
  const id = `rsvp-${++started}`;
  const dir = await mkdtemp(join(tmpdir(), 'civic-rsvp-test-'));
  const dbPath = join(dir, 'rsvp.sqlite');
  const rsvp = createRsvpServer({
    dbPath,
    feed: options.feed,
    events: options.events,
    allowedOrigins: options.origin ? [String(options.origin)] : [],
    rateLimit: options.rateLimit ?? false,
    exportToken: null,
  });
  const { port } = await rsvp.listen(0);
  /** @type {Flaky} */
  const flaky = { fail: 0, down: false, mode: 'status', status: 503, delayMs: 0 };
  const log = { posts: 0, keys: /** @type {string[]} */ ([]) };
  const proxy = createProxy(port, flaky, log);
  const proxyPort = await listen(proxy);
  running.set(id, { rsvp, proxy, dir, dbPath, flaky, log });
  return { id, url: `http://127.0.0.1:${proxyPort}${rsvp.handler.path}` };
}

/** @param {string} id */
async function stop(id) {
  const entry = running.get(id);
  if (!entry) return { stopped: false };
  running.delete(id);
  await new Promise((resolve) => {
    entry.proxy.close(resolve);
    entry.proxy.closeAllConnections();
  });
  await entry.rsvp.close(100);
  await rm(entry.dir, { recursive: true, force: true });
  return { stopped: true };
}

/**
 * Rows as another process would see them: a fresh read-only connection to the file.
 * @param {Running} entry
 */
function rows(entry) {
  const db = new Database(entry.dbPath, { readonly: true, fileMustExist: true });
  try {
    return /** @type {Record<string, unknown>[]} */ (
      db.prepare('SELECT event_id, occurrence, name, email, answers, accommodations, status, position, idempotency_key, cancelled_at FROM registrations ORDER BY id').all()
    );
  } finally {
    db.close();
  }
}

/**
 * Follows a link as a visitor would, in a tab of its own (the test's page must stay where it is),
 * and presses a button there by its text.
 * @param {any} session
 * @param {string} href
 * @param {string | undefined} press
 */
async function visit(session, href, press) {
  const page = session?.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
  if (!page) throw new Error('rsvp-visit needs a browser driven by Puppeteer');
  const tab = await page.browser().newPage();
  const read = () => tab.evaluate(() => ({ title: document.title, text: document.body.innerText.replace(/\s+/g, ' ').trim() }));
  try {
    await tab.goto(href, { waitUntil: 'load' });
    const before = await read();
    if (press === undefined) return { before };
    const buttons = await tab.$$('button, input[type="submit"]');
    /** @type {any} */
    let button;
    for (const candidate of buttons) {
      const text = await candidate.evaluate((el) => (el instanceof HTMLInputElement ? el.value : el.textContent ?? '').trim());
      if (text === press) button = candidate;
    }
    if (!button) throw new Error(`no button "${press}" on ${before.title}`);
    await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), button.click()]);
    return { before, after: await read() };
  } finally {
    await tab.close();
    await page.bringToFront();
  }
}

/** The plugin: register it in web-test-runner.config.mjs. */
export function rsvpPlugin() {
  return {
    name: 'rsvp-test-server',

    /** @param {{ command: string, payload?: unknown, session: any }} args */
    async executeCommand({ command, payload, session }) {
      const options = record(payload);
      switch (command) {
        case 'rsvp-server-start':
          return start(payload);
        case 'rsvp-server-stop':
          return stop(String(options.id));
        case 'rsvp-server-flaky': {
          const { flaky } = get(String(options.id));
          if (options.fail !== undefined) flaky.fail = Number(options.fail);
          if (options.down !== undefined) flaky.down = !!options.down;
          if (options.mode !== undefined) flaky.mode = options.mode === 'drop' ? 'drop' : 'status';
          if (options.status !== undefined) flaky.status = Number(options.status);
          if (options.delayMs !== undefined) flaky.delayMs = Number(options.delayMs);
          return { ...flaky };
        }
        case 'rsvp-server-requests': {
          const { log } = get(String(options.id));
          return { posts: log.posts, keys: [...log.keys] };
        }
        case 'rsvp-server-count': {
          const all = rows(get(String(options.id)));
          const count = options.eventId === undefined ? all.length : all.filter((r) => r.event_id === options.eventId).length;
          return { count };
        }
        case 'rsvp-server-rows':
          return { rows: rows(get(String(options.id))) };
        case 'rsvp-visit':
          return visit(session, String(options.href), options.press === undefined ? undefined : String(options.press));
        case 'rsvp-forced-colors': {
          // Web Test Runner's emulateMedia (and Puppeteer's) know no forced-colors; the DevTools
          // protocol does. Its overrides last as long as the protocol session, so that is kept.
          const page = session?.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
          try {
            let cdp = devtools.get(session.id);
            if (!cdp) {
              cdp = await page.createCDPSession();
              devtools.set(session.id, cdp);
            }
            await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: options.active ? 'active' : '' }] });
            return { emulated: true };
          } catch {
            return { emulated: false };
          }
        }
        default:
          return undefined;
      }
    },

    async serverStop() {
      await Promise.all([...running.keys()].map((id) => stop(id)));
    },
  };
}
