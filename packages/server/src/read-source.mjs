// @ts-check
/**
 * Reads one source, a file or an http(s) address, as the command and the server need it: with a
 * time limit and a size limit, conditional requests (ETag, Last-Modified), the response's own
 * charset, one retry on a network error or a 5xx, and, when asked, the CORS answer a page on a
 * given origin would get.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** No calendar, spreadsheet or catalogue a library publishes is near this. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const USER_AGENT = 'civic-widgets/0.1 (+https://github.com/civic-widgets/civic-widgets)';
const RETRY_DELAY_MS = 500;

const FILE_TYPES = /** @type {Record<string, string>} */ ({
  '.ics': 'text/calendar',
  '.ical': 'text/calendar',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.html': 'text/html',
  '.htm': 'text/html',
});

/**
 * @typedef {object} ReadOptions
 * @property {number} [timeoutMs] for one attempt (default 20 s)
 * @property {string} [etag] from the last read: a 304 answers `notModified`
 * @property {string} [lastModified]
 * @property {string} [origin] ask as a page on this origin would, and report the CORS answer
 * @property {AbortSignal} [signal]
 * @property {number} [retries] attempts after the first (default 1)
 */

/**
 * @typedef {object} SourceRead
 * @property {string} text
 * @property {string} contentType lower-case, no parameters
 * @property {string} url where it came from in the end (after redirects; file: URL for a file)
 * @property {number} status HTTP status (200 for a file)
 * @property {boolean} notModified a 304: `text` is empty, the last copy stands
 * @property {string} [etag]
 * @property {string} [lastModified]
 * @property {number} bytes
 * @property {number} elapsedMs
 * @property {{ allowOrigin: string | null, allowed: boolean } | undefined} cors with `origin`
 */

/** A source that could not be read; `status` when the server answered. */
export class SourceError extends Error {
  /** @param {string} message @param {number} [status] */
  constructor(message, status) {
    super(message);
    this.name = 'SourceError';
    this.status = status;
  }
}

/**
 * @param {{ url?: string, file?: string }} where
 * @param {ReadOptions} [options]
 * @returns {Promise<SourceRead>}
 */
export async function readSource(where, options = {}) {
  const started = performance.now();
  if (where.file !== undefined) return readLocalFile(where.file, started);
  if (!where.url) throw new SourceError('a source needs a url or a file');
  if (where.url.startsWith('file:')) return readLocalFile(fileURLToPath(where.url), started);
  const retries = options.retries ?? 1;
  for (let attempt = 0; ; attempt++) {
    try {
      return await readUrl(where.url, options, started);
    } catch (error) {
      const status = error instanceof SourceError ? error.status : undefined;
      const worthRetry = !options.signal?.aborted && (status === undefined || status >= 500);
      if (attempt >= retries || !worthRetry) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
    }
  }
}

/**
 * @param {string} path
 * @param {number} started
 * @returns {Promise<SourceRead>}
 */
async function readLocalFile(path, started) {
  let bytes;
  try {
    const info = await stat(path);
    if (info.size > MAX_SOURCE_BYTES) throw new SourceError(`${path} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw new SourceError(code === 'ENOENT' ? `${path}: no such file` : `${path}: ${error instanceof Error ? error.message : error}`);
  }
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    contentType: FILE_TYPES[extname(path).toLowerCase()] ?? '',
    url: new URL(`file://${path}`).href,
    status: 200,
    notModified: false,
    bytes: bytes.length,
    elapsedMs: performance.now() - started,
    cors: undefined,
  };
}

/**
 * @param {string} url
 * @param {ReadOptions} options
 * @param {number} started
 * @returns {Promise<SourceRead>}
 */
async function readUrl(url, options, started) {
  /** @type {Record<string, string>} */
  const headers = {
    'User-Agent': USER_AGENT,
    Accept: 'text/calendar, application/json;q=0.9, text/csv;q=0.9, text/html;q=0.5, */*;q=0.1',
  };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  if (options.origin) headers.Origin = options.origin;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  /** @type {Response} */
  let response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    throw new SourceError(networkMessage(error, timeout));
  }
  const cors = options.origin ? corsAnswer(response, options.origin) : undefined;
  const common = {
    url: response.url || url,
    status: response.status,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
    cors,
  };
  if (response.status === 304) {
    await response.body?.cancel();
    return { ...common, text: '', contentType: '', notModified: true, bytes: 0, elapsedMs: performance.now() - started };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceError(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_SOURCE_BYTES) {
    await response.body?.cancel();
    throw new SourceError(`${url} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
  }
  const body = await readBody(response, url, timeout);
  const [type, ...params] = (response.headers.get('content-type') ?? '').split(';');
  const charset = params.map((p) => /charset\s*=\s*"?([\w-]+)/i.exec(p)?.[1]).find(Boolean);
  return {
    ...common,
    text: decode(body, charset),
    contentType: (type ?? '').trim().toLowerCase(),
    notModified: false,
    bytes: body.length,
    elapsedMs: performance.now() - started,
  };
}

/**
 * The body, bounded; a connection that closes early is an error, not a shorter feed.
 * @param {Response} response
 * @param {string} url
 * @param {AbortSignal} timeout
 */
async function readBody(response, url, timeout) {
  if (!response.body) return new Uint8Array();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > MAX_SOURCE_BYTES) throw new SourceError(`${url} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (timeout.aborted) throw new SourceError(`${url} took too long to answer (timed out while sending)`);
    throw new SourceError(`${url}: the answer was cut off before its end (${error instanceof Error ? error.message : error})`);
  }
  return Buffer.concat(chunks);
}

/**
 * @param {Uint8Array} bytes
 * @param {string | undefined} charset
 */
function decode(bytes, charset) {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown charset label
  }
}

/**
 * What a browser would decide for a simple GET from a page on `origin`.
 * @param {Response} response
 * @param {string} origin
 */
function corsAnswer(response, origin) {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  const allowed = allowOrigin !== null && (allowOrigin.trim() === '*' || allowOrigin.trim() === origin);
  return { allowOrigin, allowed };
}

/**
 * @param {unknown} error
 * @param {AbortSignal} timeout
 */
function networkMessage(error, timeout) {
  if (timeout.aborted) return 'timed out';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = /** @type {NodeJS.ErrnoException | undefined} */ (cause)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host could not be found (${code})`;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the server up?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed before an answer';
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
