/**
 * Past one machine (#17 item 6): two RSVP server processes sharing one PostgreSQL database,
 * against two sharing one SQLite file, registrations per second and the median time a
 * registration takes, in the same run (npm run bench:rsvp-processes). PostgreSQL is a throwaway
 * cluster from Debian's packages (test/node/postgres.mjs) with its durable defaults (fsync on,
 * synchronous commit), as the SQLite store syncs its WAL on every commit. The load comes from
 * this process to 127.0.0.1 only, split evenly over the two servers, bounded in count
 * (REQUESTS per round) and time (TIME_LIMIT_MS per round).
 *
 *   node bench/rsvp-processes.mjs [--rounds 3]
 *
 * No goal: the figures say what a second process costs or buys on each store.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBin, startPostgres } from '../test/node/postgres.mjs';
import { isMain, median, root, roundsOption } from './harness.mjs';

const REQUESTS = 1500;
const CONCURRENCY = 16;
const TIME_LIMIT_MS = 60_000;
const SECRET = 'bench-cancel-secret-bench-cancel-secret-0123456789';

/**
 * Starts one server process on `store` (a SQLite path or a PostgreSQL URL).
 * @param {string} store
 */
async function startServer(store) {
  const env = { ...process.env, CIVIC_CANCEL_SECRET: SECRET };
  const child = fork(join(root, 'bench/rsvp/server.mjs'), ['ours', store], { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const stop = () => new Promise((resolve) => {
    child.once('exit', resolve);
    child.disconnect();
  });
  return { port, stop };
}

/**
 * Posts REQUESTS registrations over both servers, CONCURRENCY at a time; resolves to
 * registrations per second and each one's time (ms), or throws on any answer but 201.
 * @param {number[]} ports
 * @param {string} run keeps this run's idempotency keys and emails apart
 */
async function load(ports, run) {
  const agents = ports.map(() => new Agent({ keepAlive: true, maxSockets: CONCURRENCY }));
  const deadline = performance.now() + TIME_LIMIT_MS;
  let next = 0;
  /** @type {number[]} */
  const times = [];
  const one = (i) => new Promise((resolve, reject) => {
    const key = `${run}-${i}`;
    const body = JSON.stringify({
      // 50 events: registrations for one event meet on its seats from both processes.
      eventId: `event-${i % 50}`, name: `Patron ${i}`, email: `patron-${run}-${i}@example.org`,
      answers: { role: 'student' }, idempotencyKey: key,
    });
    const started = performance.now();
    const req = request({
      host: '127.0.0.1', port: ports[i % ports.length], method: 'POST', path: '/api/rsvp', agent: agents[i % ports.length],
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        times.push(performance.now() - started);
        return res.statusCode === 201 ? resolve() : reject(new Error(`answer ${res.statusCode}: ${text}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  const worker = async () => {
    while (next < REQUESTS && performance.now() < deadline) await one(next++);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  for (const agent of agents) agent.destroy();
  return { rate: times.length / seconds, latency: median(times) };
}

/** Runs the benchmark; resolves to each store's rounds. */
export async function measure({ rounds = roundsOption(3) } = {}) {
  if (!postgresBin()) throw new Error("needs Debian's postgresql (apt-get install postgresql)");
  const dir = await mkdtemp(join(tmpdir(), 'civic-rsvp-processes-'));
  const postgres = await startPostgres({ durable: true });
  /** @type {Record<'sqlite' | 'postgres', { rate: number[], latency: number[] }>} */
  const result = { sqlite: { rate: [], latency: [] }, postgres: { rate: [], latency: [] } };
  /** @type {Record<string, { port: number, stop: () => Promise<unknown> }[]>} */
  const servers = {};
  try {
    const stores = { sqlite: join(dir, 'rsvp.sqlite'), postgres: postgres.url() };
    for (const [kind, store] of Object.entries(stores)) servers[kind] = await Promise.all([startServer(store), startServer(store)]);
    for (const kind of ['sqlite', 'postgres']) await load(servers[kind].map((s) => s.port), `${kind}-warm`);
    for (let round = 0; round < rounds; round++) {
      // In turns, so whatever else the machine does falls on both alike.
      for (const kind of round % 2 ? ['postgres', 'sqlite'] : ['sqlite', 'postgres']) {
        const { rate, latency } = await load(servers[kind].map((s) => s.port), `${kind}-${round}`);
        result[kind].rate.push(rate);
        result[kind].latency.push(latency);
      }
    }
  } finally {
    await Promise.all(Object.values(servers).flat().map((server) => server.stop()));
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { rounds, postgresVersion: postgres.version, result };
}

/** Prints the report, as `npm run bench:rsvp-processes` shows it. */
export function print({ rounds, postgresVersion, result }) {
  console.log(`Two RSVP server processes on one store: ${REQUESTS} registrations a round over both, ${CONCURRENCY} at a time, 50 events; medians of ${rounds} rounds`);
  for (const [kind, r] of Object.entries(result)) {
    const name = kind === 'postgres' ? `PostgreSQL ${postgresVersion.split(' ')[0]}` : 'SQLite (one file)';
    console.log(`  ${name.padEnd(18)} ${median(r.rate).toFixed(0).padStart(5)} registrations/s, median ${median(r.latency).toFixed(1)} ms` +
      `  (rounds: ${r.rate.map((n) => n.toFixed(0)).join(', ')}/s)`);
  }
}

/**
 * The row of `npm run bench`: PostgreSQL's median latency against SQLite's, both with two
 * processes; each store's registrations per second in the note. No goal: PostgreSQL is there for
 * processes on several machines, which one file cannot serve.
 */
export function rows({ postgresVersion, result }) {
  const rate = (kind) => median(result[kind].rate);
  const ours = median(result.postgres.latency);
  const peer = median(result.sqlite.latency);
  return [{
    element: 'civic-widgets serve (RSVP)',
    measure: `registrations, two processes on PostgreSQL ${postgresVersion.split(' ')[0]} (median ms each at ${CONCURRENCY} concurrent)`,
    ours,
    peer,
    peerName: 'two processes on one SQLite file',
    budget: null,
    ratio: ours / peer,
    goal: null,
    ok: null,
    note: `${rate('postgres').toFixed(0)} against ${rate('sqlite').toFixed(0)} registrations/s`,
  }];
}

if (isMain(import.meta.url)) print(await measure());
