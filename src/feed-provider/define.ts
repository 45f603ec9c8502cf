import { CivicFeed } from './feed-provider.js';

export { CivicFeed };

if (!customElements.get('civic-feed')) customElements.define('civic-feed', CivicFeed);

declare global {
  interface HTMLElementTagNameMap {
    'civic-feed': CivicFeed;
  }
}
