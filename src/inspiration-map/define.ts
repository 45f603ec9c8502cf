import { CivicInspirationMap } from './inspiration-map.js';

export { CivicInspirationMap };

if (!customElements.get('civic-inspiration-map')) customElements.define('civic-inspiration-map', CivicInspirationMap);

declare global {
  interface HTMLElementTagNameMap {
    'civic-inspiration-map': CivicInspirationMap;
  }
}
