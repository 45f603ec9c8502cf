/**
 * JSON.parse with a message a webmaster can act on. A module of its own: the adapters that
 * parse-source.ts loads lazily use it, and must not import their loader back.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
}
