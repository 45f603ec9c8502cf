import type { Decorator, Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { installSlowFeed } from '../stories/support/fixtures.js';
import './preview.css';

installSlowFeed();

/** Light or dark page around the widgets, from the toolbar: they inherit the page's colours. */
const withTheme: Decorator = (story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  document.documentElement.dataset['civicTheme'] = theme;
  return story();
};

const preview: Preview = {
  decorators: [withTheme, withActions],
  globalTypes: {
    theme: {
      description: 'Page colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light page', icon: 'sun' },
          { value: 'dark', title: 'Dark page', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    // The theme toolbar paints the page; one switch is clearer than two.
    backgrounds: { disable: true },
    // Every civic event bubbles and is composed, so the actions panel sees them all.
    actions: {
      handles: ['civic-error', 'civic-feed-warning', 'civic-event-select', 'civic-rsvp-submit'],
    },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
};

export default preview;
