// @ts-check
/**
 * The feed's JSON Schema (shipped with the elements as feed-schema.json), as the command checks
 * what it writes and serves: a feed that breaks its own contract is never published.
 */
import { readFileSync } from 'node:fs';
import { Validator } from '@cfworker/json-schema';

const schema = JSON.parse(readFileSync(new URL('../lib/feed.schema.json', import.meta.url), 'utf8'));
const validator = new Validator(schema, '2020-12', true);

/**
 * Throws when the feed does not validate, naming the first place it breaks.
 * @param {unknown} feed
 */
export function checkFeedSchema(feed) {
  const result = validator.validate(feed);
  if (result.valid) return;
  const first = result.errors.at(-1) ?? result.errors[0];
  throw new Error(`the merged feed breaks the feed schema at ${first?.instanceLocation ?? '#'}: ${first?.error ?? 'invalid'} (please report this)`);
}
