import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/inspiration-map/define.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Inspiration map',
  component: 'civic-inspiration-map',
  argTypes: widgetArgTypes,
  args: widgetArgs,
  render: (args) => html`<civic-inspiration-map
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    ?no-cache=${args.noCache}
    .feed=${args.feed}
  ></civic-inspiration-map>`,
};
export default meta;

type Story = StoryObj<WidgetArgs>;

/** Seven real programs worth learning from, on a map with a list beside it. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** The same widget read from a URL, as a webmaster would embed it. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** Every label in Spanish (`locale="es"`). */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es' } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404: the widget says so and fires `civic-error`. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
