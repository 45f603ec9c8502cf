import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/group-finder/define.js';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import type { CivicEvent, Feed, Group, Place } from '../../src/feed/types.js';
import type { CivicGroupFinder, CivicGroupSelectDetail } from '../../src/group-finder/group-finder.js';
import type { CivicEventSelectDetail } from '../../src/shared/events.js';
import type { CivicFilterChangeDetail } from '../../src/shared/faceted-list/events.js';
import { cleanup, expectAccessible, fixture, waitFor } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';
import { backgroundFirefox, FacetedListPage, settle } from '../shared/faceted-list/faceted-list-page.js';

const NOW = new Date('2030-01-01T12:00:00Z');
const MAIN = { name: 'Main Branch', address: '210 Water Street', lat: 41.2616, lon: -73.9248 };
const EASTSIDE = { name: 'Eastside Branch', address: '88 Linden Avenue', lat: 41.2652, lon: -73.9071 };
const DOWNTOWN = { name: 'Downtown Annex', lat: 41.3, lon: -73.95 };

const GROUPS: Group[] = [
  {
    id: 'housing', name: 'Housing Data User Group', url: 'https://example.org/groups/housing',
    description: 'Tenants and researchers comparing notes on how filings are counted.',
    topics: ['housing'],
    datasets: [{ name: 'Eviction filings', url: 'https://data.example.org/evictions' }, { name: 'Rental registry' }],
    cadence: 'Second Tuesday of each month', attendanceMode: 'in-person', location: MAIN, languages: ['en'],
    audience: ['researchers', 'community-organizations'],
    joinUrl: 'mailto:housing@example.org', contact: { name: 'Ana Ruiz', email: 'housing@example.org' },
  },
  {
    id: 'environment', name: 'Environmental Data User Group',
    description: 'Air sensors, tree canopy and flood maps. Meets online, in English and Spanish.',
    topics: ['environment', 'health'], datasets: [{ name: 'Air-quality sensors' }],
    attendanceMode: 'online', languages: ['en', 'es'], joinUrl: 'https://meet.example.org/env',
  },
  {
    id: 'transit', name: 'Transit Riders Data Collective',
    description: 'Riders who compare the published schedule with the buses that actually come.',
    topics: ['transit'], datasets: [{ name: 'Bus schedules (GTFS)' }],
    attendanceMode: 'mixed', location: EASTSIDE, languages: ['en', 'es'],
  },
  {
    id: 'budget', name: 'Budget Watchers', description: 'Follows the city budget from proposal to adoption.',
    topics: ['budget', 'public-safety'], datasets: [{ name: 'Adopted budget' }],
    attendanceMode: 'mixed', location: DOWNTOWN, languages: ['en'],
  },
  {
    id: 'hostile', name: 'Zine makers',
    description: '<p>We <img src="x" onerror="window.__groupPwned = 1">make <script>window.__groupPwned = 2</script><em>zines</em>.</p>',
    languages: ['en'],
  },
];

const PLACES: Place[] = [
  { id: 'eastside-park', name: 'Eastside Park', lat: 41.266, lon: -73.906 },
  { id: 'pittsburgh', name: 'Pittsburgh', lat: 40.4406, lon: -79.9959 },
];

const EVENTS: CivicEvent[] = [
  {
    id: 'housing-meeting', title: 'Housing Data User Group', start: '2030-01-08T18:30:00', end: '2030-01-08T20:00:00',
    rrule: 'FREQ=WEEKLY;COUNT=6', groupId: 'housing', url: 'https://example.org/events/housing',
  },
  {
    // Cancelled, and without its own groupId: it belongs to its series' group.
    id: 'housing-meeting@2030-01-15', title: 'Housing Data User Group', seriesId: 'housing-meeting',
    recurrenceId: '2030-01-15T18:30:00', start: '2030-01-15T18:30:00', status: 'cancelled',
  },
  { id: 'transit-ride', title: 'Ride-along on route 7', start: '2030-01-11T10:00:00', groupId: 'transit' },
  { id: 'old', title: 'Past meeting', start: '2029-12-01T10:00:00', groupId: 'transit' },
];

function feed(groups = GROUPS): Feed {
  return { version: '1', timezone: 'America/New_York', events: EVENTS, groups, resources: [], places: PLACES };
}

async function mount(attrs = '', groups = GROUPS, before = ''): Promise<{ el: CivicGroupFinder; page: FacetedListPage }> {
  const locale = attrs.includes('locale=') ? '' : 'locale="en-US"';
  const wrapper = fixture(`<div>${before}<civic-group-finder ${locale} ${attrs}></civic-group-finder></div>`);
  const el = wrapper.querySelector('civic-group-finder')!;
  el.now = NOW;
  el.feed = feed(groups);
  const page = await new FacetedListPage(el).ready();
  return { el, page };
}

