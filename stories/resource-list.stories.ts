import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/resource-list/define.js';
import type { Feed, Resource } from '../src/feed/types.js';
import {
  labelledFeed, MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

/** The shared attributes, and the resource list's own. */
interface ResourceListArgs extends WidgetArgs {
  types?: string;
  topics?: string;
  audiences?: string;
  languages?: string;
  query?: string;
  sort?: 'relevance' | 'title' | 'newest';
  pageSize?: number;
  urlState?: boolean;
}

const attribute = (description: string) => ({
  control: 'text' as const,
  description,
  table: { category: 'attributes', type: { summary: 'string' } },
});

const meta: Meta<ResourceListArgs> = {
  title: 'Widgets/Resource list',
  component: 'civic-resource-list',
  argTypes: {
    ...widgetArgTypes,
    types: attribute('Types to show at first, comma-separated (`guide,zine`).'),
    topics: attribute('Topics to show at first (`housing`).'),
    audiences: attribute('Audiences to show at first (`beginners`).'),
    languages: attribute('Languages (BCP 47) to show at first (`es`).'),
    query: attribute('Search text to start with.'),
    sort: {
      control: 'select',
      options: ['relevance', 'title', 'newest'],
      description: 'Order at first: best match while searching (else by title), title, or newest.',
      table: { category: 'attributes', type: { summary: 'relevance | title | newest' }, defaultValue: { summary: 'relevance' } },
    },
    pageSize: {
      name: 'page-size',
      control: 'number',
      description: 'Cards shown at first and added by each "Show more".',
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '30' } },
    },
    urlState: {
      name: 'url-state',
      control: 'boolean',
      description: "Keep the search, filters and order in the page's query string (`resources-…`).",
      table: { category: 'attributes', type: { summary: 'string' } },
    },
  },
  args: widgetArgs,
  render: (args) => html`<civic-resource-list
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    types=${ifDefined(args.types || undefined)}
    topics=${ifDefined(args.topics || undefined)}
    audiences=${ifDefined(args.audiences || undefined)}
    languages=${ifDefined(args.languages || undefined)}
    query=${ifDefined(args.query || undefined)}
    sort=${ifDefined(args.sort || undefined)}
    page-size=${ifDefined(args.pageSize || undefined)}
    url-state=${ifDefined(args.urlState ? '' : undefined)}
    ?no-cache=${args.noCache}
    .feed=${args.feed}
  ></civic-resource-list>`,
};
export default meta;

type Story = StoryObj<ResourceListArgs>;

/** A deterministic list of `count` resources, to show how a large list behaves. */
function manyResources(count: number): Feed {
  const types = ['guide', 'zine', 'toolkit', 'report', 'video', 'course', 'event-recipe', 'checklist'];
  const topics = ['housing', 'transit', 'budget', 'environment', 'health', 'public-safety', 'open-data', 'event-planning'];
  const audiences = ['beginners', 'teens', 'researchers', 'community-organizations'];
  const words = ['Data', 'walks', 'vivienda', 'económica', 'maps', 'budget', 'zines', 'literacy', 'hackathon', 'census'];
  const resources: Resource[] = Array.from({ length: count }, (_, i) => ({
    id: `resource-${i}`,
    title: `${words[i % words.length]} ${words[(i * 7) % words.length]} ${words[(i * 3) % words.length]} #${i + 1}`,
    url: `https://library.example/resources/${i + 1}`,
    description: `A ${types[i % types.length]} about ${topics[i % topics.length]} and ${topics[(i * 5) % topics.length]}.`,
    type: types[i % types.length],
    topics: [...new Set([topics[i % topics.length]!, topics[(i * 5) % topics.length]!])],
    audience: [audiences[i % audiences.length]!],
    languages: [i % 4 ? 'en' : 'es'],
    author: `Author ${(i % 50) + 1}`,
    added: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 4).toISOString().slice(0, 10),
  }));
  return { version: '1', events: [], groups: [], places: [], resources };
}

/** Guides, zines and reports: the five real ones and three of the library's own, one of them new. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** Filters preset by attributes: `types="guide,zine"`. */
export const PresetFilters: Story = { args: { feed: sampleFeed, types: 'guide,zine' } };

/** A search under way (`query="data day"`), forgiving case and accents, best matches first. */
export const Searching: Story = { args: { feed: sampleFeed, query: 'data day' } };

/** Nothing matches: the widget says so and offers to clear. */
export const EmptyResult: Story = { args: { feed: sampleFeed, query: 'astronomy' } };

/** Newest first (`sort="newest"`). */
export const Newest: Story = { args: { feed: sampleFeed, sort: 'newest' } };

/** The search, filters and order kept in the page's query string (`url-state`). */
export const UrlState: Story = { args: { feed: sampleFeed, urlState: true } };

/** 5,000 resources: 30 cards at a time with "Show more", search and counts on every keystroke. */
export const FiveThousandResources: Story = { args: { feed: manyResources(5000) } };

/** The same widget read from a URL, as a webmaster would embed it. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** Every label in Spanish (`locale="es"`). */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es' } };

/** In Arabic (`locale="ar"`), right to left: the feed's English titles and names read in their own direction. */
export const Arabic: Story = { args: { feed: sampleFeed, locale: 'ar' } };

/**
 * A feed with words of its own (`labels`), in French: its labels first ("Logement abordable"),
 * then the widget's ("Organisation d'événements"); "Tenant organizing", which the feed names only
 * in English and Spanish, shows in English, marked `lang="en"`.
 */
export const FeedLabels: Story = { args: { feed: labelledFeed, locale: 'fr' } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404: the widget says so and fires `civic-error`. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
