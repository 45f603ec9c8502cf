import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DATA_DAY_ID } from '../examples/sample-feed.js';
import '../src/feed-provider/define.js';
import '../src/event-calendar/define.js';
import '../src/rsvp-form/define.js';
import '../src/group-finder/define.js';
import '../src/resource-list/define.js';
import '../src/inspiration-map/define.js';
import { sampleFeed, sampleFeedUrl, widgetArgTypes, type WidgetArgs } from './support/fixtures.js';
import './library-page.css';

interface PageArgs extends Pick<WidgetArgs, 'src' | 'feed' | 'noCache'> {
  /** The page's `lang`: every widget on it follows it. */
  lang: 'en' | 'es' | 'ar';
}

const copy = {
  en: {
    title: 'Civic Data at the Library',
    lead:
      'The library is where Riverside meets to make sense of public information: Data Days, data user ' +
      'groups, workshops and an open-data hackathon. Everything is free, and no experience is needed.',
    events: 'Upcoming events',
    register: 'Register for Data Day',
    registerText:
      'A free Saturday of hands-on workshops, lightning talks and data clinics. Choose a track when you register.',
    groups: 'Find a data user group',
    resources: 'Resources',
    places: 'Places that inspire us',
  },
  es: {
    title: 'Datos cívicos en la biblioteca',
    lead:
      'La biblioteca es donde Riverside se reúne para entender la información pública: Días de Datos, grupos ' +
      'de usuarios de datos, talleres y un hackatón de datos abiertos. Todo es gratis y no se necesita experiencia.',
    events: 'Próximos eventos',
    register: 'Inscríbase en el Día de Datos',
    registerText: 'Un sábado gratuito de talleres prácticos, charlas breves y asesorías sobre datos.',
    groups: 'Encuentre un grupo de usuarios de datos',
    resources: 'Recursos',
    places: 'Lugares que nos inspiran',
  },
  ar: {
    title: 'البيانات المدنية في المكتبة',
    lead:
      'المكتبة هي المكان الذي يلتقي فيه أهل ريفرسايد لفهم المعلومات العامة: أيام البيانات، ومجموعات مستخدمي ' +
      'البيانات، وورش العمل، وهاكاثون البيانات المفتوحة. كل شيء مجاني ولا تلزم أي خبرة.',
    events: 'الفعاليات القادمة',
    register: 'سجّل في يوم البيانات',
    registerText: 'يوم سبت مجاني من ورش العمل التطبيقية والعروض القصيرة وعيادات البيانات. اختر مسارًا عند التسجيل.',
    groups: 'ابحث عن مجموعة لمستخدمي البيانات',
    resources: 'الموارد',
    places: 'أماكن تلهمنا',
  },
} as const;

/**
 * The widgets together as a library's Drupal or WordPress page would hold them: the editor's own
 * headings and text around them, one `<civic-feed>` for all, and the theme's fonts and colours.
 */
const meta: Meta<PageArgs> = {
  title: 'Pages/Library page',
  argTypes: {
    lang: {
      control: 'inline-radio',
      options: ['en', 'es', 'ar'],
      description: "The page's `lang` attribute (and, for Arabic, `dir=\"rtl\"`).",
      table: { category: 'page' },
    },
    src: widgetArgTypes.src,
    noCache: widgetArgTypes.noCache,
    feed: widgetArgTypes.feed,
  },
  args: { lang: 'en', feed: sampleFeed, noCache: false },
  parameters: { layout: 'fullscreen' },
  render: (args) => {
    const t = copy[args.lang];
    return html`<div class="cms-page" lang=${args.lang} dir=${args.lang === 'ar' ? 'rtl' : 'ltr'}>
      <header class="cms-page__header">
        <p class="cms-page__site">Riverside Public Library</p>
        <nav aria-label="Main">
          <ul>
            <li><a href="#events">Events</a></li>
            <li><a href="#groups">Groups</a></li>
            <li><a href="#resources">Resources</a></li>
          </ul>
        </nav>
      </header>
      <article class="cms-page__body">
        <h1>${t.title}</h1>
        <p class="cms-page__lead">${t.lead}</p>
        <civic-feed src=${ifDefined(args.src || undefined)} ?no-cache=${args.noCache} .feed=${args.feed}>
          <h2 id="events">${t.events}</h2>
          <civic-event-calendar></civic-event-calendar>
          <div class="cms-page__columns">
            <div>
              <h2>${t.register}</h2>
              <p>${t.registerText}</p>
            </div>
            <civic-rsvp-form event-id=${DATA_DAY_ID}></civic-rsvp-form>
          </div>
          <h2 id="groups">${t.groups}</h2>
          <civic-group-finder></civic-group-finder>
          <h2 id="resources">${t.resources}</h2>
          <civic-resource-list></civic-resource-list>
          <h2>${t.places}</h2>
          <civic-inspiration-map></civic-inspiration-map>
        </civic-feed>
      </article>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<PageArgs>;

/** The page with the bundled sample feed, given once to `<civic-feed>`. */
export const LibraryPage: Story = {};

/** The same page in Spanish (`lang="es"`): the editor's text and every widget. */
export const SpanishPage: Story = { args: { lang: 'es' } };

/**
 * The same page in Arabic (`lang="ar" dir="rtl"`): every widget speaks Arabic and runs right to
 * left, the feed's English titles and places read in their own direction, and numbers stay in order.
 */
export const ArabicPage: Story = { args: { lang: 'ar' } };

/** The page reading its feed from a URL, one request for all six widgets. */
export const FromUrl: Story = { args: { feed: undefined, src: sampleFeedUrl(), noCache: true } };
