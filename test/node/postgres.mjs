// @ts-check
/**
 * A throwaway PostgreSQL for the tests and the bench, from Debian's packages (`postgresql`):
 * initdb into a temporary folder, `postgres` on 127.0.0.1 on a free port (and a socket in that
 * folder), stopped and deleted at the end. PostgreSQL refuses to run as root, so as root (CI) it
 * runs as the `postgres` user the package creates.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** What to install when the binaries are missing. */
export const POSTGRES_PACKAGE = 'postgresql';

/** The folder of PostgreSQL's programs (PG_BIN, else Debian's newest), or undefined. */
export function postgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a PostgreSQL cluster of its own.
 * @param {{ durable?: boolean }} [options] durable: fsync on (the bench); the tests turn it off
 * @returns {Promise<{ url: (database?: string) => string, version: string, stop: () => Promise<void> }>}
 */
export async function startPostgres(options = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed: apt-get install ${POSTGRES_PACKAGE}`);
  const dir = await mkdtemp(join(tmpdir(), 'civic-pg-'));
  const data = join(dir, 'data');
  /** @type {string[]} run as the postgres user when we are root */
  let asUser = [];
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(dir, uid, gid);
    asUser = ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'];
  }
  /**
   * @param {string} program
   * @param {string[]} args
   */
  const command = (program, args) => {
    const all = [...asUser, join(bin, program), ...args];
    return { file: /** @type {string} */ (all[0]), args: all.slice(1) };
  };
  const init = command('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  execFileSync(init.file, init.args, { stdio: 'ignore' });
  const port = await freePort();
  const settings = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'max_connections=100'];
  if (!options.durable) settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const run = command('postgres', ['-D', data, '-p', String(port), ...settings]);
  const server = spawn(run.file, run.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  // Up within 20 s, or the test says why not.
  const deadline = Date.now() + 20_000;
  let version = '';
  for (;;) {
    const client = new pg.Client({ connectionString: url() });
    try {
      await client.connect();
      version = String((await client.query('SHOW server_version')).rows[0].server_version);
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (server.exitCode !== null || Date.now() > deadline) {
        server.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : error}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    version,
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (sessions ended, no waiting for clients).
      if (server.exitCode === null) server.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs one statement on `url` through a connection of its own.
 * @param {string} url
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<Record<string, unknown>[]>}
 */
export async function queryPostgres(url, sql, params = []) {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: /** @type {typeof pg.types.getTypeParser} */ ((oid, format) => (
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format))),
    },
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
