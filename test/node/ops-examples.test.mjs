// @ts-check
/**
 * The operations examples of docs/server.md, run as written: the systemd unit checked by
 * systemd-analyze and its ExecStart line started as the server, then Debian's nginx and Caddy in
 * front of it with the docs' own server blocks, over TLS. Only what a test must change is
 * changed (ports, certificate paths, Caddy's ACME and admin endpoint), each substitution
 * asserted so that an edit of the docs that escapes it fails here instead of going untested.
 * Everything listens on loopback, on free high ports.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect as http2Connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../packages/server/src/config.mjs';
import { freePort, launch, listening, stopAll } from './processes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/server/bin/civic-widgets.mjs');
const DOC = readFileSync(join(ROOT, 'docs/server.md'), 'utf8');
const TOKEN = randomBytes(32).toString('base64url');
const EVENT = 'open-data-day';
/** Registrations from this many client addresses, each through each proxy. */
const PATRONS = 40;

/**
 * The fenced blocks of docs/server.md in one language.
 * @param {string} lang
 */
function fenced(lang) {
  return [...DOC.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]);
}

/**
 * The one block of a language that contains `marker`.
 * @param {string} lang
 * @param {string} marker
 */
function example(lang, marker) {
  const blocks = fenced(lang).filter((block) => block.includes(marker));
  assert.equal(blocks.length, 1, `docs/server.md: one \`\`\`${lang} block with ${marker}`);
  return /** @type {string} */ (blocks[0]);
}

/**
 * `text` with `pattern` replaced, after checking the docs still say it (so no substitution is silently lost).
 * @param {string} text
 * @param {RegExp} pattern global
 * @param {string} by
 */
function substitute(text, pattern, by) {
  assert.match(text, pattern, `the example no longer has ${pattern}`);
  return text.replace(pattern, by);
}

/**
 * An installed program, on PATH or in the sbin folders where Debian puts servers.
 * @param {string} name
 */
function program(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/local/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this one
    }
  }
  return undefined;
}

/** Whether ::1 can be listened on (a container may have no IPv6). */
async function hasIpv6Loopback() {
  const server = createServer();
  const ok = await new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => resolve(true));
  });
  if (ok) await new Promise((resolve) => server.close(resolve));
  return ok;
}

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }} Answer
 * @typedef {{ method?: string, headers?: Record<string, string>, body?: string, localAddress?: string }} Ask
 */

// The server the proxies stand in front of, started from the unit's ExecStart line.
let upstreamPort = 0;
let publicOrigin = '';
const unit = example('ini', 'ExecStart=');
const docsConfig = JSON.parse(example('json', '"server"'));

let dir = '';
let cert = '';
let key = '';
/** The name patrons reach the server at, as the nginx example serves it. */
const HOST = /server_name ([\w.-]+);/.exec(example('nginx', 'proxy_pass'))?.[1] ?? '';

/**
 * One HTTPS request to a proxy on 127.0.0.1, as a browser asking for the docs' host name would
 * make it: SNI and certificate checked against the test's own CA.
 * @param {number} port
 * @param {string} path
 * @param {Ask} [ask]
 * @returns {Promise<Answer>}
 */
function https(port, path, ask = {}) {
  return new Promise((resolve, reject) => {
    const request = httpsRequest({
      host: '127.0.0.1', port, path, method: ask.method ?? 'GET', servername: HOST, ca: readFileSync(cert),
      headers: { Host: HOST, ...ask.headers }, agent: false, timeout: 10_000,
      ...(ask.localAddress ? { localAddress: ask.localAddress } : {}),
    }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${port}${path} in 10 s`)));
    request.on('error', reject);
    request.end(ask.body);
  });
}

/**
 * GET over HTTP/2, to see that the example's `http2` is in force.
 * @param {number} port
 * @param {string} path
 * @returns {Promise<number>}
 */
function http2Status(port, path) {
  return new Promise((resolve, reject) => {
    const session = http2Connect(`https://127.0.0.1:${port}`, { ca: readFileSync(cert), servername: HOST });
    session.on('error', reject);
    const stream = session.request({ ':path': path, ':authority': HOST });
    stream.on('response', (headers) => {
      stream.resume();
      stream.on('end', () => {
        session.close();
        resolve(Number(headers[':status']));
      });
    });
    stream.on('error', reject);
    stream.end();
  });
}

/**
 * Checks that what the examples say about the server's address agrees, and returns that port.
 */
function documentedPort() {
  const fromUnit = /--port (\d+)/.exec(unit)?.[1];
  const fromConfig = String(docsConfig.server.port);
  const fromNginx = /proxy_pass http:\/\/127\.0\.0\.1:(\d+);/.exec(example('nginx', 'proxy_pass'))?.[1];
  const fromCaddy = /reverse_proxy 127\.0\.0\.1:(\d+)/.exec(example('caddyfile', 'reverse_proxy'))?.[1];
  assert.deepEqual([fromUnit, fromNginx, fromCaddy], [fromConfig, fromConfig, fromConfig], 'the unit, the config and both proxies name one port');
  // Same-origin registrations need the config's publicOrigin to be the name the proxies serve.
  assert.equal(docsConfig.server.publicOrigin, `https://${HOST}`);
  assert.match(example('caddyfile', 'reverse_proxy'), new RegExp(`^${HOST.replaceAll('.', '\\.')} \\{$`, 'm'));
  return fromConfig;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ops-examples-'));
  // nginx's workers drop root for `nobody`, which must reach the proxy's temporary folders.
  await chmod(dir, 0o711);
});

