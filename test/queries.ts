/**
 * Find rendered widgets the way a person perceives them: by role and accessible name, or by
 * visible text, looking through shadow roots. A small page-object toolkit for every test.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { waitFor } from './helpers.js';

type Matcher = string | RegExp;

/** Unicode bidi isolates (FSI, LRI, RLI, PDI) are invisible and unspoken: a person never meets them. */
const ISOLATES = /[\u2066-\u2069]/g;

function matches(value: string, matcher: Matcher): boolean {
  const seen = value.replace(ISOLATES, '');
  return typeof matcher === 'string' ? seen === matcher : matcher.test(seen);
}

/** Every element under `root`, in document order, descending into open shadow roots. */
export function deepElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    // nodeType, not instanceof: tests also look into iframes, whose Element is another realm's.
    for (const child of node.childNodes) {
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.localName === 'slot') continue;
      visit(el);
    }
  };
  const host = root as Partial<Element>;
  if (host.shadowRoot) visit(host.shadowRoot);
  visit(root);
  return out;
}

function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView ?? window;
  return view.getComputedStyle(el).display === 'none';
}

/** Elements with `role` (explicit or implicit) and, if given, a matching accessible name. */
export function queryAllByRole(root: Node, role: string, options: { name?: Matcher } = {}): HTMLElement[] {
  return deepElements(root).filter((el): el is HTMLElement => {
    if (getRole(el) !== role || isHidden(el)) return false;
    return options.name === undefined || matches(computeAccessibleName(el), options.name);
  });
}

export function getByRole(root: Node, role: string, options: { name?: Matcher } = {}): HTMLElement {
  const found = queryAllByRole(root, role, options);
  if (found.length !== 1) {
    throw new Error(`expected one ${role}${options.name ? ` named ${String(options.name)}` : ''}, found ${found.length}`);
  }
  return found[0]!;
}

export function findByRole(root: Node, role: string, options: { name?: Matcher } = {}, timeout = 5000): Promise<HTMLElement> {
  return waitFor(() => getByRole(root, role, options), timeout, `role ${role} ${options.name ?? ''}`);
}

const normalize = (text: string | null) => (text ?? '').replace(ISOLATES, '').replace(/\s+/g, ' ').trim();

/** The innermost elements whose visible text matches. */
export function queryAllByText(root: Node, text: Matcher): HTMLElement[] {
  const hits = deepElements(root).filter(
    (el): el is HTMLElement => !['SCRIPT', 'STYLE'].includes(el.tagName) && matches(normalize(el.textContent), text),
  );
  return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}

export function findByText(root: Node, text: Matcher, timeout = 5000): Promise<HTMLElement> {
  return waitFor(() => queryAllByText(root, text)[0], timeout, `text ${String(text)}`);
}
