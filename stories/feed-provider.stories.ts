import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/feed-provider/define.js';
import '../src/event-calendar/define.js';
import '../src/group-finder/define.js';
import '../src/resource-list/define.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

/**
 * `<civic-feed>` loads one feed once and shares it with every widget inside it: the widgets here
 * have no `src` of their own. The `lang` of the wrapper is the page language they speak.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Feed provider',
  component: 'civic-feed',
  argTypes: widgetArgTypes,
  args: widgetArgs,
  render: (args) => html`<div lang=${args.locale || 'en'}>
    <civic-feed
      src=${ifDefined(args.src || undefined)}
      format=${args.format}
      locale=${ifDefined(args.locale || undefined)}
      ?no-cache=${args.noCache}
      .feed=${args.feed}
    >
      <h2>Upcoming events</h2>
      <civic-event-calendar></civic-event-calendar>
      <h2>Data user groups</h2>
      <civic-group-finder></civic-group-finder>
      <h2>Resources</h2>
      <civic-resource-list></civic-resource-list>
    </civic-feed>
  </div>`,
};
export default meta;

type Story = StoryObj<WidgetArgs>;

/** Three widgets, one feed object. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** Three widgets, one request: the provider fetches the URL once. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** A Spanish page (`lang="es"`): the widgets inside follow the page's language. */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es' } };

/** Every widget inside shows the loading state while the one request is under way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The shared feed's URL answers 404: every widget inside says so. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
