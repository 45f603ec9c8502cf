/**
 * The language an element speaks: its own `locale` attribute, else the nearest `lang` above it
 * (crossing shadow roots, so a widget inside another component still finds the page's language),
 * else the document's, else the browser's.
 */
export function resolveLocale(el: Element, explicit?: string | null): string {
  if (explicit) return canonical(explicit);
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return canonical(lang);
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return canonical(navigator.language || 'en');
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? 'en';
  } catch {
    return 'en';
  }
}
