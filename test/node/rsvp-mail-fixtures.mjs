// @ts-check
/**
 * What the mail tests share: a real SMTP server (smtp-server) on 127.0.0.1 that keeps what it
 * receives, a small MIME reader to look inside the messages, and an RSVP server with mail on.
 */
import { SMTPServer } from 'smtp-server';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';
import { freshDbPath, storeOptions } from './rsvp-fixtures.mjs';

/** @typedef {{ to: string[], raw: string }} Received */

/**
 * Starts an SMTP server on loopback, on `port` (0: a free one).
 * @param {number} [port]
 */
export async function startSmtp(port = 0) {
  /** @type {Received[]} */
  const received = [];
  /** @type {(() => void)[]} */
  const waiting = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The RSVP server keeps its connection open between messages; a test ending need not wait for it.
    closeTimeout: 100,
    // An address that does not exist here, as a real server answers at RCPT TO.
    onRcptTo(address, session, callback) {
      if (address.address.startsWith('no.such.user@')) {
        callback(Object.assign(new Error('5.1.1 no such user here'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        for (const wake of waiting.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return {
    port: address.port,
    received,
    /**
     * Resolves once `count` messages have arrived; rejects after `ms`.
     * @param {number} count
     * @param {number} [ms]
     */
    async until(count, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`${received.length} of ${count} messages arrived in ${ms} ms`);
        await new Promise((resolve) => {
          waiting.push(() => resolve(undefined));
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** A feed whose events take registrations: one seat and a waitlist, in Chicago. */
export const MAIL_FEED = {
  version: '1',
  timezone: 'America/Chicago',
  events: [
    {
      id: 'data-day', title: 'Data Day 2099', start: '2099-05-20T18:00:00', end: '2099-05-20T20:00:00',
      location: { name: 'Main Library, Room 2', address: '100 Main St, Springfield' },
      capacity: 1, waitlist: true, rsvp: {},
    },
    {
      id: 'user-group', title: 'Housing Data User Group', start: '2099-06-02T18:30:00', end: '2099-06-02T20:00:00',
      rrule: 'FREQ=WEEKLY;COUNT=4', location: { name: 'Room B' }, rsvp: {},
    },
    // The third meeting moved a day later, to another room.
    {
      id: 'user-group-moved', title: 'Housing Data User Group (moved)', start: '2099-06-17T18:30:00', end: '2099-06-17T20:00:00',
      seriesId: 'user-group', recurrenceId: '2099-06-16T18:30:00', location: { name: 'Auditorium' },
    },
  ],
};

/**
 * An RSVP server on loopback with mail sent to `smtpPort`, fast retries, and its log kept.
 * @param {{ after: (fn: () => unknown) => void }} t
 * @param {number} smtpPort
 * @param {Partial<import('../../packages/server/src/rsvp-server.mjs').RsvpServerOptions>} [options]
 */
export async function startWithMail(t, smtpPort, options = {}) {
  /** @type {string[]} */
  const logged = [];
  let origin = '';
  const { dbPath: given, ...rest } = options;
  const dbPath = given ?? freshDbPath();
  const rsvp = createRsvpServer({
    feed: MAIL_FEED,
    rateLimit: false,
    exportToken: null,
    publicOrigin: () => (origin ? [origin] : []),
    log: (line) => logged.push(line),
    mail: {
      host: '127.0.0.1', port: smtpPort, tls: 'none', from: 'Springfield Library <events@library.example>',
      retry: { firstMs: 100, maxMs: 400 }, pollMs: 200,
    },
    ...storeOptions(dbPath),
    ...rest,
  });
  const { url } = await rsvp.listen(0);
  origin = new URL(url).origin;
  t.after(() => rsvp.close());
  return { rsvp, url, dbPath, logged };
}

/**
 * An SMTP server and an RSVP server sending to it; the test closes both when it ends.
 * @param {{ after: (fn: () => unknown) => void }} t
 * @param {Partial<import('../../packages/server/src/rsvp-server.mjs').RsvpServerOptions>} [options]
 */
export async function startMailed(t, options = {}) {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  return { smtp, ...(await startWithMail(t, smtp.port, options)) };
}

/**
 * A message's headers and its leaf parts, decoded (base64, quoted-printable, RFC 2047 words).
 * @param {string} raw
 */
export function readMessage(raw) {
  const { headers, body } = split(raw);
  /** @type {{ type: string, filename: string | undefined, text: string }[]} */
  const parts = [];
  collect(headers, body, parts);
  return { subject: decodeWords(headers.get('subject') ?? ''), headers, parts };
}

/** @param {string} raw */
function split(raw) {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  /** @type {Map<string, string>} */
  const headers = new Map();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

/**
 * @param {Map<string, string>} headers
 * @param {string} body
 * @param {{ type: string, filename: string | undefined, text: string }[]} parts
 */
function collect(headers, body, parts) {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const inner = split(chunk.replace(/^\r\n/, ''));
      collect(inner.headers, inner.body, parts);
    }
    return;
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
    : encoding === 'quoted-printable' ? quotedPrintable(body) : Buffer.from(body);
  const filename = /filename="?([^";]+)"?/i.exec(headers.get('content-disposition') ?? '')?.[1];
  parts.push({ type: type.split(';')[0].trim().toLowerCase(), filename, text: bytes.toString('utf8') });
}

/** @param {string} text */
function quotedPrintable(text) {
  const soft = text.replace(/=\r\n/g, '');
  /** @type {number[]} */
  const bytes = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]));
  }
  return Buffer.from(bytes);
}

/** @param {string} text a header with RFC 2047 encoded words */
function decodeWords(text) {
  return text.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, data) => (
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : quotedPrintable(data.replace(/_/g, ' ')).toString('utf8')
  ));
}
