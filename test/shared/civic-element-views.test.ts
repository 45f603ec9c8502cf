import { expect } from 'chai';
import { css, html, type TemplateResult } from 'lit';
import { CivicElement } from '../../src/shared/civic-element.js';
import { LazyPart, type PartModule } from '../../src/shared/lazy-part.js';
import type { LoadedFeed } from '../../src/feed/types.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, fixture, jsonUrl } from '../helpers.js';
import { findByRole, findByText, queryAllByText } from '../queries.js';

interface Views extends PartModule {
  title(loaded: LoadedFeed): string;
}

/** Views the test hands over when it wants: the element must wait for them. */
let release: (views: Views) => void = () => undefined;
let fail: (error: Error) => void = () => undefined;

class ViewsProbe extends CivicElement {
  protected override readonly views = new LazyPart<Views>(this, 'views', () => new Promise<Views>((resolve, reject) => {
    release = resolve;
    fail = reject;
  }));

  protected renderFeed(loaded: LoadedFeed): TemplateResult {
    return html`<h2>${this.views.module!.title(loaded)}</h2>`;
  }
}
customElements.define('views-probe', ViewsProbe);

const feed = { version: '1', title: 'Data Days', resources: [{ id: 'r1', title: 'Data Walks', url: 'https://example.org/' }] };

describe('CivicElement views (the code that shows data, loaded beside the feed)', () => {
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('says "Loading…" while the feed is here but its views are not, then shows the data', async () => {
    const el = fixture<ViewsProbe>(`<views-probe src="${jsonUrl(feed)}"></views-probe>`);
    // The feed arrives; the views have not: still loading.
    await new Promise((r) => setTimeout(r, 200));
    expect((await findByRole(el, 'status')).textContent).to.equal('Loading…');
    release({ partStyles: [css`h2 { color: rgb(1, 2, 3); }`], title: (l) => `${l.feed.resources.length} resource` });
    const heading = await findByRole(el, 'heading', { name: '1 resource' });
    expect(getComputedStyle(heading).color, 'the views bring their styles').to.equal('rgb(1, 2, 3)');
    expect(queryAllByText(el, 'Loading…')).to.have.length(0);
  });

  it('says so when its views cannot be fetched', async () => {
    const el = fixture<ViewsProbe>(`<views-probe src="${jsonUrl(feed)}"></views-probe>`);
    fail(new Error('offline'));
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.match(/could not be fetched \(Error: offline\)\. Reload the page/);
    expect(queryAllByText(el, 'Loading…')).to.have.length(0);
    await findByText(el, /This content could not be loaded/);
  });
});
