/** The zoom buttons over the map's corner: the same for the SVG map and the tile map. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from './labels.js';

interface Actions {
  zoomIn: () => void;
  zoomOut: () => void;
  reset: () => void;
}

export function renderMapControls(t: Translate, actions: Actions): TemplateResult {
  // The symbol is for the eye; the name is in words, for everyone else.
  const button = (part: string, symbol: string, label: string, action: () => void) =>
    html`<button type="button" class="control" part="control ${part}" title=${label} @click=${action}>
      <span aria-hidden="true">${symbol}</span><span class="visually-hidden">${label}</span>
    </button>`;
  return html`<div class="controls" part="controls" role="group" aria-label=${t('mapControls')}>
    ${button('zoom-in', '+', t('mapZoomIn'), actions.zoomIn)} ${button('zoom-out', '−', t('mapZoomOut'), actions.zoomOut)}
    ${button('zoom-reset', '⤢', t('mapZoomReset'), actions.reset)}
  </div>`;
}