after(async () => {
  await stopAll();
  await rm(dir, { recursive: true, force: true });
});

describe('docs/server.md: the systemd unit', () => {
  it('starts the server with its ExecStart line and the docs\' config', async (t) => {
    const begun = Date.now();
    const port = documentedPort();
    upstreamPort = await freePort();
    // The config of the docs, with its sources and its data folder replaced by the test's.
    const state = join(dir, 'state', 'civic-widgets');
    await mkdir(state, { recursive: true, mode: 0o700 });
    const feedPath = join(dir, 'events.json');
    await writeFile(feedPath, JSON.stringify({
      version: '1', timezone: 'America/Chicago',
      events: [{ id: EVENT, title: 'Open Data Day', start: '2027-03-06T10:00:00', end: '2027-03-06T16:00:00', capacity: 500, waitlist: false, rsvp: { endpoint: '/api/rsvp' } }],
    }));
    const config = { ...docsConfig, sources: [{ file: feedPath, label: 'Library calendar' }], server: { ...docsConfig.server, dataDir: state, port: upstreamPort } };
    const configPath = join(dir, 'civic.json');
    await writeFile(configPath, JSON.stringify(config, null, 2));
    parseConfig(JSON.stringify(config), configPath); // the schema takes the docs' server section
    publicOrigin = docsConfig.server.publicOrigin;

    const execStart = /^ExecStart=(.+)$/m.exec(unit)?.[1] ?? '';
    const [command, ...args] = substitute(
      substitute(execStart, new RegExp(`--port ${port}\\b`, 'g'), `--port ${upstreamPort}`),
      /--config \/etc\/civic-widgets\/civic\.json/g, `--config ${configPath}`,
    ).split(' ');
    assert.equal(command, '/usr/bin/civic-widgets');
    const workingDirectory = join(dir, 'work');
    await mkdir(workingDirectory);
    // What systemd gives the service: StateDirectory= as $STATE_DIRECTORY, the token from EnvironmentFile=.
    assert.match(unit, /^StateDirectory=civic-widgets$/m);
    const { child, output } = launch(BIN, args, {
      cwd: workingDirectory,
      env: { PATH: process.env.PATH, STATE_DIRECTORY: state, CIVIC_STAFF_TOKEN: TOKEN },
    });
    await listening(upstreamPort, child, output);
    // It logs its start line just after it listens.
    const started = new RegExp(`serve: http://127\\.0\\.0\\.1:${upstreamPort}/feed\\.json \\(1 events`);
    for (let i = 0; i < 50 && !started.test(output()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output(), started);
    t.diagnostic(`server up in ${Date.now() - begun} ms`);
  });

  it('passes systemd-analyze verify', async (t) => {
    const analyze = program('systemd-analyze');
    if (!analyze) return t.skip('systemd-analyze is not installed');
    const started = Date.now();
    // The unit's program is where `npm install -g` puts it; here, this checkout's.
    const path = join(dir, 'civic-widgets.service');
    await writeFile(path, substitute(unit, /^ExecStart=\/usr\/bin\/civic-widgets /m, `ExecStart=${BIN} `));
    const result = spawnSync(analyze, ['verify', path], { encoding: 'utf8', timeout: 30_000 });
    // verify exits 0 on unknown keys and bad values, only warning: every line about the unit counts.
    const about = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('civic-widgets'));
    assert.deepEqual(about, [], 'systemd-analyze has nothing to say about the unit');
    assert.equal(result.status, 0, result.stderr);
    t.diagnostic(`systemd-analyze verify: ${Date.now() - started} ms`);
  });
});

/**
 * Asks the live feed through a proxy: 200 with an ETag over TLS, then 304 for that ETag.
 * @param {number} port
 */
