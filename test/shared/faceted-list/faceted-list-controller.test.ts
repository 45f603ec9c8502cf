import { expect } from 'chai';
import { LitElement, html, type TemplateResult } from 'lit';
import type { CivicFilterChangeDetail } from '../../../src/shared/faceted-list/events.js';
import { ANNOUNCE_DELAY, FacetedListController } from '../../../src/shared/faceted-list/faceted-list-controller.js';
import { renderFacetedList } from '../../../src/shared/faceted-list/faceted-list-template.js';
import { facetedListStyles } from '../../../src/shared/faceted-list/faceted-list.styles.js';
import lists from '../../../src/locales/en/lists.js';
import { addMessages, formatMessage } from '../../../src/shared/localize.js';
import { sharedStyles } from '../../../src/shared/shared.styles.js';
import { cleanup, expectAccessible, fixture } from '../../helpers.js';
import { FacetedListPage, settle } from './faceted-list-page.js';

interface Thing {
  id: string;
  name: string;
  colour: string[];
  size?: number;
}

/** The smallest host of the core: a list of things by colour, sortable by size. */
class TestFacetedHost extends LitElement {
  static override styles = [sharedStyles, facetedListStyles];
  items: Thing[] = [];
  order?: string;
  pageSize = 2;
  readonly list = new FacetedListController<Thing>(
    this,
    {
      facets: [{ key: 'colour', values: (t) => t.colour }],
      search: [{ text: (t) => t.name, weight: 1 }],
      title: (t) => t.name,
      orders: { size: (t) => t.size ?? NaN },
    },
    () => ({ locale: 'en', pageSize: this.pageSize, order: this.order, label: (_k, v) => v.toUpperCase() }),
  );

  protected override render(): TemplateResult {
    this.list.setItems(this.items);
    const t = (key: Parameters<typeof formatMessage>[1], values?: Record<string, string | number>) => formatMessage('en', key, values);
    const s = this.list.status;
    return renderFacetedList(this.list, {
      t,
      locale: 'en',
      regionLabel: 'Find things',
      searchLabel: 'Search things',
      legend: () => 'Colour',
      status: `${s.count} of ${s.total}`,
      empty: 'Nothing.',
      key: (thing) => thing.id,
      card: (thing) => html`<h3 part="card-title" tabindex="-1" data-card-focus>${thing.name}</h3>`,
    });
  }
}
addMessages(lists);
customElements.define('test-faceted-host', TestFacetedHost);

const THINGS: Thing[] = [
  { id: '1', name: 'Red ball', colour: ['red'], size: 3 },
  { id: '2', name: 'Blue box', colour: ['blue'], size: 1 },
  { id: '3', name: 'Purple kite', colour: ['red', 'blue'] },
  { id: '4', name: 'Blue whale', colour: ['blue'], size: 30 },
];

async function mount(): Promise<{ el: TestFacetedHost; page: FacetedListPage }> {
  const el = fixture<TestFacetedHost>('<test-faceted-host></test-faceted-host>');
  el.items = THINGS;
  el.requestUpdate();
  return { el, page: await new FacetedListPage(el).ready() };
}

describe('FacetedListController', () => {
  afterEach(() => cleanup());

  it('pages results and sorts by title, by a host order (missing values last), or by relevance', async () => {
    const { el, page } = await mount();
    expect(page.titles()).to.deep.equal(['Blue box', 'Blue whale']);
    page.button('Show more (2 remaining)').click();
    await settle(el);
    expect(page.titles()).to.deep.equal(['Blue box', 'Blue whale', 'Purple kite', 'Red ball']);
    el.order = 'size';
    el.list.reorder();
    await settle(el);
    expect(page.titles()).to.deep.equal(['Blue box', 'Red ball']);
    el.order = undefined;
    el.list.invalidate();
    await page.type('blue whale');
    expect(page.titles()).to.deep.equal(['Blue whale']);
    await page.type('b');
    expect(page.titles()).to.deep.equal(['Blue box', 'Blue whale']);
  });

  it('reads the page size as whole and positive, 30 when it is no number', async () => {
    const { el, page } = await mount();
    for (const [size, shown] of [[3.7, 3], [-4, 1], [0, 4], [NaN, 4]] as const) {
      el.pageSize = size;
      el.requestUpdate();
      await settle(el);
      expect(page.titles(), `page size ${size}`).to.have.length(shown);
    }
  });

  it('holds the status while typing and speaks once typing pauses', async () => {
    const { el, page } = await mount();
    expect(page.status).to.equal('4 of 4');
    await page.type('blue');
    expect(page.titles()).to.have.length(2);
    expect(page.status).to.equal('4 of 4');
    await page.type('blue w');
    expect(page.status).to.equal('4 of 4');
    await new Promise((r) => setTimeout(r, ANNOUNCE_DELAY + 50));
    await settle(el);
    expect(page.status).to.equal('1 of 4');
    await page.toggle(/^RED/);
    expect(page.status).to.equal('0 of 4'); // a tick speaks at once
  });

  it('keeps a chosen value the data lacks visible with a count of 0, so it can be unticked', async () => {
    const { el, page } = await mount();
    el.list.preset('colour', ['green']);
    await settle(el);
    expect(page.facet('Colour')).to.include({ GREEN: 0 });
    expect(page.titles()).to.deep.equal([]);
    expect(page.part('empty')!.textContent).to.include('Nothing.');
    await expectAccessible(el);
    await page.toggle(/^GREEN/);
    expect(page.titles()).to.have.length(2);
  });

  it('fires civic-filter-change after every change a visitor makes, and not for presets', async () => {
    const { el, page } = await mount();
    const seen: CivicFilterChangeDetail[] = [];
    el.addEventListener('civic-filter-change', (e) => seen.push(e.detail));
    el.list.preset('colour', ['red']);
    await settle(el);
    expect(seen).to.have.length(0);
    await page.toggle(/^BLUE/);
    expect(seen).to.deep.equal([{ filters: { colour: ['red', 'blue'] }, query: '', sort: 'title', count: 4 }]);
  });

  it('leaks no timer when the host leaves the page mid-typing', async () => {
    const { el, page } = await mount();
    await page.type('kite');
    el.remove();
    let updates = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = () => {
      updates++;
      original();
    };
    await new Promise((r) => setTimeout(r, ANNOUNCE_DELAY + 50));
    expect(updates).to.equal(0);
  });
});
