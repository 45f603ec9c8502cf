// @ts-check
/**
 * One RSVP server in a process of its own, for the tests that run two on one database file:
 *
 *   node rsvp-process-server.mjs <database file or PostgreSQL URL> <events as JSON>
 *
 * Sends { url } to its parent once listening; closes (writing what is queued) when the parent
 * disconnects. Run without a parent (as `node --test` may), it does nothing.
 */
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';

if (process.send) {
  const [dbPath = '', events = '[]'] = process.argv.slice(2);
  const store = dbPath.startsWith('postgres://') ? { databaseUrl: dbPath } : { dbPath };
  const rsvp = createRsvpServer({ ...store, events: JSON.parse(events), rateLimit: false, exportToken: null });
  const { url } = await rsvp.listen(0);
  process.send({ url });
  process.on('disconnect', () => {
    rsvp.close().then(() => process.exit(0));
  });
}
