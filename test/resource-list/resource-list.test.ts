import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/resource-list/define.js';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import type { Feed, Resource } from '../../src/feed/types.js';
import type { CivicResourceList } from '../../src/resource-list/resource-list.js';
import type { CivicFilterChangeDetail } from '../../src/shared/faceted-list/events.js';
import { ANNOUNCE_DELAY } from '../../src/shared/faceted-list/faceted-list-controller.js';
import { cleanup, expectAccessible, fixture, waitFor } from '../helpers.js';
import { backgroundFirefox, FacetedListPage, settle } from '../shared/faceted-list/faceted-list-page.js';

const NOW = new Date(2026, 2, 15, 12, 0); // 15 March 2026, noon, in the browser's zone

const RESOURCES: Resource[] = [
  {
    id: 'discotech', title: 'Cómo organizar una DiscoTech', url: 'https://example.org/discotech', type: 'zine',
    topics: ['community-engagement'], audience: ['beginners'], languages: ['es'],
    author: 'Detroit Digital Justice Coalition', published: '2015-05-01', added: '2026-03-10',
    description: 'Una feria de tecnología en el barrio.',
  },
  {
    id: 'walks', title: 'Data Walks', url: 'https://example.org/walks', type: 'report',
    topics: ['housing', 'health'], audience: ['researchers'], languages: ['en'],
    author: 'Urban Institute', published: '2016-06-04', added: '2025-12-01',
    description: 'Research findings on posters along a route, discussed in small groups.',
  },
  {
    id: 'checklist', title: 'Accessible hackathon checklist', url: 'https://example.org/checklist', type: 'checklist',
    topics: ['accessibility', 'event-planning'], audience: ['community-organizations'], languages: ['en', 'es'],
    author: 'Riverside Public Library', published: '2026-01-20', added: '2026-02-13',
    description: 'What we check before every data event, so that everyone is welcome.',
  },
  {
    id: 'portals', title: 'Open-data portals', url: 'https://example.org/portals', type: 'guide',
    topics: ['open-data', 'housing'], audience: ['beginners'], languages: ['en'],
    author: 'Reference Desk', added: '2026-02-12',
    description: 'Where to find housing data, and whom to ask when a dataset is missing.',
  },
  {
    id: 'dialogues', title: 'Data Dialogues', url: 'https://example.org/dialogues', type: 'guide',
    topics: ['community-engagement', 'event-planning'], audience: ['community-organizations', 'beginners'],
    languages: ['en'], author: 'Sunlight Foundation', published: '2017-03-01',
    description: 'How to plan a conversation about local data: naïve questions welcome.',
  },
  {
    id: 'primer', title: 'Public safety data primer', url: 'https://example.org/primer', type: 'toolkit',
    topics: ['public-safety'], audience: ['researchers'], languages: ['en'], published: '2020-09-09',
    description:
      '<p>Read <img src="x" onerror="window.__pwned = 1"> this.<script>window.__pwned = 2</script> ' +
      '<a href="javascript:window.__pwned = 3">Click</a> <strong>carefully</strong>.</p>',
  },
];

function feedOf(resources: Resource[]): Feed {
  return { version: '1', events: [], groups: [], places: [], resources };
}

/** A list of `n` resources with predictable titles, types and topics. */
function many(n: number): Resource[] {
  const types = ['guide', 'zine', 'toolkit', 'report'];
  const topics = ['housing', 'transit', 'budget', 'environment', 'health'];
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Resource ${String(i).padStart(5, '0')}`,
    url: `https://example.org/r/${i}`,
    type: types[i % types.length]!,
    topics: [topics[i % topics.length]!, topics[(i * 7) % topics.length]!],
    languages: [i % 3 ? 'en' : 'es'],
    author: `Author ${i % 40}`,
    description: `A resource about ${topics[i % topics.length]} number ${i}.`,
  }));
}

async function mount(attrs = '', resources = RESOURCES): Promise<{ el: CivicResourceList; page: FacetedListPage }> {
  const locale = attrs.includes('locale=') ? '' : 'locale="en-US"';
  const el = fixture<CivicResourceList>(`<civic-resource-list ${locale} ${attrs}></civic-resource-list>`);
  el.now = NOW;
  el.feed = feedOf(resources);
  const page = await new FacetedListPage(el).ready();
  return { el, page };
}

