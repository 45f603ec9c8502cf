// @ts-check
/**
 * The config that `feed build` and `serve` read (config.schema.json beside this package): loaded,
 * checked against its schema, and every mistake reported with the line to fix, before anything
 * is fetched or served.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { jsonLine, positionLine, syntaxErrorOffset } from './json-lines.mjs';
import { isTimeZone } from '../lib/feed.js';

const SCHEMA = JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8'));
const validator = new Validator(SCHEMA, '2020-12', false);

/** Default minutes between reads of a source when served live. */
export const DEFAULT_REFRESH_MINUTES = 15;
/** Default seconds one read of a source may take. */
export const DEFAULT_TIMEOUT_SECONDS = 20;

/**
 * One source of the config, with its defaults filled in and paths made absolute.
 * @typedef {object} SourceConfig
 * @property {string} label unique within the config
 * @property {string} [url] http(s) address (webcal:// already turned into https://)
 * @property {string} [file] absolute path
 * @property {import('../lib/feed.js').FeedFormat} format
 * @property {'events' | 'groups' | 'resources' | 'places'} [list]
 * @property {unknown} [mapping] the mapping object, or `{ url }` to fetch it from
 * @property {Record<string, unknown>} [defaults]
 * @property {number} refreshMinutes
 * @property {number} timeoutSeconds
 * @property {number} line where the source starts in the config, for messages
 */

/**
 * @typedef {object} Config
 * @property {string} path the config file
 * @property {string} [title]
 * @property {string} [timezone]
 * @property {string} [subscribe]
 * @property {{ json?: string, ics?: string }} output absolute paths
 * @property {SourceConfig[]} sources
 * @property {Record<string, unknown>} server the `server` section as written (serve checks it)
 * @property {string} text the config's text, for locating later messages
 */

/** A config that cannot be used: the message names the file and line. */
export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks a config file.
 * @param {string} path
 * @returns {Config}
 */
export function loadConfig(path) {
  const file = resolve(path);
  let text;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') {
      throw new ConfigError(`${file}: no such file. Write one that names your sources (docs/sources.md, "The config"), or give its path with --config.`);
    }
    throw new ConfigError(`${file}: cannot read it (${error instanceof Error ? error.message : error})`);
  }
  return parseConfig(text, file);
}

/**
 * Checks a config's text; `file` names it in messages and anchors its relative paths.
 * @param {string} text
 * @param {string} file
 * @returns {Config}
 */
export function parseConfig(text, file) {
  /** @type {any} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = syntaxErrorOffset(text);
    const line = positionLine(text, offset);
    const found = offset < text.length ? `"${text.slice(offset, offset + 12).split('\n')[0]}"` : 'the end of the file';
    throw new ConfigError(`${file}:${line}: not valid JSON: unexpected ${found} (a comma after the last item, a missing comma or quote?)`);
  }
  const result = validator.validate(value);
  if (!result.valid) throw new ConfigError(schemaMessage(result.errors, text, file));

  const dir = dirname(file);
  /** @param {string[]} pointer @param {string} message */
  const fail = (pointer, message) => new ConfigError(`${file}:${jsonLine(text, pointer)}: ${message}`);
  if (value.timezone !== undefined && !isTimeZone(value.timezone)) {
    throw fail(['timezone'], `"${value.timezone}" is not a time zone this machine knows (an IANA name such as "America/Chicago")`);
  }
  const labels = new Set();
  /** @type {SourceConfig[]} */
  const sources = value.sources.map((/** @type {any} */ source, /** @type {number} */ index) => {
    const at = ['sources', String(index)];
    const url = source.url?.replace(/^webcal:/i, 'https:');
    let label = source.label ?? defaultLabel(url, source.file);
    if (labels.has(label)) {
      if (source.label !== undefined) throw fail([...at, 'label'], `the label "${label}" names another source already`);
      let n = 2;
      while (labels.has(`${label} #${n}`)) n++;
      label = `${label} #${n}`;
    }
    labels.add(label);
    if (source.defaults?.timezone !== undefined && !isTimeZone(source.defaults.timezone)) {
      throw fail([...at, 'defaults', 'timezone'], `"${source.defaults.timezone}" is not a time zone this machine knows`);
    }
    const format = source.format ?? (source.mapping !== undefined && !isSpreadsheet(url, source.file) ? 'mapping' : 'auto');
    if (format === 'mapping' && source.mapping === undefined) throw fail(at, 'format "mapping" needs a "mapping"');
    return {
      label,
      ...(url ? { url } : { file: resolve(dir, source.file) }),
      format,
      ...(source.list ? { list: source.list } : {}),
      ...(source.mapping !== undefined ? { mapping: mappingOf(source.mapping, dir) } : {}),
      ...(source.defaults ? { defaults: source.defaults } : {}),
      refreshMinutes: source.refresh ?? DEFAULT_REFRESH_MINUTES,
      timeoutSeconds: source.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      line: jsonLine(text, at),
    };
  });
  return {
    path: file,
    ...(value.title ? { title: value.title } : {}),
    ...(value.timezone ? { timezone: value.timezone } : {}),
    ...(value.subscribe ? { subscribe: value.subscribe } : {}),
    output: {
      ...(value.output?.json ? { json: resolve(dir, value.output.json) } : {}),
      ...(value.output?.ics ? { ics: resolve(dir, value.output.ics) } : {}),
    },
    sources,
    server: value.server ?? {},
    text,
  };
}

