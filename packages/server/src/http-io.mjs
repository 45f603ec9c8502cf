// @ts-check
/**
 * Reading bounded request bodies and writing JSON answers with node:http.
 */

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * Sends `body` as JSON. Answers about registrations are personal, so nothing caches them.
 * @param {Request} request
 * @param {Response} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | string[]>} [headers]
 */
export function sendJson(request, response, status, body, headers = {}) {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

// Whole-buffer decodes keep no state between calls, so one decoder serves every request.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether a Content-Type header says JSON in UTF-8 (the only charset JSON may use, RFC 8259).
 * @param {string | undefined} header
 */
export function isJsonContentType(header) {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

/**
 * The request body as text, or `tooLarge` once it passes `limit` bytes (then the rest is read
 * and dropped, so the client sees the answer rather than a reset connection), `invalid` when
 * it is not UTF-8, or `aborted` when the client went away before sending all of it.
 * @param {Request} request
 * @param {number} limit
 * @returns {Promise<{ text: string } | { problem: 'tooLarge' | 'invalid' | 'aborted' }>}
 */
export function readText(request, limit) {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      request.resume();
      resolve({ problem: 'tooLarge' });
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.off('end', onEnd);
        request.resume();
        resolve({ problem: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve({ text: UTF8.decode(Buffer.concat(chunks)) });
      } catch {
        resolve({ problem: 'invalid' });
      }
    };
    // A connection lost mid-body is the client's doing, not the server's: an answer, not an error.
    const onGone = () => {
      if (!request.complete) resolve({ problem: 'aborted' });
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onGone);
    request.on('close', onGone);
  });
}

/**
 * The one value of a request header, or undefined when it is absent or repeated.
 * @param {Request} request
 * @param {string} name lower case
 */
export function header(request, name) {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