function filterChanges(el: HTMLElement): CivicFilterChangeDetail[] {
  const seen: CivicFilterChangeDetail[] = [];
  el.addEventListener('civic-filter-change', (e) => seen.push(e.detail));
  return seen;
}

describe('<civic-resource-list>', () => {
  afterEach(() => cleanup());

  describe('facets', () => {
    it('builds its facets and counts from the data, with labels for people', async () => {
      const { el, page } = await mount();
      expect(page.legends()).to.deep.equal(['Type', 'Topic', 'Audience', 'Language']);
      expect(page.facet('Type')).to.deep.equal({ Guide: 2, Checklist: 1, Report: 1, Toolkit: 1, Zine: 1 });
      expect(page.facet('Topic')).to.include({ 'Community engagement': 2, Housing: 2, 'Public safety': 1, 'Open data': 1 });
      expect(page.facet('Language')).to.deep.equal({ English: 5, Spanish: 2 });
      expect(page.status).to.equal('6 resources');
      expect(page.titles()).to.have.length(6);
      await expectAccessible(el);
    });

    it('counts each value within the search and the other facets, not its own', async () => {
      const { el, page } = await mount();
      await page.toggle(/^Guide/);
      expect(page.titles()).to.have.members(['Open-data portals', 'Data Dialogues']);
      // Its own facet still offers the other types, as what ticking them would add.
      expect(page.facet('Type')).to.include({ Guide: 2, Zine: 1, Report: 1 });
      expect(page.facet('Topic')).to.deep.equal({
        'Community engagement': 1, 'Event planning': 1, Housing: 1, 'Open data': 1, Accessibility: 0, Health: 0,
        'Public safety': 0,
      });
      await page.toggle(/^Zine/);
      expect(page.titles()).to.have.length(3);
      await page.type('housing');
      expect(page.titles()).to.deep.equal(['Open-data portals']);
      expect(page.facet('Type')).to.deep.equal({ Guide: 1, Checklist: 0, Report: 0, Toolkit: 0, Zine: 0 });
      await page.statusSays('1 of 6 resources matches');
      await expectAccessible(el);
    });

    it('takes presets from attributes, in any case', async () => {
      const { el, page } = await mount('types="guide, Zine" languages="en"');
      expect(page.checkbox(/^Guide/).checked).to.be.true;
      expect(page.checkbox(/^Zine/).checked).to.be.true;
      expect(page.titles()).to.have.members(['Open-data portals', 'Data Dialogues']);
      expect(page.status).to.equal('2 of 6 resources match');
      el.setAttribute('types', 'report');
      await settle(el);
      expect(page.titles()).to.deep.equal(['Data Walks']);
      await expectAccessible(el);
    });

    it('opens a long facet with "Show all" and keeps chosen values visible when closed', async () => {
      const resources = RESOURCES.map((r, i) => ({ ...r, topics: [...(r.topics ?? []), `topic-${i}`, `extra-${i}`] }));
      const { el, page } = await mount('topics="extra-5"', resources);
      const topics = () => Object.keys(page.facet('Topic'));
      expect(topics()).to.have.length(9);
      expect(topics()).to.include('Extra 5');
      const more = page.button(/^Show all 19/);
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await settle(el);
      expect(topics()).to.have.length(19);
      expect(page.button(/^Show fewer/).getAttribute('aria-expanded')).to.equal('true');
      await expectAccessible(el);
    });
  });

  describe('search', () => {
    it('forgives case and accents, and searches titles, descriptions and authors', async () => {
      const { page } = await mount();
      await page.type('COMO');
      expect(page.titles()).to.deep.equal(['Cómo organizar una DiscoTech']);
      await page.type('naive');
      expect(page.titles()).to.deep.equal(['Data Dialogues']);
      await page.type('urban inst');
      expect(page.titles()).to.deep.equal(['Data Walks']);
      await page.type('  ');
      expect(page.titles()).to.have.length(6);
    });

    it('does not search the markup of descriptions', async () => {
      const { page } = await mount();
      await page.type('onerror');
      expect(page.titles()).to.deep.equal([]);
      await page.type('carefully');
      expect(page.titles()).to.deep.equal(['Public safety data primer']);
    });
  });

  describe('order', () => {
    it('sorts by title with the locale collator, newest first, or best match while searching', async () => {
      const { el, page } = await mount();
      expect(page.titles()).to.deep.equal([
        'Accessible hackathon checklist', 'Cómo organizar una DiscoTech', 'Data Dialogues', 'Data Walks',
        'Open-data portals', 'Public safety data primer',
      ]);
      const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('select[part~="sort"]')!;
      expect([...sort.options].map((o) => o.textContent!.trim())).to.deep.equal(['Title', 'Newest']);
      sort.value = 'newest';
      sort.dispatchEvent(new Event('change'));
      await settle(el);
      // Published, else added; the checklist (January 2026) before the portals guide (added February) is by date.
      expect(page.titles()).to.deep.equal([
        'Open-data portals', 'Accessible hackathon checklist', 'Public safety data primer', 'Data Dialogues',
        'Data Walks', 'Cómo organizar una DiscoTech',
      ]);
      sort.value = 'title';
      sort.dispatchEvent(new Event('change'));
      await settle(el);
      await page.type('data');
      // Chosen by the visitor, "Title" stays while searching.
      expect(page.titles()[0]).to.equal('Accessible hackathon checklist');
      sort.value = 'relevance';
      sort.dispatchEvent(new Event('change'));
      await settle(el);
      expect(sort.value).to.equal('relevance');
      // "data" in a title (a whole word, "Open-data" too) before "data" in a description.
      expect(page.titles()).to.deep.equal([
        'Data Dialogues', 'Data Walks', 'Open-data portals', 'Public safety data primer', 'Accessible hackathon checklist',
      ]);
    });

    it('starts in best-match order when searching, and offers it only then', async () => {
      const { el, page } = await mount();
      await page.type('data walks');
      expect(page.titles()).to.deep.equal(['Data Walks']);
      await page.type('data');
      expect(page.titles()[0]).to.equal('Data Dialogues');
      expect(page.titles().at(-1)).to.equal('Accessible hackathon checklist');
      const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('select[part~="sort"]')!;
      expect(sort.value).to.equal('relevance');
      expect(sort.options[0]!.textContent!.trim()).to.equal('Best match');
      await expectAccessible(el);
    });
  });

  it('marks resources added in the last 30 days as New, counted from an injected now', async () => {
    const { el, page } = await mount();
    const badged = page.cards().filter((c) => c.querySelector('[part~="badge"]')).map((c) => c.querySelector('a')!.textContent);
    expect(badged).to.have.members(['Cómo organizar una DiscoTech', 'Accessible hackathon checklist']);
    el.newDays = 31;
    await settle(el);
    expect(page.card('Open-data portals').querySelector('[part~="badge"]')!.textContent).to.equal('New');
    el.now = new Date(2026, 5, 1);
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[part~="badge"]')).to.have.length(0);
  });

  it('shows type, author, publisher, a date in the locale, topics, audience and languages on a card', async () => {
    const { page } = await mount();
    const card = page.card('Accessible hackathon checklist');
    const text = card.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('Checklist').and.include('By Riverside Public Library').and.include('Jan 20, 2026');
    expect(card.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-20');
    const facts = [...card.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(facts).to.deep.equal([
      ['Topics', 'Accessibility and event planning'],
      ['For', 'Community organizations'],
      ['Language', 'English and Spanish'],
    ]);
    expect(card.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/checklist');
  });

  it('renders hostile descriptions inert', async () => {
    const { el, page } = await mount();
    await page.type('primer');
    const card = page.card('Public safety data primer');
    await waitFor(() => card.querySelector('.description strong'), 3000, 'sanitized description');
    expect(card.querySelector('img, script')).to.equal(null);
    for (const a of card.querySelectorAll('.description a')) expect(a.getAttribute('href') ?? '').not.to.match(/javascript/i);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expectAccessible(el);
  });

  describe('paging', () => {
    it('shows 30 cards, then more on request, moving focus to the first new one', async () => {
      const { el, page } = await mount('', many(75));
      expect(page.cards()).to.have.length(30);
      page.button('Show more (45 remaining)').click();
      await settle(el);
      expect(page.cards()).to.have.length(60);
      expect(page.focused?.textContent).to.equal('Resource 00030');
      page.button('Show more (15 remaining)').click();
      await settle(el);
      expect(page.cards()).to.have.length(75);
      expect(el.shadowRoot!.querySelector('[part~="show-more"]')).to.equal(null);
      await page.type('resource 0001');
      expect(page.cards()).to.have.length(11); // 00001 and 00010 to 00019
      await expectAccessible(el);
    });

    it('takes a page size from its attribute', async () => {
      const { page } = await mount('page-size="10"', many(25));
      expect(page.cards()).to.have.length(10);
      expect(page.button('Show more (15 remaining)')).to.exist;
    });

    it('filters and searches 5,000 resources without a visible pause', async () => {
      const { el, page } = await mount('', many(5000));
      expect(page.cards()).to.have.length(30);
      const times: number[] = [];
      for (const text of ['h', 'ho', 'hou', 'hous', 'housi', 'housin', 'housing']) {
        const start = performance.now();
        await page.type(text);
        await el.updateComplete;
        times.push(performance.now() - start);
      }
      expect(page.status).to.match(/resources/);
      await page.statusSays('1,000 of 5,000 resources match');
      await page.toggle(/^Zine/);
      await page.statusSays('250 of 5,000 resources match');
      // The median keystroke, in Lit's dev mode and beside other tests; bench/finders.mjs measures properly.
      times.sort((a, b) => a - b);
      expect(times[3]).to.be.lessThan(100);
    });
  });

  describe('URL state', () => {
    const original = location.href;
    afterEach(() => history.replaceState(history.state, '', original));

    it('reads its state from the query string and writes it back, under its prefix', async () => {
      const url = new URL(location.href);
      url.search = '?keep=1&lib-type=guide&lib-q=data&lib-sort=newest';
      history.replaceState(history.state, '', url);
      const { el, page } = await mount('url-state="lib"');
      expect(page.search.value).to.equal('data');
      expect(page.checkbox(/^Guide/).checked).to.be.true;
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select[part~="sort"]')!.value).to.equal('newest');
      expect(page.titles()).to.deep.equal(['Open-data portals', 'Data Dialogues']);
      await page.toggle(/^Zine/);
      const params = new URLSearchParams(location.search);
      expect(params.getAll('lib-type')).to.have.members(['guide', 'zine']);
      expect(params.get('keep')).to.equal('1');
      await page.type('');
      await waitFor(() => !new URLSearchParams(location.search).has('lib-q'), ANNOUNCE_DELAY + 1000, 'q removed');
      // And back: a new element on the same URL shows the same list.
      const before = page.titles();
      cleanup();
      const again = await mount('url-state="lib"');
      expect(again.page.titles()).to.deep.equal(before);
    });

    it('stores an unticked preset as an empty value, and a default prefix', async () => {
      const { page } = await mount('url-state types="guide"');
      expect(new URLSearchParams(location.search).has('resources-type')).to.be.false;
      await page.toggle(/^Guide/);
      expect(new URLSearchParams(location.search).getAll('resources-type')).to.deep.equal(['']);
      cleanup();
      const again = await mount('url-state types="guide"');
      expect(again.page.checkbox(/^Guide/).checked).to.be.false;
      expect(again.page.titles()).to.have.length(6);
    });

    it('leaves the URL alone without url-state', async () => {
      const before = location.href;
      const { page } = await mount();
      await page.toggle(/^Guide/);
      expect(location.href).to.equal(before);
    });
  });

  describe('events', () => {
    it('fires civic-filter-change with the filters, query, order and count', async () => {
      const { el, page } = await mount();
      const seen = filterChanges(el);
      await page.toggle(/^Guide/);
      expect(seen.at(-1)).to.deep.equal({
        filters: { type: ['guide'], topic: [], audience: [], language: [] },
        query: '',
        sort: 'title',
        count: 2,
      });
      await page.type('portal');
      expect(seen.at(-1)).to.include({ query: 'portal', sort: 'relevance', count: 1 });
    });

    it('fires civic-resource-select from a title link, which a listener may cancel', async () => {
      const { el, page } = await mount();
      const seen: Resource[] = [];
      const listener = (e: CustomEvent<{ resource: Resource }>) => {
        seen.push(e.detail.resource);
        e.preventDefault();
      };
      document.addEventListener('civic-resource-select', listener);
      try {
        page.card('Data Walks').querySelector('a')!.click();
        await settle(el);
      } finally {
        document.removeEventListener('civic-resource-select', listener);
      }
      expect(seen.map((r) => r.id)).to.deep.equal(['walks']);
    });
  });

  it('says when nothing matches, and clears back to everything in one step', async () => {
    const { el, page } = await mount('types="guide"');
    expect(page.button('Clear filters')).to.exist;
    await page.type('zzzz');
    const empty = page.part('empty')!;
    expect(empty.textContent).to.include('No resources match your search and filters.');
    await page.statusSays('No resources match');
    await expectAccessible(el);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="clear-button"]')];
    expect(buttons).to.have.length(2);
    buttons[1]!.click();
    await settle(el);
    expect(page.titles()).to.have.length(6);
    expect(page.status).to.equal('6 resources');
    expect(page.focused).to.equal(page.search);
    expect(el.shadowRoot!.querySelector('[part~="clear-button"]')).to.equal(null);
  });

  it('works from the keyboard: Tab to search, type, Tab to a checkbox, Space, and hears the count', async function () {
    if (backgroundFirefox()) this.skip();
    const wrapper = fixture(`<div><button id="before">Before</button><civic-resource-list locale="en-US"></civic-resource-list></div>`);
    const el = wrapper.querySelector('civic-resource-list')!;
    el.now = NOW;
    el.feed = feedOf(RESOURCES);
    const page = await new FacetedListPage(el).ready();
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(page.focused).to.equal(page.search);
    await sendKeys({ type: 'data' });
    await settle(el);
    expect(page.titles()).to.have.length(5);
    await page.statusSays('5 of 6 resources match');
    await sendKeys({ press: 'Tab' });
    const first = page.focused as HTMLInputElement;
    expect(first.type).to.equal('checkbox');
    expect(first.value).to.equal('guide');
    await sendKeys({ press: ' ' }); // the space bar
    await settle(el);
    expect(first.checked).to.be.true;
    expect(page.statusRegion.getAttribute('role')).to.equal('status');
    await page.statusSays('2 of 6 resources match');
    await expectAccessible(el);
  });

  it('speaks Spanish: catalogue labels, language names and counts', async () => {
    const { el, page } = await mount('locale="es"');
    await page.ready();
    await waitFor(() => page.legends()[0] === 'Tipo', 3000, 'Spanish legends');
    expect(page.legends()).to.deep.equal(['Tipo', 'Tema', 'Público', 'Idioma']);
    expect(page.facet('Tipo')).to.include({ Fanzine: 1, 'Lista de verificación': 1, Guía: 2 });
    expect(page.facet('Idioma')).to.deep.equal({ Inglés: 5, Español: 2 });
    expect(page.status).to.equal('6 recursos');
    expect(getComputedStyle(el).display).to.equal('block');
    await expectAccessible(el);
  });

  it('puts the filters above the list at 320 px and beside it when wide, never overflowing', async () => {
    const { el, page } = await mount();
    const box = (part: string) => page.part(part)!.getBoundingClientRect();
    el.style.width = '320px';
    await settle(el);
    expect(box('filters').bottom).to.be.at.most(box('list').top);
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
      const rect = node.getBoundingClientRect();
      if (rect.width) expect(rect.right, node.outerHTML.slice(0, 60)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
    el.style.width = '960px';
    await settle(el);
    await waitFor(() => box('filters').right <= box('list').left, 2000, 'columns');
    expect(box('list').top).to.be.lessThan(box('filters').bottom);
    // Focus is visible on every control. (A page in a background tab never has :focus-visible,
    // which is how Firefox runs the second of two test pages; there is nothing to see there.)
    page.search.focus();
    if (document.hasFocus()) expect(getComputedStyle(page.search).outlineStyle).not.to.equal('none');
  });

  it("shows the sample feed's resources, one of them new, accessibly", async () => {
    const el = fixture<CivicResourceList>('<civic-resource-list locale="en-US"></civic-resource-list>');
    el.now = NOW;
    el.feed = buildSampleFeed(NOW);
    const page = await new FacetedListPage(el).ready();
    expect(page.status).to.equal('8 resources');
    expect(el.shadowRoot!.querySelectorAll('[part~="badge"]')).to.have.length(1);
    expect(page.facet('Type')).to.include({ Guide: 3, Report: 2, 'Event recipe': 1, Zine: 1, Checklist: 1 });
    await waitFor(() => page.card('Event recipe').querySelector('.description strong'), 3000, 'sanitized markup');
    await expectAccessible(el);
  });

  it('leaves no timer behind when removed while typing', async () => {
    const { el, page } = await mount('url-state');
    await page.type('data');
    el.remove();
    await new Promise((r) => setTimeout(r, ANNOUNCE_DELAY + 100));
    expect(new URLSearchParams(location.search).get('resources-q')).to.equal('data');
    history.replaceState(history.state, '', location.pathname);
  });
});
