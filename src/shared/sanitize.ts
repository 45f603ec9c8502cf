import type { Config } from 'dompurify';
import { hasMarkup } from '../feed/text.js';

/** What a description may keep: structure and emphasis, links; never scripts, styles, forms or media. */
const CONFIG: Config = {
  ALLOWED_TAGS: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'code', 'pre',
    'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'h3', 'h4', 'h5', 'h6', 'span', 'hr',
  ],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

let purifier: Promise<(html: string) => string> | undefined;
const cache = new Map<string, string>();

/** DOMPurify loads only when a description actually carries markup. */
function loadPurifier(): Promise<(html: string) => string> {
  purifier ??= import('dompurify').then(({ default: DOMPurify }) => {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        // Links leave the library's page: no opener, no referrer carrying the patron's path.
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    });
    return (html: string) => DOMPurify.sanitize(html, CONFIG) as string;
  });
  return purifier;
}

/**
 * HTML that is safe to insert: the description's markup with everything but harmless structure
 * removed. Plain text comes back escaped.
 */
export async function sanitizeHtml(text: string): Promise<string> {
  if (!hasMarkup(text)) return escapeHtml(text);
  const known = cache.get(text);
  if (known !== undefined) return known;
  const clean = (await loadPurifier())(text);
  if (cache.size > 500) cache.clear();
  cache.set(text, clean);
  return clean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
