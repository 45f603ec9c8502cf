/**
 * One server for the RSVP benchmark, in a process of its own (the load comes from the parent):
 *
 *   node bench/rsvp/server.mjs ours|minimal <database file>
 *   node bench/rsvp/server.mjs ours <postgres:// URL>     (bench/rsvp-processes.mjs; CIVIC_CANCEL_SECRET set)
 *
 * `ours` is the reference RSVP server with a 1,000-event feed; `minimal` is the least a
 * registration endpoint can be: node:http, JSON.parse, one better-sqlite3 INSERT, with the same
 * durability (WAL, synchronous FULL) so that both promise the same thing. Sends { port } to the
 * parent once listening, and exits when the parent disconnects.
 */
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';

export const FEED_EVENTS = 1000;

/** A feed of `count` events taking registrations, with seats enough for the whole run. */
export function benchFeed(count = FEED_EVENTS) {
  return {
    version: '1',
    timezone: 'America/New_York',
    events: Array.from({ length: count }, (_, i) => ({
      id: `event-${i}`,
      title: `Event ${i}`,
      start: '2999-05-01T10:00:00',
      capacity: 1000,
      waitlist: true,
      rsvp: { endpoint: '/api/rsvp', questions: [{ id: 'role', label: 'Your role', type: 'text' }] },
    })),
  };
}

async function ours(dbPath) {
  const feed = benchFeed();
  const store = dbPath.startsWith('postgres://') ? { databaseUrl: dbPath } : { dbPath };
  const rsvp = createRsvpServer({ ...store, feed: () => feed, rateLimit: false, exportToken: null });
  const { port } = await rsvp.listen(0, '127.0.0.1');
  return port;
}

async function minimal(dbPath) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS registrations (id INTEGER PRIMARY KEY, event_id TEXT, name TEXT, email TEXT,
    answers TEXT, idempotency_key TEXT, created_at TEXT)`);
  const insert = db.prepare('INSERT INTO registrations (event_id, name, email, answers, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      insert.run(body.eventId, body.name, body.email, JSON.stringify(body.answers ?? {}), body.idempotencyKey, new Date().toISOString());
      const bytes = Buffer.from('{"status":"confirmed"}');
      response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
      response.end(bytes);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

if (process.send) {
  const [kind, dbPath] = process.argv.slice(2);
  const port = await (kind === 'ours' ? ours : minimal)(dbPath);
  process.send({ port });
  process.on('disconnect', () => process.exit(0));
}
