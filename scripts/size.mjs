// `npm run size`: gzip and brotli sizes of what a page downloads, checked against size-budget.json.
// Run after `npm run build`. Two limits per row: the target the project holds itself to (issue
// #8), reported, and a ceiling a little above today's size, which fails the run (exit 1): sizes
// may only come down. Lower a ceiling when a change makes a row smaller.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const graph = JSON.parse(readFileSync(new URL('bundle-graph.json', dist), 'utf8'));
const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));
const byFile = new Map(graph.map((c) => [c.fileName, c]));
const entry = graph.find((c) => c.isEntry);

const sizes = new Map();
function size(fileName) {
  if (!sizes.has(fileName)) {
    const bytes = readFileSync(new URL(fileName, dist));
    sizes.set(fileName, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(fileName);
}

/** A chunk and everything it imports statically: what the browser must fetch before it runs. */
function closure(fileNames) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const dep of byFile.get(f)?.imports ?? []) visit(dep);
  };
  fileNames.forEach(visit);
  return seen;
}

function total(files) {
  return [...files].reduce((sum, f) => {
    const s = size(f);
    return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli };
  }, { raw: 0, gzip: 0, brotli: 0 });
}

const chunkOf = (pattern) => graph.find((c) => c.modules.some((m) => pattern.test(m)));
const elements = ['event-calendar', 'rsvp-form', 'group-finder', 'resource-list', 'inspiration-map', 'feed-provider'];
const kib = (n) => (n / 1024).toFixed(1).padStart(6);
const rows = [];
const failures = [];
const overTarget = [];

function row(label, files, targetKiB) {
  const t = total(files);
  const ceilingKiB = budget.ceiling?.[label];
  const within = (limit) => limit === undefined || t.gzip <= limit * 1024;
  if (!within(ceilingKiB)) failures.push(`${label}: ${kib(t.gzip).trim()} KiB gzip > ceiling ${ceilingKiB} KiB`);
  if (!within(targetKiB)) overTarget.push(label);
  const target = targetKiB === undefined ? '' : `${within(targetKiB) ? 'ok  ' : 'over'} ${String(targetKiB).padStart(4)}`;
  const ceiling = ceilingKiB === undefined ? '' : `${within(ceilingKiB) ? 'ok  ' : 'OVER'} ${String(ceilingKiB).padStart(5)}`;
  rows.push(`${label.padEnd(36)} ${kib(t.raw)} ${kib(t.gzip)} ${kib(t.brotli)}   ${target.padEnd(9)}   ${ceiling}`);
}

rows.push(`${'what (KiB)'.padEnd(36)} ${'raw'.padStart(6)} ${'gzip'.padStart(6)} ${'brotli'.padStart(6)}   ${'target'.padEnd(9)}   ceiling (gzip)`);
row('entry: civic-widgets.js', [entry.fileName], budget.entry);
const all = new Set([entry.fileName]);
for (const name of elements) {
  const chunk = chunkOf(new RegExp(`/${name}/define\\.js$`));
  if (!chunk) continue;
  const files = closure([entry.fileName, chunk.fileName]);
  files.forEach((f) => all.add(f));
  row(`first load: <civic-${name === 'feed-provider' ? 'feed' : name}>`, files, budget.elementFirstLoad);
}
row('all elements together', all, budget.allElements);

// An element's views (src/<element>/*views.ts) and the feed reader load beside the feed: a first
// render with data is the first load plus those and what they import. Reported, and held by a
// ceiling like every row, so that moving code behind the data cannot hide growth.
const reader = chunkOf(/feed\/read-feed\.js$/);
for (const name of elements) {
  const chunk = chunkOf(new RegExp(`/${name}/define\\.js$`));
  const views = chunkOf(new RegExp(`/${name}/[a-z-]*views\\.js$`));
  if (!chunk || !views || !reader) continue;
  row(`with data: <civic-${name}>`, closure([entry.fileName, chunk.fileName, reader.fileName, views.fileName]));
}

const lazy = {
  // Loaded beside the first feed request: a first render with data adds it to the first load.
  'feed reader': /feed\/read-feed\.js$/,
  ics: /adapters\/ics\.js$/,
  'ical.js': /node_modules\/ical\.js\//,
  sanitizer: /dompurify/,
  jsonld: /adapters\/jsonld\.js$/,
  tribe: /adapters\/tribe\.js$/,
  mapping: /adapters\/mapping\.js$/,
  csv: /adapters\/csv\.js$|d3-dsv/,
  ckan: /adapters\/ckan\.js$/,
  dcat: /adapters\/dcat\.js$/,
  geometry: /(world|us)-atlas/,
  leaflet: /leaflet/,
};
for (const [name, pattern] of Object.entries(lazy)) {
  const chunks = graph.filter((c) => c.modules.some((m) => pattern.test(m)));
  if (!chunks.length) continue;
  const files = new Set(chunks.map((c) => c.fileName));
  for (const f of [...files]) if ([...all].includes(f)) files.delete(f);
  if (files.size) row(`lazy: ${name}`, files, budget.lazy[name]);
}

console.log(rows.join('\n'));
if (overTarget.length) console.log(`\nAbove the target: ${overTarget.join(', ')}.`);
if (failures.length) {
  console.error(`\nAbove the ceiling (a size went up):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
