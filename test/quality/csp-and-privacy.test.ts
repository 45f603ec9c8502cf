import { expect } from 'chai';
import { waitFor } from '../helpers.js';
import { queryAllByRole } from '../queries.js';

const TAGS = ['civic-feed', 'civic-event-calendar', 'civic-rsvp-form', 'civic-group-finder', 'civic-resource-list', 'civic-inspiration-map'];

interface Loaded {
  win: Window & typeof globalThis;
  violations: SecurityPolicyViolationEvent[];
}

/** Opens the strict-CSP page with every element and waits until each has rendered its feed. */
async function openAllElements(): Promise<Loaded> {
  const frame = document.createElement('iframe');
  frame.src = '/test/pages/strict-all-elements.html';
  frame.className = 'quality-frame';
  document.body.append(frame);
  after(() => frame.remove());
  const violations: SecurityPolicyViolationEvent[] = [];
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  win.document.addEventListener('securitypolicyviolation', (e) => violations.push(e));
  for (const tag of TAGS) await waitFor(() => win.customElements.get(tag), 8000, `${tag} defined`);
  for (const el of win.document.querySelectorAll(TAGS.slice(1).join(','))) {
    await waitFor(() => el.shadowRoot && !/Loading…/.test(el.shadowRoot.textContent ?? '') && el.shadowRoot.textContent?.trim(), 8000, `${el.localName} rendered`);
  }
  await new Promise((r) => setTimeout(r, 300));
  return { win, violations };
}

describe('every element on one page', () => {
  let page: Loaded;
  before(async () => {
    page = await openAllElements();
  });

  it('runs under a strict Content-Security-Policy with no violation', () => {
    const seen = page.violations.map((v) => `${v.violatedDirective} ${v.blockedURI} ${v.sourceFile}:${v.lineNumber}`);
    expect(seen).to.deep.equal([]);
  });

  it('shows no error', () => {
    const alerts = queryAllByRole(page.win.document.body, 'alert');
    expect(alerts.map((a) => a.textContent)).to.deep.equal([]);
  });

  it('requests nothing but the page’s own origin and sets no cookie', () => {
    const origins = new Set(page.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
    expect([...origins]).to.deep.equal([location.origin]);
    expect(page.win.document.cookie).to.equal('');
  });

  it('really is under that policy (an inline style attribute is refused)', async () => {
    const before = page.violations.length;
    const probe = page.win.document.createElement('p');
    probe.setAttribute('style', 'color: red');
    page.win.document.body.append(probe);
    await waitFor(() => page.violations.length > before, 3000, 'a violation report');
    expect(page.violations.at(-1)!.effectiveDirective).to.match(/^style-src/);
    probe.remove();
  });

  it('keeps only documented keys in localStorage', () => {
    // The README's "Privacy" names these three prefixes: cached feeds, kept registrations and their outcomes.
    const keys = Object.keys(page.win.localStorage).filter((k) => !k.startsWith('wtr'));
    for (const key of keys) expect(key, key).to.match(/^civic-widgets:(feed|rsvp|rsvp-outcome):v1:/);
  });
});
