import { CivicGroupFinder } from './group-finder.js';

export { CivicGroupFinder };

if (!customElements.get('civic-group-finder')) customElements.define('civic-group-finder', CivicGroupFinder);

declare global {
  interface HTMLElementTagNameMap {
    'civic-group-finder': CivicGroupFinder;
  }
}
