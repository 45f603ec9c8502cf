/**
 * What a widget says when a feed on another site cannot be read. Loaded only then, so no page
 * pays for these words until it needs them.
 */
import { CROSS_ORIGIN_FIXES, feedCheckCommand } from '../feed/cross-origin-fix.js';
import crossOrigin from '../locales/en/cross-origin.js';
import { README } from './dev.js';
import type { CivicErrorDetail } from './events.js';
import { addMessages, formatMessage } from './localize.js';

addMessages(crossOrigin);

const explained = new Set<string>();

/**
 * The page cannot tell a refused cross-origin read from a site that is down, so the visitor hears
 * the likely cause, and the console (in development and production: the webmaster reads it there)
 * names it with the fix, once per feed.
 */
export function describeCrossOrigin(tag: string, language: string, src: string, detail: string): CivicErrorDetail {
  const url = new URL(src, document.baseURI);
  if (!explained.has(url.href)) {
    explained.add(url.href);
    console.warn(
      `[civic-widgets] <${tag}> could not read ${url.href} (${detail}). ` +
        `Likely cause: ${url.origin} does not allow pages on other sites to read it ` +
        `(its answer carries no Access-Control-Allow-Origin header for ${location.origin}); it may also be offline. ` +
        `Fix: ${CROSS_ORIGIN_FIXES.map((fix) => `\`${fix.command}\` (${fix.gives})`).join(', or ')}. ` +
        `\`${feedCheckCommand(url.href, location.origin)}\` tells for sure. ` +
        `See docs/sources.md, and ${README}feeds-on-other-sites`,
    );
  }
  return { kind: 'network', src, crossOrigin: true, message: formatMessage(language, 'errorCrossOrigin', { site: url.host }) };
}
