import { Validator } from '@cfworker/json-schema';
import type { Feed } from '../../src/feed/types.js';

let validator: Validator | undefined;

/** Validates a normalized feed against the shipped JSON Schema; returns the errors, if any. */
export async function schemaErrors(feed: Feed): Promise<string[]> {
  if (!validator) {
    const schema = await (await fetch(new URL('../../src/feed/feed.schema.json', import.meta.url))).json();
    validator = new Validator(schema, '2020-12', false);
  }
  const result = validator.validate(JSON.parse(JSON.stringify(feed)));
  return result.valid ? [] : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}