function placeSelect(el: CivicGroupFinder): HTMLSelectElement {
  return getByRole(el, 'combobox', { name: /^(Sort by distance from|Ordenar por distancia desde)$/ }) as HTMLSelectElement;
}

async function choose(el: CivicGroupFinder, label: string): Promise<void> {
  const select = placeSelect(el);
  select.value = [...select.options].find((o) => o.textContent!.trim() === label)!.value;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

/** Replaces the browser's geolocation for one test; `restore()` puts it back. */
function stubGeolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void): { calls: number; restore(): void } {
  const geo = navigator.geolocation;
  const record = {
    calls: 0,
    restore: () => delete (geo as unknown as Record<string, unknown>).getCurrentPosition,
  };
  Object.defineProperty(geo, 'getCurrentPosition', {
    configurable: true,
    value: (ok: PositionCallback, fail: PositionErrorCallback) => {
      record.calls++;
      setTimeout(() => answer(ok, fail), 10);
    },
  });
  return record;
}

function position(lat: number, lon: number): GeolocationPosition {
  return { coords: { latitude: lat, longitude: lon, accuracy: 50 }, timestamp: Date.now() } as GeolocationPosition;
}

describe('<civic-group-finder>', () => {
  afterEach(() => cleanup());

  describe('cards', () => {
    it("shows each group's name, format, description, topics, datasets, cadence, place, languages, audience, joining and contact", async () => {
      const { el, page } = await mount();
      expect(page.titles()).to.deep.equal([
        'Budget Watchers', 'Environmental Data User Group', 'Housing Data User Group',
        'Transit Riders Data Collective', 'Zine makers',
      ]);
      const card = page.card('Housing Data User Group');
      expect(card.querySelector('.meta')!.textContent).to.include('In person');
      const facts = Object.fromEntries(
        [...card.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent!.trim()]),
      );
      expect(facts).to.deep.equal({
        Topics: 'Housing',
        Datasets: 'Eviction filings and Rental registry',
        Meets: 'Second Tuesday of each month',
        Where: 'Main Branch, 210 Water Street',
        Languages: 'English',
        For: 'Researchers and community organizations',
        Contact: 'Ana Ruiz',
      });
      expect(getByRole(card, 'link', { name: 'Eviction filings' }).getAttribute('href')).to.equal('https://data.example.org/evictions');
      expect(getByRole(card, 'link', { name: 'Ana Ruiz' }).getAttribute('href')).to.equal('mailto:housing@example.org');
      expect(getByRole(card, 'link', { name: 'How to join Housing Data User Group' }).getAttribute('href')).to.equal(
        'mailto:housing@example.org',
      );
      const environment = page.card('Environmental Data User Group');
      expect(environment.querySelector('dl')!.textContent).to.include('English and Spanish');
      expect(environment.querySelector('.meta')!.textContent).to.include('Online');
      await expectAccessible(el);
    });

    it('renders hostile descriptions inert', async () => {
      const { el, page } = await mount();
      const card = page.card('Zine makers');
      await waitFor(() => card.querySelector('.description em'), 3000, 'sanitized description');
      expect(card.querySelector('img, script')).to.equal(null);
      expect((window as unknown as { __groupPwned?: number }).__groupPwned).to.equal(undefined);
      await expectAccessible(el);
    });
  });

  describe('next meetings', () => {
    it('lists the upcoming occurrences of its events, marking a cancelled one, linked to the event page', async () => {
      const { el, page } = await mount();
      const card = page.card('Housing Data User Group');
      await waitFor(() => card.querySelector('[part~="meetings"]'), 5000, 'meetings');
      const items = [...card.querySelectorAll('.meeting')];
      expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).to.deep.equal([
        '2030-01-08T18:30:00-05:00', '2030-01-15T18:30:00-05:00', '2030-01-22T18:30:00-05:00',
      ]);
      expect(items.map((li) => li.getAttribute('data-status'))).to.deep.equal(['scheduled', 'cancelled', 'scheduled']);
      expect(items[1]!.querySelector('[part~="meeting-status"]')!.textContent).to.equal('Cancelled');
      expect(items[0]!.querySelector('time')!.textContent).to.match(/Tue, Jan 8/);
      const link = queryAllByRole(items[0]!, 'link')[0]!;
      expect(link.getAttribute('href')).to.equal('https://example.org/events/housing');
      expect(link.textContent).to.match(/^Event page Housing Data User Group, Tue, Jan 8/);
      // A one-off meeting, past ones left out; without a URL there is nothing to link.
      const transit = page.card('Transit Riders Data Collective');
      await waitFor(() => transit.querySelector('.meeting'));
      expect(transit.querySelectorAll('.meeting')).to.have.length(1);
      expect(transit.querySelector('.meeting-name')!.textContent).to.equal('Ride-along on route 7');
      expect(queryAllByRole(transit.querySelector('.meeting')!, 'link')).to.have.length(0);
      expect(page.card('Budget Watchers').querySelector('[part~="meetings"]')).to.equal(null);
      await expectAccessible(el);
    });

    it('opens a meeting in the calendar on the page with civic-event-select', async () => {
      const { el, page } = await mount('meetings="2"', GROUPS, '<civic-event-calendar hidden></civic-event-calendar>');
      const card = page.card('Housing Data User Group');
      await waitFor(() => card.querySelector('.meeting'), 5000, 'meetings');
      expect(card.querySelectorAll('.meeting')).to.have.length(2);
      const seen: CivicEventSelectDetail[] = [];
      const listener = (e: Event) => seen.push((e as CustomEvent<CivicEventSelectDetail>).detail);
      // src/shared/events.ts declares civic-event-select for elements only, not the document.
      document.addEventListener('civic-event-select', listener);
      try {
        getByRole(card, 'button', { name: /^Show in calendar Housing Data User Group, Tue, Jan 15/ }).click();
      } finally {
        document.removeEventListener('civic-event-select', listener);
      }
      expect(seen).to.have.length(1);
      expect(seen[0]!.occurrence).to.equal('2030-01-15T18:30:00-05:00');
      expect(seen[0]!.event.id).to.equal('housing-meeting@2030-01-15');
      expect(seen[0]!.event.status).to.equal('cancelled');
      await expectAccessible(el);
    });
  });

  describe('facets and search', () => {
    it('offers topic, dataset, format and language, with counts and labels from the catalogue', async () => {
      const { el, page } = await mount();
      expect(page.legends()).to.deep.equal(['Topic', 'Dataset', 'How it meets', 'Language']);
      expect(getByRole(el, 'group', { name: 'Near me' })).to.exist;
      expect(page.facet('How it meets')).to.deep.equal({ 'In person and online': 2, 'In person': 1, Online: 1 });
      expect(page.facet('Language')).to.deep.equal({ English: 5, Spanish: 2 });
      expect(page.facet('Topic')).to.include({ 'Public safety': 1, Housing: 1 });
      expect(page.facet('Dataset')).to.include({ 'Bus schedules (GTFS)': 1, 'Eviction filings': 1 });
      await page.toggle(/^Spanish/);
      expect(page.titles()).to.deep.equal(['Environmental Data User Group', 'Transit Riders Data Collective']);
      expect(page.facet('How it meets')).to.deep.equal({ 'In person and online': 1, 'In person': 0, Online: 1 });
      expect(page.facet('Language')).to.deep.equal({ English: 5, Spanish: 2 });
    });

    it('takes presets from modes, datasets, topics and languages', async () => {
      const { el, page } = await mount('modes="mixed,online" languages="es"');
      expect(page.titles()).to.deep.equal(['Environmental Data User Group', 'Transit Riders Data Collective']);
      el.modes = [];
      el.languages = [];
      el.datasets = ['Eviction filings'];
      await settle(el);
      expect(page.titles()).to.deep.equal(['Housing Data User Group']);
      expect(page.checkbox(/^Eviction filings/).checked).to.be.true;
      el.setAttribute('topics', 'transit');
      el.datasets = [];
      await settle(el);
      expect(page.titles()).to.deep.equal(['Transit Riders Data Collective']);
      await expectAccessible(el);
    });

    it('searches names, descriptions and datasets', async () => {
      const { el, page } = await mount();
      await page.type('gtfs');
      expect(page.titles()).to.deep.equal(['Transit Riders Data Collective']);
      await page.type('EVICTION');
      expect(page.titles()).to.deep.equal(['Housing Data User Group']);
      await page.type('flood maps');
      expect(page.titles()).to.deep.equal(['Environmental Data User Group']);
      await page.type('budget');
      expect(page.titles()[0]).to.equal('Budget Watchers');
      await page.statusSays('1 of 5 groups matches');
      await expectAccessible(el);
    });

    it('says when nothing matches and clears back in one step', async () => {
      const { el, page } = await mount('topics="housing"');
      await page.type('astronomy');
      expect(page.part('empty')!.textContent).to.include('No groups match your search and filters.');
      await page.statusSays('No groups match');
      await expectAccessible(el);
      getByRole(page.part('empty')!, 'button', { name: 'Clear filters' }).click();
      await settle(el);
      expect(page.titles()).to.have.length(5);
      expect(page.focused).to.equal(page.search);
    });

    it('works from the keyboard and announces the count', async function () {
      if (backgroundFirefox()) this.skip();
      const { el, page } = await mount('', GROUPS, '<button id="before">Before</button>');
      el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(page.focused).to.equal(page.search);
      await sendKeys({ type: 'data' });
      await settle(el);
      await page.statusSays('3 of 5 groups match');
      // Past the "near me" place and button, to the first facet.
      await sendKeys({ press: 'Tab' });
      expect(page.focused).to.equal(placeSelect(el));
      await sendKeys({ press: 'Tab' });
      expect(page.focused).to.equal(page.button('Use my location'));
      await sendKeys({ press: 'Tab' });
      const box = page.focused as HTMLInputElement;
      expect(box.type).to.equal('checkbox');
      await sendKeys({ press: ' ' });
      await settle(el);
      expect(box.checked).to.be.true;
      await page.statusSays('No groups match'); // data user groups about budgets: none
      await expectAccessible(el);
    });
  });

  describe('near me', () => {
    it('sorts by distance from a place of the feed, with distances in miles for en-US', async () => {
      const { el, page } = await mount();
      const select = placeSelect(el);
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'No place (sort by name)', 'Downtown Annex', 'Eastside Branch', 'Eastside Park', 'Main Branch', 'Pittsburgh',
      ]);
      const changes: CivicFilterChangeDetail[] = [];
      el.addEventListener('civic-filter-change', (e) => changes.push(e.detail));
      await choose(el, 'Eastside Park');
      expect(page.titles()).to.deep.equal([
        'Transit Riders Data Collective', 'Housing Data User Group', 'Budget Watchers',
        'Environmental Data User Group', 'Zine makers',
      ]);
      expect(page.card('Transit Riders Data Collective').querySelector('.meta')!.textContent).to.match(/0\.1 mi away/);
      expect(page.card('Housing Data User Group').querySelector('.meta')!.textContent).to.match(/1\.0 mi away|1 mi away/);
      expect(page.card('Environmental Data User Group').querySelector('.meta')!.textContent).not.to.include('away');
      expect(page.status).to.equal('5 groups. Nearest to Eastside Park first.');
      expect(changes.at(-1)).to.include({ sort: 'distance', count: 5 });
      await expectAccessible(el);
      await choose(el, 'No place (sort by name)');
      expect(page.titles()[0]).to.equal('Budget Watchers');
    });

    it('measures in kilometres in Spanish', async () => {
      const { el, page } = await mount('locale="es"');
      await waitFor(() => page.legends()[0] === 'Tema', 3000, 'Spanish');
      await choose(el, 'Pittsburgh');
      expect(page.facet('Modalidad')).to.include({ Presencial: 1, 'En línea': 1, 'Presencial y en línea': 2 });
      expect(page.card('Budget Watchers').querySelector('.meta')!.textContent).to.match(/a 5\d\d km/);
      await expectAccessible(el);
    });

    it("uses the browser's location only when asked, and never puts it in the URL", async () => {
      const original = location.href;
      const geo = stubGeolocation((ok) => ok(position(41.2617, -73.9249)));
      try {
        const { el, page } = await mount('url-state');
        expect(geo.calls).to.equal(0);
        const button = page.button('Use my location');
        expect(button.getAttribute('aria-describedby')).to.equal('near-privacy');
        button.click();
        await settle(el);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        button.click(); // a second press while it works asks nothing more
        await waitFor(() => placeSelect(el).value === 'mine', 3000, 'located');
        await settle(el);
        expect(geo.calls).to.equal(1);
        expect(page.titles()[0]).to.equal('Housing Data User Group');
        expect(page.status).to.equal('5 groups. Nearest to you first.');
        expect(location.search).not.to.match(/41\.26|73\.92|near/);
        await expectAccessible(el);
      } finally {
        geo.restore();
        history.replaceState(history.state, '', original);
      }
    });

    it('says so when the location is not available', async () => {
      const geo = stubGeolocation((_ok, fail) => fail({ code: 1, message: 'denied' } as GeolocationPositionError));
      try {
        const { el, page } = await mount();
        page.button('Use my location').click();
        await findText(el, 'Your location is not available. Choose a place from the list instead.');
        expect(page.titles()[0]).to.equal('Budget Watchers');
        await expectAccessible(el);
      } finally {
        geo.restore();
      }
    });

    it('keeps a chosen place of the feed in the URL and restores it', async () => {
      const original = location.href;
      try {
        const { el } = await mount('url-state="find"');
        await choose(el, 'Eastside Park');
        expect(new URLSearchParams(location.search).get('find-near')).to.equal('place:eastside-park');
        cleanup();
        const again = await mount('url-state="find"');
        await waitFor(() => placeSelect(again.el).value === 'place:eastside-park', 3000, 'restored place');
        expect(again.page.titles()[0]).to.equal('Transit Riders Data Collective');
      } finally {
        history.replaceState(history.state, '', original);
      }
    });

    it('starts from the place its near attribute names, by id or by name', async () => {
      const { el, page } = await mount('near="eastside-park"');
      expect(placeSelect(el).value).to.equal('place:eastside-park');
      expect(page.titles()[0]).to.equal('Transit Riders Data Collective');
      el.near = 'main branch';
      await settle(el);
      expect(placeSelect(el).value).to.equal('location:Main Branch');
      expect(page.titles()[0]).to.equal('Housing Data User Group');
      el.near = undefined;
      await settle(el);
      expect(page.titles()[0]).to.equal('Budget Watchers');
    });

    it('offers no near-me controls when no group has a location', async () => {
      const { el } = await mount('', GROUPS.map(({ location: _location, ...g }) => g));
      expect(queryAllByRole(el, 'combobox')).to.have.length(0);
    });
  });

  describe('events', () => {
    it('fires civic-group-select from the title and join links, which a listener may cancel', async () => {
      const { el, page } = await mount();
      const seen: CivicGroupSelectDetail[] = [];
      const listener = (e: CustomEvent<CivicGroupSelectDetail>) => {
        seen.push(e.detail);
        e.preventDefault();
      };
      document.addEventListener('civic-group-select', listener);
      try {
        getByRole(el, 'link', { name: 'Housing Data User Group' }).click();
        getByRole(el, 'link', { name: 'How to join Environmental Data User Group' }).click();
      } finally {
        document.removeEventListener('civic-group-select', listener);
      }
      expect(seen.map((d) => [d.group.id, d.action])).to.deep.equal([
        ['housing', 'open'],
        ['environment', 'join'],
      ]);
      expect(page.titles()).to.have.length(5);
    });

    it('fires civic-filter-change with its facets', async () => {
      const { el, page } = await mount();
      const seen: CivicFilterChangeDetail[] = [];
      el.addEventListener('civic-filter-change', (e) => seen.push(e.detail));
      await page.toggle(/^Online/);
      expect(seen.at(-1)).to.deep.equal({
        filters: { topic: [], dataset: [], mode: ['online'], language: [] },
        query: '',
        sort: 'title',
        count: 1,
      });
    });
  });

  it('pages long lists', async () => {
    const groups = Array.from({ length: 45 }, (_, i) => ({ id: `g${i}`, name: `Group ${String(i).padStart(2, '0')}` }));
    const { el, page } = await mount('page-size="20"', groups);
    expect(page.cards()).to.have.length(20);
    page.button('Show more (25 remaining)').click();
    await settle(el);
    expect(page.cards()).to.have.length(40);
    expect(page.focused?.textContent).to.equal('Group 20');
    await expectAccessible(el);
  });

  it("shows the sample feed's groups with their next meetings, sorted near a branch, accessibly", async () => {
    const el = fixture<CivicGroupFinder>(
      '<civic-group-finder locale="en-US" near="Riverside Public Library, Eastside Branch"></civic-group-finder>',
    );
    const today = new Date('2026-02-01T12:00:00-05:00');
    el.now = today;
    el.feed = buildSampleFeed(today);
    const page = await new FacetedListPage(el).ready();
    expect(page.titles()[0]).to.equal('Transit Riders Data Collective');
    const housing = page.card('Housing Data User Group');
    await waitFor(() => housing.querySelectorAll('.meeting').length === 3, 5000, 'sample meetings');
    expect(housing.querySelectorAll('.meeting time')[0]!.getAttribute('datetime')).to.match(/^2026-02-10T18:30:00-05:00$/);
    await expectAccessible(el);
  });

  it('shows "No groups" for a feed without groups', async () => {
    const { el } = await mount('', []);
    await findText(el, 'No groups');
    expect(el.shadowRoot!.querySelector('[part~="empty"]')).to.equal(null);
  });
});

async function findText(el: Element, text: string): Promise<void> {
  await waitFor(
    () => [...el.shadowRoot!.querySelectorAll('p, span')].some((n) => n.textContent!.replace(/\s+/g, ' ').trim() === text),
    3000,
    `text ${text}`,
  );
}