/**
 * A mapping given by file or URL is read when the source is: `{ url }` (an absolute file: URL for a file).
 * @param {unknown} mapping
 * @param {string} dir
 */
function mappingOf(mapping, dir) {
  if (typeof mapping !== 'string') return mapping;
  if (/^https?:\/\//i.test(mapping)) return { url: mapping };
  return { url: new URL(`file://${resolve(dir, mapping)}`).href };
}

/**
 * @param {string | undefined} url
 * @param {string | undefined} file
 */
function isSpreadsheet(url, file) {
  return /\.(csv|tsv)$/i.test(file ?? '') || (url !== undefined && /\.(csv|tsv)(\?|$)|[?&](output|format)=(csv|tsv)/i.test(url));
}

/**
 * "calendar.google.com", "events.csv": what a person would call the source.
 * @param {string | undefined} url
 * @param {string | undefined} file
 */
function defaultLabel(url, file) {
  if (url) return new URL(url).hostname;
  return basename(file ?? 'source');
}

/**
 * The schema's complaint as a person would want it: the innermost errors, each with its line.
 * @param {import('@cfworker/json-schema').OutputUnit[]} errors
 * @param {string} text
 * @param {string} file
 */
function schemaMessage(errors, text, file) {
  // Wrappers ("properties", "items", "$ref", "oneOf" of a source) only say that something inside failed.
  const wrappers = new Set(['properties', 'items', '$ref', 'allOf', 'prefixItems', 'additionalProperties']);
  // "False boolean schema" repeats an unknown field; "not" speaks only inside a source's oneOf.
  const noise = (/** @type {import('@cfworker/json-schema').OutputUnit} */ e) => e.keyword === 'not' || e.keyword === 'false' || /False boolean schema/.test(e.error) || /\/oneOf\/\d+\//.test(e.keywordLocation);
  const specific = errors.filter((e) => !noise(e) && (!wrappers.has(e.keyword) || /does not match additional properties/.test(e.error)));
  const chosen = specific.length ? specific : errors;
  const lines = new Map();
  for (const error of chosen) {
    const pointer = error.instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    const extra = /Property "([^"]+)" does not match additional properties/.exec(error.error);
    const where = extra ? [...pointer, extra[1]] : pointer;
    const line = jsonLine(text, where);
    const field = where.length ? fieldName(where) : 'the config';
    const message = extra
      ? `unknown field "${extra[1]}"${where.length > 1 ? ` in ${fieldName(pointer)}` : ''}`
      : `${field}: ${readable(error)}`;
    const key = `${line}: ${message}`;
    if (!lines.has(key)) lines.set(key, line);
  }
  const list = [...lines.keys()].slice(0, 8).map((message) => `${file}:${message}`);
  return list.join('\n');
}

/** `sources[2].format` @param {readonly string[]} pointer */
function fieldName(pointer) {
  return pointer.map((step, i) => (/^\d+$/.test(step) ? `[${step}]` : i ? `.${step}` : step)).join('');
}

/** @param {import('@cfworker/json-schema').OutputUnit} error */
function readable(error) {
  if (error.keyword === 'oneOf' && /sources\/\d+$/.test(error.instanceLocation)) return 'give a source either "url" or "file" (one of them, not both)';
  if (error.keyword === 'enum') {
    const schema = lookup(error.keywordLocation);
    if (schema?.enum) return `must be one of ${schema.enum.map((/** @type {string} */ v) => `"${v}"`).join(', ')}`;
  }
  if (error.keyword === 'pattern') {
    const schema = lookup(error.keywordLocation);
    if (schema?.description) return `must be ${schema.description.replace(/^An? /, 'an ')}`;
  }
  return error.error.replace(/^Instance /, '').replace(/\.$/, '');
}

/** @param {string} keywordLocation e.g. "#/$defs/source/properties/format/enum" */
function lookup(keywordLocation) {
  /** @type {any} */
  let node = SCHEMA;
  const parts = keywordLocation.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const part of parts.slice(0, -1)) {
    node = part === '$ref' && typeof node?.$ref === 'string' ? lookup(`${node.$ref}/x`) : node?.[part];
  }
  return node;
}
