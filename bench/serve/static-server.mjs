/**
 * The peer for bench/serve.mjs: a static file server in node:http, as a web server serves a feed
 * file it was given with a gzip copy beside it: the same bytes, an ETag, 304 for a matching
 * If-None-Match, gzip when accepted. Started with the file's path; says its port over IPC.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const identity = readFileSync(process.argv[2]);
const gzip = gzipSync(identity);
const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
// As nginx sends for a file: its modification time, read once.
const lastModified = statSync(process.argv[2]).mtime.toUTCString();

const server = createServer((request, response) => {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'public, no-cache', Vary: 'Accept-Encoding' };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const zipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = zipped ? gzip : identity;
  response.writeHead(200, { ...headers, ...(zipped ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': body.length });
  response.end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
