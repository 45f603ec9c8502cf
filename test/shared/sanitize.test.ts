import { expect } from 'chai';
import { html, render } from 'lit';
import { sanitizeHtml } from '../../src/shared/sanitize.js';
import { renderDescription } from '../../src/shared/description.js';
import { cleanup, fixture, waitFor } from '../helpers.js';

describe('sanitizing descriptions', () => {
  afterEach(cleanup);

  it('keeps structure and safe links, and marks links as leaving', async () => {
    const clean = await sanitizeHtml('<p>Join <strong>us</strong> at <a href="https://lib.org/x" onclick="evil()">the library</a></p>');
    expect(clean).to.equal('<p>Join <strong>us</strong> at <a href="https://lib.org/x" rel="noopener noreferrer nofollow">the library</a></p>');
  });

  it('removes scripts, handlers, styles, forms, SVG payloads and unsafe URLs', async () => {
    const hostile = [
      '<script>window.pwned = 1</script>',
      '<img src=x onerror="window.pwned = 1">',
      '<a href="javascript:window.pwned=1">x</a>',
      '<a href="data:text/html,<script>alert(1)</script>">y</a>',
      '<svg><script>window.pwned = 1</script><animate onbegin="window.pwned=1"/></svg>',
      '<style>body{display:none}</style>',
      '<p style="position:fixed;inset:0">cover</p>',
      '<form action="https://evil.example"><input name="card"></form>',
      '<iframe src="https://evil.example"></iframe>',
    ].join('');
    const clean = await sanitizeHtml(hostile);
    expect(clean).to.not.match(/script|onerror|onbegin|javascript:|data:|<style|style=|<form|<input|<iframe|<img|<svg/i);
  });

  it('escapes plain text instead of loading the sanitizer', async () => {
    expect(await sanitizeHtml('Tom & Jerry say 3 < 4')).to.equal('Tom &#38; Jerry say 3 &#60; 4');
  });

  it('renders a hostile description inert in the page', async () => {
    const host = fixture('<div></div>');
    (window as unknown as { pwned?: number }).pwned = undefined;
    render(html`${renderDescription('<p>Hi</p><img src=x onerror="window.pwned=1"><script>window.pwned=1</script>')}`, host);
    await waitFor(() => host.querySelector('p')?.textContent === 'Hi' && !host.textContent?.includes('<'));
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    expect(host.querySelector('img, script')).to.equal(null);
  });

  it('renders plain text as paragraphs', () => {
    const host = fixture('<div></div>');
    render(html`${renderDescription('First.\n\nSecond <3')}`, host);
    expect([...host.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['First.', 'Second <3']);
  });
});
