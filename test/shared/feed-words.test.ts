import { expect } from 'chai';
import { html, render } from 'lit';
import calendar from '../../src/locales/en/calendar.js';
import resources from '../../src/locales/en/resources.js';
import vocabulary from '../../src/locales/en/vocabulary.js';
import type { FeedLabels } from '../../src/feed/types.js';
import { FeedWords, renderWords } from '../../src/shared/feed-words.js';
import { addMessages, formatMessage, loadCatalogue, type MessageKey } from '../../src/shared/localize.js';
import { cleanup, fixture } from '../helpers.js';

const words = (locale: string, labels?: FeedLabels) =>
  new FeedWords(labels, locale, (key: MessageKey) => formatMessage(locale, key));

const LABELS: FeedLabels = {
  topics: {
    housing: { en: 'Affordable housing', es: 'Vivienda asequible' },
    'tenant-rights': { en: 'Tenant rights', 'es-MX': 'Derechos de inquilinos' },
    'zoning-board': { fr: 'Commission d’urbanisme' },
  },
};

describe('feed words', () => {
  before(async () => {
    addMessages(vocabulary);
    addMessages(calendar);
    addMessages(resources);
    await Promise.all(['es', 'fr', 'ar', 'zh'].map((l) => loadCatalogue(l)));
  });
  afterEach(cleanup);

  it('translates the common topics, audiences, accessibility features and resource types', () => {
    expect(words('es').word('topics', 'housing')).to.deep.equal({ text: 'Vivienda' });
    expect(words('fr').text('topics', 'public-safety')).to.equal('Sécurité publique');
    expect(words('ar').text('audience', 'community-organizations')).to.equal('المنظمات المجتمعية');
    expect(words('zh').text('accessibility', 'quiet-room')).to.equal(formatMessage('zh', 'calAccessQuietRoom'));
    expect(words('es').text('type', 'event-recipe')).to.equal('Receta de evento');
    expect(words('en').text('topics', 'open-data')).to.equal('Open data');
  });

  it('shows any other value as words', () => {
    expect(words('es').word('type', 'podcast-series')).to.deep.equal({ text: 'Podcast series' });
    // A key of another kind is no topic: "calAccess…" is looked up for accessibility only.
    expect(words('en').text('topics', 'wheelchair')).to.equal('Wheelchair');
  });

  it('prefers the feed’s own label in the widget’s language, then its language’s', () => {
    expect(words('es', LABELS).word('topics', 'housing')).to.deep.equal({ text: 'Vivienda asequible', feed: true });
    expect(words('es-US', LABELS).word('topics', 'tenant-rights')).to.deep.equal({ text: 'Derechos de inquilinos', feed: true });
    expect(words('en', LABELS).word('topics', 'housing')).to.deep.equal({ text: 'Affordable housing', feed: true });
  });

  it('takes the catalogue’s word over the feed’s label in another language', () => {
    // The feed labels housing in English and Spanish only: a French widget says "Logement".
    expect(words('fr', LABELS).word('topics', 'housing')).to.deep.equal({ text: 'Logement' });
  });

  it('falls back to the feed’s label in another language, marked with that language', () => {
    expect(words('fr', LABELS).word('topics', 'tenant-rights')).to.deep.equal({ text: 'Tenant rights', lang: 'en', feed: true });
    expect(words('ar', LABELS).word('topics', 'zoning-board')).to.deep.equal({ text: 'Commission d’urbanisme', lang: 'fr', feed: true });
    // A German page has no catalogue: its interface speaks English, so an English label needs no mark.
    expect(words('de', LABELS).word('topics', 'tenant-rights')).to.deep.equal({ text: 'Tenant rights', feed: true });
  });

  it('joins words the locale’s way, isolating and marking each', () => {
    const host = fixture('<p></p>');
    const list = words('ar', LABELS);
    render(html`${renderWords([list.word('topics', 'housing'), list.word('topics', 'tenant-rights')], 'ar')}`, host);
    const items = [...host.querySelectorAll('bdi')];
    expect(items.map((b) => [b.textContent, b.getAttribute('lang')])).to.deep.equal([
      ['الإسكان', null],
      ['Tenant rights', 'en'],
    ]);
    expect(host.textContent).to.equal(new Intl.ListFormat('ar', { type: 'conjunction' }).format(['الإسكان', 'Tenant rights']));
  });

  it('reads as a sentence where asked: the widget’s words lose their capital, acronyms and the feed’s labels keep it', () => {
    const host = fixture('<p></p>');
    const list = words('en', LABELS);
    const values = [list.word('audience', 'researchers'), list.word('audience', 'community-organizations'), list.word('topics', 'housing'), { text: 'ASL interpretation' }];
    render(html`${renderWords(values, 'en', true)}`, host);
    expect(host.textContent).to.equal('Researchers, community organizations, Affordable housing, and ASL interpretation');
  });
});
