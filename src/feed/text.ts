/**
 * Plain text and safe links from whatever a source sends: escaped entities that WordPress puts in
 * titles, stray tags, odd whitespace. No DOM needed, so adapters and the normalizer stay pure.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', middot: '·', bull: '•', deg: '°', euro: '€', pound: '£',
  cent: '¢', yen: '¥', sect: '§', para: '¶', times: '×', divide: '÷', shy: '',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Uuml: 'Ü',
  agrave: 'à', egrave: 'è', ccedil: 'ç', ouml: 'ö', auml: 'ä', szlig: 'ß', iexcl: '¡', iquest: '¿',
};

/** Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`, common named ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});?/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[ref] ?? match;
  });
}

/** True when a text carries HTML markup worth sanitizing rather than printing. */
export function hasMarkup(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>|<!--/i.test(text);
}

/** Markup, entities, control characters, odd or doubled spaces, or space at either end. */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[<&\u0000-\u001f\u007f]|[^\S ]| {2}|^ | $/;

/** Text with tags removed (scripts and styles with their content), entities decoded, spaces folded. */
export function plainText(value: string, maxLength = 1000): string {
  // Most titles are already plain: skip the rewriting (a feed may hold 10,000 of them).
  if (!NEEDS_WORK.test(value)) return value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value;
  const stripped = hasMarkup(value)
    ? value
        .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
        .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
        .replace(/<\/?[a-z][^>]*>?/gi, ' ')
    : value;
  // Control characters have no business in a title and can garble screen readers.
  // eslint-disable-next-line no-control-regex
  const text = decodeEntities(stripped).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL as an absolute string when it is `http:`, `https:`, `mailto:` or `tel:`; otherwise
 * undefined (so `javascript:`, `data:` and friends never reach an `href`).
 */
export function safeUrl(value: unknown, base?: string, schemes: ReadonlySet<string> = SAFE_SCHEMES): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = decodeEntities(value.trim());
  if (!trimmed || trimmed.length > 4000) return undefined;
  try {
    const url = new URL(trimmed, base);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Only web links: for pages, images and endpoints. */
export const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);
