/**
 * What reads a feed: the adapters' dispatcher and the contract's normalizer. They load alongside
 * the first feed request (`feedReader`), not before it: a page's first script carries only what
 * it takes to ask for the data.
 */
export { normalizeFeed } from './normalize.js';
export { parseSource } from './parse-source.js';
