/**
 * Spreadsheets (RFC 4180 CSV: Google Sheets' or Excel's "publish as CSV", or a file) to the civic
 * feed. Each row becomes an object keyed by its column header; then either the field mapping says
 * which column fills which field (`"topics": { "path": "Topics", "split": ";" }`), or, without a
 * mapping, columns named after the feed's fields fill them directly (`title`, `start`,
 * `location.name`, …; case, spaces and underscores do not matter).
 *
 * Parsing is d3-dsv's (quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF);
 * here we only strip a UTF-8 BOM, pick the delimiter Excel used (`;` in many locales, or a tab),
 * and skip rows whose shape does not fit the header, naming each by its spreadsheet row number.
 */
import { dsvFormat } from 'd3-dsv';
import type { Adapter, AdapterContext, AdapterResult, FeedList, SourceText } from '../adapter.js';
import { LIST_FIELDS } from '../normalize.js';
import type { SkippedItem } from '../types.js';
import { FORBIDDEN_KEYS, isRecord, type Json } from './json-path.js';
import { mapResponse, mappingObject, REQUIRED } from './mapping.js';

/** Fields that hold a list: a cell may carry several values, separated by `;` or `,`. */
const LIST_VALUED = new Set(['topics', 'audience', 'accessibility', 'languages', 'exdates', 'formats', 'datasets']);
const LISTS: readonly FeedList[] = ['events', 'groups', 'resources', 'places'];
/** How a yes/no column reads, in the spellings spreadsheets use. */
const YES_NO: Json = Object.fromEntries(
  [['true', 'yes', 'y', '1', 'x'], ['false', 'no', 'n', '0']].flatMap((words, i) =>
    words.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)].map((spelling) => [spelling, i === 0])),
  ),
);
/** A spreadsheet is a page's worth of items, not a database. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 200;

/** Rows of a spreadsheet as objects keyed by header, and the rows that could not be read. */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
  /** Spreadsheet row numbers (the header is row 1) of `rows`, in order. */
  rowNumbers: number[];
  skipped: { row: number; reason: string }[];
}

export const csvAdapter: Adapter = async (source: SourceText, context: AdapterContext): Promise<AdapterResult> => {
  const table = readCsv(source.text);
  let mapping: unknown;
  let list: FeedList | undefined;
  if (context.mapping !== undefined) {
    mapping = await mappingObject(context);
    list = context.list ?? LISTS.find((name) => isRecord(mapping) && Object.hasOwn(mapping, name)) ?? 'events';
  } else {
    list = context.list ?? guessList(table.header);
    if (!list) {
      throw new Error(
        `cannot tell which list this spreadsheet fills from its columns (${table.header.slice(0, 8).join(', ')}): ` +
          'name it ("list": "events", "groups", "resources" or "places"), or give a field mapping',
      );
    }
    mapping = implicitMapping(table.header, list);
  }
  // The same engine as any JSON API: the rows are the response, each row an item.
  const result = mapResponse(mapping, table.rows);
  const rowSkips = table.skipped.map(({ row, reason }): SkippedItem => ({ list: list!, index: -1, reason: `row ${row}: ${reason}` }));
  const itemSkips = result.skipped.map((item) => {
    const row = table.rowNumbers[item.index];
    return row ? { ...item, reason: `row ${row}: ${item.reason}` } : item;
  });
  // The normalizer names the rows of the items it refuses too.
  const positions: Partial<Record<FeedList, string[]>> = {};
  for (const [name, indexes] of Object.entries(result.kept) as [FeedList, number[]][]) {
    positions[name] = indexes.map((index) => `row ${table.rowNumbers[index]}`);
  }
  return { document: result.document, skipped: [...rowSkips, ...itemSkips], positions };
};

