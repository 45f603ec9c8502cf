/** Our element, mounted the way a page would: attributes, the feed as a property, into the document. */
import '../../src/event-calendar/define.js';
import type { Feed } from '../../src/feed/types.js';

type View = 'month' | 'week' | 'list';

(globalThis as Record<string, unknown>).benchOurs = {
  mount(container: HTMLElement, feed: Feed, view: View, date: string): () => void {
    const el = document.createElement('civic-event-calendar');
    el.setAttribute('view', view);
    el.setAttribute('date', date);
    el.feed = feed;
    container.append(el);
    return () => el.remove();
  },
};
