/**
 * `civic-widgets serve` benchmark (npm run bench:serve), on a generated consortium feed of
 * 50,000 events in 2026, read by the real command from a file source:
 *
 * 1. /feed.json requests per second, 200 (gzip) and 304 (If-None-Match), against a static file
 *    server in node:http serving the same bytes with an ETag (bench/serve/static-server.mjs), in
 *    the same run, rounds in turns. Each server runs in a process of its own; the load comes from
 *    this one over keep-alive connections, to 127.0.0.1 only, bounded in count and time.
 * 2. The first month in <civic-event-calendar> in headless Chromium (Debian's), windowed against
 *    whole: bytes of feed transferred and the time from navigation to the first month drawn.
 *
 *   node bench/serve.mjs [--rounds 9]
 *
 * Goal (issue 16): ours / static ≥ 0.8 in requests per second, for 200 and for 304.
 */
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIT_TSCONFIG, bundle, isMain, launch, median, root, roundsOption, serve } from './harness.mjs';
import { seededRandom } from './seeded-random.mjs';

const EVENTS = 50_000;
const YEAR = 2026;
const CONCURRENCY = 8;
/** Requests per round: a 200 carries the whole feed, so fewer of them. Short rounds, taken in turns, so a busy machine weighs on both alike. */
const REQUESTS = { 200: 400, 304: 4000 };
const TIME_LIMIT_MS = 20_000;
const GOAL = 0.8;
const BIN = join(root, 'packages/server/bin/civic-widgets.mjs');

const TOPICS = ['housing', 'environment', 'transit', 'budget', 'health', 'education'];
const WORDS = ['Open', 'Data', 'Housing', 'Census', 'Transit', 'Budget', 'Mapping', 'Workshop', 'Clinic', 'Meetup', 'Walk', 'Hack'];
const pad = (n) => String(n).padStart(2, '0');

/** A consortium's year: 50,000 one-off events, mostly timed, one in twelve all-day, in one zone. */
export function consortiumFeed(count = EVENTS) {
  const r = seededRandom(16);
  const events = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(YEAR, 0, 1 + Math.floor(r() * 365)));
    const date = day.toISOString().slice(0, 10);
    const title = `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${i + 1}`;
    const base = { id: `e${i}`, title, topics: [TOPICS[i % TOPICS.length]], location: { name: `Branch ${1 + (i % 40)}` } };
    if (r() < 1 / 12) {
      events.push({ ...base, start: date });
      continue;
    }
    const start = 8 * 60 + Math.floor(r() * 48) * 15;
    const end = Math.min(23 * 60 + 45, start + 30 + Math.floor(r() * 11) * 15);
    const time = (m) => `${date}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`;
    events.push({ ...base, start: time(start), end: time(end) });
  }
  return { version: '1', title: 'Consortium', timezone: 'America/Chicago', events };
}

