/**
 * axe-core on every Storybook story, in light and dark themes, at 320 px and 1280 px, against the
 * built Storybook (npm test builds it first). Chromium only: one browser's rendering is enough for
 * rules about markup, names and contrast, and the run stays short.
 */
import { expect } from 'chai';
import type * as Axe from 'axe-core';
import { waitFor } from '../helpers.js';

interface StoryIndex {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
}

const isChromium = !navigator.userAgent.includes('Firefox');
const index: StoryIndex | undefined = isChromium
  ? await fetch('/storybook-static/index.json').then((r) => (r.ok ? (r.json() as Promise<StoryIndex>) : undefined))
  : undefined;
const stories = Object.values(index?.entries ?? {}).filter((e) => e.type === 'story');

async function openStory(id: string, theme: string, width: number): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.src = `/storybook-static/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`;
  frame.width = String(width);
  frame.height = '900';
  frame.title = id;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  const root = await waitFor(() => win.document.querySelector('#storybook-root')?.firstElementChild, 8000, 'story root');
  // Let each widget reach a settled state (its feed rendered, or its error or loading message shown).
  await waitFor(
    () =>
      [...root.ownerDocument.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('civic-') && el.localName !== 'civic-feed')
        .filter((el) => el.matches(':defined') && !el.closest('[hidden]')) // a hidden stand-in counts for nothing
        // Rendered, and not busy (the map draws its geometry after its text, then says so).
        .every((el) => el.shadowRoot?.textContent?.trim() && !el.shadowRoot.querySelector('[aria-busy="true"]')),
    15000,
    'widgets rendered',
  );
  await new Promise((r) => setTimeout(r, 250));
  return win;
}

async function axeIn(win: Window & typeof globalThis): Promise<Axe.Result[]> {
  const withAxe = win as unknown as { axe?: typeof Axe };
  if (!withAxe.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    win.document.head.append(script);
    await waitFor(() => withAxe.axe, 5000, 'axe in the story');
  }
  const results = await withAxe.axe!.run(win.document.querySelector('#storybook-root')!, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return results.violations;
}

describe('every story passes axe (WCAG 2.0/2.1/2.2 A and AA)', function () {
  this.timeout(30000);

  it('finds the built Storybook', function () {
    if (!isChromium) this.skip();
    expect(stories.length, 'run npm run build-storybook first').to.be.greaterThan(10);
  });

  for (const story of stories) {
    for (const theme of ['light', 'dark']) {
      for (const width of [320, 1280]) {
        it(`${story.title} / ${story.name}, ${theme}, ${width} px`, async () => {
          const win = await openStory(story.id, theme, width);
          try {
            const violations = await axeIn(win);
            const lines = violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
            expect(lines, lines.join('\n')).to.deep.equal([]);
            // No horizontal scrolling at 320 px.
            expect(win.document.documentElement.scrollWidth, 'page wider than the viewport').to.be.at.most(width + 1);
          } finally {
            win.frameElement?.remove();
          }
        });
      }
    }
  }
});