async function feedWithValidators(port) {
  const first = await https(port, '/feed.json');
  assert.equal(first.status, 200, first.body);
  assert.deepEqual(JSON.parse(first.body).events.map((/** @type {{ id: string }} */ e) => e.id), [EVENT]);
  const etag = first.headers.etag;
  assert.ok(etag, 'an ETag through the proxy');
  const again = await https(port, '/feed.json', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
}

let registrations = 0;
/**
 * One patron's registration through a proxy, from a loopback address of its own.
 * @param {number} port
 * @param {string} localAddress
 * @param {string} name
 * @param {Record<string, string>} [headers]
 */
function register(port, localAddress, name, headers = {}) {
  const idempotencyKey = `ops-example-${++registrations}-${randomBytes(6).toString('hex')}`;
  return https(port, '/api/rsvp', {
    method: 'POST', localAddress,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, Origin: publicOrigin, ...headers },
    body: JSON.stringify({ eventId: EVENT, name, email: `patron${registrations}@example.org`, answers: {}, idempotencyKey }),
  });
}

/**
 * 40 patrons through the proxy are counted apart; one patron is still held to the limit; the
 * staff export answers.
 * @param {number} port
 * @param {string} spareAddress a loopback address no other registration used
 * @param {string} via the proxy's name, in the patrons' names
 * @param {boolean} spoof whether the eager patron sends an X-Forwarded-For of its own each time
 */
async function patronsCountedApart(port, spareAddress, via, spoof) {
  const names = [];
  for (let i = 0; i < PATRONS; i++) {
    names.push(`Patron ${i + 1} via ${via}`);
    const answer = await register(port, `127.0.0.${10 + i}`, names[i]);
    assert.equal(answer.status, 201, `patron ${i + 1}: ${answer.body}`);
  }
  // The rate limit still holds each patron to 30 a minute: the 31st from one address is refused.
  const statuses = [];
  for (let i = 0; i < 31; i++) {
    // A client's own X-Forwarded-For, which a proxy that replaces the header drops. (nginx
    // appends to it, and behind trustProxy "loopback" a client on 127/8 is itself believed:
    // only a real client's address ends the chain, so nginx is not asked this here.)
    const made = spoof ? { 'X-Forwarded-For': `203.0.113.${i + 1}` } : undefined;
    statuses.push((await register(port, spareAddress, `Eager patron via ${via}`, made)).status);
  }
  assert.deepEqual(statuses, [...Array(30).fill(201), 429]);
  const csv = await https(port, `/api/rsvp/export.csv?eventId=${EVENT}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(csv.status, 200, csv.body);
  const lines = csv.body.split('\r\n');
  assert.deepEqual(names.filter((name) => !lines.some((line) => line.includes(`,${name},`))), [], 'each patron in the export');
  assert.equal(lines.filter((line) => line.includes(`,Eager patron via ${via},`)).length, 30);
}

/**
 * @param {string} name
 * @param {(t: import('node:test').TestContext) => Promise<{ port: number, child: import('node:child_process').ChildProcess } | undefined>} start
 * @param {{ redirect?: () => number, spareAddress: string, spoof?: boolean }} more
 */
function throughProxy(name, start, more) {
  describe(`docs/server.md: ${name} in front, with TLS`, () => {
    /** @type {{ port: number, child: import('node:child_process').ChildProcess } | undefined} */
    let proxy;
    /** @param {import('node:test').TestContext} t */
    const ready = (t) => {
      if (!proxy) t.skip(`${name} is not running (see "starts ${name} with the example")`);
      return proxy ?? { port: 0 };
    };
    it(`starts ${name} with the example`, async (t) => {
      assert.ok(upstreamPort, 'the server is up');
      const started = Date.now();
      proxy = await start(t);
      if (proxy) t.diagnostic(`${name} up in ${Date.now() - started} ms`);
    });
    it('serves the feed over TLS and HTTP/2 with its ETag, and 304 for it', async (t) => {
      const { port } = ready(t);
      if (!port) return;
      const started = Date.now();
      await feedWithValidators(port);
      assert.equal(await http2Status(port, '/feed.json'), 200);
      t.diagnostic(`feed: ${Date.now() - started} ms`);
    });
    if (more.redirect) {
      const redirectPort = more.redirect;
      it('sends plain HTTP to HTTPS with a 301', async (t) => {
        const { port } = ready(t);
        if (!port) return;
        const answer = await new Promise((resolve, reject) => {
          const request = httpRequest({ host: '127.0.0.1', port: redirectPort(), path: '/feed.json?from=2027-03-01', headers: { Host: HOST }, agent: false, timeout: 10_000 }, (response) => {
            response.resume();
            response.on('end', () => resolve(response));
          });
          request.on('error', reject);
          request.end();
        });
        assert.equal(answer.statusCode, 301);
        assert.equal(answer.headers.location, `https://${HOST}/feed.json?from=2027-03-01`);
      });
    }
    it(`counts ${PATRONS} patrons apart, holds each to the limit, and still exports`, async (t) => {
      const { port } = ready(t);
      if (!port) return;
      const started = Date.now();
      await patronsCountedApart(port, more.spareAddress, name, more.spoof ?? false);
      t.diagnostic(`${PATRONS + 31} registrations and the export: ${Date.now() - started} ms`);
    });
  });
}