/** Starts `civic-widgets serve` on the feed file; resolves to its origin and a stop function. */
async function startServe(dir, feedPath, origin) {
  const config = join(dir, 'civic.json');
  await writeFile(config, JSON.stringify({
    title: 'Consortium',
    timezone: 'America/Chicago',
    sources: [{ file: feedPath, label: 'Consortium' }],
    server: { dataDir: join(dir, 'data'), origins: [origin] },
  }));
  // Not the parent's flags: the server runs as the command would.
  const child = spawn(process.execPath, [BIN, 'serve', '--config', config, '--port', '0'], {
    env: { ...process.env, CIVIC_STAFF_TOKEN: randomBytes(32).toString('base64url') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /serve: (http:\/\/127\.0\.0\.1:\d+)\/feed\.json \((\d+) events/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], events: Number(match[2]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  const stop = () => new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { ...url, pid: child.pid, stop };
}

async function startStatic(path) {
  const child = fork(join(root, 'bench/serve/static-server.mjs'), [path], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  const stop = () => new Promise((resolve) => {
    child.once('exit', resolve);
    child.disconnect();
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}

/**
 * CPU time a process has used, in ms (Linux: /proc/PID/stat's utime and stime, in ticks of 10 ms).
 * On a machine others share, requests per second swing with their load; the CPU each server
 * spends on a request does not, and its ratio is the ratio of requests per second at saturation.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN; // not Linux
  }
}

/** One GET; resolves to the status, the ETag and the body's length (bytes as sent). */
function get(url, headers, agent) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Asks `url` for /feed.json `count` times, CONCURRENCY at a time over keep-alive connections, for
 * at most TIME_LIMIT_MS; resolves to requests per second, or throws on an unexpected status.
 */
async function load(url, status, etag, pid) {
  const cpu0 = cpuMs(pid);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const headers = { 'Accept-Encoding': 'gzip', ...(status === 304 ? { 'If-None-Match': etag } : {}) };
  const deadline = performance.now() + TIME_LIMIT_MS;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < REQUESTS[status] && performance.now() < deadline) {
      next++;
      const answer = await get(`${url}/feed.json`, headers, agent);
      if (answer.status !== status) throw new Error(`${url}: ${answer.status}, expected ${status}`);
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { rate: done / seconds, cpu: cpuMs(pid) - cpu0, done };
}

/** The calendar page: the first month, windowed or whole, timed from navigation to the month drawn. */
function calendarPage(feedUrl, windowed) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<civic-event-calendar src="${feedUrl}/feed.json" ${windowed ? 'windowed' : ''} no-cache no-seo date="${YEAR}-01-15" view="month" locale="en-US"></civic-event-calendar>
<script type="module" src="/calendar.js"></script>
<script type="module">
  const el = document.querySelector('civic-event-calendar');
  const check = () => {
    const frame = el.frame;
    if (frame && !frame.pending && frame.count > 0) {
      window.firstMonth = { ms: performance.now(), count: frame.count };
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
</script></body></html>`;
}

async function browserRuns(serveUrl, pages, rounds) {
  const runs = { windowed: { ms: [], bytes: [], requests: [], count: 0 }, whole: { ms: [], bytes: [], requests: [], count: 0 } };
  const browser = await launch();
  try {
    // A warm-up tab of each, untimed: the browser's first compile and the server's first window.
    for (let round = -1; round < rounds; round++) {
      const order = round % 2 ? ['whole', 'windowed'] : ['windowed', 'whole'];
      for (const kind of order) {
        const page = await browser.newPage();
        const feedResponses = [];
        page.on('response', (response) => {
          if (response.url().startsWith(`${serveUrl}/feed.json`)) feedResponses.push(response);
        });
        page.on('pageerror', (error) => console.error('page error:', error));
        await page.goto(`${pages.url}/${kind}.html`);
        await page.waitForFunction(() => window.firstMonth, null, { timeout: 120_000 });
        const { ms, count } = await page.evaluate(() => window.firstMonth);
        let bytes = 0;
        for (const response of feedResponses) {
          await response.finished();
          const sizes = await response.request().sizes();
          bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        }
        await page.close();
        if (round < 0) continue;
        runs[kind].ms.push(ms);
        runs[kind].bytes.push(bytes);
        runs[kind].requests.push(feedResponses.length);
        runs[kind].count = count;
      }
    }
    runs.version = browser.version();
  } finally {
    await browser.close();
  }
  return runs;
}

/** Runs the benchmark; resolves to requests per second per server and status, and the browser figures. */
export async function measure({ rounds = roundsOption(9) } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'civic-serve-bench-'));
  const feedPath = join(dir, 'consortium.json');
  await writeFile(feedPath, JSON.stringify(consortiumFeed()));
  const code = await bundle('src/event-calendar/define.ts', {
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', __CIVIC_PROD__: 'true' },
    conditions: ['production'],
    tsconfigRaw: LIT_TSCONFIG,
  });
  const files = { '/calendar.js': ['text/javascript', code] };
  const pages = await serve(files);
  const servers = {};
  try {
    servers.ours = await startServe(dir, feedPath, pages.url);
    files['/windowed.html'] = ['text/html', calendarPage(servers.ours.url, true)];
    files['/whole.html'] = ['text/html', calendarPage(servers.ours.url, false)];
    // The peer serves the very bytes ours does.
    const whole = Buffer.from(await (await fetch(`${servers.ours.url}/feed.json`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());
    const bytesPath = join(dir, 'feed.json');
    await writeFile(bytesPath, whole);
    servers.static = await startStatic(bytesPath);
    const fresh = () => ({ ours: [], static: [], ratios: [], cpu: { ours: 0, static: 0 }, done: { ours: 0, static: 0 } });
    const result = { 200: fresh(), 304: fresh() };
    const etags = {};
    for (const kind of ['ours', 'static']) {
      const first = await get(`${servers[kind].url}/feed.json`, { 'Accept-Encoding': 'gzip' });
      etags[kind] = first.etag;
      result[`${kind}Gzip`] = first.bytes;
      for (const status of [200, 304]) await load(servers[kind].url, status, etags[kind], servers[kind].pid); // warm-up
    }
    for (let round = 0; round < rounds; round++) {
      for (const status of [200, 304]) {
        const r = result[status];
        const order = round % 2 ? ['static', 'ours'] : ['ours', 'static'];
        for (const kind of order) {
          const { rate, cpu, done } = await load(servers[kind].url, status, etags[kind], servers[kind].pid);
          r[kind].push(rate);
          r.cpu[kind] += cpu;
          r.done[kind] += done;
        }
        r.ratios.push(r.ours[round] / r.static[round]);
      }
    }
    result.browser = await browserRuns(servers.ours.url, pages, Math.min(rounds, 3));
    return { rounds, events: servers.ours.events, wholeBytes: whole.length, result };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    pages.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

/** Prints the report, as `npm run bench:serve` shows it. */
export function print({ rounds, events, wholeBytes, result }) {
  console.log(`civic-widgets serve, a consortium's ${EVENTS} events in ${YEAR} (${events} served; /feed.json is ${kib(wholeBytes)}, gzip ${kib(result.oursGzip)} from ours, ${kib(result.staticGzip)} from the static server)`);
  console.log(`/feed.json requests per second, ${CONCURRENCY} at a time over keep-alive, after a warm-up; medians of ${rounds} rounds (ratio: median of the rounds' ratios)`);
  for (const status of [200, 304]) {
    const r = result[status];
    const ratio = median(r.ratios);
    console.log(`  ${status} (${REQUESTS[status]} a round): ours ${median(r.ours).toFixed(0).padStart(6)}/s, static node:http ${median(r.static).toFixed(0).padStart(6)}/s,` +
      ` ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'ok' : 'MISSED'}`);
    console.log(`        ratios by round: ${r.ratios.map((n) => n.toFixed(2)).join(', ')}`);
    const us = (kind) => (1000 * r.cpu[kind]) / r.done[kind];
    console.log(`        server CPU per request, all rounds: ours ${us('ours').toFixed(0)} µs, static ${us('static').toFixed(0)} µs,` +
      ` ratio static/ours ${(us('static') / us('ours')).toFixed(2)} (requests per second a saturated core would give)`);
  }
  const b = result.browser;
  console.log(`The first month (January ${YEAR}) in <civic-event-calendar>, Chromium ${b.version}, medians of ${b.windowed.ms.length} fresh tabs:`);
  for (const kind of ['windowed', 'whole']) {
    const k = b[kind];
    console.log(`  ${kind.padEnd(8)}: ${kib(median(k.bytes)).padStart(9)} of feed in ${median(k.requests)} request(s), first month drawn at ${median(k.ms).toFixed(0)} ms (${k.count} events in January)`);
  }
}

/** Rows for bench/all.mjs: milliseconds per request (1000 / rate); the ratio is in requests per second. */
export function rows({ result }) {
  const rateRows = [200, 304].map((status) => {
    const r = result[status];
    const ratio = median(r.ratios);
    return {
      element: 'civic-widgets serve (feed)',
      measure: `/feed.json ${status}, 50,000 events (ms each at ${CONCURRENCY} concurrent)`,
      ours: 1000 / median(r.ours),
      peer: 1000 / median(r.static),
      peerName: 'node:http static file',
      budget: null,
      ratio,
      goal: `≥ ${GOAL} (requests/s ratio)`,
      ok: ratio >= GOAL,
    };
  });
  const b = result.browser;
  return [
    ...rateRows,
    {
      element: 'civic-event-calendar',
      measure: `first month of 50,000 events: windowed ${kib(median(b.windowed.bytes))} vs whole ${kib(median(b.whole.bytes))} (ms to first month drawn)`,
      ours: median(b.windowed.ms),
      peer: median(b.whole.ms),
      peerName: 'the same calendar, whole feed',
      budget: null,
      ratio: median(b.windowed.ms) / median(b.whole.ms),
      goal: null,
      ok: null,
    },
  ];
}

export async function run(options) {
  return rows(await measure(options));
}

if (isMain(import.meta.url)) print(await measure());
