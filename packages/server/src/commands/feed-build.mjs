// @ts-check
/**
 * `civic-widgets feed build <config.json> [-o feed.json] [--ics feed.ics]`: reads every source of
 * a config, merges them into one feed, checks it against the feed's schema and writes it (and an
 * iCalendar file of its events), each file replaced atomically. A source that cannot be read keeps
 * its items from the previous output. Exit status 1 only when no source could be read at all.
 */
import { readFile } from 'node:fs/promises';
import { feedIcs, normalizeFeed } from '../../lib/feed.js';
import { parseCommandArgs, UsageError, withExitStatus } from '../cli-args.mjs';
import { loadConfig } from '../config.mjs';
import { buildFeed, memoriesFromOutput, publicSourceStates } from '../feed-sources.mjs';
import { formatBytes, printSourceReport } from '../feed-report.mjs';
import { checkFeedSchema } from '../feed-schema.mjs';
import { writeFileAtomic } from '../write-atomic.mjs';

const USAGE = 'civic-widgets feed build <config.json> [-o feed.json] [--ics feed.ics] [--quiet]';

/** @param {string[]} args */
export function run(args) {
  return withExitStatus(async () => {
    const { values, positionals } = parseCommandArgs(
      args,
      { output: { type: 'string', short: 'o' }, ics: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
      USAGE,
    );
    if (positionals.length !== 1) throw new UsageError(`give one config file\nUsage: ${USAGE}`);
    const config = loadConfig(/** @type {string} */ (positionals[0]));
    const jsonPath = values.output ?? config.output.json;
    const icsPath = values.ics ?? config.output.ics;
    if (!jsonPath) throw new UsageError(`say where to write the feed: -o feed.json, or "output": { "json": … } in the config\nUsage: ${USAGE}`);

    const started = performance.now();
    const previous = await previousOutput(jsonPath);
    const { feed, notes, results } = await buildFeed(config, previous ? memoriesFromOutput(previous, config) : new Map());
    const log = values.quiet ? () => undefined : console.log;
    for (const result of results) printSourceReport(result, log, previous ? jsonPath : undefined);
    for (const note of notes) log(`  ${note.source}: ${note.list} "${note.id}": ${note.reason}`);

    if (!results.some((r) => r.state === 'fresh' || r.state === 'unchanged')) {
      console.error(`civic-widgets: no source could be read; ${previous ? `${jsonPath} is left as it was` : 'nothing was written'}.`);
      return 1;
    }
    feed.extra = { ...feed.extra, generator: 'civic-widgets feed build', generatedAt: new Date().toISOString(), sources: publicSourceStates(results) };
    checkFeedSchema(feed);
    const json = `${JSON.stringify(feed)}\n`;
    await writeFileAtomic(jsonPath, json);
    let icsNote = '';
    if (icsPath) {
      const ics = feedIcs(feed, { uidDomain: uidDomain(config.subscribe), ...(config.title ? { name: config.title } : {}) });
      await writeFileAtomic(icsPath, ics);
      icsNote = ` and ${icsPath} (${formatBytes(Buffer.byteLength(ics))})`;
    }
    const counts = ['events', 'groups', 'resources', 'places'].map((list) => `${feed[/** @type {'events'} */ (list)].length} ${list}`).join(', ');
    log(`Merged: ${counts}.`);
    log(`Wrote ${jsonPath} (${formatBytes(Buffer.byteLength(json))})${icsNote} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  });
}

/**
 * The feed written last time, if any: its items stand in for a source that fails now.
 * @param {string} path
 */
async function previousOutput(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return normalizeFeed(JSON.parse(text)).feed;
  } catch {
    console.warn(`civic-widgets: ${path} is not a feed; it will be replaced, and no source can fall back on it.`);
    return undefined;
  }
}

/**
 * The right-hand side of each event's UID: the host the calendar is published from.
 * @param {string | undefined} subscribe
 */
function uidDomain(subscribe) {
  try {
    return subscribe ? new URL(subscribe).hostname : 'civic-widgets';
  } catch {
    return 'civic-widgets';
  }
}
