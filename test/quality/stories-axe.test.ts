/**
 * axe-core on every Storybook story, in light and dark themes, at 320 px and 1280 px, against the
 * built Storybook (npm test builds it first). Chromium only: one browser's rendering is enough for
 * rules about markup, names and contrast, and the run stays short.
 */
import { expect } from 'chai';
import type * as Axe from 'axe-core';
import { waitFor } from '../helpers.js';
import { isChromium, openStory, stories } from './stories.js';

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
