/**
 * Which `tiles` values a browser may load: an http(s) URL template, or an image `data:` URL.
 */
import { devWarn } from '../shared/dev.js';

/** The tile template to use, or undefined (with a warning for the webmaster) to draw the built-in map. */
export function tileTemplate(tiles: string | undefined, attribution: string | undefined): string | undefined {
  const raw = tiles?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw, document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:' || /^data:image\//i.test(raw)) {
      if (!attribution) devWarn('map-attribution', '<civic-inspiration-map tiles> has no attribution: most tile servers require one.');
      return raw;
    }
  } catch {
    // not a URL: fall through
  }
  devWarn('map-tiles', `<civic-inspiration-map tiles="${raw}"> is not an http(s) URL template; showing the built-in map.`);
  return undefined;
}
