/**
 * Every language, every direction (issue #20), as a person sees it: the feed's words in the
 * widget's language, a feed's own labels, Arabic laid out right to left with feed text and numbers
 * isolated, and the small flaws that showed at 320 px and in Spanish.
 */
import { expect } from 'chai';
import '../../src/event-calendar/define.js';
import '../../src/group-finder/define.js';
import '../../src/inspiration-map/define.js';
import '../../src/resource-list/define.js';
import '../../src/rsvp-form/define.js';
import { buildSampleFeed, DATA_DAY_ID } from '../../examples/sample-feed.js';
import type { Feed } from '../../src/feed/types.js';
import { cleanup, expectAccessible, fixture, settle, waitFor } from '../helpers.js';
import { loadCatalogue } from '../../src/shared/localize.js';
import { getByRole, queryAllByRole } from '../queries.js';

type Widget = HTMLElement & { feed?: Feed; updateComplete: Promise<boolean> };

const sample = buildSampleFeed(new Date());

/** A widget in a box `width` px wide, drawn with its data. */
async function open(tag: string, attributes: string, feed: Feed = sample, width?: number): Promise<Widget> {
  const box = fixture<HTMLDivElement>(`<div><${tag} ${attributes}></${tag}></div>`);
  if (width) box.style.inlineSize = `${width}px`;
  const el = box.firstElementChild as Widget;
  el.feed = feed;
  // The language's catalogue is here before we look (it loads beside the feed).
  const locale = /locale="([^"]+)"/.exec(attributes)?.[1];
  if (locale) await loadCatalogue(locale);
  await waitFor(() => el.shadowRoot?.textContent?.trim() && !el.shadowRoot.querySelector('[part="loading"]'), 8000, `${tag} drawn`);
  await settle(el);
  return el;
}

const checkboxNames = (el: Element) => queryAllByRole(el, 'checkbox').map((box) => box.closest('label')!.textContent!.replace(/\s+/g, ' ').trim());

