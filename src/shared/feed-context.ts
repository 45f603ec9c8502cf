import { createContext } from '@lit/context';
import type { CivicErrorDetail } from './events.js';
import type { LoadedFeed } from '../feed/types.js';

/** Where a widget's data stands: the same four states for every element. */
export type FeedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; loaded: LoadedFeed; error?: CivicErrorDetail }
  | { status: 'error'; error: CivicErrorDetail };

/** What `<civic-feed>` provides to the widgets inside it. */
export const feedContext = createContext<FeedState>(Symbol.for('civic-widgets.feed'));
