/**
 * RSVP server benchmark (npm run bench:rsvp): registrations per second against our server and
 * against a minimal node:http server doing one better-sqlite3 INSERT per request
 * (bench/rsvp/server.mjs), in the same run, with the database on disk and on tmpfs (/dev/shm).
 * Each server runs in a process of its own; the load comes from this one, to 127.0.0.1 only,
 * bounded in count (REQUESTS per run) and time (TIME_LIMIT_MS per run).
 *
 *   node bench/rsvp.mjs [--rounds 5]
 *
 * Goals (issue 16): ours / minimal ≥ 0.8 on disk and ≥ 0.5 on tmpfs, in registrations per second.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain, median, root, roundsOption } from './harness.mjs';

const REQUESTS = 1500;
const CONCURRENCY = 8;
const TIME_LIMIT_MS = 30_000;
const GOALS = { disk: 0.8, tmpfs: 0.5 };

/** Where the databases go: the temporary folder (on disk here; say so if it is not) and /dev/shm. */
function media() {
  const list = [['disk', tmpdir()]];
  if (existsSync('/dev/shm')) list.push(['tmpfs', '/dev/shm']);
  return list;
}

/**
 * Starts one server process; resolves to its port and a stop function.
 * @param {'ours' | 'minimal'} kind
 * @param {string} dbPath
 */
async function startServer(kind, dbPath) {
  // Not the parent's flags (a profiler, --input-type): the server runs as `node server.mjs` would.
  const child = fork(join(root, 'bench/rsvp/server.mjs'), [kind, dbPath], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const stop = () => new Promise((resolve) => {
    child.once('exit', resolve);
    child.disconnect();
  });
  return { port, stop };
}

/**
 * Posts REQUESTS registrations, CONCURRENCY at a time over keep-alive connections; resolves to
 * registrations per second (those answered 201), or throws when any other answer comes.
 * @param {number} port
 * @param {string} run a name that keeps this run's idempotency keys apart
 */
async function load(port, run) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deadline = performance.now() + TIME_LIMIT_MS;
  let next = 0;
  let created = 0;
  const one = (i) => new Promise((resolve, reject) => {
    const key = `${run}-${i}`;
    const body = JSON.stringify({
      eventId: `event-${i % 1000}`, name: `Patron ${i}`, email: `patron-${run}-${i}@example.org`,
      answers: { role: 'student' }, idempotencyKey: key,
    });
    const req = request({
      host: '127.0.0.1', port, method: 'POST', path: '/api/rsvp', agent,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`answer ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  const worker = async () => {
    while (next < REQUESTS && performance.now() < deadline) {
      await one(next++);
      created += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return created / seconds;
}

/**
 * Runs the benchmark; resolves to registrations per second by medium and server, per round.
 * Both servers of a medium run side by side and take their rounds in turns (ours first in even
 * rounds), so that whatever else the machine is doing falls on both alike; the ratio is taken
 * round by round.
 */
export async function measure({ rounds = roundsOption(5) } = {}) {
  const result = {};
  for (const [medium, base] of media()) {
    const dir = await mkdtemp(join(base, 'civic-rsvp-bench-'));
    const r = { ours: [], minimal: [], ratios: [], dir: base };
    result[medium] = r;
    const servers = {};
    try {
      servers.ours = await startServer('ours', join(dir, 'ours.sqlite'));
      servers.minimal = await startServer('minimal', join(dir, 'minimal.sqlite'));
      for (const kind of ['ours', 'minimal']) await load(servers[kind].port, `${kind}-warm`);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? ['minimal', 'ours'] : ['ours', 'minimal'];
        for (const kind of order) r[kind].push(await load(servers[kind].port, `${kind}-${round}`));
        r.ratios.push(r.ours[round] / r.minimal[round]);
      }
    } finally {
      await Promise.all(Object.values(servers).map((server) => server.stop()));
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { rounds, result };
}

/** Prints the report, as `npm run bench:rsvp` shows it. */
export function print({ rounds, result }) {
  console.log(`RSVP registrations per second, ${REQUESTS} per round, ${CONCURRENCY} at a time, after a warm-up round; medians of ${rounds} rounds (the ratio: median of the rounds' ratios)`);
  for (const [medium, r] of Object.entries(result)) {
    const ours = median(r.ours);
    const minimal = median(r.minimal);
    const ratio = median(r.ratios);
    console.log(`  ${medium.padEnd(5)} (${r.dir}): ours ${ours.toFixed(0).padStart(5)}/s, minimal INSERT server ${minimal.toFixed(0).padStart(5)}/s,` +
      ` ratio ${ratio.toFixed(2)} (goal ≥ ${GOALS[medium]}) ${ratio >= GOALS[medium] ? 'ok' : 'MISSED'}`);
    console.log(`        rounds: ours ${r.ours.map((n) => n.toFixed(0)).join(', ')}; minimal ${r.minimal.map((n) => n.toFixed(0)).join(', ')};` +
      ` ratios ${r.ratios.map((n) => n.toFixed(2)).join(', ')}`);
  }
}

/**
 * Rows for bench/all.mjs: times are milliseconds per registration (1000 / rate); the ratio is
 * in registrations per second, ours / minimal, so higher is better, as the goal reads.
 */
export function rows({ result }) {
  return Object.entries(result).map(([medium, r]) => {
    const ours = median(r.ours);
    const minimal = median(r.minimal);
    const ratio = median(r.ratios);
    return {
      element: 'civic-widgets serve (RSVP)',
      measure: `registrations, SQLite on ${medium === 'disk' ? 'disk' : 'tmpfs'} (ms each at ${CONCURRENCY} concurrent)`,
      ours: 1000 / ours,
      peer: 1000 / minimal,
      peerName: 'node:http + one INSERT',
      budget: null,
      ratio,
      goal: `≥ ${GOALS[medium]} (registrations/s ratio)`,
      ok: ratio >= GOALS[medium],
    };
  });
}

export async function run(options) {
  return rows(await measure(options));
}

if (isMain(import.meta.url)) print(await measure());
