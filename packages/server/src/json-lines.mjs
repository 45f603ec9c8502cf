// @ts-check
/**
 * Where a value sits in a JSON text, so a message can say which line of a config to fix. A small
 * scanner that follows the text's own structure; it assumes the text already parsed.
 */

/**
 * The 1-based line of a character offset.
 * @param {string} text
 * @param {number} offset
 */
export function positionLine(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line where the value at `pointer` (keys and array indexes, outermost first) begins; for a
 * key that is not there, the line of the nearest enclosing value that is.
 * @param {string} text
 * @param {readonly string[]} pointer
 */
export function jsonLine(text, pointer) {
  let at = skipSpace(text, 0);
  for (const step of pointer) {
    const inner = childStart(text, at, step);
    if (inner === undefined) break;
    at = inner;
  }
  return positionLine(text, at);
}

/**
 * The offset of a child value of the object or array that starts at `at`, or undefined.
 * @param {string} text
 * @param {number} at
 * @param {string} step
 */
function childStart(text, at, step) {
  const open = text[at];
  if (open !== '{' && open !== '[') return undefined;
  let i = skipSpace(text, at + 1);
  for (let index = 0; text[i] !== (open === '{' ? '}' : ']') && i < text.length; index++) {
    let name;
    if (open === '{') {
      const end = stringEnd(text, i);
      name = JSON.parse(text.slice(i, end));
      i = skipSpace(text, end);
      i = skipSpace(text, i + 1); // the colon
    }
    if ((open === '{' && name === step) || (open === '[' && String(index) === step)) return i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** @param {string} text @param {number} i */
function skipSpace(text, i) {
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** @param {string} text @param {number} i the opening quote */
function stringEnd(text, i) {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** @param {string} text @param {number} i */
function valueEnd(text, i) {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = stringEnd(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j] ?? '')) j++;
  return j;
}

/**
 * Where a text stops being JSON: the offset of the first character that breaks the grammar
 * (JSON.parse says what is wrong, but not where, in Node 20).
 * @param {string} text
 * @returns {number}
 */
export function syntaxErrorOffset(text) {
  let i = 0;
  const fail = () => {
    throw i;
  };
  const space = () => {
    i = skipSpace(text, i);
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal?.[0].length ?? 0;
  };
  const string = () => {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (c === 92) i++;
      else if (c === 34) return void i++;
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
  return text.length;
}
