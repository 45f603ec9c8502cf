// @ts-check
/**
 * `npm run build:wordpress` (after `npm run build`): the WordPress plugin as an installable zip,
 * dist/wordpress/civic-widgets.zip, and unpacked beside it. It holds wordpress/civic-widgets/,
 * the script-tag bundle (dist/civic-widgets.js and dist/chunks/) in assets/, and one block.json per
 * element written from dist/custom-elements.json: the blocks' attributes, the shortcodes' and the
 * allowed `data-*` names all come from the elements' own declarations, so they cannot drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { zip } from './zip.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'wordpress/civic-widgets');
const OUT = join(ROOT, 'dist/wordpress');
const PLUGIN = join(OUT, 'civic-widgets');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The plugin's blocks: element name → title and dashicon. The names are the `data-civic` values. */
const BLOCKS = {
  'event-calendar': { title: 'Event calendar', icon: 'calendar-alt' },
  'rsvp-form': { title: 'RSVP form', icon: 'tickets-alt' },
  'group-finder': { title: 'Group finder', icon: 'groups' },
  'resource-list': { title: 'Resource list', icon: 'book' },
  'inspiration-map': { title: 'Inspiration map', icon: 'location-alt' },
};

/** Attributes whose value is an address (checked to http/https and esc_url'd), and a URL template. */
const URLS = new Set(['src', 'endpoint', 'mapping']);
const URL_TEMPLATES = new Set(['tiles']);
/** Where each attribute goes in the block's sidebar; the rest are the element's own settings. */
const FEED_PANEL = new Set(['src', 'format', 'mapping', 'no-cache']);
const LABELS = { src: 'Feed URL', locale: 'Language', timezone: 'Time zone', 'event-id': 'Event ID', endpoint: 'RSVP endpoint', 'no-seo': 'No search-engine data', 'url-state': 'Keep state in the URL under' };

for (const built of ['civic-widgets.js', 'chunks', 'custom-elements.json']) {
  if (!existsSync(join(ROOT, 'dist', built))) throw new Error(`dist/${built} is missing: run \`npm run build\` first`);
}

await rm(OUT, { recursive: true, force: true });
await cp(SOURCE, PLUGIN, { recursive: true });
await stampVersion(join(PLUGIN, 'civic-widgets.php'));
await mkdir(join(PLUGIN, 'assets/chunks'), { recursive: true });
await cp(join(ROOT, 'dist/civic-widgets.js'), join(PLUGIN, 'assets/civic-widgets.js'));
for (const chunk of await readdir(join(ROOT, 'dist/chunks'))) {
  if (chunk.endsWith('.js')) await cp(join(ROOT, 'dist/chunks', chunk), join(PLUGIN, 'assets/chunks', chunk));
}
await writeBlocks();

const files = new Map();
for (const path of await listFiles(PLUGIN)) files.set(`civic-widgets/${relative(PLUGIN, path)}`, await readFile(path));
const archive = zip(files);
await writeFile(join(OUT, 'civic-widgets.zip'), archive);
console.log(`dist/wordpress/civic-widgets.zip: ${files.size} files, ${(archive.length / 1024).toFixed(1)} KiB (version ${version})`);

/** @param {string} file */
async function stampVersion(file) {
  const text = await readFile(file, 'utf8');
  const stamped = text
    .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
    .replace(/define\( 'CIVIC_WIDGETS_VERSION', '[^']*' \)/, `define( 'CIVIC_WIDGETS_VERSION', '${version}' )`);
  if (!stamped.includes(`Version:           ${version}`) || !stamped.includes(`'CIVIC_WIDGETS_VERSION', '${version}'`)) {
    throw new Error('civic-widgets.php: the Version header or CIVIC_WIDGETS_VERSION is not where the build expects it');
  }
  await writeFile(file, stamped);
}

/** @param {string} dir @returns {Promise<string[]>} */
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().sort();
}

/** One block.json per element, from the manifest. */
async function writeBlocks() {
  const manifest = JSON.parse(await readFile(join(ROOT, 'dist/custom-elements.json'), 'utf8'));
  /** @type {Map<string, any>} */
  const declarations = new Map();
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) if (d.customElement && d.tagName) declarations.set(d.tagName, d);
  }
  const literals = stringLiteralTypes();
  for (const [name, block] of Object.entries(BLOCKS)) {
    const element = declarations.get(`civic-${name}`);
    if (!element) throw new Error(`custom-elements.json has no <civic-${name}>`);
    /** @type {Record<string, object>} */
    const attributes = {};
    for (const a of element.attributes ?? []) {
      const typeText = String(a.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '');
      const values = literals(typeText);
      /** @type {Record<string, unknown>} */
      const schema = {
        type: typeText === 'boolean' ? 'boolean' : typeText === 'number' ? 'number' : 'string',
        ...(values ? { enum: values } : {}),
        civicAttribute: a.name,
        civicLabel: LABELS[/** @type {keyof typeof LABELS} */ (a.name)] ?? sentence(a.name),
        civicHelp: String(a.description ?? '').replace(/`/g, ''),
        civicPanel: a.name === 'locale' ? 'language' : FEED_PANEL.has(a.name) ? 'feed' : 'settings',
        ...(URLS.has(a.name) ? { civicKind: 'url' } : URL_TEMPLATES.has(a.name) ? { civicKind: 'url-template' } : {}),
      };
      attributes[camel(a.name)] = schema;
    }
    const json = {
      $schema: 'https://schemas.wp.org/trunk/block.json',
      apiVersion: 3,
      name: `civic-widgets/${name}`,
      version,
      title: block.title,
      category: 'widgets',
      icon: block.icon,
      description: element.summary ?? '',
      keywords: ['civic', 'library'],
      textdomain: 'civic-widgets',
      attributes,
      supports: { html: false, align: ['wide', 'full'] },
      editorScript: 'civic-widgets-editor',
    };
    await mkdir(join(PLUGIN, 'blocks', name), { recursive: true });
    await writeFile(join(PLUGIN, 'blocks', name, 'block.json'), `${JSON.stringify(json, null, 2)}\n`);
  }
}

/** `event-id` → `eventId`, as block attributes are named. @param {string} name */
function camel(name) {
  return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

/** `page-size` → `Page size`. @param {string} name */
function sentence(name) {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A resolver from a manifest type text (`'kilometer' | 'mile'`, or an alias such as `CalendarView`)
 * to its string values, or undefined when it is not a union of string literals. Aliases are
 * resolved by TypeScript's checker over src/, so the choices are the elements' own.
 */
function stringLiteralTypes() {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([join(ROOT, 'src/index.ts'), ...parsed.fileNames.filter((f) => f.includes('/src/'))], parsed.options);
  const checker = program.getTypeChecker();
  /** @type {Map<string, ts.Type>} */
  const aliases = new Map();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(ROOT, 'src'))) continue;
    ts.forEachChild(file, (node) => {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, checker.getTypeAtLocation(node));
    });
  }
  /** @param {string} text */
  return (text) => {
    const parts = text.split('|').map((p) => p.trim());
    /** @type {string[]} */
    const values = [];
    for (const part of parts) {
      const literal = /^'([^']*)'$/.exec(part);
      if (literal) {
        values.push(literal[1]);
        continue;
      }
      const type = aliases.get(part);
      if (!type) return undefined;
      const members = type.isUnion() ? type.types : [type];
      for (const member of members) {
        if (!member.isStringLiteral()) return undefined;
        values.push(member.value);
      }
    }
    return values.length ? values : undefined;
  };
}
