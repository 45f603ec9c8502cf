import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../builder/define.js';
import { sampleFeedUrl } from './support/fixtures.js';

interface BuilderArgs {
  sampleSrc: string;
}

/**
 * The snippet builder for webmasters (builder/, outside the widgets' script-tag bundle): pick a
 * widget, check a feed, set options, see the live widget, copy the snippet as an element, a
 * `data-civic` div, a WordPress shortcode or block. `npm start` serves it at /builder.html.
 */
const meta: Meta<BuilderArgs> = {
  title: 'Tools/Snippet builder',
  component: 'civic-snippet-builder',
  argTypes: {
    sampleSrc: {
      name: 'sample-src',
      control: 'text',
      description: 'Address of the feed offered as "the bundled sample feed".',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
  },
  render: (args) => html`<civic-snippet-builder sample-src=${args.sampleSrc}></civic-snippet-builder>`,
};

export default meta;

type Story = StoryObj<BuilderArgs>;

/** With the sample feed: the calendar, the feed check's counts and the element snippet. */
export const WithTheSampleFeed: Story = {
  args: { sampleSrc: sampleFeedUrl() },
};
