import { CivicResourceList } from './resource-list.js';

export { CivicResourceList };

if (!customElements.get('civic-resource-list')) customElements.define('civic-resource-list', CivicResourceList);

declare global {
  interface HTMLElementTagNameMap {
    'civic-resource-list': CivicResourceList;
  }
}
