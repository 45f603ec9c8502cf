import { expect } from 'chai';
import type { CSSResultOrNative } from 'lit';
import { CivicEventCalendar } from '../../src/event-calendar/event-calendar.js';
import { CivicGroupFinder } from '../../src/group-finder/group-finder.js';
import { partStyles as groupViewStyles } from '../../src/group-finder/group-views.js';
import { CivicInspirationMap } from '../../src/inspiration-map/inspiration-map.js';
import { CivicResourceList } from '../../src/resource-list/resource-list.js';
import { partStyles as resourceViewStyles } from '../../src/resource-list/resource-views.js';
import { CivicRsvpForm } from '../../src/rsvp-form/rsvp-form.js';

/** Every stylesheet in `styles` (an element's `static styles`, or its views' `partStyles`), flattened. */
function cssOf(styles: unknown): string {
  if (Array.isArray(styles)) return styles.map(cssOf).join('\n');
  const sheet = styles as CSSResultOrNative & { cssText?: string };
  return sheet?.cssText ?? '';
}

const elements = [CivicEventCalendar, CivicRsvpForm, CivicGroupFinder, CivicResourceList, CivicInspirationMap];
// The lists' views bring their own sheets when they load.
const allCss = [...elements.map((e) => e.styles), groupViewStyles, resourceViewStyles].map(cssOf).join('\n');

/** Theming tokens: every one read has a fallback, and the README documents exactly those read. */
describe('design tokens', () => {
  it('every --civic-* read has a fallback, so an unset token never breaks a widget', () => {
    const bare = [...allCss.matchAll(/var\(\s*(--civic-[\w-]+)\s*\)/g)].map((m) => m[1]);
    expect(bare).to.deep.equal([]);
  });

  it('the README documents every token the styles read, and no token they do not', async () => {
    const readme = await (await fetch('/README.md')).text();
    const section = readme.slice(readme.indexOf('## Theming'), readme.indexOf('\n## ', readme.indexOf('## Theming') + 5));
    const documented = new Set([...section.matchAll(/--civic-[\w-]+/g)].map((m) => m[0]));
    const read = new Set([...allCss.matchAll(/var\(\s*(--civic-[\w-]+)/g)].map((m) => m[1]!));
    expect([...read].filter((t) => !documented.has(t)), 'read but not documented').to.deep.equal([]);
    expect([...documented].filter((t) => !read.has(t)), 'documented but never read').to.deep.equal([]);
  });
});
