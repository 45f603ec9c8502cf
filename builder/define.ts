import { CivicSnippetBuilder } from './snippet-builder.js';

/** Registers `<civic-snippet-builder>` (the demo's builder page and its story import this). */
if (!customElements.get('civic-snippet-builder')) customElements.define('civic-snippet-builder', CivicSnippetBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'civic-snippet-builder': CivicSnippetBuilder;
  }
}
