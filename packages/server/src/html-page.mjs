// @ts-check
/**
 * The server's few HTML pages (the status page, the cancel page, the staff attendance pages):
 * escaping, and sending under a Content-Security-Policy that allows no script and one style
 * sheet by its hash.
 */
import { createHash } from 'node:crypto';

/**
 * Text for HTML content or a quoted attribute.
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A whole page in English (the staff's and the server's own pages), not indexed by search engines.
 * @param {{ title: string, css?: string, body: string }} page `title` is text; `body` is markup
 */
export function htmlDocument({ title, css, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
${css ? `<style>${css}</style>\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The CSP source that allows one inline style sheet.
 * @param {string} css
 */
export function styleHash(css) {
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
}

/**
 * Sends a page: never cached, never framed (a page with buttons in a frame can be clicked
 * through a decoy), its forms posting only to this origin.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} html
 * @param {string} [css] the page's one style sheet, as it appears in `html`
 */
export function sendHtml(request, response, status, html, css) {
  const bytes = Buffer.from(html);
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'none'; ${css ? `style-src ${styleHash(css)}; ` : ''}form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
