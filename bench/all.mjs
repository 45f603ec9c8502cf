/**
 * Every benchmark (npm run bench), one after the other in this one process, so their figures
 * come from the same machine at the same moment; then one markdown table of them all.
 *
 *   node bench/all.mjs [--rounds N]   (without --rounds, each benchmark's own default)
 *
 * A ratio is ours / peer; where a benchmark has no peer, its goal is a time budget and the
 * ratio is ours / budget. A missed goal is marked in its row, and the exit code stays 0: the
 * benchmarks report, they do not gate. A benchmark that fails to run is a row too, and exit 1.
 */
import { cpus } from 'node:os';
import * as calendar from './calendar.mjs';
import * as feed from './feed.mjs';
import * as feedBuild from './feed-build.mjs';
import * as finders from './finders.mjs';
import * as map from './map.mjs';
import * as rsvp from './rsvp.mjs';
import * as rsvpProcesses from './rsvp-processes.mjs';
import * as serve from './serve.mjs';

const BENCHMARKS = [
  ['feed', feed, 'civic-feed'],
  ['feed build', feedBuild, 'civic-widgets feed build'],
  ['finders', finders, 'civic-resource-list, civic-group-finder'],
  ['calendar', calendar, 'civic-event-calendar'],
  ['map', map, 'civic-inspiration-map'],
  ['rsvp', rsvp, 'civic-widgets serve (RSVP)'],
  ['rsvp-processes', rsvpProcesses, 'civic-widgets serve (RSVP)'],
  ['serve', serve, 'civic-widgets serve (feed)'],
];

const rows = [];
let failed = false;
let chromium = '';
const started = new Date();
for (const [name, bench, element] of BENCHMARKS) {
  console.error(`bench:${name}…`);
  const t0 = performance.now();
  try {
    const result = await bench.measure();
    // The RSVP benchmark runs no browser.
    if (result.version) chromium = result.version;
    rows.push(...bench.rows(result));
  } catch (error) {
    failed = true;
    console.error(`bench:${name} failed:`, error);
    rows.push({ element, measure: `bench:${name}`, ours: null, peer: null, peerName: null, ratio: null, goal: null, ok: null, note: '**FAILED** to run (see stderr)' });
  }
  console.error(`bench:${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const ms = (n) => (n === null || n === undefined ? '—' : n.toFixed(1));
const cell = (text) => String(text).replaceAll('|', '\\|');
const table = [
  ['Element', 'Measure', 'Ours (ms)', 'Peer', 'Peer (ms)', 'Ratio (ours/peer)', 'Goal', 'Result'],
  ...rows.map((r) => {
    const budget = r.peer === null && r.budget !== null && r.budget !== undefined;
    return [
      `\`${r.element}\``,
      r.measure,
      ms(r.ours),
      budget ? 'goal budget' : (r.peerName ?? '—'),
      budget ? ms(r.budget) : ms(r.peer),
      r.ratio === null || r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}${budget ? ' (of budget)' : ''}`,
      r.goal ?? '—',
      [r.ok === null || r.ok === undefined ? (r.note ? '' : '—') : r.ok ? 'ok' : '**MISSED**', r.note].filter(Boolean).join(', '),
    ];
  }),
];
const lines = table.map((cells) => `| ${cells.map(cell).join(' | ')} |`);
lines.splice(1, 0, `|${table[0].map((_, i) => (i >= 2 && i !== 3 && i !== 6 && i !== 7 ? ' ---: ' : ' --- ')).join('|')}|`);

const missed = rows.filter((r) => r.ok === false).length;
console.log(`npm run bench, ${started.toISOString()}: Chromium ${chromium || '(not run)'} headless, Node ${process.version}, ${cpus().length} cores, medians`);
console.log('');
console.log(lines.join('\n'));
console.log('');
console.log(
  `${rows.filter((r) => r.ok !== null && r.ok !== undefined).length} goals measured: ${missed ? `${missed} MISSED` : 'none missed'}` +
    `${failed ? '; a benchmark FAILED to run' : ''}. Ratio: ours / peer, or ours / the goal's budget where there is no peer.`,
);
if (failed) process.exitCode = 1;
