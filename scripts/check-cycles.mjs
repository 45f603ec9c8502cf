// Fails when modules under src/ import each other in a circle, type-only imports included: a
// views module that imports its element cannot be read, tested or loaded apart from it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');

// Cycles in files that another branch of this round is rewriting (the occurrences' time zones;
// the RSVP form's views). Reported, not failed; an entry whose cycle is gone fails, so the list
// only shrinks.
const PENDING = [
].map((files) => files.join(', '));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(root);
const known = new Set(files);
/** @type {Map<string, string[]>} */
const graph = new Map();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
    .filter((target) => known.has(target));
  graph.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(file) {
  index.set(file, counter);
  low.set(file, counter++);
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file)) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
  }
  if (low.get(file) === index.get(file)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file).includes(file)) cycles.push(component);
  }
}
for (const file of files) if (!index.has(file)) visit(file);

const named = cycles.map((cycle) => cycle.map((f) => relative(process.cwd(), f)).sort().join(', '));
const failing = named.filter((cycle) => !PENDING.includes(cycle));
const pending = named.filter((cycle) => PENDING.includes(cycle));
const stale = root === resolve('src') ? PENDING.filter((cycle) => !named.includes(cycle)) : [];
for (const cycle of pending) console.warn(`import cycle (pending, see scripts/check-cycles.mjs): ${cycle}`);
for (const cycle of failing) console.error(`import cycle: ${cycle}`);
for (const cycle of stale) console.error(`no longer a cycle: remove it from PENDING in scripts/check-cycles.mjs: ${cycle}`);
if (failing.length || stale.length) {
  console.error(`${failing.length} import cycle(s) under ${relative(process.cwd(), root)}/ (type-only imports count)`);
  process.exit(1);
}
console.log(`no new import cycles among ${files.length} modules under ${relative(process.cwd(), root)}/`);