/** The certificate a proxy serves for events.example.org, made once (or undefined without openssl). */
async function certificate() {
  if (cert) return true;
  const openssl = program('openssl');
  if (!openssl) return false;
  const certPath = join(dir, 'fullchain.pem');
  const keyPath = join(dir, 'privkey.pem');
  const made = spawnSync(openssl, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', keyPath, '-out', certPath,
  ], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(made.status, 0, made.stderr);
  cert = certPath;
  key = keyPath;
  return true;
}

let nginxRedirectPort = 0;
throughProxy('nginx', async (t) => {
  const nginx = program('nginx');
  if (!nginx) return void t.skip('nginx is not installed (apt-get install nginx)');
  if (!(await certificate())) return void t.skip('openssl is not installed, so there is no certificate');
  const port = await freePort();
  nginxRedirectPort = await freePort();
  const v6 = await hasIpv6Loopback();
  let site = example('nginx', 'proxy_pass');
  site = substitute(site, /^(\s*)listen 443\b(.*)$/m, `$1listen 127.0.0.1:${port}$2`);
  site = substitute(site, /^(\s*)listen \[::\]:443\b(.*)$/m, v6 ? `$1listen [::1]:${port}$2` : '');
  site = substitute(site, /^(\s*)listen 80\b(.*)$/m, `$1listen 127.0.0.1:${nginxRedirectPort}$2`);
  site = substitute(site, /^(\s*)listen \[::\]:80\b(.*)$/m, v6 ? `$1listen [::1]:${nginxRedirectPort}$2` : '');
  site = substitute(site, /ssl_certificate +\/etc\/letsencrypt\/live\/[\w.-]+\/fullchain\.pem;/g, `ssl_certificate ${cert};`);
  site = substitute(site, /ssl_certificate_key +\/etc\/letsencrypt\/live\/[\w.-]+\/privkey\.pem;/g, `ssl_certificate_key ${key};`);
  site = substitute(site, /proxy_pass http:\/\/127\.0\.0\.1:\d+;/g, `proxy_pass http://127.0.0.1:${upstreamPort};`);
  assert.doesNotMatch(site, /:443|listen 80|\/etc\//, 'nothing of the production setup is left to bind or read');
  const prefix = join(dir, 'nginx');
  await mkdir(prefix);
  // What nginx.conf around a site in /etc/nginx/sites-enabled/ gives it, kept in the test's folder.
  const conf = join(prefix, 'nginx.conf');
  await writeFile(conf, [
    'daemon off;', 'worker_processes 1;', `pid ${prefix}/nginx.pid;`, `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {', '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${prefix}/${kind};`),
    site, '}', '',
  ].join('\n'));
  const checked = spawnSync(nginx, ['-t', '-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(checked.status, 0, `nginx -t: ${checked.stderr}`);
  const warnings = checked.stderr.split('\n').filter((line) => /\[(warn|emerg|alert)\]/.test(line));
  if (warnings.length) t.diagnostic(`nginx -t warns: ${warnings.join(' | ')}`);
  const { child, output } = launch(nginx, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')]);
  await listening(port, child, () => `${output()} ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
  return { port, child };
}, { redirect: () => nginxRedirectPort, spareAddress: '127.0.0.200' });

throughProxy('Caddy', async (t) => {
  const caddy = program('caddy');
  if (!caddy) return void t.skip('caddy is not installed (apt-get install caddy)');
  if (!(await certificate())) return void t.skip('openssl is not installed, so there is no certificate');
  const port = await freePort();
  const home = join(dir, 'caddy');
  await mkdir(home);
  let site = example('caddyfile', 'reverse_proxy');
  site = substitute(site, /reverse_proxy 127\.0\.0\.1:\d+/g, `reverse_proxy 127.0.0.1:${upstreamPort}`);
  // In production Caddy gets the certificate from Let's Encrypt; here it is given the test's.
  site = substitute(site, new RegExp(`^${HOST.replaceAll('.', '\\.')} \\{$`, 'm'), `${HOST} {\n    tls ${cert} ${key}`);
  const caddyfile = join(home, 'Caddyfile');
  await writeFile(caddyfile, [
    // No admin endpoint, no ACME, no listener on 80 or 443, nothing written outside the test's folder.
    '{', '    admin off', '    auto_https disable_redirects', '    default_bind 127.0.0.1',
    `    http_port ${await freePort()}`, `    https_port ${port}`, `    storage file_system ${home}`, '}', site,
  ].join('\n'));
  const { child, output } = launch(caddy, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
  });
  await listening(port, child, output);
  return { port, child };
}, { spareAddress: '127.0.0.201', spoof: true });
