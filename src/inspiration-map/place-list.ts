/**
 * The places as a list: the accessible alternative to the map and its layout on narrow screens.
 * Each entry is a button that selects the place, as its marker does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isolate } from '../shared/bidi.js';
import { whereOf, type Translate } from './labels.js';
import type { MapItem } from './map-items.js';

interface ListContext {
  t: Translate;
  locale: string;
  selectedKey?: string;
  /** One listener for the whole list: it finds the entry from the event. */
  select: (key: string, button: HTMLElement) => void;
}

function meta(item: MapItem, t: Translate, locale: string): string {
  const kind = item.kind === 'event' ? t('mapKindEvent') : item.kind === 'group' ? t('mapKindGroup') : undefined;
  // The feed's words are isolated: "Data Day · Pittsburgh, PA" keeps its order in an Arabic list.
  const where = whereOf(item, locale);
  return [kind, item.program && isolate(item.program, locale), where && isolate(where, locale)].filter(Boolean).join(' · ');
}

export function renderPlaceList(items: readonly MapItem[], ctx: ListContext): TemplateResult {
  const { t, locale, selectedKey } = ctx;
  const onClick = (e: Event) => {
    const button = (e.target as Element).closest<HTMLElement>('button[data-key]');
    if (button) ctx.select(button.dataset.key!, button);
  };
  return html`<ul class="list" part="list" aria-label=${t('mapListLabel')} @click=${onClick}>
    ${repeat(
      items,
      (item) => item.key,
      (item) => {
        const selected = item.key === selectedKey;
        const details = meta(item, t, locale);
        // The name reads in its own direction inside a span: a <bdi> straight in the button's grid
        // would be a block of its own direction, an English name flush left in an Arabic list.
        return html`<li class="list-item" part=${selected ? 'list-item list-item-selected' : 'list-item'}>
          <button type="button" class="item" data-key=${item.key} aria-current=${selected ? 'true' : nothing}>
            <span class="item-name"><bdi>${item.name}</bdi></span>
            ${details ? html`<span class="item-meta">${details}</span>` : nothing}
          </button>
        </li>`;
      },
    )}
  </ul>`;
}
