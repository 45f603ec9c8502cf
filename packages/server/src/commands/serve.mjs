// @ts-check
/**
 * `civic-widgets serve [--config civic.json] [--host H] [--port P]`: the live feed built from the
 * config's sources, the staff status page, and the registration endpoint, on SQLite with no other
 * setup. A configuration that cannot work stops it at start, with the line to fix.
 *
 * Environment: CIVIC_STAFF_TOKEN (status page and the staff side of registrations; at least 32
 * random bytes), CIVIC_CANCEL_SECRET (signs cancel links; default: the data folder's
 * `cancel-secret` file), DATABASE_URL (registrations in PostgreSQL rather than the data folder's
 * SQLite file, for several processes; docs/server.md), STATE_DIRECTORY (set by systemd's StateDirectory=: where the data goes
 * without `dataDir`), and the variable `server.mail.passwordEnv` names (the SMTP password).
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parseCommandArgs, UsageError, withExitStatus } from '../cli-args.mjs';
import { ConfigError, loadConfig } from '../config.mjs';
import { jsonLine } from '../json-lines.mjs';
import { MailSettingError, mailOptionsOf } from '../mail/mail-settings.mjs';
import { createRsvpHandler, DEFAULT_RETENTION_DAYS, weakTokenReason } from '../rsvp-server.mjs';
import { createCivicServer } from '../serve/civic-server.mjs';
import { LiveFeed } from '../serve/live-feed.mjs';

const USAGE = 'civic-widgets serve [--config civic.json] [--host 127.0.0.1] [--port 8787]';
const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';

/** @param {string[]} args */
export function run(args) {
  return withExitStatus(async () => {
    const { values, positionals } = parseCommandArgs(
      args,
      { config: { type: 'string', short: 'c' }, host: { type: 'string' }, port: { type: 'string', short: 'p' } },
      USAGE,
    );
    if (positionals.length) throw new UsageError(`serve takes no ${positionals[0]}\nUsage: ${USAGE}`);
    const config = loadConfig(values.config ?? 'civic.json');
    const log = (/** @type {string} */ line) => console.log(`${new Date().toISOString()} ${line}`);
    const running = await startServer(config, { ...values, token: process.env.CIVIC_STAFF_TOKEN, databaseUrl: process.env.DATABASE_URL, log });
    await new Promise((resolve) => {
      let stopping = false;
      const stop = async () => {
        if (stopping) process.exit(1); // a second Ctrl-C means now
        stopping = true;
        log('stopping…');
        await running.stop();
        resolve(undefined);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  });
}

/**
 * Starts everything a config describes: reads the sources, opens the registrations, listens.
 * @param {import('../config.mjs').Config} config
 * @param {{ host?: string, port?: string, token?: string, databaseUrl?: string, log: (line: string) => void }} options
 */
export async function startServer(config, options) {
  const { log } = options;
  const settings = serverSettings(config, options);
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const token = options.token?.trim() || undefined;
  if (token) {
    const weak = weakTokenReason(token);
    if (weak) throw new ConfigError(`CIVIC_STAFF_TOKEN: ${weak.replace(/^the export token/, 'the staff token')}`);
  }
  const live = new LiveFeed(config, { dataDir: settings.dataDir, log });
  await live.start();

  // DATABASE_URL: registrations in PostgreSQL, shared by every process behind a load balancer.
  const databaseUrl = options.databaseUrl?.trim() || undefined;
  const dbPath = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : join(settings.dataDir, 'registrations.sqlite');
  /** @type {import('../rsvp-handler.mjs').RsvpHandler | undefined} */
  let rsvp;
  if (settings.rsvp) {
    try {
      rsvp = createRsvpHandler({
        ...(databaseUrl ? { databaseUrl } : { dbPath }),
        feed: () => live.current().feed,
        allowedOrigins: settings.origins.filter((o) => o !== '*'),
        ...(settings.publicOrigin ? { publicOrigin: settings.publicOrigin } : {}),
        ...(settings.trustProxy !== undefined ? { trustProxy: settings.trustProxy } : {}),
        ...(settings.forwardedHeader ? { forwardedHeader: settings.forwardedHeader } : {}),
        exportToken: token ?? null,
        ...(settings.mail ? { mail: settings.mail } : {}),
        ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}),
        log,
      });
    } catch (error) {
      await live.stop();
      throw new ConfigError(`${config.path}: registrations cannot start: ${error instanceof Error ? error.message : error}`);
    }
    try {
      await rsvp.ready;
    } catch (error) {
      await rsvp.close().catch(() => {});
      await live.stop();
      throw new ConfigError(`registrations cannot start: ${error instanceof Error ? error.message : error}`);
    }
  }
  const app = createCivicServer({ live, origins: settings.origins, staffToken: token, ...(rsvp ? { rsvp, rsvpDbPath: dbPath } : {}), ...(config.title ? { title: config.title } : {}) });
  let address;
  try {
    address = await app.listen(settings.port, settings.host);
  } catch (error) {
    await live.stop();
    await rsvp?.close();
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    const why = code === 'EADDRINUSE' ? `port ${settings.port} is taken (another server? choose one with --port)` : code === 'EACCES' ? `this user may not listen on port ${settings.port}` : String(error);
    throw new Error(`cannot listen on ${settings.host}:${settings.port}: ${why}`);
  }
  const feed = live.current().feed;
  log(`civic-widgets serve: ${address.url}/feed.json (${feed.events.length} events, ${feed.groups.length} groups, ${feed.resources.length} resources, ${feed.places.length} places) and ${address.url}/feed.ics`);
  log(`  pages allowed: ${settings.origins.join(', ') || 'none (same origin only)'}; data in ${settings.dataDir}`);
  log(`  registrations: ${rsvp ? `${address.url}${rsvp.path}` : 'off'}; status page: ${token ? `${address.url}/status` : 'off (set CIVIC_STAFF_TOKEN)'}`);
  if (rsvp) {
    log(`  mail: ${settings.mail ? `through ${settings.mail.host}` : 'off (no server.mail)'}`);
    log(`  attendance lists: ${token ? `${address.url}${rsvp.path}/staff` : 'off (set CIVIC_STAFF_TOKEN)'}; names, emails and answers kept ${settings.retentionDays ?? DEFAULT_RETENTION_DAYS} days after each event ends`);
  }
  return {
    url: address.url,
    live,
    rsvp,
    async stop() {
      await app.close();
      await live.stop();
      await rsvp?.close();
    },
  };
}

/**
 * The `server` section with the command line on top, checked: what the schema cannot say.
 * @param {import('../config.mjs').Config} config
 * @param {{ host?: string, port?: string }} flags
 */
function serverSettings(config, flags) {
  const server = /** @type {Record<string, any>} */ (config.server);
  /** @param {string} key @param {string} message */
  const fail = (key, message) => new ConfigError(`${config.path}:${jsonLine(config.text, ['server', key])}: server.${key}: ${message}`);
  let port = server.port ?? DEFAULT_PORT;
  if (flags.port !== undefined) {
    port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${flags.port}"`);
  }
  const dataDir = server.dataDir ?? defaultDataDir();
  if (!isAbsolute(dataDir)) throw fail('dataDir', `"${dataDir}" is relative; give an absolute folder (the server's working directory is no place for patron data)`);
  const origins = /** @type {string[]} */ (server.origins ?? []);
  if (origins.includes('*') && server.rsvp !== false) {
    throw fail('origins', '"*" lets any site read the feed, and also post registrations: list the sites instead, or turn registrations off with "rsvp": false');
  }
  return {
    mail: server.mail ? mailSettings(config, server) : undefined,
    host: flags.host ?? server.host ?? DEFAULT_HOST,
    port,
    dataDir,
    origins,
    publicOrigin: /** @type {string | undefined} */ (server.publicOrigin),
    trustProxy: server.trustProxy,
    forwardedHeader: server.forwardedHeader,
    rsvp: server.rsvp !== false,
    /** @type {number | undefined} */
    retentionDays: typeof server.rsvp === 'object' ? server.rsvp.retentionDays : undefined,
  };
}

/**
 * `server.mail` checked, its password read from the environment variable it names; a setting
 * that cannot work stops the start with its line.
 * @param {import('../config.mjs').Config} config
 * @param {Record<string, any>} server
 */
function mailSettings(config, server) {
  const section = server.mail;
  /** @param {string[]} at @param {string} message */
  const fail = (at, message) => new ConfigError(`${config.path}:${jsonLine(config.text, ['server', 'mail', ...at])}: server.mail${at.length ? `.${at.join('.')}` : ''}: ${message}`);
  if (!server.publicOrigin) throw fail([], 'needs server.publicOrigin, which the links in the messages start with');
  if (server.rsvp === false) throw fail([], 'registrations are off ("rsvp": false), so there is nothing to write about');
  try {
    const options = mailOptionsOf(section, section.passwordEnv ? process.env[section.passwordEnv] || undefined : undefined);
    // The .ics attached shares its UIDs' domain with the feed's (live-feed.mjs).
    return config.subscribe ? { ...options, uidDomain: new URL(config.subscribe).hostname } : options;
  } catch (error) {
    if (error instanceof MailSettingError) throw fail([error.field], error.message);
    throw error;
  }
}

/** systemd's StateDirectory, else the user's state folder (XDG). */
function defaultDataDir() {
  if (process.env.STATE_DIRECTORY) return process.env.STATE_DIRECTORY.split(':')[0] ?? '';
  const state = process.env.XDG_STATE_HOME && isAbsolute(process.env.XDG_STATE_HOME) ? process.env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'civic-widgets');
}
