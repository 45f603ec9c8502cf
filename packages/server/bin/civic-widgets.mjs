#!/usr/bin/env node
// @ts-check
/**
 * The `civic-widgets` command. Each subcommand lives in src/commands/ and exports
 * `run(args) → exit code`; this file only routes and prints the usage.
 */
import { readFileSync } from 'node:fs';

const USAGE = `Usage:
  civic-widgets feed check <url|file> [--format F] [--origin URL] [--list L] [--mapping FILE]
      Read a source as a widget would: what it reads, what it skips and why, what shows first,
      and (for a URL) whether a page on --origin may read it.
  civic-widgets feed build <config.json> [-o feed.json] [--ics feed.ics]
      Read every source of a config and write one feed (and an iCalendar file).
  civic-widgets serve [--config civic.json] [--host H] [--port P]
      The live feed, a status page for staff, and the registration endpoint.
  civic-widgets --version

Exit status: 0 done, 1 the source or config could not be read, 2 a usage error.
Docs: docs/sources.md and docs/server.md in the civic-widgets repository.`;

/** @type {Record<string, () => Promise<{ run(args: string[]): Promise<number> }>>} */
const COMMANDS = {
  'feed check': () => import('../src/commands/feed-check.mjs'),
  'feed build': () => import('../src/commands/feed-build.mjs'),
  serve: () => import('../src/commands/serve.mjs'),
};

const args = process.argv.slice(2);
if (args[0] === '--version' || args[0] === '-v') {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.log(pkg.version);
  process.exit(0);
}
if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
  console.log(USAGE);
  process.exit(args.length === 0 ? 2 : 0);
}
const name = args[0] === 'feed' ? `feed ${args[1] ?? ''}` : args[0] ?? '';
const load = COMMANDS[name];
if (!load) {
  console.error(`civic-widgets: unknown command "${args.slice(0, args[0] === 'feed' ? 2 : 1).join(' ')}"\n\n${USAGE}`);
  process.exit(2);
}
const rest = args.slice(args[0] === 'feed' ? 2 : 1);
const command = await load();
process.exitCode = await command.run(rest);
