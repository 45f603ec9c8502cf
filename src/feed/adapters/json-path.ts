/**
 * A small, safe reader for paths into parsed JSON (`data.items`, `tags[*].label`, `links[0]`),
 * shared by the adapters. Nothing here evaluates code: a path is split into keys and indexes,
 * and only an object's own properties are read, so `__proto__`, `constructor` and `prototype`
 * can never reach the prototype chain.
 */

export type Json = Record<string, unknown>;

/** One step of a path: an object key, an array index (negative counts from the end), or `[*]`. */
export type PathSegment = { key: string } | { index: number } | { all: true };

/** Keys that are never read or written, whatever a source or a mapping says. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths longer than this are refused: no real API nests that deep, and it bounds the work. */
export const MAX_PATH_SEGMENTS = 32;

/** A `[*]` over huge arrays (or several nested ones) stops collecting here. */
const MAX_COLLECTED = 10_000;

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes `value` at a nested target (`location.name`), making the objects on the way. */
export function writePath(target: Json, path: readonly string[], value: unknown): void {
  let cursor = target;
  for (const key of path.slice(0, -1)) {
    const next = cursor[key];
    cursor = isRecord(next) ? next : (cursor[key] = {});
  }
  cursor[path.at(-1)!] = value;
}

/** An own, non-forbidden property of `value`, or undefined. */
export function ownValue(value: unknown, key: string): unknown {
  if (!isRecord(value) || FORBIDDEN_KEYS.has(key) || !Object.hasOwn(value, key)) return undefined;
  return value[key];
}

/**
 * Splits a path into segments. `""` and `"$"` are the root; a leading `$.` is allowed.
 * Keys are separated by dots; `[n]` indexes an array, `[*]` collects over one, and `["a.b"]`
 * quotes a key that holds dots, brackets or spaces. Throws an Error saying what is wrong.
 */
export function parsePath(path: string): PathSegment[] {
  let rest = path.trim();
  if (rest === '' || rest === '$') return [];
  if (rest.startsWith('$.') || rest.startsWith('$[')) rest = rest.slice(rest[1] === '.' ? 2 : 1);
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < rest.length) {
    if (segments.length >= MAX_PATH_SEGMENTS) throw new Error(`the path "${path}" is too long`);
    if (rest[i] === '[') {
      const { segment, next } = bracket(rest, i, path);
      segments.push(segment);
      i = next;
    } else {
      const end = nextDelimiter(rest, i);
      const key = rest.slice(i, end);
      if (!key) throw new Error(`the path "${path}" has an empty key`);
      segments.push(checkedKey(key, path));
      i = end;
    }
    if (rest[i] === '.') {
      i++;
      if (i === rest.length) throw new Error(`the path "${path}" ends with a dot`);
    } else if (i < rest.length && rest[i] !== '[') {
      throw new Error(`the path "${path}" is not valid at "${rest.slice(i)}"`);
    }
  }
  return segments;
}

function nextDelimiter(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '.' && text[end] !== '[' && text[end] !== ']') end++;
  return end;
}

function bracket(text: string, at: number, path: string): { segment: PathSegment; next: number } {
  const close = text.indexOf(']', at);
  const quote = text[at + 1];
  if (quote === '"' || quote === "'") return quotedKey(text, at + 2, quote, path);
  if (close < 0) throw new Error(`the path "${path}" has an unclosed "["`);
  const inner = text.slice(at + 1, close).trim();
  if (inner === '*') return { segment: { all: true }, next: close + 1 };
  if (!/^-?\d{1,9}$/.test(inner)) throw new Error(`the path "${path}" has a bad index "[${inner}]"`);
  return { segment: { index: Number(inner) }, next: close + 1 };
}

/** `["key"]` or `['key']`, with `\` escaping the quote or itself. */
function quotedKey(text: string, from: number, quote: string, path: string): { segment: PathSegment; next: number } {
  let key = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      key += text[++i];
    } else if (c === quote) {
      if (text[i + 1] !== ']') break;
      return { segment: checkedKey(key, path), next: i + 2 };
    } else {
      key += c;
    }
  }
  throw new Error(`the path "${path}" has an unclosed quoted key`);
}

function checkedKey(key: string, path: string): PathSegment {
  if (FORBIDDEN_KEYS.has(key)) throw new Error(`the path "${path}" uses the forbidden key "${key}"`);
  return { key };
}

/** True when the path collects values (`[*]`), so reading it gives a list. */
export function collects(segments: readonly PathSegment[]): boolean {
  return segments.some((s) => 'all' in s);
}

/**
 * The value at `segments` under `root`. Without `[*]` it is one value (or undefined); with it,
 * the list of every value found, in order, missing ones left out.
 */
export function readPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let values: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of values) {
      step(value, segment, next);
      if (next.length >= MAX_COLLECTED) break;
    }
    values = next;
    if (!values.length) break;
  }
  return collects(segments) ? values : values[0];
}

function step(value: unknown, segment: PathSegment, out: unknown[]): void {
  if ('key' in segment) {
    const found = ownValue(value, segment.key);
    if (found !== undefined) out.push(found);
  } else if ('index' in segment) {
    if (!Array.isArray(value)) return;
    const found: unknown = value[segment.index < 0 ? value.length + segment.index : segment.index];
    if (found !== undefined) out.push(found);
  } else if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_COLLECTED - out.length)) if (item !== undefined) out.push(item);
  }
}

/**
 * True when `value` nests no deeper than `max` levels. Checked without recursion, so a hostile
 * value cannot overflow the stack here; callers drop deeper values, which would overflow it later
 * (in `structuredClone` or `JSON.stringify`, when the feed is copied or cached).
 */
export function nestsWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