/** Parses CSV text into rows keyed by header. Throws when there is no header at all. */
export function readCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const rows = dsvFormat(delimiterOf(clean)).parseRows(clean);
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim()));
  if (headerIndex < 0) throw new Error('the spreadsheet is empty: no header row');
  const header = rows[headerIndex]!.map((cell) => cell.trim());
  if (header.length > MAX_COLUMNS) throw new Error(`the spreadsheet has more than ${MAX_COLUMNS} columns`);
  const table: CsvTable = { header, rows: [], rowNumbers: [], skipped: [] };
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const row = i + 1;
    if (cells.every((cell) => !cell.trim())) continue; // blank lines, trailing newlines
    if (table.rows.length >= MAX_ROWS) {
      table.skipped.push({ row, reason: `more than ${MAX_ROWS} rows` });
      break;
    }
    // Extra cells that are all empty are a spreadsheet's habit (a stray column); others mean a
    // comma that was not quoted, which shifts every later field: the row cannot be trusted.
    const extra = cells.slice(header.length);
    if (extra.some((cell) => cell.trim())) {
      table.skipped.push({ row, reason: `${cells.length} fields where the header has ${header.length} (a comma not in quotes?)` });
      continue;
    }
    const object: Record<string, string> = {};
    header.forEach((name, column) => {
      if (name && !FORBIDDEN_KEYS.has(name) && !Object.hasOwn(object, name)) object[name] = (cells[column] ?? '').trim();
    });
    table.rows.push(object);
    table.rowNumbers.push(row);
  }
  return table;
}

/** Excel writes `;` where the decimal mark is a comma, and some exports use tabs. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/** Which list a header describes, from the fields only that list requires. */
function guessList(header: readonly string[]): FeedList | undefined {
  const has = new Set(header.map(fieldKey));
  if (has.has('start')) return 'events';
  if (has.has('lat') && has.has('lon')) return 'places';
  if (has.has('title') && has.has('url')) return 'resources';
  if (has.has('name')) return 'groups';
  return undefined;
}

/** `Start Date`, `start_date` and `startDate` all name `startdate`; dots stay (`location.name`). */
function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Object fields a header may name in words: `Location Name`, `Organizer Email`. */
const NESTED: Readonly<Record<string, readonly string[]>> = {
  location: ['name', 'address', 'lat', 'lon'],
  organizer: ['name', 'email', 'url'],
  contact: ['name', 'email', 'url'],
  image: ['url', 'alt'],
  cost: ['amount', 'currency'],
  rsvp: ['endpoint', 'opens', 'closes'],
  license: ['name', 'url'],
};

/**
 * Without a mapping, columns named after the feed's fields fill them (`Title`, `start`,
 * `location.name` or `Location Name`); any other column is kept in the item's `extra`.
 */
function implicitMapping(header: readonly string[], list: FeedList): Json {
  const known = new Map<string, string>();
  for (const field of LIST_FIELDS[list]) known.set(fieldKey(field), field);
  const fields: Json = {};
  for (const column of header) {
    if (!column || FORBIDDEN_KEYS.has(column)) continue;
    const target = targetOf(column, known);
    if (!target || Object.hasOwn(fields, target)) continue;
    const path = `["${column.replace(/["\\]/g, '')}"]`;
    if (LIST_VALUED.has(target)) fields[target] = { path, split: [';', ','] };
    else if (target === 'waitlist') fields[target] = { path, map: YES_NO };
    else fields[target] = path;
  }
  const missing = REQUIRED[list].filter((field) => !Object.hasOwn(fields, field));
  if (missing.length) {
    throw new Error(`the spreadsheet has no column for ${missing.map((f) => `"${f}"`).join(', ')} (its ${list} need them; columns: ${header.join(', ')})`);
  }
  return { [list]: { fields } };
}

/** The feed field a column fills, or the column's own name (kept in `extra`). */
function targetOf(column: string, known: Map<string, string>): string | undefined {
  const dotted = column.split('.').map((part) => part.trim());
  if (dotted.length > 1) {
    const [head, ...rest] = dotted;
    const field = known.get(fieldKey(head!)) ?? head!;
    return [field, ...rest].some((part) => !part || FORBIDDEN_KEYS.has(part)) ? undefined : [field, ...rest].join('.');
  }
  const field = known.get(fieldKey(column));
  if (field) return field;
  const [first, ...words] = column.trim().split(/[\s_-]+/);
  const parent = first ? known.get(fieldKey(first)) : undefined;
  const child = words.join('').toLowerCase();
  if (parent && NESTED[parent]?.includes(child)) return `${parent}.${child}`;
  return /[.[\]]/.test(column) ? undefined : column.trim();
}