describe('every language, every direction', function () {
  this.timeout(20000);
  afterEach(cleanup);

  describe('language names and country names on one page', () => {
    // Each order uses a locale no other test has asked `Intl` about, so the first lookup is its own.
    for (const [first, locale] of [['civic-resource-list', 'en-CA'], ['civic-inspiration-map', 'en-AU']] as const) {
      it(`stay apart when the ${first === 'civic-resource-list' ? 'list' : 'map'} comes first`, async () => {
        const order = first === 'civic-resource-list' ? ['civic-resource-list', 'civic-inspiration-map'] : ['civic-inspiration-map', 'civic-resource-list'];
        const [a, b] = [await open(order[0]!, `locale="${locale}"`), await open(order[1]!, `locale="${locale}"`)];
        const [list, map] = first === 'civic-resource-list' ? [a, b] : [b, a];
        expect(checkboxNames(list)).to.include.members(['English (8)', 'Spanish (1)']);
        const places = [...map.shadowRoot!.querySelectorAll('.item-meta')].map((m) => m.textContent!);
        expect(places.some((p) => p.endsWith('United States')), places.join('\n')).to.equal(true);
        expect(places.some((p) => p.endsWith('Canada')), places.join('\n')).to.equal(true);
        expect(places.some((p) => /\b(US|us|CA)$/.test(p))).to.equal(false);
      });
    }
  });

  describe('the feed’s words', () => {
    it('are translated in every element: topics, audiences, types, accessibility', async () => {
      const groups = await open('civic-group-finder', 'locale="es"');
      expect(checkboxNames(groups)).to.include.members(['Vivienda (1)', 'Seguridad pública (2)', 'Transporte público (2)']);
      expect(groups.shadowRoot!.textContent).to.include('Investigadores y organizaciones comunitarias');
      const resources = await open('civic-resource-list', 'locale="fr"');
      expect(checkboxNames(resources)).to.include.members(['Recette d’événement (1)', 'Organisation d’événements (7)', 'Accessibilité (2)']);
      const calendar = await open('civic-event-calendar', 'locale="zh"');
      expect(queryAllByRole(calendar, 'checkbox', { name: '轮椅无障碍' }).length + queryAllByRole(calendar, 'checkbox', { name: /无障碍|轮椅/ }).length).to.be.greaterThan(0);
      const map = await open('civic-inspiration-map', 'locale="ar"');
      const topic = getByRole(map, 'combobox', { name: 'الموضوع' }) as HTMLSelectElement;
      expect([...topic.options].map((o) => o.text)).to.include.members(['البيانات المفتوحة', 'المشاركة المجتمعية', 'محو الأمية البيانية']);
    });

    it('come from the feed’s own labels first, and a label in another language says which', async () => {
      const feed: Feed = {
        ...sample,
        groups: sample.groups.map((g, i) => (i === 0 ? { ...g, topics: [...(g.topics ?? []), 'tenant-organizing'] } : g)),
        labels: {
          topics: {
            housing: { en: 'Affordable housing', es: 'Vivienda asequible' },
            'tenant-organizing': { en: 'Tenant organizing', es: 'Organización de inquilinos' },
          },
        },
      };
      const es = await open('civic-group-finder', 'locale="es"', feed);
      expect(checkboxNames(es)).to.include.members(['Vivienda asequible (1)', 'Organización de inquilinos (1)']);
      const fr = await open('civic-group-finder', 'locale="fr"', feed);
      // French: the catalogue's own word beats the feed's English; a value only the feed names is
      // shown in English, marked as English (WCAG 3.1.2).
      expect(checkboxNames(fr)).to.include.members(['Logement (1)', 'Tenant organizing (1)']);
      const label = [...fr.shadowRoot!.querySelectorAll('.facet-label')].find((l) => l.textContent === 'Tenant organizing')!;
      expect(label.getAttribute('lang')).to.equal('en');
      const fact = [...fr.shadowRoot!.querySelectorAll('dd bdi[lang="en"]')].map((b) => b.textContent);
      expect(fact).to.include('Tenant organizing');
    });
  });

  describe('Arabic, right to left', () => {
    it('speaks Arabic and runs right to left on an English page, and stays accessible', async () => {
      const groups = await open('civic-group-finder', 'locale="ar"', sample, 1000);
      const root = groups.shadowRoot!.querySelector('.locale')!;
      expect([root.getAttribute('lang'), root.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
      const search = getByRole(groups, 'searchbox', { name: 'البحث في المجموعات' });
      // The filters sit on the right, the results on the left.
      const results = groups.shadowRoot!.querySelector('.results')!.getBoundingClientRect();
      expect(search.getBoundingClientRect().left).to.be.greaterThan(results.left);
      const box = queryAllByRole(groups, 'checkbox')[0]!;
      expect(box.getBoundingClientRect().left).to.be.greaterThan(box.closest('label')!.querySelector('.facet-label')!.getBoundingClientRect().left);
      await expectAccessible(groups);
    });

    it('isolates feed text and numbers in sentences: "Which track?" keeps its mark, 33 of 120 stay in order', async () => {
      const form = await open('civic-rsvp-form', `locale="ar" event-id="${DATA_DAY_ID}"`, sample, 320);
      const seats = form.shadowRoot!.textContent!;
      expect(seats).to.match(/تبقّى\s*\u2068?\d+\u2069?\s*مقعدًا من أصل \u2068?120\u2069?/u);
      getByRole(form, 'button', { name: 'سجّلني' }).click();
      await waitFor(() => form.shadowRoot!.querySelector('.error-summary'), 3000, 'the error summary');
      const errors = [...form.shadowRoot!.querySelectorAll('.field-error')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
      expect(errors).to.include('خطأ: اكتب اسمك.');
      expect(errors.some((e) => e.includes('«\u2068Which track?\u2069»'))).to.equal(true);
      // The question's label is feed text in a <bdi>: its "?" stays at its end.
      const labels = [...form.shadowRoot!.querySelectorAll('label bdi, legend bdi')].map((b) => b.textContent);
      expect(labels).to.include('Which track?');
      // Nothing pushes an Arabic form sideways on a left-to-right page (the honeypot once did, 10,000 px).
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth + 1);
    });

    it('gives Thursday and Friday room at 320 px: initials where the names are long', async () => {
      const calendar = await open('civic-event-calendar', 'locale="ar" view="month"', sample, 320);
      const headers = [...calendar.shadowRoot!.querySelectorAll('[role="columnheader"]')];
      expect(headers).to.have.length(7);
      for (const header of headers) {
        const shown = [...header.querySelectorAll('[aria-hidden="true"]')].filter((s) => s.getClientRects().length);
        expect(shown, header.textContent!).to.have.length(1);
        const cell = header.getBoundingClientRect();
        const text = shown[0]!.getBoundingClientRect();
        expect(text.left, shown[0]!.textContent!).to.be.at.least(cell.left - 0.5);
        expect(text.right, shown[0]!.textContent!).to.be.at.most(cell.right + 0.5);
      }
      // Read aloud, each header is still the whole name.
      expect(headers.map((h) => h.querySelector('.visually-hidden')!.textContent)).to.include.members(['الخميس', 'الجمعة']);
    });

    it('lines the map’s list of places up on the right, English names too', async () => {
      const map = await open('civic-inspiration-map', 'locale="ar"', sample, 320);
      const items = [...map.shadowRoot!.querySelectorAll('.list .item')];
      expect(items.length).to.be.greaterThan(3);
      for (const item of items) {
        const range = document.createRange();
        range.selectNodeContents(item.querySelector('.item-name')!);
        const name = range.getClientRects();
        const style = getComputedStyle(item);
        const inner = item.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        for (const line of name) expect(Math.abs(line.right - inner), item.textContent!).to.be.below(1.5);
      }
    });

    it('lines the list view’s titles up on the right, however they wrap', async () => {
      const calendar = await open('civic-event-calendar', 'locale="ar" view="list"', sample, 320);
      const items = [...calendar.shadowRoot!.querySelectorAll('.item')];
      expect(items.length).to.be.greaterThan(0);
      for (const item of items) {
        const edge = item.getBoundingClientRect().right;
        const range = document.createRange();
        range.selectNodeContents(item.querySelector('.event')!);
        for (const line of range.getClientRects()) {
          expect(Math.abs(line.right - edge), item.querySelector('.event')!.textContent!).to.be.below(1.5);
        }
      }
    });
  });

  describe('small flaws', () => {
    it('shows a month chip’s time and title apart: "6:30 PM Housing…", not "6:30 PMHousing…"', async () => {
      const calendar = await open('civic-event-calendar', 'locale="en" view="month"', sample, 1000);
      const chips = [...calendar.shadowRoot!.querySelectorAll('.items .event')].filter((c) => c.querySelector('.clock'));
      expect(chips.length).to.be.greaterThan(0);
      for (const chip of chips) {
        const clock = chip.querySelector('.clock')!.getBoundingClientRect();
        const title = chip.querySelector('.title')!.getClientRects()[0]!;
        if (Math.abs(title.top - clock.top) > 2) continue; // the title starts on the next line
        expect(title.left - clock.right, chip.textContent!).to.be.at.least(3);
      }
    });

    it('keeps every filter checkbox its full size in Spanish, narrow or wide', async () => {
      for (const width of [320, 1024, 1280]) {
        const calendar = await open('civic-event-calendar', 'locale="es" view="list"', sample, width);
        (calendar.shadowRoot!.querySelector('details.facets') as HTMLDetailsElement).open = true;
        const groups = await open('civic-group-finder', 'locale="es"', sample, width);
        for (const el of [calendar, groups]) {
          const boxes = queryAllByRole(el, 'checkbox');
          expect(boxes.length).to.be.greaterThan(3);
          for (const box of boxes) {
            expect(box.getBoundingClientRect().width, `${box.closest('label')!.textContent!.trim()} at ${width} px`).to.be.at.least(17.5);
          }
        }
        cleanup();
      }
    });

    it('shows the whole "near me" choice in Spanish, at 320 px and beside the list at 1280 px', async () => {
      for (const width of [320, 1280]) {
        const groups = await open('civic-group-finder', 'locale="es"', sample, width);
        const select = getByRole(groups, 'combobox', { name: 'Ordenar por distancia desde' }) as HTMLSelectElement;
        const style = getComputedStyle(select);
        const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.selectedOptions[0]!.text;
        // The room inside the box: its width less padding, and about 1.5em for the arrow.
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.5 * parseFloat(style.fontSize);
        expect(ctx.measureText(text).width, `"${text}" at ${width} px`).to.be.at.most(room);
        cleanup();
      }
    });
  });
});
